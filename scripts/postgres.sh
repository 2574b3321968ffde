# Sourced: makes sure a PostgreSQL 15 server runs on 127.0.0.1:5432 with a
# role that may create databases, and points Backstage's TestDatabases at it.
PG_USER="${BVB_PG_USER:-buildvsbuy}"
PG_PASSWORD="${BVB_PG_PASSWORD:-buildvsbuy}"
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql/15 ]; then
  echo "--- installing PostgreSQL 15"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi
if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  pg_createcluster 15 main >/dev/null
fi
if ! pg_lsclusters -h | grep -q '^15 *main.*online'; then
  pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname = '$PG_USER'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"create role $PG_USER login createdb password '$PG_PASSWORD'\""
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:5432"
echo "postgres 15 on 127.0.0.1:5432 as $PG_USER"
