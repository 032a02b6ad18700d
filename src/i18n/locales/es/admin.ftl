# Administración de usuarios (/admin/users).

admin-users-title = Usuarios
admin-users-intro = Quién puede usar HRDD, con qué función y para qué países. Desactivar a un usuario o asignarle una contraseña temporal cierra todas sus sesiones.
admin-outbox-link = Bandeja de salida de correo
admin-users-loading = Cargando usuarios…
admin-user-created = Usuario creado. Entréguele la contraseña temporal por otro canal; deberá cambiarla al iniciar sesión por primera vez.
admin-add-user = Añadir un usuario
admin-email = Correo electrónico
admin-full-name = Nombre completo
admin-temporary-password = Contraseña temporal
admin-temporary-password-hint = Al menos { $min } caracteres. El usuario deberá cambiarla al iniciar sesión por primera vez.
admin-create-user = Crear usuario
admin-roles = Funciones
admin-level = Nivel de aprobación (revisores)
admin-level-none = — no es revisor —
admin-level-1 = 1 — jefatura de oficina
admin-level-2 = 2 — alta dirección
admin-level-3 = 3 — jefatura ejecutiva
admin-countries = Países (códigos ISO)
admin-all-countries = Todos los países
admin-no-country = Ningún país
admin-users-caption = { $count ->
    [one] { $n } usuario
   *[other] { $n } usuarios
}
admin-col-user = Usuario
admin-col-last-sign-in = Último inicio de sesión
admin-col-actions = Acciones
admin-reviewer-level = Revisor N{ $level }
admin-no-case-access = — (sin acceso a casos)
admin-never = nunca
admin-history = Historial
admin-manage = Gestionar
admin-save-changes = Guardar cambios
admin-set-temporary-password = Asignar una contraseña temporal
admin-set-password = Asignar contraseña
admin-confirm-deactivate = Sí, desactivar esta cuenta: la persona sale de inmediato y no podrá iniciar sesión hasta que se reactive.
admin-deactivate = Desactivar usuario
admin-reactivate = Reactivar usuario
role-assessor-description = Personal de la oficina en el país: crea y edita evaluaciones y las envía.
role-hr-adviser-description = ACNUDH o componente de derechos humanos: asesora, da o niega su conformidad a las anulaciones a la baja.
role-reviewer-description = Aprobador de nivel 1 (jefatura de oficina), 2 (alta dirección) o 3 (jefatura ejecutiva).
role-manager-description = Lee resúmenes y cifras de la cartera; no edita.
role-admin-description = Gestiona usuarios, funciones y países asignados; no ve el contenido de los casos.

# Historial de una cuenta (/admin/users/{id}/history, src/ui/pages/account_history.rs).
history-title = Historial de la cuenta
history-all-users = Todos los usuarios
history-loading = Cargando el historial…
history-of = Historial de { $name }
history-created = creada el { $date }
history-verified = { $count ->
    [one] { $n } cambio registrado, firmado en el registro de auditoría.
   *[other] { $n } cambios registrados, cada uno firmado en el registro de auditoría.
}
history-not-verified = Algunas de estas entradas no se verifican: se modificaron fuera de HRDD. Ejecute `hrdd audit verify`.
history-col-when = Cuándo
history-col-who = Quién
history-col-what = Qué
history-col-before = Antes
history-col-after = Después
history-col-record = Entrada
history-yes = sí
history-no = no
history-action-field = { $action }: { $field }
history-does-not-verify = no se verifica
account-change-created = Cuenta creada
account-change-updated = Cuenta modificada
account-change-deactivated = Desactivada
account-change-reactivated = Reactivada
account-change-password-reset = Contraseña temporal fijada por un administrador
account-change-password-changed = Contraseña cambiada por el usuario
account-change-token-created = Token de acceso creado
account-change-token-revoked = Token de acceso revocado
account-change-mail-retried = Correo reenviado por un administrador
account-change-other = Otro cambio
account-field-email = correo electrónico
account-field-name = nombre
account-field-roles = funciones
account-field-approval-level = nivel de aprobación
account-field-countries = países
account-field-active = activa
account-field-tokens-revoked = tokens revocados
account-field-prefix = prefijo del token
account-field-expires-at = vencimiento
account-field-token-id = número del token
account-field-temporary = temporal
