#!/usr/bin/env bash
# The one test command: installs and starts what the tests need, runs every test project, stops it all.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Each app a test builds watches files (appsettings, static assets); Linux allows 128 inotify instances per user, and a
# test run builds hundreds of apps. Poll instead of inotify, and raise the limit when allowed (CI runs as root).
export DOTNET_USE_POLLING_FILE_WATCHER=true
if [ "$(id -u)" = 0 ] && [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)" -lt 1024 ]; then
  sysctl -qw fs.inotify.max_user_instances=1024 2>/dev/null || true
fi

source scripts/postgres.sh
source scripts/redis.sh
trap 'pg_stop; redis_stop; if type ganache_stop >/dev/null 2>&1; then ganache_stop; fi' EXIT
source scripts/ganache.sh
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian's packages (browser tests)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -x /usr/bin/turnserver ]; then
  echo "Installing coturn from Debian's packages (relay-evidence browser test)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq coturn >/dev/null
fi

if ! command -v promtool >/dev/null; then
  echo "Installing Prometheus from Debian's packages (promtool checks deploy/prometheus)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

build_log=$(mktemp)
if ! dotnet build Meterchat.slnx -c Release -warnaserror >"$build_log" 2>&1; then
  grep -E "error|FAILED" "$build_log" | sort -u | head -n 40; echo "Build failed."; exit 1
fi

results=$(mktemp -d)
run() { # run NAME PROJECT [ENV=VALUE...]
  local name=$1 project=$2; shift 2
  echo "== $name"
  env "$@" dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    -- xUnit.ParallelizeTestCollections=true
}

status=0
# The alert rules, their unit tests and the scrape config (the token file exists on the monitoring host only).
echo "== promtool"
(cd deploy/prometheus && promtool check rules meterchat-alerts.yml && promtool test rules meterchat-alerts.test.yml \
  && promtool check config --syntax-only prometheus.yml) || status=1
# The checked-in test token bytecode is what its Solidity source compiles to.
echo "== contracts"
scripts/compile-contracts.sh --check || status=1
run tron tests/Meterchat.Tron.Tests || status=1
run devchain tests/Meterchat.DevChain.Tests || status=1
run unit tests/Meterchat.Tests || status=1
run integration-sqlite tests/Meterchat.IntegrationTests MC_TEST_DB=sqlite || status=1
run integration-postgres tests/Meterchat.IntegrationTests MC_TEST_DB=postgres || status=1
run cluster tests/Meterchat.ClusterTests MC_TEST_DB=postgres || status=1
# Browsers and the app share a network namespace with only loopback: WebRTC media cannot leave the machine.
export -f run; export results
if [ "$(id -u)" = 0 ]; then
  unshare -n bash -c 'ip link set lo up && run browser tests/Meterchat.BrowserTests' || status=1
else
  run browser tests/Meterchat.BrowserTests || status=1
fi

# One closing line for all projects: "N passed, N failed".
passed=0; failed=0
for f in "$results"/*.trx; do
  c=$(grep -o '<Counters [^>]*>' "$f")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$c")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$c")))
done
echo "Tests: $passed passed, $failed failed"
exit $status
