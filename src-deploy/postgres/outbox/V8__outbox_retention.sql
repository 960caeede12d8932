-- OutboxRetention deletes rows kept past OUTBOX_RETENTION (only with OUTBOX_REMOVE_AFTER_INSERT=false), oldest
-- first: the index keeps each batch from scanning the table. IF NOT EXISTS, as the other outbox migrations, since
-- the local stack creates the table before the relay starts.
CREATE INDEX IF NOT EXISTS outboxevent_timestamp ON outboxevent (timestamp);
