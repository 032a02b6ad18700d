-- Review, sign-off and the audit trail (spec §10.2–§10.7).

-- Cached figures for the review queues and lists (recomputed at every save, like overall_band).
ALTER TABLE cases ADD COLUMN approval_level INTEGER;
ALTER TABLE cases ADD COLUMN blocking_codes TEXT NOT NULL DEFAULT '';
-- Sign-off: the most restrictive final decision, who signed and when (the record is in case_snapshots).
ALTER TABLE cases ADD COLUMN final_decision TEXT;
ALTER TABLE cases ADD COLUMN decided_by INTEGER REFERENCES users(id);
ALTER TABLE cases ADD COLUMN decided_at TEXT;
-- A trigger event recorded after sign-off makes the version due for re-assessment (§10.6).
ALTER TABLE cases ADD COLUMN reassessment_due BOOLEAN NOT NULL DEFAULT FALSE;
-- Number of audit events of this version; incrementing it serialises appends to the chain.
ALTER TABLE cases ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_state_level ON cases(state, approval_level);

-- Which role a revision was saved in: human-rights advisers' saves are advice, not edits (§10.3).
ALTER TABLE case_revisions ADD COLUMN saved_as TEXT NOT NULL DEFAULT 'assessor';

-- Comments anchored to a wizard step (`step:<segment>`), a risk area (`area:<component>/<AREA>`) or the case ('').
CREATE TABLE case_comments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    anchor     TEXT NOT NULL,
    body       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('COMMENT', 'RETURN', 'CONCURRENCE', 'REFUSAL', 'SIGN_OFF')),
    author_id  INTEGER NOT NULL REFERENCES users(id),
    author_role TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX case_comments_case ON case_comments(case_id, id);

-- The append-only, hash-chained audit trail per case version (§10.7). Never updated or deleted.
CREATE TABLE case_events (
    case_id   INTEGER NOT NULL REFERENCES cases(id),
    seq       INTEGER NOT NULL,
    version   INTEGER NOT NULL,
    actor_id  INTEGER NOT NULL REFERENCES users(id),
    actor     TEXT NOT NULL,
    role      TEXT NOT NULL,
    action    TEXT NOT NULL,
    at        TEXT NOT NULL, -- RFC 3339 exactly as hashed
    details   TEXT NOT NULL,
    prev_hash TEXT,
    hash      TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);
CREATE INDEX case_events_actor ON case_events(actor_id);
