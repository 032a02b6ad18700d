# Datos de referencia por país: /reference/countries, /reference/countries/{code}, /reference/import.
reference-title = Datos de referencia por país
reference-intro = El contexto nacional de cada evaluación (preguntas 4.1 a 4.8: pena de muerte por delitos de drogas, internamiento obligatorio de personas que usan drogas, castigos corporales, prisión preventiva, garantías procesales, conflicto armado), llevado por país con la fecha en que cada valor entró en vigor y su fuente. Una nueva evaluación parte de los valores vigentes; el evaluador los confirma.
reference-loading = Cargando los datos de referencia…
reference-export = Exportar lo que puede leer:
reference-import-link = Importar una tabla CSV
reference-open-label = Abrir un país por su código
reference-open = Abrir
reference-open-empty = Escriba el código de dos letras del país (ISO 3166 alfa-2, p. ej. KE).
reference-open-unknown = «{ $code }» no es un código de país que HRDD conozca: escriba el código ISO 3166 alfa-2 de dos letras, p. ej. KE para Kenia.
reference-empty = Aún no hay datos de referencia en sus países.
reference-col-country = País
reference-col-entries = Entradas registradas
reference-col-last = Último cambio registrado
reference-nothing-yet = nada registrado aún
reference-imported = { $count ->
    [one] Se importó { $n } entrada.
   *[other] Se importaron { $n } entradas.
}
reference-imported-triggered = { $count ->
    [one] Se registró un desencadenante de cambio sobre la pena de muerte en { $n } evaluación decidida; ahora debe reevaluarse.
   *[other] Se registró un desencadenante de cambio sobre la pena de muerte en { $n } evaluaciones decididas; ahora deben reevaluarse.
}
reference-all-countries = Todos los países
reference-country-title = { $code }: datos de referencia del país
reference-country-intro = Una nueva evaluación en este país empieza con estos valores en el paso 2, cada uno con su fecha y su fuente; el evaluador los confirma o los cambia. Cada cambio se conserva como una nueva entrada fechada.
reference-recorded = { $count ->
    [one] Se registró { $n } cambio.
   *[other] Se registraron { $n } cambios.
}
reference-recorded-triggered = { $count ->
    [one] Se registró un desencadenante de cambio sobre la pena de muerte en { $n } evaluación decidida de { $code }; ahora debe reevaluarse.
   *[other] Se registró un desencadenante de cambio sobre la pena de muerte en { $n } evaluaciones decididas de { $code }; ahora deben reevaluarse.
}
reference-in-force = Vigente hoy ({ $date })
reference-col-question = Pregunta
reference-col-value = Valor
reference-col-from = Vigente desde
reference-col-source = Fuente
reference-col-recorded-by = Registrado por
reference-not-recorded = no registrado
reference-no-value = — (sin valor)
reference-yes = Sí
reference-no = No
reference-history = Historial
reference-history-empty = Nada registrado aún.
reference-recorded-by = { $name }, { $date }
reference-edit-title = Registrar un cambio
reference-edit-help = Establezca la tabla tal como rige desde la fecha indicada abajo. Cada valor que cambie se convierte en una nueva entrada con esta fecha y esta fuente; los valores sin cambios conservan las suyas. Elija «sin valor» cuando una pregunta ya no se aplique.
reference-watchers = { $count ->
    [0] Ninguna evaluación decidida de { $code } vigila hoy un cambio sobre la pena de muerte: cambiar 4.1 o 4.2 no registra ningún desencadenante.
    [one] Cambiar 4.1 o 4.2 registra un desencadenante de cambio sobre la pena de muerte en { $n } evaluación decidida de { $code } que lo vigila; deberá reevaluarse y su evaluador y sus responsables lo verán.
   *[other] Cambiar 4.1 o 4.2 registra un desencadenante de cambio sobre la pena de muerte en { $n } evaluaciones decididas de { $code } que lo vigilan; cada una deberá reevaluarse y su evaluador y sus responsables lo verán.
}
reference-fields-banner = No se registró nada. Corrija los campos marcados abajo; todo lo que escribió se conserva.
reference-choose-no-value = — sin valor —
reference-field-from = Vigente desde
reference-field-citation = Fuente: ley, instrumento o informe, con su referencia
reference-field-url = Enlace a la fuente (opcional)
reference-record = Registrar el cambio
reference-import-title = Importar datos de referencia
reference-import-format = Un archivo CSV con una línea de encabezado que nombra las columnas { $columns }, una entrada por línea (el formato de la exportación). «question» es una de { $questions }; «value» es un código de la lista de la pregunta, true/false o un número entero, o queda vacío cuando una pregunta deja de aplicarse desde esa fecha; «effective_from» se escribe AAAA-MM-DD.
reference-import-preview-help = Primero verá una vista previa: cada línea incorrecta, con su número, y lo que se registraría. No se registra nada hasta que usted confirme, y entonces todas las líneas o ninguna. Las líneas ya registradas exactamente así se omiten, de modo que una exportación corregida puede importarse de nuevo.
reference-import-file = Archivo CSV
reference-import-paste = …o pegue la tabla
reference-import-check = Comprobar el archivo
