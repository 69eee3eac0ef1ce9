#!/usr/bin/env bash
# Starts Debian's PostgreSQL 15 cluster and creates the role and database the storage contract suite uses.
# Idempotent: safe to run again. Run as root (CI) or as a user allowed to `su postgres`.
# Afterwards tests read:
#   WAYMARK_TEST_DATABASE_URL=postgres://waymark_test:waymark_test@127.0.0.1:5432/waymark_test
set -euo pipefail

role="${WAYMARK_TEST_ROLE:-waymark_test}"
password="${WAYMARK_TEST_PASSWORD:-waymark_test}"
database="${WAYMARK_TEST_DB:-waymark_test}"

if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main'; then
  echo "pg-test-setup: no PostgreSQL 15 'main' cluster; install Debian's postgresql package first" >&2
  exit 1
fi
if ! pg_lsclusters -h | grep -q '^15 \+main .* online'; then
  pg_ctlcluster 15 main start
fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres sh -c "$*"; fi
}
psql_admin() { as_postgres "psql -v ON_ERROR_STOP=1 -qtA -c \"$1\""; }

for _ in $(seq 1 30); do
  as_postgres "pg_isready -q" && break
  sleep 0.5
done

if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]; then
  psql_admin "CREATE ROLE $role LOGIN PASSWORD '$password'"
else
  psql_admin "ALTER ROLE $role LOGIN PASSWORD '$password'"
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
  psql_admin "CREATE DATABASE $database OWNER $role"
fi

echo "WAYMARK_TEST_DATABASE_URL=postgres://$role:$password@127.0.0.1:5432/$database"
