-- Kept revisions stored compactly (issue 19). Every save keeps the whole draft for conflict reports
-- and the record; as text that was most of the database. New revisions go into `packed` (the same
-- JSON, zlib-compressed; `store::packed`), with `answers` NULL; revisions kept before this migration
-- stay as text until the server's background packer rewrites them. Exactly one of the two is set.
ALTER TABLE case_revisions ALTER COLUMN answers DROP NOT NULL;
ALTER TABLE case_revisions ADD COLUMN packed BYTEA;
ALTER TABLE case_revisions ADD CONSTRAINT case_revisions_one_form CHECK ((answers IS NULL) <> (packed IS NULL));
-- The packed bytes are already compressed: PostgreSQL's own TOAST compression would only cost time.
ALTER TABLE case_revisions ALTER COLUMN packed SET STORAGE EXTERNAL;
