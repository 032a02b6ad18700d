-- Portfolio figures and personal access tokens (issue 7).
--
-- The portfolio aggregates per component, risk area, support type and hard rule in SQL. These tables
-- hold what the engine computed for each case version, rewritten whenever the cached figures on
-- `cases` are (every save, sign-off and seed), so dashboards never load answers into memory.

-- One row per support component of a scored case.
CREATE TABLE case_components (
    case_id              BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    component_id         TEXT NOT NULL,
    support_types        TEXT NOT NULL,
    recipient_type       TEXT,
    band0                TEXT NOT NULL,
    band                 TEXT NOT NULL,
    recommended_decision TEXT NOT NULL,
    -- The signed decision; NULL until the case version is decided.
    final_decision       TEXT,
    -- Hard rules fired, space-separated.
    hard_rules           TEXT NOT NULL,
    intercession_open    BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (case_id, component_id)
);

-- Triggered risk areas per case: the highest inherent and residual band over its components.
CREATE TABLE case_areas (
    case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    area    TEXT NOT NULL,
    band0   TEXT NOT NULL,
    band1   TEXT NOT NULL,
    PRIMARY KEY (case_id, area)
);
CREATE INDEX case_areas_area ON case_areas(area, band1, case_id);

-- Support types used by any component of a case (the portfolio's support-type filter).
CREATE TABLE case_support_types (
    case_id      BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    support_type TEXT NOT NULL,
    PRIMARY KEY (support_type, case_id)
);
CREATE INDEX case_support_types_case ON case_support_types(case_id);

-- Hard rules fired in any component of a case.
CREATE TABLE case_hard_rules (
    case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    rule    TEXT NOT NULL,
    PRIMARY KEY (rule, case_id)
);
CREATE INDEX case_hard_rules_case ON case_hard_rules(case_id);

-- FALSE until the rows above were written for the case (cases older than this migration are indexed
-- at the next start).
ALTER TABLE cases ADD COLUMN indexed BOOLEAN NOT NULL DEFAULT FALSE;
-- Components whose intercession (8.4) is OPEN (spec §10.8 `open_intercessions`).
ALTER TABLE cases ADD COLUMN open_intercessions BIGINT NOT NULL DEFAULT 0;
-- The portfolio counts over the narrow columns only (a covering index: no answers read).
CREATE INDEX cases_portfolio ON cases(state, country, overall_band, overall_decision, final_decision, updated_at, submitted_at, next_review_date, reassessment_due);
CREATE INDEX cases_unindexed ON cases(indexed) WHERE indexed = FALSE;

-- Personal access tokens for the read API. Only the SHA-256 of the token is stored.
CREATE TABLE api_tokens (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    -- The first characters of the token, shown so the owner can tell tokens apart.
    prefix       TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
