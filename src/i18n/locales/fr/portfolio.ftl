# Le portefeuille (/portfolio). Les mots des niveaux, décisions et statuts viennent de values.ftl ;
# les noms des domaines et les titres des règles, du catalogue de la méthodologie.

portfolio-loading = Chargement du portefeuille…
portfolio-as-of = Versions en cours des évaluations dans vos pays · chiffres au { $time } (actualisés toutes les { $seconds } s)
portfolio-export = Exporter les dossiers derrière ces chiffres :
portfolio-filter-label = Filtrer le portefeuille
portfolio-current-versions = Versions en cours
portfolio-decision = Décision
portfolio-any-decision = Toute décision
portfolio-support-type = Type d'appui
portfolio-any-support-type = Tout type d'appui
portfolio-from = Modifié depuis le
portfolio-to = Modifié jusqu'au
portfolio-reset = Réinitialiser
portfolio-apply = Appliquer les filtres
portfolio-tile-total = Évaluations
portfolio-tile-high = Risque résiduel ÉLEVÉ
portfolio-tile-stopped = Composantes arrêtées
portfolio-tile-stopped-note = par une décision signée ; { $count } de plus recommandées, pas encore décidées
portfolio-reviews-overdue = Examens en retard
portfolio-reassessments-due = Réévaluations à faire
portfolio-open-intercessions = Intercessions en cours
portfolio-chart-band = Niveau résiduel global
portfolio-chart-decision = Décision en vigueur
portfolio-chart-decision-note = Définitive une fois signée, sinon la recommandation du moteur.
portfolio-chart-status = Statut
portfolio-show-table = Afficher sous forme de tableau
portfolio-cases = Dossiers
portfolio-heat-heading = Pays × domaines de risque
portfolio-heat-title = Pays × domaines de risque : niveau résiduel le plus élevé parmi les dossiers où le domaine est déclenché
portfolio-heat-legend = Niveau résiduel le plus élevé ; nombre = dossiers où le domaine est déclenché :
portfolio-heat-none = Aucune évaluation notée ne correspond à ces filtres.
portfolio-heat-cases = { $count ->
    [one] { $n } dossier
   *[other] { $n } dossiers
}
portfolio-heat-scroll = Carte de chaleur (défile latéralement sur un petit écran)
portfolio-risk-area = Domaine de risque
portfolio-chart-rules = Règles impératives les plus souvent déclenchées
portfolio-chart-rules-note = Dossiers où la règle s'est déclenchée pour au moins une composante.
portfolio-chart-high-areas = Domaines le plus souvent au niveau ÉLEVÉ
portfolio-chart-high-areas-note = Dossiers dont le niveau résiduel dans le domaine est ÉLEVÉ.
portfolio-by-country = Par pays
portfolio-incomplete = Incomplets
portfolio-decisions-in-force = Décisions en vigueur
portfolio-stopped-components = Composantes arrêtées
portfolio-stops-heading = Composantes suspendues, gelées ou à ne pas poursuivre (signées)
portfolio-stops-all = Les { $count } →
portfolio-none = Aucune.
portfolio-case = Dossier
portfolio-component = Composante
