# User administration (/admin/users, src/ui/pages/admin_users.rs).

admin-users-title = Users
admin-users-intro = Who can use HRDD, in which role and for which countries. Deactivating a user or setting a temporary password signs them out everywhere.
admin-outbox-link = E-mail outbox
admin-users-loading = Loading users…
admin-user-created = User created. Give them the temporary password through a separate channel; they must change it at first sign-in.
admin-add-user = Add a user
admin-email = E-mail address
admin-full-name = Full name
admin-temporary-password = Temporary password
admin-temporary-password-hint = At least { $min } characters. The user must change it at first sign-in.
admin-create-user = Create user
admin-roles = Roles
admin-level = Approval level (reviewers)
admin-level-none = — not a reviewer —
admin-level-1 = 1 — head of office
admin-level-2 = 2 — senior management
admin-level-3 = 3 — executive head
admin-countries = Countries (ISO codes)
admin-all-countries = All countries
admin-no-country = No country
admin-users-caption = { $count ->
    [one] { $n } user
   *[other] { $n } users
}
admin-col-user = User
admin-col-last-sign-in = Last sign-in
admin-col-actions = Actions
admin-reviewer-level = Reviewer L{ $level }
admin-no-case-access = — (no case access)
admin-never = never
admin-history = History
admin-manage = Manage
admin-save-changes = Save changes
admin-set-temporary-password = Set a temporary password
admin-set-password = Set password
admin-confirm-deactivate = Yes, deactivate this account: the person is signed out at once and cannot sign in until reactivated.
admin-deactivate = Deactivate user
admin-reactivate = Reactivate user
role-assessor-description = Country-office staff: creates and edits assessments, submits them.
role-hr-adviser-description = OHCHR or human-rights component: advises, concurs with or refuses lowering overrides.
role-reviewer-description = Approver at level 1 (head of office), 2 (senior management) or 3 (executive head).
role-manager-description = Reads summaries and portfolio figures; no edits.
role-admin-description = Manages users, roles and country scopes; sees no case content.

# One account's history (/admin/users/{id}/history, src/ui/pages/account_history.rs).
history-title = Account history
history-all-users = All users
history-loading = Loading the history…
history-of = History of { $name }
history-created = created { $date }
history-verified = { $count ->
    [one] { $n } recorded change, signed in the audit record.
   *[other] { $n } recorded changes, each signed in the audit record.
}
history-not-verified = Some of these entries do not verify: they were changed outside HRDD. Run `hrdd audit verify`.
history-col-when = When
history-col-who = Who
history-col-what = What
history-col-before = Before
history-col-after = After
history-col-record = Record
history-yes = yes
history-no = no
history-action-field = { $action }: { $field }
history-does-not-verify = does not verify
account-change-created = Account created
account-change-updated = Account changed
account-change-deactivated = Deactivated
account-change-reactivated = Reactivated
account-change-password-reset = Temporary password set by an administrator
account-change-password-changed = Password changed by the user
account-change-token-created = Access token created
account-change-token-revoked = Access token revoked
account-change-mail-retried = E-mail sent again by an administrator
account-change-other = Other change
account-field-email = e-mail address
account-field-name = name
account-field-roles = roles
account-field-approval-level = approval level
account-field-countries = countries
account-field-active = active
account-field-tokens-revoked = tokens revoked
account-field-prefix = token prefix
account-field-expires-at = expires
account-field-token-id = token number
account-field-temporary = temporary
