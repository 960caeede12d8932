#!/usr/bin/env bash
# Runs once, when the postgres image initialises an empty data volume (/docker-entrypoint-initdb.d).
# It does what src-deploy/stack's setup_postgres does, with the same SQL files (src-deploy/postgres, generated
# into the ConfigMap postgres-sql by src-deploy/kustomization.yaml and mounted at /opt/outboxkit/sql) and the same psql variables, taken from the pod's environment:
# one role and database per service, REPLICATION for the two outbox owners, and the outbox table in the
# customer and orders databases, so the Debezium connectors can start before any service ran Flyway.
# Later password changes are not applied by this script: see k8s/README.md, "Secrets".
set -euo pipefail

sql=/opt/outboxkit/sql
run() { psql -X -q -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password "$@"; }

run --dbname postgres \
    -v customer_user="$CUSTOMER_DB_USER" -v customer_password="$CUSTOMER_DB_PASSWORD" -v customer_db="$CUSTOMER_DB_NAME" \
    -v orders_user="$ORDERS_DB_USER" -v orders_password="$ORDERS_DB_PASSWORD" -v orders_db="$ORDERS_DB_NAME" \
    -v notification_user="$NOTIFICATION_DB_USER" -v notification_password="$NOTIFICATION_DB_PASSWORD" \
    -v notification_db="$NOTIFICATION_DB_NAME" \
    -f "$sql/00-roles-and-databases.sql"

# The outbox migrations (V*__*.sql: the files the services' Flyway runs as db/outbox), in version order, as the owner.
migrations=$(printf -- '-f %s\n' "$sql"/V*__*.sql | sort -V)
for pair in "$CUSTOMER_DB_NAME:$CUSTOMER_DB_USER" "$ORDERS_DB_NAME:$ORDERS_DB_USER"; do
    # shellcheck disable=SC2086
    run --dbname "${pair%%:*}" -c 'SET client_min_messages = warning' -c "SET ROLE \"${pair#*:}\"" $migrations
done

# Keycloak's own database, only where Keycloak runs in production mode (the prod overlay sets these).
if [ -n "${KEYCLOAK_DB_USER:-}" ]; then
    run --dbname postgres -v kc_user="$KEYCLOAK_DB_USER" -v kc_password="$KEYCLOAK_DB_PASSWORD" \
        -v kc_db="$KEYCLOAK_DB_NAME" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'kc_user', :'kc_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'kc_user') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'kc_db', :'kc_user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'kc_db') \gexec
SQL
fi
