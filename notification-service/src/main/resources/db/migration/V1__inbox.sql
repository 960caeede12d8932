-- One row per handled event, written in the transaction of the handler's effect.
CREATE TABLE inbox (
    event_id    uuid PRIMARY KEY,
    event_type  varchar(255) NOT NULL,
    received_at timestamptz  NOT NULL
);
