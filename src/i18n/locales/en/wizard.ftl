# The wizard (the one island). Its words travel with the island's props, because the browser's
# WASM holds no Fluent: a message here may have placeholders, and a plural choice only on
# `$count`, with the number itself printed as `{ $n }` (the island picks the plural form itself).

wizard-loading = Loading the assessment…
wizard-assessment = Assessment
wizard-viewing-only = You are viewing this assessment; only its assessors change the answers.
wizard-read-only = This assessment is read-only: it has been submitted for review.
wizard-returned-by = Returned to you by { $by } on { $at }:
wizard-open-commented-step = Open the step this comment is about
wizard-no-such-step = This step does not exist (was its component renamed or removed?).

## Saving
wizard-saving = Saving…
wizard-all-saved = All changes saved
wizard-not-saved = Not saved
wizard-not-saved-conflict = Not saved: someone else saved first
wizard-unsaved = Unsaved changes
wizard-saved-on-server = Draft saved on the server
wizard-retry = Retry
wizard-kept-typed = { $count ->
    [one] Kept what you typed while the page was loading ({ $n } field); it is not saved yet.
   *[other] Kept what you typed while the page was loading ({ $n } fields); it is not saved yet.
}
wizard-kept-restored = { $count ->
    [one] Restored changes this browser had not yet sent to the server ({ $n } step); they are being saved now.
   *[other] Restored changes this browser had not yet sent to the server ({ $n } steps); they are being saved now.
}

## Steps
wizard-steps-nav = Steps of the assessment
wizard-steps = Steps
wizard-status-done = done
wizard-status-incomplete = incomplete
wizard-status-blocked = blocked
wizard-status-not-started = not started
wizard-step-of = Step { $number } of { $total }
wizard-step-comments = Reviewers' comments on this step ({ $number })
wizard-save = Save
wizard-back = Back
wizard-next = Next
wizard-save-draft = Save draft
wizard-step-problems = { $count ->
    [one] { $n } answer on this step still needs attention (your draft is saved anyway):
   *[other] { $n } answers on this step still need attention (your draft is saved anyway):
}

## Someone else saved first
wizard-conflict-heading = { $who } saved this assessment while you were editing
wizard-conflict-intro = Your changes to “{ $step }” were not saved. Nothing is lost: your input is still in the form. Choose, field by field, which value to keep, then save.
wizard-conflict-other-steps = They changed other steps only; saving keeps their changes and yours.
wizard-conflict-field = Field
wizard-conflict-theirs = { $who }'s value
wizard-conflict-yours = Your value
wizard-conflict-keep = Keep
wizard-conflict-keep-which = Keep which value of { $field }
wizard-conflict-mine-choice = Mine
wizard-conflict-theirs-choice = Theirs
wizard-conflict-save = Save with these choices
wizard-conflict-discard = Discard my changes and load theirs
wizard-value-empty = (empty)
wizard-value-items = { $count ->
    [one] { $n } item: { $list }
   *[other] { $n } items: { $list }
}

## Support components
wizard-components = Support components ({ $number }) — add, rename, duplicate or remove
wizard-components-help = Steps 3–6 and 8 are answered once per component. Save your changes before changing the list.
wizard-component-example = e.g. Forensic lab
wizard-component-hint = A short name; it becomes the component's id (Forensic lab → FORENSIC-LAB)
wizard-this-page = (this page)
wizard-rename-to = Rename to
wizard-rename = Rename
wizard-copy-as = Copy as
wizard-duplicate = Duplicate
wizard-remove-confirm = Yes, remove { $component } and all its answers
wizard-remove = Remove
wizard-new-component = New component (a short name)
wizard-add-component = Add component

## Submitting
wizard-submit = Submit for review
wizard-submit-help = Submitting freezes the answers (a snapshot with its content hash is kept) and sends the case to the reviewers of its country. You can no longer change it unless a reviewer returns it.
wizard-submit-unavailable = Available once nothing is missing and nothing blocks.
wizard-save-first = Save your changes first.

## Questions and parts
wizard-yes = Yes
wizard-no = No
wizard-optional = (optional)
wizard-required-when = (required when { $when })
wizard-choose = Choose…
wizard-none-of-these = None of these
wizard-standards = Standards:
wizard-country-locked = Set when the assessment was created; start a new assessment for another country.
wizard-reference-note = From the country reference data: { $value }, effective { $date }, source: { $source }.
wizard-reference-differs = Your answer differs from the reference value: say why below; reviewers see both.
wizard-reference-reason = Why your answer differs from the reference data
wizard-confirmation = Your confirmation
wizard-confirmation-help = These answers were pre-filled from the country reference data kept by the administrators. Check each against what you know today; where you change one, say why. The assessment is submitted only once you confirm.
wizard-confirmation-box = I have checked the country context (4.1–4.8) and it describes the country as it is now.
wizard-adviser-concurred = Yes — recorded by the human-rights adviser
wizard-adviser-not-yet = Not yet (the adviser records this)
wizard-no-evidence-yet = No evidence recorded for this component yet: add it on step 4, Recipient and record.
wizard-override-nexus = Nexus (for a nexus override)
wizard-override-likelihood = Likelihood 1–5 (for an L0 override)
wizard-override-hrddp = HRDDP applies (for an HRDDP override)
wizard-override-applies = Applies
wizard-override-does-not-apply = Does not apply
wizard-severity-title = 5.1 { $title } (optional)
wizard-severity-area = Area
wizard-severity-score-for = { $score } for { $area }

## The live preview and the engine's tables
wizard-preview = Live risk preview
wizard-preview-intro = Recomputed in your browser on every change with the same engine as the server.
wizard-preview-nothing-rated = Provisional: nothing can be rated yet.
wizard-preview-missing = { $count ->
    [one] { $n } answer missing or invalid.
   *[other] { $n } answers missing or invalid.
}
wizard-preview-provisional = Provisional — these figures will change as the missing answers are given.
wizard-not-rated-case = { $count ->
    [one] Case and country answers: { $n } answer missing or invalid (no component can be rated until they are given).
   *[other] Case and country answers: { $n } answers missing or invalid (no component can be rated until they are given).
}
wizard-not-rated-component = { $count ->
    [one] { $component }: not rated yet, { $n } answer missing or invalid.
   *[other] { $component }: not rated yet, { $n } answers missing or invalid.
}
wizard-records-left-out = { $count ->
    [one] { $n } unfinished record left out until complete.
   *[other] { $n } unfinished records left out until complete.
}
wizard-overall-band = Overall band
wizard-recommended = Recommended
wizard-recommended-decision = Recommended decision
wizard-approval-level = Approval level
wizard-approval-level-required = Approval level required
wizard-next-review = Next review
wizard-on-trigger = on trigger
wizard-rules = Rules:
wizard-nothing-blocks = Nothing blocks submission.
wizard-blocking = { $count ->
    [one] { $n } item blocks submission
   *[other] { $n } items block submission
}
wizard-unavailable-screening = The screening appears once every required answer of the case is given (see the preview panel for what is missing).
wizard-unavailable-mitigation = The effect of the measures appears once every required answer of the case is given (see the preview panel for what is missing).
wizard-unavailable-consultations = The list of required consultations appears once every required answer of the case is given (see the preview panel for what is missing).
wizard-unavailable-decision = The recommended decision appears once every required answer of the case is given (see the preview panel for what is missing).
wizard-screening-region = Risk screening table
wizard-screening-caption = Risk screening per area
wizard-col-area = Area
wizard-col-nexus = Nexus
wizard-col-inherent = Inherent
wizard-col-why = Why
wizard-col-residual = Residual
wizard-col-qualifying = Qualifying measures
wizard-col-component = Component
wizard-col-hard-rules = Hard rules
wizard-col-recommended = Recommended
wizard-col-proposed = Proposed
wizard-not-triggered = not triggered
wizard-hrddp-applies = HRDDP applies: yes
wizard-hrddp-does-not-apply = HRDDP applies: no
wizard-overridden = (overridden)
wizard-mitigation-region = Effect of the measures
wizard-mitigation-caption = Effect of the measures per area
wizard-measures-none = none
wizard-measure-does-not-count = { $measure } does not count: { $reasons }
wizard-component-band = Component band:
wizard-consultation-required-recorded = required · recorded
wizard-consultation-required-missing = required · missing
wizard-consultation-recorded = recorded
wizard-consultation-not-required = not required
wizard-monitoring-every = Monitoring report every
wizard-months = { $count ->
    [one] { $n } month
   *[other] { $n } months
}
wizard-decided-by = Decided by
wizard-blocking-here = Blocking here
wizard-review-missing = { $count ->
    [one] { $n } answer is missing or invalid.
   *[other] { $n } answers are missing or invalid.
}
wizard-components-region = Components (scrolls sideways on a small screen)
wizard-recommended-label = Recommended:


# The decision card, at the top of the wizard's preview and of the summary page.
decision-card-signed-off = Signed-off decision
decision-card-recommendation = Recommendation of the methodology
decision-card-final-one = Final decision: { $decision }
decision-card-finals = Final decisions
decision-card-headline = { $decision } — { $why }
decision-card-reason-band = residual risk { $band } in { $component }
decision-card-reason-overall = residual risk { $band }
decision-card-component-decision = { $component }: { $decision }
decision-card-conditions = — conditions: { $conditions }
decision-card-recommended-was = (recommended: { $decision })
decision-card-signed-by = Signed off by { $name } (approval level { $level }) on { $date }.
decision-card-methodology-recommended = The methodology recommended: { $decision } — { $why }.
decision-card-rules = Rules that apply
decision-card-source = Source: { $sources }
decision-card-next = What the office must do next
decision-card-meet-conditions = { $component }: meet the conditions — { $conditions }
decision-card-review-by = Review the assessment again by { $date }, or earlier if a trigger event occurs.
decision-card-submitted = Submitted: a reviewer at approval level { $level } or above decides, or returns it with a comment.
decision-card-nothing-blocks = Nothing blocks submission: submit the assessment; it is decided at approval level { $level }.
decision-card-show-calculation = Show calculation
decision-card-band-basis = the residual risk band

# Which plural category Fluent gives a count (the island copies it, see IslandText).
wizard-plural-category = { $count ->
    [one] one
   *[other] other
}
