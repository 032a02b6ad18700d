-- Instance metadata (installation date, schema notes). Kept tiny on purpose.
CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
INSERT INTO app_meta (key, value) VALUES ('installed_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
