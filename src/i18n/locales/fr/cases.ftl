# La liste des dossiers (/cases).

cases-title = Évaluations
cases-intro = Dossiers de diligence voulue en matière de droits de l'homme dans vos pays, les plus récemment modifiés d'abord.
cases-loading = Chargement des évaluations…
cases-filter-label = Filtrer les évaluations
cases-search = Rechercher un titre ou une référence
cases-search-example = p. ex. prison ou KE-2026
cases-status = Statut
cases-any-status = Tout statut (versions en cours)
cases-band = Niveau global
cases-any-band = Tout niveau
cases-incomplete-draft = Brouillon incomplet
cases-country = Pays
cases-all-my-countries = Tous mes pays
cases-filter = Filtrer
cases-new = Nouvelle évaluation
cases-total = { $count ->
    [one] { $count } évaluation
   *[other] { $count } évaluations
}
cases-export = Exporter cette liste :
cases-none = Aucune évaluation ne correspond.
cases-start-new = Commencer une nouvelle évaluation
cases-col-reference = Référence
cases-col-programme = Programme
cases-col-band = Niveau
cases-col-last-change = Dernière modification
cases-version = version { $number }
cases-drill-label = Filtres du portefeuille appliqués à cette liste
cases-drill-remove = Retirer le filtre : { $filter }
cases-drill-decision = Décision : { $decision }
cases-drill-support-type = Type d'appui { $code }
cases-drill-from = Modifié depuis le { $date }
cases-drill-to = Modifié jusqu'au { $date }
cases-drill-area = Domaine de risque { $code }
cases-drill-area-band = au niveau { $band }
cases-drill-rule = Règle impérative { $code } déclenchée

## Nouvelle évaluation (src/ui/pages/new_case.rs) ; les libellés des champs sont les questions du catalogue

new-case-title = Nouvelle évaluation
new-case-intro = Commencez par l'essentiel ; tout le reste se remplit étape par étape et est enregistré comme brouillon.
new-case-create = Créer le brouillon
new-case-assessors-only = Seuls les évaluateurs et évaluatrices ouvrent des évaluations.
