# L'assistant (l'îlot). Voir en/wizard.ftl : pluriel seulement sur `$count`, nombre écrit par `{ $n }`.

wizard-loading = Chargement de l'évaluation…
wizard-assessment = Évaluation
wizard-viewing-only = Vous consultez cette évaluation ; seuls ses évaluateurs et évaluatrices modifient les réponses.
wizard-read-only = Cette évaluation est en lecture seule : elle a été soumise pour examen.
wizard-returned-by = Renvoyée par { $by } le { $at } :
wizard-open-commented-step = Ouvrir l'étape concernée par ce commentaire
wizard-no-such-step = Cette étape n'existe pas (sa composante a-t-elle été renommée ou supprimée ?).

## Enregistrement
wizard-saving = Enregistrement…
wizard-all-saved = Toutes les modifications sont enregistrées
wizard-not-saved = Non enregistré
wizard-not-saved-conflict = Non enregistré : quelqu'un d'autre a enregistré avant vous
wizard-unsaved = Modifications non enregistrées
wizard-saved-on-server = Brouillon enregistré sur le serveur
wizard-retry = Réessayer
wizard-kept-typed = { $count ->
    [one] Ce que vous avez saisi pendant le chargement de la page a été conservé ({ $n } champ) ; ce n'est pas encore enregistré.
   *[other] Ce que vous avez saisi pendant le chargement de la page a été conservé ({ $n } champs) ; ce n'est pas encore enregistré.
}
wizard-kept-restored = { $count ->
    [one] Modifications que ce navigateur n'avait pas encore envoyées au serveur restaurées ({ $n } étape) ; elles sont en cours d'enregistrement.
   *[other] Modifications que ce navigateur n'avait pas encore envoyées au serveur restaurées ({ $n } étapes) ; elles sont en cours d'enregistrement.
}

## Étapes
wizard-steps-nav = Étapes de l'évaluation
wizard-steps = Étapes
wizard-status-done = terminée
wizard-status-incomplete = incomplète
wizard-status-blocked = bloquée
wizard-status-not-started = non commencée
wizard-step-of = Étape { $number } sur { $total }
wizard-step-comments = Commentaires des examinateurs sur cette étape ({ $number })
wizard-save = Enregistrer
wizard-back = Précédent
wizard-next = Suivant
wizard-save-draft = Enregistrer le brouillon
wizard-step-problems = { $count ->
    [one] { $n } réponse de cette étape demande encore votre attention (votre brouillon est tout de même enregistré) :
   *[other] { $n } réponses de cette étape demandent encore votre attention (votre brouillon est tout de même enregistré) :
}

## Quelqu'un d'autre a enregistré avant vous
wizard-conflict-heading = { $who } a enregistré cette évaluation pendant que vous la modifiiez
wizard-conflict-intro = Vos modifications de « { $step } » n'ont pas été enregistrées. Rien n'est perdu : votre saisie est toujours dans le formulaire. Choisissez, champ par champ, la valeur à garder, puis enregistrez.
wizard-conflict-other-steps = Les modifications portent sur d'autres étapes seulement ; l'enregistrement garde les leurs et les vôtres.
wizard-conflict-field = Champ
wizard-conflict-theirs = Valeur de { $who }
wizard-conflict-yours = Votre valeur
wizard-conflict-keep = Garder
wizard-conflict-keep-which = Valeur à garder pour { $field }
wizard-conflict-mine-choice = La mienne
wizard-conflict-theirs-choice = La leur
wizard-conflict-save = Enregistrer avec ces choix
wizard-conflict-discard = Abandonner mes modifications et charger les leurs
wizard-value-empty = (vide)
wizard-value-items = { $count ->
    [one] { $n } élément : { $list }
   *[other] { $n } éléments : { $list }
}

## Composantes de l'appui
wizard-components = Composantes de l'appui ({ $number }) — ajouter, renommer, dupliquer ou supprimer
wizard-components-help = Les étapes 3 à 6 et 8 se remplissent une fois par composante. Enregistrez vos modifications avant de changer la liste.
wizard-component-example = p. ex. Laboratoire de police scientifique
wizard-component-hint = Un nom court ; il devient l'identifiant de la composante (Forensic lab → FORENSIC-LAB)
wizard-this-page = (cette page)
wizard-rename-to = Renommer en
wizard-rename = Renommer
wizard-copy-as = Copier sous le nom
wizard-duplicate = Dupliquer
wizard-remove-confirm = Oui, supprimer { $component } et toutes ses réponses
wizard-remove = Supprimer
wizard-new-component = Nouvelle composante (un nom court)
wizard-add-component = Ajouter la composante

