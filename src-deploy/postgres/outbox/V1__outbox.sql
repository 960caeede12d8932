-- Written by the Debezium outbox extension in the transaction of each change and deleted again in that
-- same transaction: the relay reads the INSERT from the WAL, so the table itself stays empty.
-- Column names are build-time settings of the extension (META-INF/microprofile-config.properties of this
-- module) and of the relay (src-deploy/debezium/*-outbox.json). The local stack creates this table before
-- the relay starts (src-deploy/postgres/10-outbox-table.sql), hence IF NOT EXISTS; OutboxTableDefinitionTest
-- keeps the two statements identical.
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
