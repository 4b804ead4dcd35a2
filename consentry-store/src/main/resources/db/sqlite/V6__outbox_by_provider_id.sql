-- A delivery receipt names a message by the id its peer gave it (an SMSC's message_id): found by that id.
CREATE INDEX outbox_by_provider_id ON outbox (provider_id) WHERE provider_id IS NOT NULL;
