-- Each person a tenant's ledger speaks of, numbered in the order first met, with their key: the fields of every
-- ledger event about them are sealed under it (AES-256-GCM) before they are chained, and the event names them by
-- number (ledger.subject_id) instead of by address. Erasure (GDPR art. 17) deletes the key (the row is written again
-- without it); the sealed events stay, unreadable, and the chain still verifies. subject_ref, a salted hash of the
-- address, is not indexed here: the server keeps that index in memory, so that a new person costs appends only.
CREATE TABLE subject_keys (
    id           INTEGER PRIMARY KEY,
    tenant_id    TEXT NOT NULL,
    subject_ref  TEXT NOT NULL,
    key          BLOB,
    created_at   TEXT NOT NULL
);

ALTER TABLE ledger ADD COLUMN subject_id INTEGER;
CREATE INDEX ledger_by_subject_id ON ledger (subject_id) WHERE subject_id IS NOT NULL;
