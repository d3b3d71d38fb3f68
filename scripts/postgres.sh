#!/usr/bin/env bash
# Throw-away PostgreSQL for tests: `source scripts/postgres.sh` starts one on a loopback port
# with its data under .tmp/ and exports MC_TEST_POSTGRES; `pg_stop` stops and removes it.
set -euo pipefail

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  return 1
}

if ! pg_bin >/dev/null; then
  echo "Installing PostgreSQL from Debian's packages..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(pg_bin)
PG_PORT=${MC_PG_PORT:-55432}
PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/meterchat-pg.XXXXXX")
# PostgreSQL refuses to run as root: run it as the postgres user (or the current one when not root).
PG_USER=$(id -un)
if [ "$(id -u)" = 0 ]; then PG_USER=postgres; chown "$PG_USER" "$PG_DIR"; fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi; }

as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=600" start >/dev/null
# Each test app has its own database and so its own pool; idle connections close after 10 s instead of 5 min,
# so the apps that finished do not hold the server's connection slots while later tests run.
export MC_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=unused;Connection Idle Lifetime=10;Connection Pruning Interval=5"
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
