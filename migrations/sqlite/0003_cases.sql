-- Cases (one row per version of an assessment) and the history of their saved answers.
CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    reference           TEXT NOT NULL UNIQUE,
    country             TEXT NOT NULL,
    title               TEXT NOT NULL,
    methodology_version TEXT NOT NULL,
    state               TEXT NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'DECIDED', 'SUPERSEDED')),
    version_no          INTEGER NOT NULL DEFAULT 1,
    previous_id         INTEGER REFERENCES cases(id),
    revision            INTEGER NOT NULL DEFAULT 1,
    answers             TEXT NOT NULL,
    valid               BOOLEAN NOT NULL DEFAULT FALSE,
    can_submit          BOOLEAN NOT NULL DEFAULT FALSE,
    overall_band        TEXT,
    overall_decision    TEXT,
    next_review_date    TEXT,
    created_by          INTEGER NOT NULL REFERENCES users(id),
    created_at          TEXT NOT NULL,
    updated_by          INTEGER NOT NULL REFERENCES users(id),
    updated_at          TEXT NOT NULL,
    submitted_at        TEXT
);
CREATE INDEX cases_country_updated ON cases(country, updated_at);
CREATE INDEX cases_updated ON cases(updated_at);
CREATE INDEX cases_state ON cases(state);

-- Every saved revision of the answers: what concurrent editors are shown when their save conflicts.
CREATE TABLE case_revisions (
    case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    answers  TEXT NOT NULL,
    saved_by INTEGER NOT NULL REFERENCES users(id),
    saved_at TEXT NOT NULL,
    PRIMARY KEY (case_id, revision)
);
