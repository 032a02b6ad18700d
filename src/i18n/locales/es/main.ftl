# Textos de la interfaz de HRDD, español.

## El marco de la página

layout-skip-to-content = Ir al contenido
layout-demo-banner = MODO DE DEMOSTRACIÓN — cuentas y casos ficticios. No introduzca información real.
layout-tagline = Diligencia debida en materia de derechos humanos
layout-nav-main = Principal
layout-unread = { $count ->
    [one] { $count } notificación sin leer
   *[other] { $count } notificaciones sin leer
}
layout-footer-version = HRDD { $version } · metodología { $methodology }
layout-footer-confidential = Para uso interno de las Naciones Unidas. Las evaluaciones son confidenciales.
layout-language = Idioma:

nav-assessments = Evaluaciones
nav-review = Revisión
nav-portfolio = Cartera
nav-methodology = Metodología
nav-countries = Países
nav-users = Usuarios
nav-notifications = Notificaciones
nav-profile = Perfil
nav-sign-out = Cerrar sesión
nav-sign-in = Iniciar sesión

## Funciones y países

role-assessor = Evaluador/a
role-hr-adviser = Asesor/a de derechos humanos
role-reviewer = Aprobador/a
role-reviewer-level = Aprobador/a (nivel { $level })
role-manager = Gerente
role-admin = Administrador/a
scope-all-countries = Todos los países
scope-no-country = Ningún país

## Inicio de sesión

login-title = Iniciar sesión
login-intro = Utilice la cuenta que su administrador de HRDD creó para usted.
login-signed-out = Ha cerrado la sesión.
login-admin-ready = La cuenta de administrador está lista: inicie sesión.
login-first-run = Primer inicio: todavía no existe ninguna cuenta.
login-first-run-link = Crear el primer administrador
login-first-run-code = con el código que mostró el servidor.
login-email = Correo electrónico
login-password = Contraseña
login-submit = Iniciar sesión
login-signing-in = Iniciando sesión…
login-forgot = ¿Olvidó su contraseña? Pida una temporal a su administrador. Tras varios intentos fallidos desde una misma red, cada nuevo intento debe esperar un poco más (hasta 15 minutos).
login-confidential = Las evaluaciones son confidenciales. Inicie sesión solo en un dispositivo de confianza y ciérrela al terminar: la sesión termina tras 8 horas sin actividad.
login-demo-title = Modo de demostración: cuentas ficticias
login-demo-password = Contraseña de todas las cuentas:
login-error-throttled = Demasiados intentos fallidos desde esta red. Por su seguridad, espere unos minutos antes de volver a intentarlo. Si olvidó su contraseña, pida una temporal a un administrador.
login-error-email = Introduzca su correo electrónico.
login-error-password = Introduzca su contraseña.
login-error-credentials = El correo electrónico o la contraseña no son correctos.

## Página no encontrada

not-found-title = Página no encontrada
not-found-body = Puede que la dirección esté mal escrita o que la página se haya trasladado. No se ha modificado nada.
not-found-back = Volver a la página de inicio

loading = Cargando…
