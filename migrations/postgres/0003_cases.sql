-- Cases (one row per version of an assessment) and the history of their saved answers.
CREATE TABLE cases (
    id                  BIGSERIAL PRIMARY KEY,
    reference           TEXT NOT NULL UNIQUE,
    country             TEXT NOT NULL,
    title               TEXT NOT NULL,
    methodology_version TEXT NOT NULL,
    state               TEXT NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'DECIDED', 'SUPERSEDED')),
    version_no          BIGINT NOT NULL DEFAULT 1,
    previous_id         BIGINT REFERENCES cases(id),
    revision            BIGINT NOT NULL DEFAULT 1,
    answers             TEXT NOT NULL,
    valid               BOOLEAN NOT NULL DEFAULT FALSE,
    can_submit          BOOLEAN NOT NULL DEFAULT FALSE,
    overall_band        TEXT,
    overall_decision    TEXT,
    next_review_date    TEXT,
    created_by          BIGINT NOT NULL REFERENCES users(id),
    created_at          TIMESTAMPTZ NOT NULL,
    updated_by          BIGINT NOT NULL REFERENCES users(id),
    updated_at          TIMESTAMPTZ NOT NULL,
    submitted_at        TIMESTAMPTZ
);
CREATE INDEX cases_country_updated ON cases(country, updated_at);
CREATE INDEX cases_updated ON cases(updated_at);
CREATE INDEX cases_state ON cases(state);

-- Every saved revision of the answers: what concurrent editors are shown when their save conflicts.
CREATE TABLE case_revisions (
    case_id  BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    revision BIGINT NOT NULL,
    answers  TEXT NOT NULL,
    saved_by BIGINT NOT NULL REFERENCES users(id),
    saved_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, revision)
);
