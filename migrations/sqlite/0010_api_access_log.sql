-- Reads through the read API with an access token: who read what, when (issue 18). An access log,
-- not part of a case's signed record: reading changes nothing, and the log may be pruned.
CREATE TABLE api_access_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_id  INTEGER NOT NULL REFERENCES api_tokens(id) ON DELETE CASCADE,
    method    TEXT NOT NULL,
    path      TEXT NOT NULL,
    case_id   INTEGER
);
CREATE INDEX api_access_log_case ON api_access_log(case_id, at);
CREATE INDEX api_access_log_user ON api_access_log(user_id, at);
