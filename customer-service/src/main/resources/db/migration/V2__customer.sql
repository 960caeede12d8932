CREATE TABLE customer (
    id             uuid PRIMARY KEY,
    name           varchar(200) NOT NULL,
    email          varchar(254) NOT NULL,
    created_at     timestamptz  NOT NULL,
    event_sequence bigint       NOT NULL DEFAULT 0,
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT customer_email_key UNIQUE (email)
);
