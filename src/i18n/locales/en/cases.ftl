# The case list (/cases).

cases-title = Assessments
cases-intro = Human-rights due diligence cases in your countries, most recently changed first.
cases-loading = Loading assessments…
cases-filter-label = Filter assessments
cases-search = Search title or reference
cases-search-example = e.g. prison or KE-2026
cases-status = Status
cases-any-status = Any status (current versions)
cases-band = Overall band
cases-any-band = Any band
cases-incomplete-draft = Incomplete draft
cases-country = Country
cases-all-my-countries = All my countries
cases-filter = Filter
cases-new = New assessment
cases-total = { $count ->
    [one] { $count } assessment
   *[other] { $count } assessments
}
cases-export = Export this list:
cases-none = No assessment matches.
cases-start-new = Start a new assessment
cases-col-reference = Reference
cases-col-programme = Programme
cases-col-band = Band
cases-col-last-change = Last change
cases-version = version { $number }
cases-drill-label = Portfolio filters on this list
cases-drill-remove = Remove filter: { $filter }
cases-drill-decision = Decision: { $decision }
cases-drill-support-type = Support type { $code }
cases-drill-from = Changed from { $date }
cases-drill-to = Changed until { $date }
cases-drill-area = Risk area { $code }
cases-drill-area-band = at { $band }
cases-drill-rule = Hard rule { $code } fired

## New assessment (src/ui/pages/new_case.rs); the field labels are the catalogue's questions

new-case-title = New assessment
new-case-intro = Start with the basics; everything else is answered step by step and saved as a draft.
new-case-create = Create draft
new-case-assessors-only = Only assessors start assessments.
