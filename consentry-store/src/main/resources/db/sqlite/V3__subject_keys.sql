-- Each person's key (per tenant): the fields of every ledger event about them are sealed under it (AES-256-GCM)
-- before they are chained. Erasure (GDPR art. 17) deletes the key; the sealed events stay, unreadable, and the chain
-- still verifies. subject_ref is the salted hash the ledger's subject column holds for those events.
CREATE TABLE subject_keys (
    tenant_id    TEXT NOT NULL,
    subject_ref  TEXT NOT NULL,
    key          BLOB NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, subject_ref)
) WITHOUT ROWID;
