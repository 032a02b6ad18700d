# La page d'accueil (/), la boîte de réception, les problèmes d'accès.

home-kicker = ONUDC · HCDH · opérations de paix
home-title = Diligence voulue en matière de droits de l'homme pour l'appui aux autorités nationales
home-intro = Avant et pendant l'appui de l'ONU à la police, aux tribunaux, aux prisons ou aux services de santé, HRDD vérifie que cet appui ne contribue pas à la peine de mort pour des infractions liées aux drogues, à la torture, aux exécutions extrajudiciaires, à la détention arbitraire ou à la discrimination, et consigne qui a décidé quoi, et pourquoi.
home-step = Étape { $number }
home-step-assess = Évaluer
home-step-assess-text = Le personnel du bureau de pays remplit un formulaire guidé, par composante d'appui, et enregistre ses brouillons au fil de l'eau.
home-step-explain = Expliquer
home-step-explain-text = Le moteur évalue chaque domaine de risque : risque inhérent, atténuation, risque résiduel et règles impératives applicables, chaque chiffre étant expliqué.
home-step-review = Examiner
home-step-review-text = Les conseillers aux droits de l'homme approuvent ou s'opposent ; les approbateurs des trois niveaux renvoient ou approuvent. L'approbation fige un dossier scellé par une empreinte numérique.
home-step-oversee = Superviser
home-step-oversee-text = Les responsables suivent les niveaux de risque, les décisions et les réévaluations en retard dans tous les pays.
home-read-methodology = Lire la méthodologie

matrix-title = Comment un risque est évalué
matrix-intro = Risque = probabilité × gravité. Pour les atteintes les plus graves (G = 5), un risque possible (P = 3) est déjà SUBSTANTIEL : un risque réel n'aboutit jamais à une approbation de routine.
matrix-likelihood = Probabilité (L)
matrix-severity = Gravité (S)
matrix-rate = Évaluer
matrix-caption = Niveaux de risque selon la probabilité (lignes) et la gravité (colonnes)
likelihood-1 = Rare
likelihood-2 = Peu probable
likelihood-3 = Possible
likelihood-4 = Probable
likelihood-5 = Quasi certain
severity-1 = Mineure
severity-2 = Modérée
severity-3 = Sérieuse
severity-4 = Grave
severity-5 = Irréparable

inbox-title = Boîte de réception
inbox-heading = Votre boîte de réception
inbox-loading = Chargement de votre boîte de réception…
inbox-sections = Sections de la boîte de réception
inbox-returned = Renvoyées vers vous
inbox-returned-intro = Évaluations renvoyées par un approbateur avec un commentaire ; ouvrez-en une pour aller à l'étape concernée.
inbox-returned-empty = Aucune évaluation n'a été renvoyée.
inbox-drafts = Vos brouillons
inbox-drafts-intro = Évaluations commencées et pas encore soumises, les plus récemment modifiées d'abord.
inbox-drafts-empty = Vous n'avez aucun brouillon.
inbox-advice = Attendent votre accord ou votre avis
inbox-advice-intro = Brouillons et évaluations renvoyées dont la consultation obligatoire du HCDH n'est pas encore consignée, ou dérogations à la baisse et demandes de dérogation en attente d'accord.
inbox-advice-empty = Aucune évaluation ne vous attend.
inbox-decide = Attendent votre approbation (niveau { $level })
inbox-decide-intro = Évaluations soumises qui relèvent du niveau { $level } ou d'un niveau inférieur, les plus anciennes d'abord. Une décision est due { $days } jours après la soumission.
inbox-decide-empty = Rien n'attend votre décision.
inbox-waiting = En attente d'un niveau supérieur
inbox-waiting-intro = Évaluations soumises qui exigent un niveau d'approbation supérieur au vôtre : vous pouvez les lire, les commenter et les renvoyer, mais pas les approuver.
inbox-waiting-empty = Aucune.
inbox-reassess = À réévaluer
inbox-reassess-intro = Évaluations décidées dont la date de révision est passée ou pour lesquelles un événement déclencheur a été consigné (spéc. §10.6).
inbox-reassess-empty = Aucune réévaluation n'est due.
inbox-col-assessment = Évaluation
inbox-col-decision = Décision
inbox-col-since = Depuis
inbox-col-due = Échéance
inbox-col-why = Motif
inbox-overdue = en retard

access-sign-in = Veuillez vous connecter
access-session-ended = Votre session a pris fin. Reconnectez-vous pour continuer.
access-forbidden = Vous n'avez pas accès à cette page
access-failed = Cette page n'a pas pu être chargée
