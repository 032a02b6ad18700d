-- How many case versions each country has in each workflow state, kept exact by triggers on
-- `case_facts`. The case list's total (every list opens with "n assessments") and the list of
-- countries come from these few rows instead of counting 100,000 rows on every page view.
CREATE TABLE case_counts (
    country TEXT NOT NULL,
    state   TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (country, state)
) WITHOUT ROWID;
INSERT INTO case_counts (country, state, n) SELECT country, state, COUNT(*) FROM case_facts GROUP BY country, state;
CREATE TRIGGER case_counts_insert AFTER INSERT ON case_facts BEGIN
    INSERT INTO case_counts (country, state, n) VALUES (NEW.country, NEW.state, 1)
        ON CONFLICT (country, state) DO UPDATE SET n = n + 1;
END;
-- Saving a draft rewrites its facts row without changing country or state: no count changes then.
CREATE TRIGGER case_counts_update AFTER UPDATE OF country, state ON case_facts
    WHEN OLD.country <> NEW.country OR OLD.state <> NEW.state BEGIN
    UPDATE case_counts SET n = n - 1 WHERE country = OLD.country AND state = OLD.state;
    INSERT INTO case_counts (country, state, n) VALUES (NEW.country, NEW.state, 1)
        ON CONFLICT (country, state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER case_counts_delete AFTER DELETE ON case_facts BEGIN
    UPDATE case_counts SET n = n - 1 WHERE country = OLD.country AND state = OLD.state;
END;

-- A case's later versions are found by `previous_id` (the summary's version list, re-assessment);
-- without an index each summary view read every case row.
CREATE INDEX cases_previous ON cases(previous_id);
