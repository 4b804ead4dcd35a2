-- The ledger: append-only, one hash chain per tenant. Every other table is derived or operational.
CREATE TABLE ledger (
    seq          INTEGER PRIMARY KEY,          -- global order of events
    tenant_id    TEXT    NOT NULL,
    tenant_seq   INTEGER NOT NULL,             -- position in the tenant's chain, from 1
    type         TEXT    NOT NULL,
    subject      TEXT,                         -- the address the event concerns, if any
    ref          TEXT,                         -- the consent the event concerns, if any
    recorded_at  TEXT    NOT NULL,
    payload      TEXT    NOT NULL,             -- canonical JSON of the event's fields
    prev_hash    TEXT    NOT NULL,
    hash         TEXT    NOT NULL,
    UNIQUE (tenant_id, tenant_seq)
);

CREATE INDEX ledger_by_subject ON ledger (tenant_id, subject) WHERE subject IS NOT NULL;
CREATE INDEX ledger_by_ref ON ledger (tenant_id, ref) WHERE ref IS NOT NULL;

CREATE TRIGGER ledger_is_append_only_update BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;

CREATE TRIGGER ledger_is_append_only_delete BEFORE DELETE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;

-- The provider's admin keys, hashed.
CREATE TABLE admin_keys (
    key_hash    TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL
);
