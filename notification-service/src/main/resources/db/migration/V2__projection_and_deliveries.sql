-- The latest known state of each customer and organization, built only from their events (like a
-- KTable). last_sequence is the highest event sequence applied: older or repeated events are skipped.
CREATE TABLE customer_view (
    customer_id     uuid PRIMARY KEY,
    name            varchar(200) NOT NULL,
    email           varchar(254) NOT NULL,
    organization_id uuid,
    active          boolean      NOT NULL,
    last_sequence   bigint       NOT NULL,
    updated_at      timestamptz  NOT NULL
);

CREATE TABLE organization_view (
    organization_id uuid PRIMARY KEY,
    name            varchar(200) NOT NULL,
    last_sequence   bigint       NOT NULL,
    updated_at      timestamptz  NOT NULL
);

-- The delivery ledger: one row per email an event calls for, written in the transaction that marks
-- the event as received (inbox). A dispatcher sends due rows, retries with backoff and dead-letters
-- the ones that run out of attempts. It answers "did this customer get the email?".
CREATE TABLE delivery (
    event_id        uuid PRIMARY KEY,
    kind            varchar(20)  NOT NULL,
    customer_id     uuid         NOT NULL,
    status          varchar(20)  NOT NULL,
    attempts        int          NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz  NOT NULL,
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    recipient       varchar(254),
    source_topic    varchar(255) NOT NULL,
    source_key      varchar(255),
    event_type      varchar(255) NOT NULL,
    payload         text         NOT NULL
);

CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');
CREATE INDEX delivery_customer_idx ON delivery (customer_id, kind);
CREATE INDEX delivery_status_idx ON delivery (status);
