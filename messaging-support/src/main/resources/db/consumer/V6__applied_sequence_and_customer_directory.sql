-- The tables of the consumer shape (messaging-support), in each consuming service's own database. A service lists
-- db/consumer in quarkus.flyway.locations; its own migrations use other version numbers. Idempotent: a service
-- created the directory tables before this file existed (its V2), and this is the one definition from now on.

-- The dedupe rule (inbound/AppliedPosition): one row per consumer and aggregate, never one per event.
-- missing: the sequences jumped over by a gap, comma-separated ascending; gaps: how many jumps there were.
CREATE TABLE IF NOT EXISTS applied_sequence (
    consumer       varchar(100) NOT NULL,
    aggregate_type varchar(50)  NOT NULL,
    aggregate_id   varchar(255) NOT NULL,
    last_sequence  bigint       NOT NULL,
    missing        text         NOT NULL,
    gaps           bigint       NOT NULL,
    updated_at     timestamptz  NOT NULL,
    PRIMARY KEY (consumer, aggregate_type, aggregate_id)
);

-- The customer directory (directory/CustomerDirectory): the latest state of each customer and organization, from
-- their events only. last_sequence is the newest event the row holds.
CREATE TABLE IF NOT EXISTS customer_view (
    customer_id     uuid PRIMARY KEY,
    name            varchar(200) NOT NULL,
    email           varchar(254) NOT NULL,
    organization_id uuid,
    owner_subject   varchar(255),
    active          boolean      NOT NULL,
    last_sequence   bigint       NOT NULL,
    updated_at      timestamptz  NOT NULL
);
ALTER TABLE customer_view ADD COLUMN IF NOT EXISTS owner_subject varchar(255);

CREATE TABLE IF NOT EXISTS organization_view (
    organization_id uuid PRIMARY KEY,
    name            varchar(200) NOT NULL,
    last_sequence   bigint       NOT NULL,
    updated_at      timestamptz  NOT NULL
);
