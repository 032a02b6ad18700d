# El asistente (la isla). Véase en/wizard.ftl: plural solo sobre `$count`, número escrito con `{ $n }`.

wizard-loading = Cargando la evaluación…
wizard-assessment = Evaluación
wizard-viewing-only = Está consultando esta evaluación; solo sus evaluadores cambian las respuestas.
wizard-read-only = Esta evaluación es de solo lectura: se ha enviado para su examen.
wizard-returned-by = Devuelta por { $by } el { $at }:
wizard-open-commented-step = Abrir el paso al que se refiere este comentario
wizard-no-such-step = Este paso no existe (¿se cambió el nombre de su componente o se eliminó?).

## Guardado
wizard-saving = Guardando…
wizard-all-saved = Todos los cambios guardados
wizard-not-saved = No guardado
wizard-not-saved-conflict = No guardado: otra persona guardó antes
wizard-unsaved = Cambios sin guardar
wizard-saved-on-server = Borrador guardado en el servidor
wizard-retry = Reintentar
wizard-kept-typed = { $count ->
    [one] Se conservó lo que escribió mientras se cargaba la página ({ $n } campo); aún no está guardado.
   *[other] Se conservó lo que escribió mientras se cargaba la página ({ $n } campos); aún no está guardado.
}
wizard-kept-restored = { $count ->
    [one] Se restauraron cambios que este navegador aún no había enviado al servidor ({ $n } paso); se están guardando ahora.
   *[other] Se restauraron cambios que este navegador aún no había enviado al servidor ({ $n } pasos); se están guardando ahora.
}

## Pasos
wizard-steps-nav = Pasos de la evaluación
wizard-steps = Pasos
wizard-status-done = terminado
wizard-status-incomplete = incompleto
wizard-status-blocked = bloqueado
wizard-status-not-started = sin empezar
wizard-step-of = Paso { $number } de { $total }
wizard-step-comments = Comentarios de los revisores sobre este paso ({ $number })
wizard-save = Guardar
wizard-back = Atrás
wizard-next = Siguiente
wizard-save-draft = Guardar borrador
wizard-step-problems = { $count ->
    [one] { $n } respuesta de este paso aún requiere atención (su borrador se guarda de todos modos):
   *[other] { $n } respuestas de este paso aún requieren atención (su borrador se guarda de todos modos):
}

## Otra persona guardó antes
wizard-conflict-heading = { $who } guardó esta evaluación mientras usted la editaba
wizard-conflict-intro = Sus cambios en «{ $step }» no se guardaron. No se ha perdido nada: lo que escribió sigue en el formulario. Elija, campo por campo, qué valor conservar y guarde.
wizard-conflict-other-steps = Solo cambiaron otros pasos; al guardar se conservan sus cambios y los suyos.
wizard-conflict-field = Campo
wizard-conflict-theirs = Valor de { $who }
wizard-conflict-yours = Su valor
wizard-conflict-keep = Conservar
wizard-conflict-keep-which = Qué valor conservar de { $field }
wizard-conflict-mine-choice = El mío
wizard-conflict-theirs-choice = El suyo
wizard-conflict-save = Guardar con estas elecciones
wizard-conflict-discard = Descartar mis cambios y cargar los suyos
wizard-value-empty = (vacío)
wizard-value-items = { $count ->
    [one] { $n } elemento: { $list }
   *[other] { $n } elementos: { $list }
}

## Componentes del apoyo
wizard-components = Componentes del apoyo ({ $number }): añadir, cambiar el nombre, duplicar o eliminar
wizard-components-help = Los pasos 3 a 6 y 8 se responden una vez por componente. Guarde sus cambios antes de modificar la lista.
wizard-component-example = p. ej. Laboratorio forense
wizard-component-hint = Un nombre corto; se convierte en el identificador del componente (Forensic lab → FORENSIC-LAB)
wizard-this-page = (esta página)
wizard-rename-to = Cambiar el nombre a
wizard-rename = Cambiar el nombre
wizard-copy-as = Copiar como
wizard-duplicate = Duplicar
wizard-remove-confirm = Sí, eliminar { $component } y todas sus respuestas
wizard-remove = Eliminar
wizard-new-component = Nuevo componente (un nombre corto)
wizard-add-component = Añadir componente

