-- Country reference data (issue 20, spec §3.6 step 2): the country context of questions 4.1–4.8 as
-- administrators keep it. Every change is a new dated entry, never an update: the history is the
-- table. `value` is the answer as JSON; NULL: no value from `effective_from` on.
CREATE TABLE reference_entries (
    id             BIGSERIAL PRIMARY KEY,
    country        TEXT NOT NULL,
    question       TEXT NOT NULL,
    value          TEXT,
    effective_from TEXT NOT NULL,
    citation       TEXT NOT NULL,
    url            TEXT,
    recorded_by    BIGINT NOT NULL REFERENCES users(id),
    recorded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX reference_entries_country ON reference_entries(country, question, effective_from);

-- Which entries a case version was pre-filled with, when it was created.
CREATE TABLE case_reference_basis (
    case_id  BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    entry_id BIGINT NOT NULL REFERENCES reference_entries(id),
    PRIMARY KEY (case_id, question)
);

-- The watch triggers of any component (spec §7.5), space-separated: a change of reference data finds
-- the decided cases that watch it without scoring them. Written with the index rows; cases indexed
-- before this migration are indexed again at the next start.
ALTER TABLE case_facts ADD COLUMN watches TEXT NOT NULL DEFAULT '';
UPDATE cases SET indexed = FALSE, index_digest = NULL;
