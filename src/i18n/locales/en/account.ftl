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
