-- OutboxRetention deletes rows kept past OUTBOX_RETENTION (only with OUTBOX_REMOVE_AFTER_INSERT=false), oldest
-- first: the index keeps each batch from scanning the table. IF NOT EXISTS: the stack runs this file before the
-- service does (see V1).
CREATE INDEX IF NOT EXISTS outboxevent_timestamp ON outboxevent (timestamp);
