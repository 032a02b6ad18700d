# La lista de casos (/cases).

cases-title = Evaluaciones
cases-intro = Casos de diligencia debida en materia de derechos humanos en sus países, primero los modificados más recientemente.
cases-loading = Cargando evaluaciones…
cases-filter-label = Filtrar evaluaciones
cases-search = Buscar título o referencia
cases-search-example = p. ej. prisión o KE-2026
cases-status = Estado
cases-any-status = Cualquier estado (versiones vigentes)
cases-band = Nivel global
cases-any-band = Cualquier nivel
cases-incomplete-draft = Borrador incompleto
cases-country = País
cases-all-my-countries = Todos mis países
cases-filter = Filtrar
cases-new = Nueva evaluación
cases-total = { $count ->
    [one] { $count } evaluación
   *[other] { $count } evaluaciones
}
cases-export = Exportar esta lista:
cases-none = Ninguna evaluación coincide.
cases-start-new = Iniciar una nueva evaluación
cases-col-reference = Referencia
cases-col-programme = Programa
cases-col-band = Nivel
cases-col-last-change = Último cambio
cases-version = versión { $number }
cases-drill-label = Filtros de la cartera aplicados a esta lista
cases-drill-remove = Quitar filtro: { $filter }
cases-drill-decision = Decisión: { $decision }
cases-drill-support-type = Tipo de apoyo { $code }
cases-drill-from = Modificado desde el { $date }
cases-drill-to = Modificado hasta el { $date }
cases-drill-area = Ámbito de riesgo { $code }
cases-drill-area-band = en { $band }
cases-drill-rule = Regla obligatoria { $code } activada

## Nueva evaluación (src/ui/pages/new_case.rs); las etiquetas de los campos son las preguntas del catálogo

new-case-title = Nueva evaluación
new-case-intro = Empiece por lo básico; todo lo demás se responde paso a paso y se guarda como borrador.
new-case-create = Crear borrador
new-case-assessors-only = Solo las personas evaluadoras inician evaluaciones.
