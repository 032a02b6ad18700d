# La cartera (/portfolio). Las palabras de niveles, decisiones y estados vienen de values.ftl; los
# nombres de los ámbitos y los títulos de las reglas, del catálogo de la metodología.

portfolio-loading = Cargando la cartera…
portfolio-as-of = Versiones vigentes de las evaluaciones en sus países · cifras al { $time } (actualizadas cada { $seconds } s)
portfolio-export = Exportar los casos detrás de estas cifras:
portfolio-filter-label = Filtrar la cartera
portfolio-current-versions = Versiones vigentes
portfolio-decision = Decisión
portfolio-any-decision = Cualquier decisión
portfolio-support-type = Tipo de apoyo
portfolio-any-support-type = Cualquier tipo de apoyo
portfolio-from = Modificado desde
portfolio-to = Modificado hasta
portfolio-reset = Restablecer
portfolio-apply = Aplicar filtros
portfolio-tile-total = Evaluaciones
portfolio-tile-high = Riesgo residual ALTO
portfolio-tile-stopped = Componentes detenidos
portfolio-tile-stopped-note = por una decisión firmada; { $count } más recomendados, aún sin decidir
portfolio-reviews-overdue = Revisiones atrasadas
portfolio-reassessments-due = Reevaluaciones pendientes
portfolio-open-intercessions = Intercesiones abiertas
portfolio-chart-band = Nivel residual global
portfolio-chart-decision = Decisión vigente
portfolio-chart-decision-note = Definitiva una vez firmada; si no, la recomendación del motor.
portfolio-chart-status = Estado
portfolio-show-table = Mostrar como tabla
portfolio-cases = Casos
portfolio-heat-heading = Países × ámbitos de riesgo
portfolio-heat-title = Países × ámbitos de riesgo: nivel residual más alto entre los casos en que el ámbito se activa
portfolio-heat-legend = Nivel residual más alto; número = casos con el ámbito activado:
portfolio-heat-none = Ninguna evaluación puntuada coincide con estos filtros.
portfolio-heat-cases = { $count ->
    [one] { $n } caso
   *[other] { $n } casos
}
portfolio-heat-scroll = Mapa de calor (se desplaza lateralmente en una pantalla pequeña)
portfolio-risk-area = Ámbito de riesgo
portfolio-chart-rules = Reglas obligatorias que más se activan
portfolio-chart-rules-note = Casos en que la regla se activó en algún componente.
portfolio-chart-high-areas = Ámbitos más frecuentes en nivel ALTO
portfolio-chart-high-areas-note = Casos cuyo nivel residual en el ámbito es ALTO.
portfolio-by-country = Por país
portfolio-incomplete = Incompletos
portfolio-decisions-in-force = Decisiones vigentes
portfolio-stopped-components = Componentes detenidos
portfolio-stops-heading = Componentes suspendidos, congelados o que no deben continuar (firmados)
portfolio-stops-all = Los { $count } →
portfolio-none = Ninguno.
portfolio-case = Caso
portfolio-component = Componente
