# HRDD interface texts, English (the reference language; fr, es and ar hold the same ids).
# Placeholders are { $name }; a number placeholder also chooses the plural form.

## The page frame

layout-skip-to-content = Skip to content
layout-demo-banner = DEMO MODE — sample accounts and cases. Do not enter real information.
layout-tagline = Human-rights due diligence
layout-nav-main = Main
layout-unread = { $count ->
    [one] { $count } unread notification
   *[other] { $count } unread notifications
}
layout-footer-version = HRDD { $version } · methodology { $methodology }
layout-footer-confidential = For UN internal use. Assessments are confidential.
layout-language = Language:

nav-assessments = Assessments
nav-review = Review
nav-portfolio = Portfolio
nav-methodology = Methodology
nav-countries = Countries
nav-users = Users
nav-notifications = Notifications
nav-profile = Profile
nav-sign-out = Sign out
nav-sign-in = Sign in

## Roles and country scope

role-assessor = Assessor
role-hr-adviser = Human-rights adviser
role-reviewer = Reviewer
role-reviewer-level = Reviewer (level { $level })
role-manager = Manager
role-admin = Administrator
scope-all-countries = All countries
scope-no-country = No country

## Sign-in

login-title = Sign in
login-intro = Use the account your HRDD administrator created for you.
login-signed-out = You are signed out.
login-admin-ready = The administrator account is ready: sign in.
login-first-run = First run: no account exists yet.
login-first-run-link = Set up the first administrator
login-first-run-code = with the code the server printed.
login-email = E-mail address
login-password = Password
login-submit = Sign in
login-signing-in = Signing in…
login-forgot = Forgot your password? Ask your administrator for a temporary one. After repeated failed attempts from one network, each further attempt must wait a little longer (up to 15 minutes).
login-confidential = Assessments are confidential. Sign in only on a device you trust, and sign out when you are done: sessions end after 8 hours without activity.
login-demo-title = Demo mode: sample accounts
login-demo-password = Password for every account:
login-error-throttled = Too many failed sign-ins from this network. For your security, wait a few minutes before trying again. If you forgot your password, ask an administrator for a temporary one.
login-error-email = Enter your e-mail address.
login-error-password = Enter your password.
login-error-credentials = The e-mail address or password is not correct.

## Page not found

not-found-title = Page not found
not-found-body = The address may be mistyped, or the page may have moved. Nothing has been changed.
not-found-back = Back to the start page

loading = Loading…
