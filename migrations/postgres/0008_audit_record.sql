-- A tamper-evident record (docs/SECURITY.md): one global, gap-free sequence of signed events over
-- cases, comments and accounts, replacing the per-case chains of 0005.

-- The head of the sequence: the last event's number and hash. Every append updates this one row,
-- so appends are serialised and numbers are never skipped or reused.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT
);

CREATE TABLE audit_events (
    seq             BIGINT PRIMARY KEY,       -- global, gap-free, from 1
    case_id         BIGINT  REFERENCES cases(id),
    case_seq        BIGINT,                  -- position in the case version's own history
    version         BIGINT,
    subject_user_id BIGINT  REFERENCES users(id), -- account events: whose account changed
    actor_id        BIGINT  REFERENCES users(id), -- NULL for the command line
    actor           TEXT NOT NULL,
    role            TEXT NOT NULL,
    action          TEXT NOT NULL,
    at              TEXT NOT NULL,            -- RFC 3339 exactly as hashed
    details         TEXT NOT NULL,
    prev_hash       TEXT,                     -- hash of event seq - 1
    hash            TEXT NOT NULL,
    key_id          TEXT,                     -- which signing key; NULL only before sealing (upgrade)
    signature       TEXT,
    UNIQUE (case_id, case_seq)
);
CREATE INDEX audit_events_subject ON audit_events(subject_user_id, seq);
CREATE INDEX audit_events_actor ON audit_events(actor_id);

-- Earlier per-case events move into the global sequence in the order they happened; they are
-- re-hashed and signed once at the first start of this version (src/audit/seal.rs).
INSERT INTO audit_events (seq, case_id, case_seq, version, actor_id, actor, role, action, at, details, prev_hash, hash)
SELECT ROW_NUMBER() OVER (ORDER BY at, case_id, seq), case_id, seq, version, actor_id, actor, role, action, at, details, NULL, hash
FROM case_events;
INSERT INTO audit_head (id, seq, hash) SELECT 1, COUNT(*), NULL FROM audit_events;
DROP TABLE case_events;

-- Snapshots are signed too, so an exported record can be checked with the public key alone.
ALTER TABLE case_snapshots ADD COLUMN key_id TEXT;
ALTER TABLE case_snapshots ADD COLUMN signature TEXT;

-- Sign-in throttling per account and address.
CREATE INDEX sign_in_attempts_email_ip ON sign_in_attempts(email, ip, at);
