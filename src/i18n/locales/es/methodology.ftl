# La página de referencia de la metodología (src/ui/pages/methodology.rs). Los textos del catálogo
# están en methodology/translations/.

methodology-title = Metodología
methodology-loading = Cargando la metodología…
methodology-load-failed = No se pudo cargar la metodología:
methodology-steps = La evaluación, paso a paso
methodology-step = Paso { $number }
methodology-step-per-component = Paso { $number } · por componente
methodology-areas = Ámbitos de riesgo
methodology-standards = Normas:
methodology-measures = Medidas de mitigación
methodology-col-code = Código
methodology-col-measure = Medida
methodology-col-effect = Efecto en la probabilidad
methodology-effect-none = ninguno (solo se registra)
methodology-effect-all = todos los ámbitos salvo EXT
methodology-rules = Reglas obligatorias
methodology-sources = Fuentes:
