# Coded values as pages show them (src/ui/components/tone.rs). Stored data keeps the codes.

band-low = LOW
band-moderate = MODERATE
band-substantial = SUBSTANTIAL
band-high = HIGH
band-incomplete = incomplete

state-draft = Draft
state-submitted = Submitted
state-returned = Returned
state-decided = Decided
state-superseded = Superseded

decision-proceed = Proceed
decision-proceed-with-mitigation = Proceed with mitigation
decision-proceed-with-conditions = Proceed with conditions (monitored support)
decision-escalate = Escalate to senior management
decision-do-not-proceed = Do not proceed
decision-suspend = Suspend
decision-temporary-freeze = Temporary freeze
decision-withdraw = Withdraw

account-active = Active
account-temporary-password = Temporary password
account-deactivated = Deactivated

flag-review-overdue = Review overdue
flag-reassessment-due = Re-assessment due
flag-stop-decision = Component suspended, frozen or not to proceed
flag-open-intercession = Intercession open

pages-label = Pages
pages-of = Page { $page } of { $pages }
pages-previous = Previous
pages-next = Next
