# La página de notificaciones (/notifications).

notifications-intro = Lo que ha pasado con las evaluaciones en que usted trabaja: envíos que le esperan, devoluciones, conformidades, decisiones, comentarios, eventos desencadenantes y recordatorios.
notifications-loading = Cargando…
notifications-empty = Nada todavía. Aquí encontrará lo que el flujo de trabajo le pide.
notifications-all-read = Todo está leído.
notifications-unread = { $count ->
    [one] { $n } notificación sin leer.
   *[other] { $n } notificaciones sin leer.
}
notifications-mark-all-read = Marcar todo como leído
notifications-newest-only = Solo se muestran las { $n } más recientes.
notifications-new = Nuevo
notifications-open-case = Abrir el caso
notifications-open = Abrir
notifications-at = { $at } UTC
mail-heading = Correo electrónico
mail-intro = Todas las notificaciones se muestran aquí. Por correo recibe además la referencia, el título, el país y el estado del caso con un enlace de vuelta, nunca respuestas ni cifras de riesgo.
mail-off = Este servidor no envía correos por ahora (no hay servidor de correo configurado); su elección se aplicará cuando lo haga.
mail-saved = Su elección de correo se ha guardado.
mail-legend = Enviarme correos
mail-pref-immediate = Inmediatamente: un correo por notificación
mail-pref-daily = Resumen diario: un correo al día con las notificaciones del día
mail-pref-none = Ningún correo (notificaciones solo en HRDD)
mail-save = Guardar la elección de correo
