-- Which aggregate each handled event belongs to and its place in that aggregate's history, so the order
-- in which this service handled an aggregate's events can be read back (audits, the fault-injection suite).
-- Nullable: rows handled before this migration have neither.
ALTER TABLE inbox ADD COLUMN aggregate_id varchar(255);
ALTER TABLE inbox ADD COLUMN sequence bigint;
CREATE INDEX inbox_aggregate_idx ON inbox (aggregate_id, received_at);
