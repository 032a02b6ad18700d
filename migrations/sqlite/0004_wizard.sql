-- Where each user last worked on each case (the wizard resumes there from any browser).
CREATE TABLE case_positions (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    segment    TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (user_id, case_id)
);

-- Frozen copies of a case version (spec §10.2 submission snapshot, §10.5 sign-off record): never
-- updated or deleted; content_hash is the SHA-256 of the record's canonical JSON.
CREATE TABLE case_snapshots (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id      INTEGER NOT NULL REFERENCES cases(id),
    kind         TEXT NOT NULL CHECK (kind IN ('SUBMISSION', 'SIGN_OFF')),
    revision     INTEGER NOT NULL,
    record       TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    created_by   INTEGER NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL
);
CREATE INDEX case_snapshots_case ON case_snapshots(case_id);
