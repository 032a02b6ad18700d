# La page de référence de la méthodologie (src/ui/pages/methodology.rs). Les textes du catalogue
# sont dans methodology/translations/.

methodology-title = Méthodologie
methodology-loading = Chargement de la méthodologie…
methodology-load-failed = La méthodologie n'a pas pu être chargée :
methodology-steps = L'évaluation, étape par étape
methodology-step = Étape { $number }
methodology-step-per-component = Étape { $number } · par composante
methodology-areas = Domaines de risque
methodology-standards = Normes :
methodology-measures = Mesures d'atténuation
methodology-col-code = Code
methodology-col-measure = Mesure
methodology-col-effect = Effet sur la probabilité
methodology-effect-none = aucun (consignée seulement)
methodology-effect-all = tous les domaines sauf EXT
methodology-rules = Règles impératives
methodology-sources = Sources :
