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
    -- The decision in force (final, else recommended) stops the support: DO_NOT_PROCEED, SUSPEND,
    -- TEMPORARY_FREEZE or WITHDRAW.
    stopped              BOOLEAN NOT NULL DEFAULT FALSE,
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
CREATE INDEX case_components_stopped ON case_components(stopped, case_id);

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
CREATE INDEX cases_unindexed ON cases(indexed) WHERE indexed = FALSE;

-- The case list, exports and portfolio read the narrow columns of a case version from `case_facts`, a
-- copy kept in step with `cases` by triggers. Rows of `cases` carry the whole answers document (tens of
-- KB), so scanning or joining them for figures would read gigabytes at 100,000 cases.
CREATE TABLE case_facts (
    id                 BIGINT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    reference          TEXT NOT NULL,
    country            TEXT NOT NULL,
    title              TEXT NOT NULL,
    state              TEXT NOT NULL,
    version_no         BIGINT NOT NULL,
    overall_band       TEXT,
    overall_decision   TEXT,
    final_decision     TEXT,
    can_submit         BOOLEAN NOT NULL,
    approval_level     BIGINT,
    updated_at         TIMESTAMPTZ NOT NULL,
    updated_by         BIGINT NOT NULL,
    submitted_at       TIMESTAMPTZ,
    decided_at         TIMESTAMPTZ,
    next_review_date   TEXT,
    reassessment_due   BOOLEAN NOT NULL,
    open_intercessions BIGINT NOT NULL
);
CREATE INDEX case_facts_portfolio ON case_facts(state, country, overall_band, overall_decision, final_decision, submitted_at, next_review_date, reassessment_due, open_intercessions);
CREATE INDEX case_facts_updated ON case_facts(updated_at, id);
CREATE INDEX case_facts_country_updated ON case_facts(country, updated_at);
INSERT INTO case_facts (id, reference, country, title, state, version_no, overall_band, overall_decision, final_decision, can_submit, approval_level, updated_at, updated_by, submitted_at, decided_at, next_review_date, reassessment_due, open_intercessions) SELECT id, reference, country, title, state, version_no, overall_band, overall_decision, final_decision, can_submit, approval_level, updated_at, updated_by, submitted_at, decided_at, next_review_date, reassessment_due, open_intercessions FROM cases;
CREATE FUNCTION case_facts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO case_facts (id, reference, country, title, state, version_no, overall_band, overall_decision, final_decision, can_submit, approval_level, updated_at, updated_by, submitted_at, decided_at, next_review_date, reassessment_due, open_intercessions) VALUES (NEW.id, NEW.reference, NEW.country, NEW.title, NEW.state, NEW.version_no, NEW.overall_band, NEW.overall_decision, NEW.final_decision, NEW.can_submit, NEW.approval_level, NEW.updated_at, NEW.updated_by, NEW.submitted_at, NEW.decided_at, NEW.next_review_date, NEW.reassessment_due, NEW.open_intercessions)
    ON CONFLICT (id) DO UPDATE SET reference = EXCLUDED.reference, country = EXCLUDED.country, title = EXCLUDED.title, state = EXCLUDED.state, version_no = EXCLUDED.version_no, overall_band = EXCLUDED.overall_band, overall_decision = EXCLUDED.overall_decision, final_decision = EXCLUDED.final_decision, can_submit = EXCLUDED.can_submit, approval_level = EXCLUDED.approval_level, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by, submitted_at = EXCLUDED.submitted_at, decided_at = EXCLUDED.decided_at, next_review_date = EXCLUDED.next_review_date, reassessment_due = EXCLUDED.reassessment_due, open_intercessions = EXCLUDED.open_intercessions;
    RETURN NULL;
END
$$;
CREATE TRIGGER cases_facts_sync AFTER INSERT OR UPDATE OF reference, country, title, state, version_no, overall_band, overall_decision, final_decision, can_submit, approval_level, updated_at, updated_by, submitted_at, decided_at, next_review_date, reassessment_due, open_intercessions ON cases
    FOR EACH ROW EXECUTE FUNCTION case_facts_sync();

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
