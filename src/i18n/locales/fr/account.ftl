# La page de profil (/account).

account-title = Votre profil
account-name = Nom
account-email = Adresse électronique
account-roles = Rôles
account-countries = Pays
account-language = Langue
account-language-saved = Enregistrée dans votre profil. Modifiez-la avec le choix de langue au bas de chaque page.
account-language-browser = Celle de votre navigateur, jusqu'à ce que vous en choisissiez une au bas d'une page.
account-change-password = Changer votre mot de passe

## Changer de mot de passe (src/ui/pages/password.rs)

password-title = Changer de mot de passe
password-heading = Changez votre mot de passe
password-changed = Votre mot de passe a été changé. Vos autres sessions ont été fermées.
password-temporary = Votre administrateur a défini un mot de passe provisoire. Choisissez votre propre mot de passe pour continuer.
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-hint = Au moins { $min } caractères ; une courte phrase est facile à retenir et difficile à deviner.
password-confirm = Nouveau mot de passe, à nouveau