## Envío
wizard-submit = Enviar para examen
wizard-submit-help = Al enviar se congelan las respuestas (se guarda una instantánea con su huella) y el caso pasa a los revisores de su país. Ya no podrá cambiarlo, salvo que un revisor se lo devuelva.
wizard-submit-unavailable = Disponible cuando no falte nada y nada bloquee.
wizard-save-first = Guarde primero sus cambios.

## Preguntas y partes
wizard-yes = Sí
wizard-no = No
wizard-optional = (opcional)
wizard-required-when = (obligatorio si { $when })
wizard-choose = Elija…
wizard-none-of-these = Ninguna de estas
wizard-standards = Normas:
wizard-country-locked = Se fijó al crear la evaluación; para otro país, empiece una nueva evaluación.
wizard-reference-note = Según los datos de referencia del país: { $value }, vigente desde el { $date }, fuente: { $source }.
wizard-reference-differs = Su respuesta difiere del valor de referencia: explique por qué abajo; los revisores ven ambos.
wizard-reference-reason = Por qué su respuesta difiere de los datos de referencia
wizard-confirmation = Su confirmación
wizard-confirmation-help = Estas respuestas se rellenaron a partir de los datos de referencia del país que mantienen los administradores. Compruebe cada una con lo que sabe hoy; si cambia alguna, explique por qué. La evaluación solo puede enviarse una vez que usted confirme.
wizard-confirmation-box = He comprobado el contexto del país (4.1–4.8) y describe el país tal como es hoy.
wizard-adviser-concurred = Sí: registrado por el asesor o la asesora de derechos humanos
wizard-adviser-not-yet = Todavía no (lo registra el asesor o la asesora)
wizard-no-evidence-yet = Aún no hay pruebas registradas para este componente: añádalas en el paso 4, Receptor y antecedentes.
wizard-override-nexus = Nexo (para corregir el nexo)
wizard-override-likelihood = Probabilidad 1–5 (para corregir L0)
wizard-override-hrddp = Aplicación de la HRDDP (para corregir la HRDDP)
wizard-override-applies = Se aplica
wizard-override-does-not-apply = No se aplica
wizard-severity-title = 5.1 { $title } (opcional)
wizard-severity-area = Ámbito
wizard-severity-score-for = { $score } para { $area }

