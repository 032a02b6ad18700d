-- How many case versions each country has in each workflow state, kept exact by triggers on
-- `case_facts`. The case list's total (every list opens with "n assessments") and the list of
-- countries come from these few rows instead of counting 100,000 rows on every page view.
CREATE TABLE case_counts (
    country TEXT NOT NULL,
    state   TEXT NOT NULL,
    n       BIGINT NOT NULL,
    PRIMARY KEY (country, state)
);
INSERT INTO case_counts (country, state, n) SELECT country, state, COUNT(*) FROM case_facts GROUP BY country, state;
CREATE FUNCTION case_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE case_counts SET n = n - 1 WHERE country = OLD.country AND state = OLD.state;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO case_counts (country, state, n) VALUES (NEW.country, NEW.state, 1)
            ON CONFLICT (country, state) DO UPDATE SET n = case_counts.n + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER case_counts_insert_delete AFTER INSERT OR DELETE ON case_facts
    FOR EACH ROW EXECUTE FUNCTION case_counts_sync();
-- Saving a draft rewrites its facts row without changing country or state: no count changes then.
CREATE TRIGGER case_counts_update AFTER UPDATE OF country, state ON case_facts
    FOR EACH ROW WHEN (OLD.country IS DISTINCT FROM NEW.country OR OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION case_counts_sync();

-- A case's later versions are found by `previous_id` (the summary's version list, re-assessment);
-- without an index each summary view read every case row.
CREATE INDEX cases_previous ON cases(previous_id);
