-- Run by `src-deploy/stack up` as the superuser in each outbox database (customer, orders), on every `up`.
-- psql variable: owner (the service role that owns the database).
--
-- Why the stack creates this table: the Debezium connector (publication.autocreate.mode=filtered) cannot
-- start while the table in table.include.list does not exist, and the stack registers the connector before
-- any service has run its Flyway migrations. The table is created AS the service role, so the service owns
-- it; the service's Flyway migrations (outbox-support's db/outbox/V*.sql) hold the same statements, and a test
-- (OutboxTableDefinitionTest) fails when the two differ. Columns: what debezium-quarkus-outbox maps, plus
-- eventid, the event's own id, which the relay puts into the Kafka `id` header, and traceparent, the W3C trace
-- context of the change, which the relay puts into the Kafka `traceparent` header.
\set ON_ERROR_STOP on
SELECT format('SET ROLE %I', :'owner') \gexec
CREATE TABLE IF NOT EXISTS outboxevent (
    id                 uuid PRIMARY KEY,
    eventid            uuid         NOT NULL,
    aggregatetype      varchar(255) NOT NULL,
    aggregateid        varchar(255) NOT NULL,
    type               varchar(255) NOT NULL,
    timestamp          timestamptz  NOT NULL,
    payload            text,
    tracingspancontext varchar(256)
);
-- Later outbox migrations (outbox-support's db/outbox/V*.sql), in order; each is idempotent, so a stack whose
-- table predates one gets it at the next `up`.
ALTER TABLE outboxevent ADD COLUMN IF NOT EXISTS traceparent varchar(55);
RESET ROLE;
