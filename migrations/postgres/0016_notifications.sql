-- Notifications (issue 21): one row per recipient and event, written in the same transaction as the
-- workflow change that causes it. The row is the in-app notice and, with `mail_state`, the outbox
-- entry of its e-mail: NONE (in-app only), PENDING (to send), SENT, FAILED (retries exhausted).
CREATE TABLE notifications (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    case_id         BIGINT REFERENCES cases(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    link            TEXT NOT NULL,
    -- Set where one notice must not be written twice (a reminder per version, due date and kind).
    once_key        TEXT UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL,
    read_at         TIMESTAMPTZ,
    mail_state      TEXT NOT NULL DEFAULT 'NONE',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX notifications_inbox ON notifications(user_id, read_at, id);
CREATE INDEX notifications_outbox ON notifications(mail_state, next_attempt_at);
