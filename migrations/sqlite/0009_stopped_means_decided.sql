-- "Components stopped" counts components stopped by a final (signed-off) decision only; a
-- recommended stop still awaiting a decision is reported apart (issue 17, item 15).
UPDATE case_components
SET stopped = CASE WHEN final_decision IN ('DO_NOT_PROCEED', 'SUSPEND', 'TEMPORARY_FREEZE', 'WITHDRAW') THEN 1 ELSE 0 END;
