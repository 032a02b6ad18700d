# The portfolio (/portfolio, src/ui/pages/portfolio.rs). Band, decision and status words come from
# values.ftl; area names and rule titles from the methodology catalogue.

portfolio-loading = Loading the portfolio…
portfolio-as-of = Current assessment versions in your countries · figures as of { $time } (refreshed every { $seconds } s)
portfolio-export = Export the cases behind these figures:
portfolio-filter-label = Filter the portfolio
portfolio-current-versions = Current versions
portfolio-decision = Decision
portfolio-any-decision = Any decision
portfolio-support-type = Support type
portfolio-any-support-type = Any support type
portfolio-from = Changed from
portfolio-to = Changed until
portfolio-reset = Reset
portfolio-apply = Apply filters
portfolio-tile-total = Assessments
portfolio-tile-high = HIGH residual risk
portfolio-tile-stopped = Components stopped
portfolio-tile-stopped-note = by a signed-off decision; { $count } more recommended, not yet decided
portfolio-reviews-overdue = Reviews overdue
portfolio-reassessments-due = Re-assessments due
portfolio-open-intercessions = Open intercessions
portfolio-chart-band = Overall residual band
portfolio-chart-decision = Decision in force
portfolio-chart-decision-note = Final once signed off, else the engine's recommendation.
portfolio-chart-status = Status
portfolio-show-table = Show as table
portfolio-cases = Cases
portfolio-heat-heading = Countries × risk areas
portfolio-heat-title = Countries × risk areas: highest residual band among the cases where the area is triggered
portfolio-heat-legend = Highest residual band; number = cases with the area triggered:
portfolio-heat-none = No scored assessment matches these filters.
portfolio-heat-cases = { $count ->
    [one] { $n } case
   *[other] { $n } cases
}
portfolio-heat-scroll = Heat map (scrolls sideways on a small screen)
portfolio-risk-area = Risk area
portfolio-chart-rules = Hard rules that fire most
portfolio-chart-rules-note = Cases where the rule fired in some component.
portfolio-chart-high-areas = Most frequent HIGH areas
portfolio-chart-high-areas-note = Cases whose residual band in the area is HIGH.
portfolio-by-country = By country
portfolio-incomplete = Incomplete
portfolio-decisions-in-force = Decisions in force
portfolio-stopped-components = Stopped components
portfolio-stops-heading = Components suspended, frozen or not to proceed (signed off)
portfolio-stops-all = All { $count } →
portfolio-none = None.
portfolio-case = Case
portfolio-component = Component
