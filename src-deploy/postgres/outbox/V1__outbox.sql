-- Written by the Debezium outbox extension in the transaction of each change and deleted again in that
-- same transaction: the relay reads the INSERT from the WAL, so the table itself stays empty.
-- Column names are build-time settings of the extension (outbox-support's META-INF/microprofile-config.properties)
-- and of the relay (src-deploy/debezium/*-outbox.json).
-- The files of this directory are the outbox table's only definition: outbox-support packages them as the Flyway
-- location db/outbox, and the local stack, docker-compose.yml and k8s/ run them, in version order, before the relay
-- starts (src-deploy/README.md, "Databases and roles"). Every statement is therefore idempotent (IF NOT EXISTS).
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
