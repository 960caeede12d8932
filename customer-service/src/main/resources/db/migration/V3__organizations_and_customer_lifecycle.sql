CREATE TABLE organization (
    id             uuid PRIMARY KEY,
    name           varchar(200) NOT NULL,
    created_at     timestamptz  NOT NULL,
    event_sequence bigint       NOT NULL DEFAULT 0,
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT organization_name_key UNIQUE (name)
);

ALTER TABLE customer
    ADD COLUMN organization_id uuid REFERENCES organization (id),
    ADD COLUMN active          boolean     NOT NULL DEFAULT true,
    ADD COLUMN deactivated_at  timestamptz;

CREATE INDEX customer_organization_idx ON customer (organization_id);
CREATE INDEX customer_created_idx ON customer (created_at, id);

-- The first response to each POST that carried an Idempotency-Key, stored in the transaction that
-- produced it, so that a retry returns it instead of acting twice.
CREATE TABLE idempotent_request (
    scope           varchar(100) NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    fingerprint     varchar(64)  NOT NULL,
    status          int,
    location        varchar(500),
    body            text,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
