-- A status a tenant with a status webhook is to hear of: due while notify_due_at is set, posted (and retried with a
-- backoff) by the delivery's webhook worker; written with the status, in the same transaction, so that none is lost.
ALTER TABLE message_status ADD COLUMN notify_due_at INTEGER;
ALTER TABLE message_status ADD COLUMN notify_attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX message_status_notices ON message_status (notify_due_at) WHERE notify_due_at IS NOT NULL;
