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
