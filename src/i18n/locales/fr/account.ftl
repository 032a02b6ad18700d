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
