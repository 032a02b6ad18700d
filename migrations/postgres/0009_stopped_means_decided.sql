-- "Components stopped" counts components stopped by a final (signed-off) decision only; a
-- recommended stop still awaiting a decision is reported apart (issue 17, item 15).
UPDATE case_components
SET stopped = COALESCE(final_decision IN ('DO_NOT_PROCEED', 'SUSPEND', 'TEMPORARY_FREEZE', 'WITHDRAW'), FALSE);
