# Les petites pages simples que renvoient les formulaires envoyés sans JavaScript : un problème, un
# conflit, l'aperçu d'une importation de données de référence.
form-not-saved-title = Rien n'a été enregistré
form-back = Retour
form-back-unchanged = (ce qui avait été enregistré auparavant reste inchangé)
form-your-input = Votre saisie (non enregistrée)
form-conflict-title = Quelqu'un d'autre a enregistré avant vous
form-conflict-alert = { $who } a enregistré cette évaluation après que vous l'avez ouverte. Rien de ce que vous avez saisi n'a encore été enregistré.
form-conflict-changed = Ce que { $who } a modifié à cette étape
form-conflict-was-now = était « { $before } », est maintenant « { $after } »
form-conflict-save-mine = Enregistrer ma version de cette étape à la place de la sienne
form-conflict-discard = Abandonner ma saisie et charger sa version
form-import-title = Importer des données de référence : aperçu
form-import-summary = { $count ->
    [one] { $n } ligne lue : { $new } nouvelle(s), { $skipped } déjà enregistrée(s) (ignorée(s)).
   *[other] { $n } lignes lues : { $new } nouvelle(s), { $skipped } déjà enregistrée(s) (ignorée(s)).
}
form-import-problems = Rien ne peut être importé tant que chaque ligne n'est pas correcte :
form-import-line-problem = Ligne { $line } : { $message }
form-import-triggers = { $count ->
    [one] Une nouvelle valeur relative à la peine de mort pour { $country } enregistre un déclencheur sur { $n } évaluation décidée qui la surveille ; elle devra être réévaluée.
   *[other] Une nouvelle valeur relative à la peine de mort pour { $country } enregistre un déclencheur sur { $n } évaluations décidées qui la surveillent ; chacune devra être réévaluée.
}
form-import-col-line = Ligne
form-import-col-status = Statut
form-import-status-new = nouvelle
form-import-status-skipped = déjà enregistrée
form-import-record = { $count ->
    [one] Enregistrer { $n } entrée
   *[other] Enregistrer { $n } entrées
}
form-import-back = Retour au formulaire d'importation
