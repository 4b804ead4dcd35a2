-- The first answer to each request a tenant sent with an Idempotency-Key, for 24 hours: a retry gets that answer
-- again instead of a second effect (a send committed twice, a consent recorded twice). A row is written, and synced,
-- before the request takes effect (status NULL: in progress), and completed with the answer; a row left in progress by
-- a process that died is never run again (its outcome is unknown). fingerprint is the SHA-256 of the method, path and
-- body, so that a key reused for another request is refused.
CREATE TABLE idempotency (
    tenant_id     TEXT NOT NULL,
    key           TEXT NOT NULL,
    fingerprint   BLOB NOT NULL,
    created_at    INTEGER NOT NULL,
    status        INTEGER,
    content_type  TEXT,
    body          BLOB,
    PRIMARY KEY (tenant_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_by_created_at ON idempotency (created_at);