## Soumission
wizard-submit = Soumettre pour examen
wizard-submit-help = La soumission fige les réponses (un instantané avec son empreinte est conservé) et envoie le dossier aux examinateurs de son pays. Vous ne pourrez plus le modifier, sauf si un examinateur vous le renvoie.
wizard-submit-unavailable = Possible dès que rien ne manque et que rien ne bloque.
wizard-save-first = Enregistrez d'abord vos modifications.

## Questions et parties
wizard-yes = Oui
wizard-no = Non
wizard-optional = (facultatif)
wizard-required-when = (obligatoire si { $when })
wizard-choose = Choisir…
wizard-none-of-these = Aucun de ces choix
wizard-standards = Normes :
wizard-country-locked = Fixé à la création de l'évaluation ; pour un autre pays, commencez une nouvelle évaluation.
wizard-reference-note = Selon les données de référence du pays : { $value }, en vigueur depuis le { $date }, source : { $source }.
wizard-reference-differs = Votre réponse diffère de la valeur de référence : expliquez pourquoi ci-dessous ; les examinateurs voient les deux.
wizard-reference-reason = Pourquoi votre réponse diffère des données de référence
wizard-confirmation = Votre confirmation
wizard-confirmation-help = Ces réponses ont été préremplies à partir des données de référence du pays tenues par les administrateurs. Vérifiez chacune au regard de ce que vous savez aujourd'hui ; si vous en changez une, expliquez pourquoi. L'évaluation ne peut être soumise qu'après votre confirmation.
wizard-confirmation-box = J'ai vérifié le contexte du pays (4.1–4.8) et il décrit le pays tel qu'il est aujourd'hui.
wizard-adviser-concurred = Oui — consigné par le conseiller ou la conseillère aux droits de l'homme
wizard-adviser-not-yet = Pas encore (le conseiller ou la conseillère le consigne)
wizard-no-evidence-yet = Aucun élément de preuve consigné pour cette composante : ajoutez-en à l'étape 4, Bénéficiaire et antécédents.
wizard-override-nexus = Lien (pour une correction du lien)
wizard-override-likelihood = Probabilité 1–5 (pour une correction de L0)
wizard-override-hrddp = Application de la HRDDP (pour une correction de la HRDDP)
wizard-override-applies = S'applique
wizard-override-does-not-apply = Ne s'applique pas
wizard-severity-title = 5.1 { $title } (facultatif)
wizard-severity-area = Domaine
wizard-severity-score-for = { $score } pour { $area }

