-- Keys the server signs with (the unsubscribe links' HMAC key), generated at first use and kept for good:
-- links in emails already sent must keep working after a restart.
CREATE TABLE server_secrets (
    name        TEXT PRIMARY KEY,
    secret      BLOB NOT NULL,
    created_at  TEXT NOT NULL
);
