# Las pequeñas páginas simples con que responden los formularios enviados sin JavaScript: un
# problema, un conflicto, la vista previa de una importación de datos de referencia.
form-not-saved-title = No se guardó nada
form-back = Volver
form-back-unchanged = (lo que se había guardado antes no ha cambiado)
form-your-input = Lo que escribió (no guardado)
form-conflict-title = Otra persona guardó primero
form-conflict-alert = { $who } guardó esta evaluación después de que usted la abriera. Todavía no se ha guardado nada suyo.
form-conflict-changed = Lo que { $who } cambió en este paso
form-conflict-was-now = era «{ $before }», ahora es «{ $after }»
form-conflict-save-mine = Guardar mi versión de este paso en lugar de la suya
form-conflict-discard = Descartar lo que escribí y cargar su versión
form-import-title = Importar datos de referencia: vista previa
form-import-summary = { $count ->
    [one] { $n } línea leída: { $new } nueva(s), { $skipped } ya registrada(s) (omitida(s)).
   *[other] { $n } líneas leídas: { $new } nueva(s), { $skipped } ya registrada(s) (omitida(s)).
}
form-import-problems = No se puede importar nada hasta que todas las líneas sean correctas:
form-import-line-problem = Línea { $line }: { $message }
form-import-triggers = { $count ->
    [one] Un nuevo valor sobre la pena de muerte para { $country } registra un desencadenante en { $n } evaluación decidida que lo vigila; deberá reevaluarse.
   *[other] Un nuevo valor sobre la pena de muerte para { $country } registra un desencadenante en { $n } evaluaciones decididas que lo vigilan; cada una deberá reevaluarse.
}
form-import-col-line = Línea
form-import-col-status = Estado
form-import-status-new = nueva
form-import-status-skipped = ya registrada
form-import-record = { $count ->
    [one] Registrar { $n } entrada
   *[other] Registrar { $n } entradas
}
form-import-back = Volver al formulario de importación
