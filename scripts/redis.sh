#!/usr/bin/env bash
# Throw-away Redis for tests: `source scripts/redis.sh` starts one on a loopback port with its files in a
# temp directory and exports MC_TEST_REDIS; `redis_stop` stops and removes it.
set -euo pipefail

if ! command -v redis-server >/dev/null; then
  echo "Installing Redis from Debian's packages..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
REDIS_PORT=${MC_REDIS_PORT:-56379}
REDIS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/meterchat-redis.XXXXXX")
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" --save '' --appendonly no \
  --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" >/dev/null
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
export MC_TEST_REDIS="127.0.0.1:$REDIS_PORT"
redis_stop() { redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$REDIS_DIR"; }
echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on $MC_TEST_REDIS"
