# The start page (/): the public start page with the risk matrix, the inbox, access problems.

home-kicker = UNODC · OHCHR · peace operations
home-title = Human-rights due diligence for support to national authorities
home-intro = Before and while the UN supports police, courts, prisons or health services, HRDD checks that the support does not contribute to the death penalty for drug offences, torture, extrajudicial killings, arbitrary detention or discrimination, and records who decided what, and why.
home-step = Step { $number }
home-step-assess = Assess
home-step-assess-text = Country-office staff walk through a guided form, per support component, and save drafts as they go.
home-step-explain = Explain
home-step-explain-text = The engine rates each risk area: inherent risk, mitigation, residual risk and the hard rules that apply, with every figure explained.
home-step-review = Review
home-step-review-text = Human-rights advisers concur or object; approvers at three levels return or sign off. A sign-off freezes a hashed record.
home-step-oversee = Oversee
home-step-oversee-text = Managers follow bands, decisions and overdue re-assessments across countries.
home-read-methodology = Read the methodology

matrix-title = How a risk is rated
matrix-intro = Risk = likelihood × severity. With the most severe harms (S = 5), a possible risk (L = 3) is already SUBSTANTIAL, so a real risk never comes out as routine approval.
matrix-likelihood = Likelihood (L)
matrix-severity = Severity (S)
matrix-rate = Rate
matrix-caption = Risk bands by likelihood (rows) and severity (columns)
likelihood-1 = Rare
likelihood-2 = Unlikely
likelihood-3 = Possible
likelihood-4 = Likely
likelihood-5 = Almost certain
severity-1 = Minor
severity-2 = Moderate
severity-3 = Serious
severity-4 = Grave
severity-5 = Irremediable

inbox-title = Inbox
inbox-heading = Your inbox
inbox-loading = Loading your inbox…
inbox-sections = Inbox sections
inbox-returned = Returned to you
inbox-returned-intro = Assessments a reviewer returned with a comment; open one to go to the step the comment concerns.
inbox-returned-empty = No assessment has been returned.
inbox-drafts = Your drafts
inbox-drafts-intro = Assessments you started and have not submitted yet, most recently changed first.
inbox-drafts-empty = You have no draft.
inbox-advice = Needs your concurrence or advice
inbox-advice-intro = Drafts and returned assessments with a required OHCHR consultation not yet recorded, or lowering overrides and override requests awaiting concurrence.
inbox-advice-empty = No assessment is waiting for you.
inbox-decide = Needs your sign-off (level { $level })
inbox-decide-intro = Submitted assessments that need level { $level } or lower, oldest first. A decision is due { $days } days after submission.
inbox-decide-empty = Nothing is waiting for your decision.
inbox-waiting = Waiting for a higher level
inbox-waiting-intro = Submitted assessments that need a higher approval level than yours: you may read, comment and return them, not sign them.
inbox-waiting-empty = None.
inbox-reassess = Due for re-assessment
inbox-reassess-intro = Decided assessments whose review date has passed or that had a trigger event recorded (spec §10.6).
inbox-reassess-empty = No re-assessment is due.
inbox-col-assessment = Assessment
inbox-col-decision = Decision
inbox-col-since = Since
inbox-col-due = Due
inbox-col-why = Why here
inbox-overdue = overdue

access-sign-in = Please sign in
access-session-ended = Your session has ended. Sign in again to continue.
access-forbidden = You do not have access to this page
access-failed = This page could not be loaded
