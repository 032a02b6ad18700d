# La página de perfil (/account).

account-title = Su perfil
account-name = Nombre
account-email = Correo electrónico
account-roles = Funciones
account-countries = Países
account-language = Idioma
account-language-saved = Guardado en su perfil. Cámbielo con la opción de idioma al pie de cada página.
account-language-browser = El de su navegador, hasta que elija uno al pie de cualquier página.
account-change-password = Cambiar su contraseña

## Cambiar la contraseña (src/ui/pages/password.rs)

password-title = Cambiar la contraseña
password-heading = Cambie su contraseña
password-changed = Su contraseña se ha cambiado. Se cerraron sus otras sesiones.
password-temporary = Su administrador estableció una contraseña temporal. Elija su propia contraseña para continuar.
password-current = Contraseña actual
password-new = Nueva contraseña
password-hint = Al menos { $min } caracteres; una frase corta es fácil de recordar y difícil de adivinar.
password-confirm = Nueva contraseña, otra vez