## La vista previa en directo y las tablas del motor
wizard-preview = Vista previa del riesgo en directo
wizard-preview-intro = Se recalcula en su navegador con cada cambio, con el mismo motor que el servidor.
wizard-preview-nothing-rated = Provisional: todavía no se puede calificar nada.
wizard-preview-missing = { $count ->
    [one] { $n } respuesta falta o no es válida.
   *[other] { $n } respuestas faltan o no son válidas.
}
wizard-preview-provisional = Provisional: estas cifras cambiarán a medida que se den las respuestas que faltan.
wizard-not-rated-case = { $count ->
    [one] Respuestas del caso y del país: { $n } respuesta falta o no es válida (ningún componente puede calificarse hasta que se den).
   *[other] Respuestas del caso y del país: { $n } respuestas faltan o no son válidas (ningún componente puede calificarse hasta que se den).
}
wizard-not-rated-component = { $count ->
    [one] { $component }: aún sin calificar, { $n } respuesta falta o no es válida.
   *[other] { $component }: aún sin calificar, { $n } respuestas faltan o no son válidas.
}
wizard-records-left-out = { $count ->
    [one] { $n } registro sin terminar queda fuera hasta que esté completo.
   *[other] { $n } registros sin terminar quedan fuera hasta que estén completos.
}
wizard-overall-band = Nivel global
wizard-recommended = Recomendada
wizard-recommended-decision = Decisión recomendada
wizard-approval-level = Nivel de aprobación
wizard-approval-level-required = Nivel de aprobación requerido
wizard-next-review = Próxima revisión
wizard-on-trigger = ante un hecho desencadenante
wizard-rules = Reglas:
wizard-nothing-blocks = Nada bloquea el envío.
wizard-blocking = { $count ->
    [one] { $n } elemento bloquea el envío
   *[other] { $n } elementos bloquean el envío
}
wizard-unavailable-screening = La evaluación preliminar aparece cuando se han dado todas las respuestas obligatorias del caso (vea en la vista previa lo que falta).
wizard-unavailable-mitigation = El efecto de las medidas aparece cuando se han dado todas las respuestas obligatorias del caso (vea en la vista previa lo que falta).
wizard-unavailable-consultations = La lista de consultas obligatorias aparece cuando se han dado todas las respuestas obligatorias del caso (vea en la vista previa lo que falta).
wizard-unavailable-decision = La decisión recomendada aparece cuando se han dado todas las respuestas obligatorias del caso (vea en la vista previa lo que falta).
wizard-screening-region = Tabla de evaluación preliminar de riesgos
wizard-screening-caption = Evaluación preliminar de riesgos por ámbito
wizard-col-area = Ámbito
wizard-col-nexus = Nexo
wizard-col-inherent = Inherente
wizard-col-why = Por qué
wizard-col-residual = Residual
wizard-col-qualifying = Medidas que cuentan
wizard-col-component = Componente
wizard-col-hard-rules = Reglas imperativas
wizard-col-recommended = Recomendada
wizard-col-proposed = Propuesta
wizard-not-triggered = no activado
wizard-hrddp-applies = Se aplica la HRDDP: sí
wizard-hrddp-does-not-apply = Se aplica la HRDDP: no
wizard-overridden = (corregido)
wizard-mitigation-region = Efecto de las medidas
wizard-mitigation-caption = Efecto de las medidas por ámbito
wizard-measures-none = ninguna
wizard-measure-does-not-count = { $measure } no cuenta: { $reasons }
wizard-component-band = Nivel del componente:
wizard-consultation-required-recorded = obligatoria · registrada
wizard-consultation-required-missing = obligatoria · falta
wizard-consultation-recorded = registrada
wizard-consultation-not-required = no obligatoria
wizard-monitoring-every = Informe de seguimiento cada
wizard-months = { $count ->
    [one] { $n } mes
   *[other] { $n } meses
}
wizard-decided-by = Decidido por
wizard-blocking-here = Bloquea aquí
wizard-review-missing = { $count ->
    [one] { $n } respuesta falta o no es válida.
   *[other] { $n } respuestas faltan o no son válidas.
}
wizard-components-region = Componentes (se desplaza de lado en pantallas pequeñas)
wizard-recommended-label = Recomendada:


# La tarjeta de decisión, al principio de la vista previa del asistente y de la página de resumen.
decision-card-signed-off = Decisión firmada
decision-card-recommendation = Recomendación de la metodología
decision-card-final-one = Decisión final: { $decision }
decision-card-finals = Decisiones finales
decision-card-headline = { $decision } — { $why }
decision-card-reason-band = riesgo residual { $band } en { $component }
decision-card-reason-overall = riesgo residual { $band }
decision-card-component-decision = { $component }: { $decision }
decision-card-conditions = — condiciones: { $conditions }
decision-card-recommended-was = (recomendado: { $decision })
decision-card-signed-by = Firmada por { $name } (nivel de aprobación { $level }) el { $date }.
decision-card-methodology-recommended = La metodología recomendaba: { $decision } — { $why }.
decision-card-rules = Reglas aplicables
decision-card-source = Fuente: { $sources }
decision-card-next = Lo que la oficina debe hacer a continuación
decision-card-meet-conditions = { $component }: cumplir las condiciones — { $conditions }
decision-card-review-by = Volver a examinar la evaluación a más tardar el { $date }, o antes si ocurre un evento desencadenante.
decision-card-submitted = Presentada: un revisor o una revisora de nivel de aprobación { $level } o superior decide, o la devuelve con un comentario.
decision-card-nothing-blocks = Nada impide la presentación: presente la evaluación; se decide en el nivel de aprobación { $level }.
decision-card-show-calculation = Mostrar el cálculo
decision-card-band-basis = el nivel de riesgo residual

# Which plural category Fluent gives a count (the island copies it, see IslandText).
wizard-plural-category = { $count ->
    [one] one
   *[other] other
}
