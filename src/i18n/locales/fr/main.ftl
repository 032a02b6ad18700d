# Textes de l'interface HRDD, français.

## Le cadre de la page

layout-skip-to-content = Aller au contenu
layout-demo-banner = MODE DÉMONSTRATION — comptes et dossiers fictifs. N'y saisissez aucune information réelle.
layout-tagline = Diligence voulue en matière de droits de l'homme
layout-nav-main = Principal
layout-unread = { $count ->
    [one] { $count } notification non lue
   *[other] { $count } notifications non lues
}
layout-footer-version = HRDD { $version } · méthodologie { $methodology }
layout-footer-confidential = Usage interne des Nations Unies. Les évaluations sont confidentielles.
layout-language = Langue :

nav-assessments = Évaluations
nav-review = Examen
nav-portfolio = Portefeuille
nav-methodology = Méthodologie
nav-countries = Pays
nav-users = Utilisateurs
nav-notifications = Notifications
nav-profile = Profil
nav-sign-out = Se déconnecter
nav-sign-in = Se connecter

## Rôles et pays

role-assessor = Évaluateur ou évaluatrice
role-hr-adviser = Conseiller ou conseillère aux droits de l'homme
role-reviewer = Approbateur
role-reviewer-level = Approbateur (niveau { $level })
role-manager = Responsable
role-admin = Administrateur
scope-all-countries = Tous les pays
scope-no-country = Aucun pays

## Connexion

login-title = Se connecter
login-intro = Utilisez le compte que votre administrateur HRDD a créé pour vous.
login-signed-out = Vous êtes déconnecté.
login-admin-ready = Le compte administrateur est prêt : connectez-vous.
login-first-run = Premier démarrage : aucun compte n'existe encore.
login-first-run-link = Créer le premier administrateur
login-first-run-code = avec le code affiché par le serveur.
login-email = Adresse électronique
login-password = Mot de passe
login-submit = Se connecter
login-signing-in = Connexion…
login-forgot = Mot de passe oublié ? Demandez-en un provisoire à votre administrateur. Après plusieurs échecs depuis un même réseau, chaque nouvelle tentative doit attendre un peu plus longtemps (jusqu'à 15 minutes).
login-confidential = Les évaluations sont confidentielles. Ne vous connectez que sur un appareil de confiance et déconnectez-vous à la fin : une session se ferme après 8 heures d'inactivité.
login-demo-title = Mode démonstration : comptes fictifs
login-demo-password = Mot de passe de tous les comptes :
login-error-throttled = Trop d'échecs de connexion depuis ce réseau. Par sécurité, attendez quelques minutes avant de réessayer. Si vous avez oublié votre mot de passe, demandez-en un provisoire à un administrateur.
login-error-email = Saisissez votre adresse électronique.
login-error-password = Saisissez votre mot de passe.
login-error-credentials = L'adresse électronique ou le mot de passe est incorrect.

## Page introuvable

not-found-title = Page introuvable
not-found-body = L'adresse est peut-être mal saisie, ou la page a été déplacée. Rien n'a été modifié.
not-found-back = Retour à la page d'accueil

loading = Chargement…
