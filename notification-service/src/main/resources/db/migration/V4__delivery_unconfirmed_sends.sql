-- unconfirmed_sends: sends whose outcome is unknown, each of which may have reached the customer, so the
-- ledger can say "sent, possibly twice" (every copy carries the same Message-ID). Two kinds are counted:
-- an attempt cut off mid-conversation (reset, timeout) after the server may have accepted the email, and
-- a claim that takes over from a sender that stopped mid-send. sending_since, set when a dispatcher claims
-- the email and cleared when it records the outcome, is how such a claim knows.
ALTER TABLE delivery ADD COLUMN sending_since timestamptz;
ALTER TABLE delivery ADD COLUMN unconfirmed_sends int NOT NULL DEFAULT 0;
