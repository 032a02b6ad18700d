# The small plain pages that plain form posts (no JavaScript) answer with: a problem, a conflict,
# the preview of a reference-data import.
form-not-saved-title = This was not saved
form-back = Back
form-back-unchanged = (what was saved before is unchanged)
form-your-input = Your input (not saved)
form-conflict-title = Someone else saved first
form-conflict-alert = { $who } saved this assessment after you opened it. Nothing of yours was saved yet.
form-conflict-changed = What { $who } changed on this step
form-conflict-was-now = was “{ $before }”, now “{ $after }”
form-conflict-save-mine = Save my version of this step over theirs
form-conflict-discard = Discard my input and load their version
form-import-title = Import reference data: preview
form-import-summary = { $count ->
    [one] { $n } line read: { $new } new, { $skipped } already recorded (skipped).
   *[other] { $n } lines read: { $new } new, { $skipped } already recorded (skipped).
}
form-import-problems = Nothing can be imported until every line is right:
form-import-line-problem = Line { $line }: { $message }
form-import-triggers = { $count ->
    [one] A new death-penalty value for { $country } records a trigger on { $n } decided assessment that watches for it; it becomes due for re-assessment.
   *[other] A new death-penalty value for { $country } records a trigger on { $n } decided assessments that watch for it; each becomes due for re-assessment.
}
form-import-col-line = Line
form-import-col-status = Status
form-import-status-new = new
form-import-status-skipped = already recorded
form-import-record = { $count ->
    [one] Record { $n } entry
   *[other] Record { $n } entries
}
form-import-back = Back to the import form
