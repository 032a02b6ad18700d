-- A counter of changes to who is signed in and what they may do (issue 19): ended sessions, revoked
-- tokens, deactivation, passwords, roles, level and countries. Each server keeps signed-in users in
-- memory and compares this counter at most once a second; when another server has changed it, the
-- cached users are read again. One row, bumped in the transaction that makes the change.
CREATE TABLE auth_epoch (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    epoch INTEGER NOT NULL
);
INSERT INTO auth_epoch (id, epoch) VALUES (1, 0);
