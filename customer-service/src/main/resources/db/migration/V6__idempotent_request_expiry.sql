-- Idempotency keys expire (idempotency/IdempotencyKeyRetention): the pruning job takes the oldest keys first, in
-- small batches, so it needs them in creation order. (V5 is outbox-support's db/outbox.)
CREATE INDEX idempotent_request_created_idx ON idempotent_request (created_at);
