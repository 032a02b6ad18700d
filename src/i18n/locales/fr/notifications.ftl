# La page des notifications (/notifications).

notifications-intro = Ce qui est arrivé aux évaluations sur lesquelles vous travaillez : soumissions qui vous attendent, renvois, avis conformes, décisions, commentaires, événements déclencheurs et rappels.
notifications-loading = Chargement…
notifications-empty = Rien pour l'instant. Vous trouverez ici ce que le circuit de validation attend de vous.
notifications-all-read = Tout est lu.
notifications-unread = { $count ->
    [one] { $n } notification non lue.
   *[other] { $n } notifications non lues.
}
notifications-mark-all-read = Tout marquer comme lu
notifications-newest-only = Seules les { $n } plus récentes sont affichées.
notifications-new = Nouveau
notifications-open-case = Ouvrir le dossier
notifications-open = Ouvrir
notifications-at = { $at } UTC
mail-heading = Courrier électronique
mail-intro = Chaque notification s'affiche ici. Par courriel, vous recevez aussi la référence, le titre, le pays et le statut du dossier avec un lien de retour — jamais de réponses ni de niveaux de risque.
mail-off = Ce serveur n'envoie pas de courriels pour le moment (aucun serveur de messagerie n'est configuré) ; votre choix s'appliquera dès qu'il le fera.
mail-saved = Votre choix de courriel est enregistré.
mail-legend = M'envoyer des courriels
mail-pref-immediate = Immédiatement : un courriel par notification
mail-pref-daily = Résumé quotidien : un courriel par jour listant les notifications du jour
mail-pref-none = Aucun courriel (notifications uniquement dans HRDD)
mail-save = Enregistrer le choix de courriel