## L'aperçu en direct et les tableaux du moteur
wizard-preview = Aperçu du risque en direct
wizard-preview-intro = Recalculé dans votre navigateur à chaque modification, avec le même moteur que le serveur.
wizard-preview-nothing-rated = Provisoire : rien ne peut encore être évalué.
wizard-preview-missing = { $count ->
    [one] { $n } réponse manquante ou non valide.
   *[other] { $n } réponses manquantes ou non valides.
}
wizard-preview-provisional = Provisoire — ces chiffres changeront à mesure que les réponses manquantes seront données.
wizard-not-rated-case = { $count ->
    [one] Réponses sur le dossier et le pays : { $n } réponse manquante ou non valide (aucune composante ne peut être évaluée avant qu'elles soient données).
   *[other] Réponses sur le dossier et le pays : { $n } réponses manquantes ou non valides (aucune composante ne peut être évaluée avant qu'elles soient données).
}
wizard-not-rated-component = { $count ->
    [one] { $component } : pas encore évaluée, { $n } réponse manquante ou non valide.
   *[other] { $component } : pas encore évaluée, { $n } réponses manquantes ou non valides.
}
wizard-records-left-out = { $count ->
    [one] { $n } fiche inachevée laissée de côté jusqu'à ce qu'elle soit complète.
   *[other] { $n } fiches inachevées laissées de côté jusqu'à ce qu'elles soient complètes.
}
wizard-overall-band = Niveau global
wizard-recommended = Recommandé
wizard-recommended-decision = Décision recommandée
wizard-approval-level = Niveau d'approbation
wizard-approval-level-required = Niveau d'approbation requis
wizard-next-review = Prochain réexamen
wizard-on-trigger = sur événement déclencheur
wizard-rules = Règles :
wizard-nothing-blocks = Rien ne bloque la soumission.
wizard-blocking = { $count ->
    [one] { $n } point bloque la soumission
   *[other] { $n } points bloquent la soumission
}
wizard-unavailable-screening = Le filtrage des risques apparaît dès que toutes les réponses obligatoires du dossier sont données (voir l'aperçu pour ce qui manque).
wizard-unavailable-mitigation = L'effet des mesures apparaît dès que toutes les réponses obligatoires du dossier sont données (voir l'aperçu pour ce qui manque).
wizard-unavailable-consultations = La liste des consultations obligatoires apparaît dès que toutes les réponses obligatoires du dossier sont données (voir l'aperçu pour ce qui manque).
wizard-unavailable-decision = La décision recommandée apparaît dès que toutes les réponses obligatoires du dossier sont données (voir l'aperçu pour ce qui manque).
wizard-screening-region = Tableau de filtrage des risques
wizard-screening-caption = Filtrage des risques par domaine
wizard-col-area = Domaine
wizard-col-nexus = Lien
wizard-col-inherent = Inhérent
wizard-col-why = Pourquoi
wizard-col-residual = Résiduel
wizard-col-qualifying = Mesures retenues
wizard-col-component = Composante
wizard-col-hard-rules = Règles impératives
wizard-col-recommended = Recommandée
wizard-col-proposed = Proposée
wizard-not-triggered = non déclenché
wizard-hrddp-applies = La HRDDP s'applique : oui
wizard-hrddp-does-not-apply = La HRDDP s'applique : non
wizard-overridden = (corrigé)
wizard-mitigation-region = Effet des mesures
wizard-mitigation-caption = Effet des mesures par domaine
wizard-measures-none = aucune
wizard-measure-does-not-count = { $measure } ne compte pas : { $reasons }
wizard-component-band = Niveau de la composante :
wizard-consultation-required-recorded = obligatoire · consignée
wizard-consultation-required-missing = obligatoire · manquante
wizard-consultation-recorded = consignée
wizard-consultation-not-required = non obligatoire
wizard-monitoring-every = Rapport de suivi tous les
wizard-months = { $count ->
    [one] { $n } mois
   *[other] { $n } mois
}
wizard-decided-by = Décidé par
wizard-blocking-here = Bloquant ici
wizard-review-missing = { $count ->
    [one] { $n } réponse manque ou n'est pas valide.
   *[other] { $n } réponses manquent ou ne sont pas valides.
}
wizard-components-region = Composantes (défilement horizontal sur petit écran)
wizard-recommended-label = Recommandée :


# La carte de décision, en tête de l'aperçu de l'assistant et de la page de synthèse.
decision-card-signed-off = Décision signée
decision-card-recommendation = Recommandation de la méthodologie
decision-card-final-one = Décision finale : { $decision }
decision-card-finals = Décisions finales
decision-card-headline = { $decision } — { $why }
decision-card-reason-band = risque résiduel { $band } pour { $component }
decision-card-reason-overall = risque résiduel { $band }
decision-card-component-decision = { $component } : { $decision }
decision-card-conditions = — conditions : { $conditions }
decision-card-recommended-was = (recommandé : { $decision })
decision-card-signed-by = Signée par { $name } (niveau d'approbation { $level }) le { $date }.
decision-card-methodology-recommended = La méthodologie recommandait : { $decision } — { $why }.
decision-card-rules = Règles applicables
decision-card-source = Source : { $sources }
decision-card-next = Ce que le bureau doit faire ensuite
decision-card-meet-conditions = { $component } : remplir les conditions — { $conditions }
decision-card-review-by = Réexaminer l'évaluation au plus tard le { $date }, ou plus tôt si un événement déclencheur survient.
decision-card-submitted = Soumise : un examinateur ou une examinatrice de niveau d'approbation { $level } ou supérieur décide, ou la renvoie avec un commentaire.
decision-card-nothing-blocks = Rien n'empêche la soumission : soumettez l'évaluation ; elle est décidée au niveau d'approbation { $level }.
decision-card-show-calculation = Afficher le calcul
decision-card-band-basis = le niveau de risque résiduel

# Which plural category Fluent gives a count (the island copies it, see IslandText).
wizard-plural-category = { $count ->
    [one] one
   *[other] other
}
