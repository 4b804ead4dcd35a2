-- The outbox: every message accepted by POST /v1/messages, one row each, written in the same transaction as the
-- ledger entry that counts it (a send committed) when it was allowed at once. A row waits while due_at is set:
-- a queued message (committed, to be handed to a connector) or a deferred one (to be checked again then). The row
-- keeps the request as accepted (it names the recipient, and goes when the person is erased), and the first answer
-- given for its Idempotency-Key, so that a retry gets that answer again, even after a crash, since the answer was
-- written with the message.
CREATE TABLE outbox (
    id               TEXT PRIMARY KEY,
    tenant_id        TEXT NOT NULL,
    address          TEXT NOT NULL,
    channel          TEXT NOT NULL,
    status           TEXT NOT NULL,
    due_at           INTEGER,
    committed        INTEGER NOT NULL,
    attempts         INTEGER NOT NULL,
    request          TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    provider_id      TEXT,
    idempotency_key  TEXT,
    fingerprint      BLOB,
    answer           BLOB
);
CREATE UNIQUE INDEX outbox_by_key ON outbox (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX outbox_due ON outbox (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX outbox_by_address ON outbox (tenant_id, address);

-- Each message's statuses, oldest first: queued, deferred, sent, delivered, failed, blocked, with what decided it.
CREATE TABLE message_status (
    message_id  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    status      TEXT NOT NULL,
    detail      TEXT,
    PRIMARY KEY (message_id, seq)
) WITHOUT ROWID;
