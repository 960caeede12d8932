-- The write side: orders, their lines and invoices. (V1 is the outbox table, from outbox-support.)
CREATE TABLE orders (
    id                    uuid PRIMARY KEY,
    purchase_order_number varchar(100)  NOT NULL,
    customer_id           uuid          NOT NULL,
    organization_id       uuid,
    status                varchar(20)   NOT NULL,
    delivery_date         date          NOT NULL,
    total                 numeric(14, 2) NOT NULL,
    created_at            timestamptz   NOT NULL,
    event_sequence        bigint        NOT NULL DEFAULT 0,
    version               bigint        NOT NULL DEFAULT 0,
    CONSTRAINT orders_customer_po_key UNIQUE (customer_id, purchase_order_number)
);

CREATE TABLE order_line (
    order_id   uuid          NOT NULL REFERENCES orders (id),
    line_no    int           NOT NULL,
    product    varchar(200)  NOT NULL,
    quantity   int           NOT NULL CHECK (quantity > 0),
    unit_price numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no)
);

CREATE SEQUENCE invoice_number_seq;

CREATE TABLE invoice (
    id              uuid PRIMARY KEY,
    number          varchar(20)    NOT NULL UNIQUE,
    order_id        uuid           NOT NULL UNIQUE REFERENCES orders (id),
    customer_id     uuid           NOT NULL,
    organization_id uuid,
    amount          numeric(14, 2) NOT NULL,
    issued_at       timestamptz    NOT NULL
);

-- What this service knows of customers and organizations: only what their events said (no calls to
-- customer-service). last_sequence guards against stale and repeated events.
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
