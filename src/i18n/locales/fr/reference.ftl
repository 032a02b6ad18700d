# Données de référence par pays : /reference/countries, /reference/countries/{code}, /reference/import.
reference-title = Données de référence par pays
reference-intro = Le contexte national de chaque évaluation (questions 4.1 à 4.8 : peine de mort pour les infractions liées aux drogues, détention obligatoire des usagers de drogues, châtiments corporels, détention provisoire, garanties du procès, conflit armé), tenu par pays avec la date d'effet de chaque valeur et sa source. Une nouvelle évaluation part des valeurs en vigueur ; l'évaluateur les confirme.
reference-loading = Chargement des données de référence…
reference-export = Exporter ce que vous pouvez lire :
reference-import-link = Importer un tableau CSV
reference-open-label = Ouvrir un pays par son code
reference-open = Ouvrir
reference-open-empty = Saisissez le code à deux lettres du pays (ISO 3166 alpha-2, par ex. KE).
reference-open-unknown = « { $code } » n'est pas un code de pays connu de HRDD : saisissez le code ISO 3166 alpha-2 à deux lettres, par ex. KE pour le Kenya.
reference-empty = Aucune donnée de référence dans vos pays pour l'instant.
reference-col-country = Pays
reference-col-entries = Entrées enregistrées
reference-col-last = Dernière modification enregistrée
reference-nothing-yet = rien d'enregistré pour l'instant
reference-imported = { $count ->
    [one] { $n } entrée importée.
   *[other] { $n } entrées importées.
}
reference-imported-triggered = { $count ->
    [one] Un déclencheur « changement relatif à la peine de mort » a été enregistré sur { $n } évaluation décidée ; elle doit maintenant être réévaluée.
   *[other] Un déclencheur « changement relatif à la peine de mort » a été enregistré sur { $n } évaluations décidées ; elles doivent maintenant être réévaluées.
}
reference-all-countries = Tous les pays
reference-country-title = { $code } : données de référence du pays
reference-country-intro = Une nouvelle évaluation dans ce pays commence avec ces valeurs à l'étape 2, chacune avec sa date et sa source ; l'évaluateur les confirme ou les modifie. Chaque modification est conservée comme une nouvelle entrée datée.
reference-recorded = { $count ->
    [one] { $n } modification enregistrée.
   *[other] { $n } modifications enregistrées.
}
reference-recorded-triggered = { $count ->
    [one] Un déclencheur « changement relatif à la peine de mort » a été enregistré sur { $n } évaluation décidée de { $code } ; elle doit maintenant être réévaluée.
   *[other] Un déclencheur « changement relatif à la peine de mort » a été enregistré sur { $n } évaluations décidées de { $code } ; elles doivent maintenant être réévaluées.
}
reference-in-force = En vigueur aujourd'hui ({ $date })
reference-col-question = Question
reference-col-value = Valeur
reference-col-from = En vigueur depuis
reference-col-source = Source
reference-col-recorded-by = Enregistré par
reference-not-recorded = non enregistré
reference-no-value = — (aucune valeur)
reference-yes = Oui
reference-no = Non
reference-history = Historique
reference-history-empty = Rien d'enregistré pour l'instant.
reference-recorded-by = { $name }, { $date }
reference-edit-title = Enregistrer une modification
reference-edit-help = Établissez le tableau tel qu'il s'applique à partir de la date ci-dessous. Chaque valeur modifiée devient une nouvelle entrée avec cette date et cette source ; les valeurs inchangées gardent les leurs. Choisissez « aucune valeur » lorsqu'une question ne s'applique plus.
reference-watchers = { $count ->
    [0] Aucune évaluation décidée de { $code } ne surveille aujourd'hui un changement relatif à la peine de mort : modifier 4.1 ou 4.2 n'enregistre aucun déclencheur.
    [one] Modifier 4.1 ou 4.2 enregistre un déclencheur « changement relatif à la peine de mort » sur { $n } évaluation décidée de { $code } qui le surveille ; elle devra être réévaluée et son évaluateur et ses responsables le verront.
   *[other] Modifier 4.1 ou 4.2 enregistre un déclencheur « changement relatif à la peine de mort » sur { $n } évaluations décidées de { $code } qui le surveillent ; chacune devra être réévaluée et son évaluateur et ses responsables le verront.
}
reference-fields-banner = Rien n'a été enregistré. Corrigez les champs signalés ci-dessous ; tout ce que vous avez saisi est conservé.
reference-choose-no-value = — aucune valeur —
reference-field-from = En vigueur depuis
reference-field-citation = Source : loi, instrument ou rapport, avec sa référence
reference-field-url = Lien vers la source (facultatif)
reference-record = Enregistrer la modification
reference-import-title = Importer des données de référence
reference-import-format = Un fichier CSV dont la ligne d'en-tête nomme les colonnes { $columns }, une entrée par ligne (le format de l'export). « question » est l'une de { $questions } ; « value » est un code de la liste de la question, true/false ou un nombre entier, ou vide lorsqu'une question ne s'applique plus à partir de cette date ; « effective_from » s'écrit AAAA-MM-JJ.
reference-import-preview-help = Vous voyez d'abord un aperçu : chaque ligne erronée, avec son numéro, et ce qui serait enregistré. Rien n'est enregistré avant votre confirmation, et alors toutes les lignes ou aucune. Les lignes déjà enregistrées à l'identique sont ignorées : un export corrigé peut donc être importé à nouveau.
reference-import-file = Fichier CSV
reference-import-paste = …ou collez le tableau
reference-import-check = Vérifier le fichier
