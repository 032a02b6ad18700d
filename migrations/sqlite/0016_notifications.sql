-- Notifications (issue 21): in the app and by e-mail.
--
-- A notice is one row per recipient and event, written in the same transaction as the workflow change
-- that causes it. Its e-mail goes through `outbox`, written in that same transaction too, so a change
-- and its messages commit together; a sender task delivers the outbox with retries (services::mail).

-- How a user takes e-mail: IMMEDIATE (a message per notice), DAILY (one digest a day) or NONE.
ALTER TABLE users ADD COLUMN mail_pref TEXT NOT NULL DEFAULT 'IMMEDIATE';

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    case_id    INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    -- Words of the act quoted in the app (a return comment); never part of an e-mail.
    note       TEXT,
    link       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at    TEXT,
    -- NO (in the app only), QUEUED (its own message is in the outbox), DIGEST (waits for the daily
    -- digest), DIGESTED (a digest message carries it).
    by_mail    TEXT NOT NULL DEFAULT 'NO'
);
CREATE INDEX notifications_inbox ON notifications(user_id, read_at, id);
CREATE INDEX notifications_digest ON notifications(by_mail, user_id) WHERE by_mail = 'DIGEST';

-- The e-mail outbox: one message per row, delivered by whichever server claims it first.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- NOTICE (one notice) or DIGEST (the day's notices of a user who takes a digest).
    kind            TEXT NOT NULL,
    -- JSON: what the message tells (subject, body and link of each notice), never answers or figures.
    items           TEXT NOT NULL,
    -- The Message-ID's local part, random: set once, so every attempt sends the same message.
    message_key     TEXT NOT NULL UNIQUE,
    -- A digest's user and day (`<day>/<user>`): at most one digest a day, across restarts and servers.
    digest_of       TEXT UNIQUE,
    -- PENDING (to send), SENT, FAILED (attempts exhausted; an administrator may retry).
    state           TEXT NOT NULL DEFAULT 'PENDING',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    -- A server that claimed the message holds it until then; after a crash another attempt follows.
    lease_until     TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

-- Re-assessment reminders already written: one per case version, due date and kind, across restarts
-- and servers (the primary key refuses the second).
CREATE TABLE reminders_sent (
    case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    due_date TEXT NOT NULL,
    kind     TEXT NOT NULL,
    sent_at  TEXT NOT NULL,
    PRIMARY KEY (case_id, due_date, kind)
);
