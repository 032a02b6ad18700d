# Valeurs codées telles que les pages les affichent. Les données enregistrées gardent les codes.

band-low = FAIBLE
band-moderate = MODÉRÉ
band-substantial = SUBSTANTIEL
band-high = ÉLEVÉ
band-incomplete = incomplet

state-draft = Brouillon
state-submitted = Soumis
state-returned = Renvoyé
state-decided = Décidé
state-superseded = Remplacé

decision-proceed = Poursuivre
decision-proceed-with-mitigation = Poursuivre avec des mesures d'atténuation
decision-proceed-with-conditions = Poursuivre sous conditions (appui suivi)
decision-escalate = Soumettre à la direction
decision-do-not-proceed = Ne pas poursuivre
decision-suspend = Suspendre
decision-temporary-freeze = Gel temporaire
decision-withdraw = Retirer l'appui

account-active = Actif
account-temporary-password = Mot de passe provisoire
account-deactivated = Désactivé

flag-review-overdue = Examen en retard
flag-reassessment-due = Réévaluation à faire
flag-stop-decision = Composante suspendue, gelée ou à ne pas poursuivre
flag-open-intercession = Intercession en cours

pages-label = Pages
pages-of = Page { $page } sur { $pages }
pages-previous = Précédente
pages-next = Suivante
