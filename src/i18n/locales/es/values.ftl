# Valores codificados tal como los muestran las páginas. Los datos guardados conservan los códigos.

band-low = BAJO
band-moderate = MODERADO
band-substantial = SUSTANCIAL
band-high = ALTO
band-incomplete = incompleto

state-draft = Borrador
state-submitted = Presentado
state-returned = Devuelto
state-decided = Decidido
state-superseded = Sustituido

decision-proceed = Continuar
decision-proceed-with-mitigation = Continuar con medidas de mitigación
decision-proceed-with-conditions = Continuar con condiciones (apoyo supervisado)
decision-escalate = Elevar a la alta dirección
decision-do-not-proceed = No continuar
decision-suspend = Suspender
decision-temporary-freeze = Congelación temporal
decision-withdraw = Retirar el apoyo

account-active = Activa
account-temporary-password = Contraseña temporal
account-deactivated = Desactivada

flag-review-overdue = Revisión atrasada
flag-reassessment-due = Reevaluación pendiente
flag-stop-decision = Componente suspendido, congelado o que no debe continuar
flag-open-intercession = Intercesión abierta

pages-label = Páginas
pages-of = Página { $page } de { $pages }
pages-previous = Anterior
pages-next = Siguiente
