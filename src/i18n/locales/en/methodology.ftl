# The methodology reference page (src/ui/pages/methodology.rs). The catalogue's own texts are in
# methodology/translations/.

methodology-title = Methodology
methodology-loading = Loading the methodology…
methodology-load-failed = The methodology could not be loaded:
methodology-steps = The assessment, step by step
methodology-step = Step { $number }
methodology-step-per-component = Step { $number } · per component
methodology-areas = Risk areas
methodology-standards = Standards:
methodology-measures = Mitigation measures
methodology-col-code = Code
methodology-col-measure = Measure
methodology-col-effect = Effect on likelihood
methodology-effect-none = none (recorded only)
methodology-effect-all = all areas except EXT
methodology-rules = Hard rules
methodology-sources = Sources:
