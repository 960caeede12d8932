-- Run by `src-deploy/stack up` as the superuser on the maintenance database `postgres`, on every `up`.
-- Idempotent. psql variables (set by the stack from env vars):
--   customer_user customer_password customer_db
--   orders_user orders_password orders_db
--   notification_user notification_password notification_db
-- One database + owner role per service. The customer and orders roles also get REPLICATION because the
-- Debezium connector of that database connects as the database owner (it must own the outbox table to
-- manage its filtered publication, and needs REPLICATION for the logical replication slot).
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN', :'customer_user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'customer_user') \gexec
SELECT format('ALTER ROLE %I LOGIN REPLICATION PASSWORD %L', :'customer_user', :'customer_password') \gexec

SELECT format('CREATE ROLE %I LOGIN', :'orders_user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'orders_user') \gexec
SELECT format('ALTER ROLE %I LOGIN REPLICATION PASSWORD %L', :'orders_user', :'orders_password') \gexec

SELECT format('CREATE ROLE %I LOGIN', :'notification_user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'notification_user') \gexec
SELECT format('ALTER ROLE %I LOGIN NOREPLICATION PASSWORD %L', :'notification_user', :'notification_password') \gexec

SELECT format('CREATE DATABASE %I OWNER %I', :'customer_db', :'customer_user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'customer_db') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'orders_db', :'orders_user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'orders_db') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'notification_db', :'notification_user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'notification_db') \gexec
