-- Narrow per-case portfolio figures (issue 19). The portfolio used to join ≈330,000 rows of
-- case_areas (and the component and hard-rule tables) to case_facts for its heat map, hard rules and
-- stopped components; these columns hold the same figures per case, so a cold computation over all
-- countries is one scan of case_facts grouped by identical signatures. Written with the index rows
-- (Write::write_case_index) and after a sign-off (Write::write_final_decisions).
ALTER TABLE case_facts ADD COLUMN area_bands TEXT NOT NULL DEFAULT '';
ALTER TABLE case_facts ADD COLUMN hard_rules TEXT NOT NULL DEFAULT '';
ALTER TABLE case_facts ADD COLUMN stopped_components BIGINT NOT NULL DEFAULT 0;
ALTER TABLE case_facts ADD COLUMN pending_stops BIGINT NOT NULL DEFAULT 0;
-- Cases indexed before this migration get their signature at the next start (the index backfill).
UPDATE cases SET indexed = FALSE, index_digest = NULL;
