-- The read side (CQRS), fed only by order.events from Kafka, never by the write tables:
-- order_event_log keeps each order's events (its history, and the source of its state at any instant);
-- order_history is the query model behind GET /customers/{id}/orders.
CREATE TABLE order_event_log (
    event_id    uuid PRIMARY KEY,
    order_id    uuid         NOT NULL,
    sequence    bigint       NOT NULL,
    type        varchar(100) NOT NULL,
    occurred_at timestamptz  NOT NULL,
    payload     text         NOT NULL,
    CONSTRAINT order_event_log_sequence_key UNIQUE (order_id, sequence)
);

CREATE TABLE order_history (
    order_id              uuid PRIMARY KEY,
    customer_id           uuid           NOT NULL,
    purchase_order_number varchar(100)   NOT NULL,
    status                varchar(20)    NOT NULL,
    delivery_date         date           NOT NULL,
    total                 numeric(14, 2) NOT NULL,
    invoice_number        varchar(20),
    created_at            timestamptz    NOT NULL,
    updated_at            timestamptz    NOT NULL,
    last_sequence         bigint         NOT NULL
);

CREATE INDEX order_history_customer_idx ON order_history (customer_id, created_at DESC);

CREATE TABLE order_history_line (
    order_id   uuid           NOT NULL REFERENCES order_history (order_id) ON DELETE CASCADE,
    line_no    int            NOT NULL,
    product    varchar(200)   NOT NULL,
    quantity   int            NOT NULL,
    unit_price numeric(12, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE INDEX order_history_line_product_idx ON order_history_line (lower(product));
