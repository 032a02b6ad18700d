# The notifications page (/notifications, src/ui/pages/notifications.rs).

notifications-intro = What happened to the assessments you work on: submissions waiting for you, returns, concurrences, decisions, comments, re-assessment triggers and reminders.
notifications-loading = Loading…
notifications-empty = Nothing yet. You will find here what the workflow asks of you.
notifications-all-read = Everything is read.
notifications-unread = { $count ->
    [one] { $n } unread notification.
   *[other] { $n } unread notifications.
}
notifications-mark-all-read = Mark all read
notifications-newest-only = Only the newest { $n } are listed.
notifications-new = New
notifications-open-case = Open the case
notifications-open = Open
notifications-at = { $at } UTC
mail-heading = E-mail
mail-intro = Every notification is shown here. By e-mail you also get each one's case reference, title, country and state with a link back — never answers or risk figures.
mail-off = This server does not send e-mail at the moment (no mail server is configured); your choice applies once it does.
mail-saved = Your e-mail choice is saved.
mail-legend = Send me e-mail
mail-pref-immediate = Immediately: one e-mail for each notification
mail-pref-daily = Daily digest: one e-mail a day listing the day's notifications
mail-pref-none = No e-mail (notifications only in HRDD)
mail-save = Save e-mail choice
