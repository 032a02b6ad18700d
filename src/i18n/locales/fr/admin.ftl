# Administration des utilisateurs (/admin/users).

admin-users-title = Utilisateurs
admin-users-intro = Qui peut utiliser HRDD, dans quel rôle et pour quels pays. Désactiver un utilisateur ou lui attribuer un mot de passe provisoire le déconnecte partout.
admin-outbox-link = File d'envoi des courriels
admin-users-loading = Chargement des utilisateurs…
admin-user-created = Utilisateur créé. Transmettez-lui le mot de passe provisoire par un autre canal ; il devra le changer à la première connexion.
admin-add-user = Ajouter un utilisateur
admin-email = Adresse électronique
admin-full-name = Nom complet
admin-temporary-password = Mot de passe provisoire
admin-temporary-password-hint = Au moins { $min } caractères. L'utilisateur devra le changer à la première connexion.
admin-create-user = Créer l'utilisateur
admin-roles = Rôles
admin-level = Niveau d'approbation (examinateurs)
admin-level-none = — pas examinateur —
admin-level-1 = 1 — chef de bureau
admin-level-2 = 2 — haute direction
admin-level-3 = 3 — chef de secrétariat
admin-countries = Pays (codes ISO)
admin-all-countries = Tous les pays
admin-no-country = Aucun pays
admin-users-caption = { $count ->
    [one] { $n } utilisateur
   *[other] { $n } utilisateurs
}
admin-col-user = Utilisateur
admin-col-last-sign-in = Dernière connexion
admin-col-actions = Actions
admin-reviewer-level = Examinateur N{ $level }
admin-no-case-access = — (aucun accès aux dossiers)
admin-never = jamais
admin-history = Historique
admin-manage = Gérer
admin-save-changes = Enregistrer les modifications
admin-set-temporary-password = Attribuer un mot de passe provisoire
admin-set-password = Attribuer le mot de passe
admin-confirm-deactivate = Oui, désactiver ce compte : la personne est déconnectée immédiatement et ne peut plus se connecter avant sa réactivation.
admin-deactivate = Désactiver l'utilisateur
admin-reactivate = Réactiver l'utilisateur
role-assessor-description = Personnel du bureau de pays : crée et modifie les évaluations, les soumet.
role-hr-adviser-description = HCDH ou composante droits de l'homme : conseille, donne ou refuse son avis conforme sur les dérogations à la baisse.
role-reviewer-description = Approbateur de niveau 1 (chef de bureau), 2 (haute direction) ou 3 (chef de secrétariat).
role-manager-description = Lit les synthèses et les chiffres du portefeuille ; aucune modification.
role-admin-description = Gère les utilisateurs, les rôles et les pays couverts ; ne voit aucun contenu de dossier.

# Historique d'un compte (/admin/users/{id}/history, src/ui/pages/account_history.rs).
history-title = Historique du compte
history-all-users = Tous les utilisateurs
history-loading = Chargement de l'historique…
history-of = Historique de { $name }
history-created = créé le { $date }
history-verified = { $count ->
    [one] { $n } modification enregistrée, signée dans le registre d'audit.
   *[other] { $n } modifications enregistrées, chacune signée dans le registre d'audit.
}
history-not-verified = Certaines de ces entrées ne se vérifient pas : elles ont été modifiées hors de HRDD. Exécutez `hrdd audit verify`.
history-col-when = Quand
history-col-who = Qui
history-col-what = Quoi
history-col-before = Avant
history-col-after = Après
history-col-record = Entrée
history-yes = oui
history-no = non
history-action-field = { $action } : { $field }
history-does-not-verify = ne se vérifie pas
account-change-created = Compte créé
account-change-updated = Compte modifié
account-change-deactivated = Désactivé
account-change-reactivated = Réactivé
account-change-password-reset = Mot de passe temporaire défini par un administrateur
account-change-password-changed = Mot de passe changé par l'utilisateur
account-change-token-created = Jeton d'accès créé
account-change-token-revoked = Jeton d'accès révoqué
account-change-mail-retried = Courriel renvoyé par un administrateur
account-change-other = Autre modification
account-field-email = adresse électronique
account-field-name = nom
account-field-roles = rôles
account-field-approval-level = niveau d'approbation
account-field-countries = pays
account-field-active = actif
account-field-tokens-revoked = jetons révoqués
account-field-prefix = préfixe du jeton
account-field-expires-at = expiration
account-field-token-id = numéro du jeton
account-field-temporary = temporaire
