#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the test suite on 127.0.0.1:${PGPORT:-54329} and print its URL.
# initdb refuses to run as root, so the server runs as the `postgres` user on a data dir under /tmp.
set -euo pipefail
PGPORT=${PGPORT:-54329}
PGDATA=${PGDATA:-/tmp/armswatch-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$BIN" ] || { echo "start-postgres: no PostgreSQL server installed (apt-get install postgresql)" >&2; exit 1; }
if ! runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown postgres:postgres "$PGDATA"
    runuser -u postgres -- "$BIN/initdb" -D "$PGDATA" -A trust -U postgres >/dev/null
  fi
  runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" \
    -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" -w start >/dev/null
fi
for db in armswatch_test; do
  runuser -u postgres -- "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 || \
    runuser -u postgres -- "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$db"
done
echo "postgresql+psycopg://postgres@127.0.0.1:$PGPORT/armswatch_test"
