# The profile page (/account).

account-title = Your profile
account-name = Name
account-email = E-mail
account-roles = Roles
account-countries = Countries
account-language = Language
account-language-saved = Saved in your profile. Change it with the language choice at the foot of every page.
account-language-browser = Taken from your browser until you choose one at the foot of any page.
account-change-password = Change your password

## Change password (src/ui/pages/password.rs)

password-title = Change password
password-heading = Change your password
password-changed = Your password has been changed. Other sessions were signed out.
password-temporary = Your administrator set a temporary password. Choose your own password to continue.
password-current = Current password
password-new = New password
password-hint = At least { $min } characters; a short sentence is easy to remember and hard to guess.
password-confirm = New password, again
