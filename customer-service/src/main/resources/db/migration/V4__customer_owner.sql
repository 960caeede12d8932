-- The identity provider's subject of the user who owns this customer profile, if any. One profile per user.
ALTER TABLE customer ADD COLUMN owner_subject varchar(255);
ALTER TABLE customer ADD CONSTRAINT customer_owner_subject_key UNIQUE (owner_subject);

-- Idempotency keys are scoped per caller, so one user's key never replays another user's response.
ALTER TABLE idempotent_request ALTER COLUMN scope TYPE varchar(400);
