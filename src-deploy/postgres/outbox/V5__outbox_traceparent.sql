-- The W3C trace context of the change that wrote the event (00-<trace id>-<span id>-<flags>, 55
-- characters), null when no span was current. The relay copies it into the Kafka header `traceparent`
-- (src-deploy/debezium/*-outbox.json, table.fields.additional.placement), where the consumers' OpenTelemetry
-- picks it up. tracingspancontext (V1) stays unused: see META-INF/microprofile-config.properties.
-- Versions are shared with each service's own db/migration: this is 5, a service's next one is 6.
-- IF NOT EXISTS because the local stack adds the column before any service runs (src-deploy/postgres/10-outbox-table.sql,
-- checked by OutboxTableDefinitionTest).
ALTER TABLE outboxevent ADD COLUMN IF NOT EXISTS traceparent varchar(55);
