-- Delivery retention (delivery/DeliveryRetention): sent emails older than the window are found oldest first,
-- through this index of the sent rows that still carry their event (payload <> ''). Pruned invoice rows leave it
-- by being deleted, compacted welcome rows by losing their payload, so it holds only the window's sent emails.
-- (V5 is left free and V6 is messaging-support's db/consumer, as V7 says.)
CREATE INDEX delivery_sent_retention_idx ON delivery (sent_at) WHERE status = 'SENT' AND payload <> '';
