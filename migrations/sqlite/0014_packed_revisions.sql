-- Kept revisions stored compactly (issue 19). Every save keeps the whole draft for conflict reports
-- and the record; as text that was most of the database. New revisions go into `packed` (the same
-- JSON, zlib-compressed; `store::packed`), with `answers` NULL; revisions kept before this migration
-- stay as text until the server's background packer rewrites them. Exactly one of the two is set.
-- SQLite cannot drop a NOT NULL constraint in place: the table is rebuilt with the same rows.
CREATE TABLE case_revisions_packed (
    case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    answers  TEXT,
    packed   BLOB,
    saved_by INTEGER NOT NULL REFERENCES users(id),
    saved_at TEXT NOT NULL,
    saved_as TEXT NOT NULL DEFAULT 'assessor',
    PRIMARY KEY (case_id, revision),
    CHECK ((answers IS NULL) <> (packed IS NULL))
);
INSERT INTO case_revisions_packed (case_id, revision, answers, packed, saved_by, saved_at, saved_as)
    SELECT case_id, revision, answers, NULL, saved_by, saved_at, saved_as FROM case_revisions;
DROP TABLE case_revisions;
ALTER TABLE case_revisions_packed RENAME TO case_revisions;
