# Country reference data: /reference/countries, /reference/countries/{code}, /reference/import.
reference-title = Country reference data
reference-intro = The country context of every assessment (questions 4.1–4.8: the death penalty for drug offences, compulsory drug detention, corporal punishment, pre-trial detention, trial safeguards, armed conflict), kept per country with the date each value took effect and its source. A new assessment starts from the values in force; the assessor confirms them.
reference-loading = Loading the reference data…
reference-export = Export what you may read:
reference-import-link = Import a CSV table
reference-open-label = Open a country by its code
reference-open = Open
reference-open-empty = Type a country's two-letter code (ISO 3166 alpha-2, e.g. KE).
reference-open-unknown = “{ $code }” is not a country code HRDD knows: type the two-letter ISO 3166 alpha-2 code, e.g. KE for Kenya.
reference-empty = No country reference data in your countries yet.
reference-col-country = Country
reference-col-entries = Entries recorded
reference-col-last = Last change recorded
reference-nothing-yet = nothing recorded yet
reference-imported = { $count ->
    [one] Imported { $n } entry.
   *[other] Imported { $n } entries.
}
reference-imported-triggered = { $count ->
    [one] A death-penalty change trigger was recorded on { $n } decided assessment; it is now due for re-assessment.
   *[other] A death-penalty change trigger was recorded on { $n } decided assessments; they are now due for re-assessment.
}
reference-all-countries = All countries
reference-country-title = { $code }: country reference data
reference-country-intro = A new assessment in this country starts with these values in step 2, each shown with its date and source; the assessor confirms or changes them. Every change is kept as a new dated entry.
reference-recorded = { $count ->
    [one] Recorded { $n } change.
   *[other] Recorded { $n } changes.
}
reference-recorded-triggered = { $count ->
    [one] A death-penalty change trigger was recorded on { $n } decided assessment of { $code }; it is now due for re-assessment.
   *[other] A death-penalty change trigger was recorded on { $n } decided assessments of { $code }; they are now due for re-assessment.
}
reference-in-force = In force today ({ $date })
reference-col-question = Question
reference-col-value = Value
reference-col-from = Effective from
reference-col-source = Source
reference-col-recorded-by = Recorded by
reference-not-recorded = not recorded
reference-no-value = — (no value)
reference-yes = Yes
reference-no = No
reference-history = History
reference-history-empty = Nothing recorded yet.
reference-recorded-by = { $name }, { $date }
reference-edit-title = Record a change
reference-edit-help = Set the table as it stands from the date below. Every value you change becomes a new entry with this date and source; unchanged values keep theirs. Choose “no value” where a question no longer applies.
reference-watchers = { $count ->
    [0] No decided assessment of { $code } watches for a death-penalty change today: changing 4.1 or 4.2 records no trigger.
    [one] Changing 4.1 or 4.2 records a death-penalty change trigger on { $n } decided assessment of { $code } that watches for it; it becomes due for re-assessment and its assessor and managers see it.
   *[other] Changing 4.1 or 4.2 records a death-penalty change trigger on { $n } decided assessments of { $code } that watch for it; each becomes due for re-assessment and its assessor and managers see it.
}
reference-fields-banner = Nothing was recorded. Correct the fields marked below; everything you typed is kept.
reference-choose-no-value = — no value —
reference-field-from = Effective from
reference-field-citation = Source: law, instrument or report, with its citation
reference-field-url = Link to the source (optional)
reference-record = Record change
reference-import-title = Import reference data
reference-import-format = A CSV file with a header line naming the columns { $columns }, one entry per line (the format of the export). “question” is one of { $questions }; “value” is a code of the question's list, true/false or a whole number, or blank where a question no longer applies from that date; “effective_from” is YYYY-MM-DD.
reference-import-preview-help = You see a preview first: every line that is wrong, with its number, and what would be recorded. Nothing is recorded until you confirm, and then all lines or none. Lines already recorded exactly so are skipped, so a corrected export can be imported again.
reference-import-file = CSV file
reference-import-paste = …or paste the table
reference-import-check = Check the file
