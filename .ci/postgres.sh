#!/usr/bin/env bash
# Install (when missing) and start a local PostgreSQL server for the tests, create
# a role and a database, and print the URL to export as CHRONICLE_TEST_PG.
# Idempotent: run it again and it only checks, then prints the same URL.
# Everything but the URL goes to stderr, so: export CHRONICLE_TEST_PG=$(.ci/postgres.sh)
set -euo pipefail

ROLE=${CHRONICLE_PG_ROLE:-chronicle}
PASSWORD=${CHRONICLE_PG_PASSWORD:-chronicle}
DB=${CHRONICLE_PG_DB:-chronicle_test}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing postgresql" >&2
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
cluster() { pg_lsclusters -h | awk -v v="$VERSION" -v f="$1" '$1 == v && $2 == "main" {print $f}'; }

if [ -z "$(cluster 3)" ]; then
  echo "creating cluster $VERSION/main" >&2
  as_root pg_createcluster "$VERSION" main >&2
fi
PORT=$(cluster 3)
if [ "$(cluster 4)" != "online" ]; then
  echo "starting cluster $VERSION/main on port $PORT" >&2
  as_root pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h localhost -p "$PORT" && break
  sleep 1
done
pg_isready -h localhost -p "$PORT" >&2

psql_pg() { as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  psql_pg -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >&2
fi
if [ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
  psql_pg -c "CREATE DATABASE $DB OWNER $ROLE" >&2
fi

echo "postgresql://$ROLE:$PASSWORD@localhost:$PORT/$DB"
