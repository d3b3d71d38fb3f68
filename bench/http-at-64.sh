#!/usr/bin/env bash
# HTTP at concurrency 64 (docs/performance.md): the app with the anonymous browse cache on (:5901) and off (:5902)
# against a bare Kestrel hello world (:5903), all in one run. Build first: dotnet build -c Release Meterchat.slnx.
# The app runs from src/Meterchat so it reads its appsettings.json (from elsewhere it would log every request).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d)
if [ ! -f /tmp/meterchat-hello/bin/Release/net10.0/hello.dll ]; then
  dotnet new web -o /tmp/meterchat-hello -n hello >/dev/null && dotnet build -c Release /tmp/meterchat-hello >/dev/null
fi
cd "$root/src/Meterchat"
ASPNETCORE_ENVIRONMENT=Testing Database__ConnectionString="Data Source=$work/a.db" ASPNETCORE_URLS=http://127.0.0.1:5901 \
  dotnet bin/Release/net10.0/Meterchat.dll >"$work/a.log" 2>&1 & a=$!
ASPNETCORE_ENVIRONMENT=Testing Sellers__BrowseCacheSeconds=0 Database__ConnectionString="Data Source=$work/b.db" \
  ASPNETCORE_URLS=http://127.0.0.1:5902 dotnet bin/Release/net10.0/Meterchat.dll >"$work/b.log" 2>&1 & b=$!
(cd /tmp/meterchat-hello && ASPNETCORE_URLS=http://127.0.0.1:5903 exec dotnet bin/Release/net10.0/hello.dll >"$work/h.log" 2>&1) & h=$!
trap 'kill $a $b $h 2>/dev/null; rm -rf "$work"' EXIT
sleep 30
for u in 5901/health/live 5901/api/sellers 5902/api/sellers 5901/browse 5902/browse 5903/; do
  wrk -t2 -c64 -d3s "http://127.0.0.1:$u" >/dev/null  # warm-up (JIT, caches)
done
# The 1-minute load average before each target: the machine may be shared, and a ratio is only fair within one run.
run() { l=$(cut -d' ' -f1 /proc/loadavg); wrk -t2 -c64 -d10s --latency "$1" | awk -v u="$1" -v l="$l" '/Requests\/sec/{r=$2} /99%/{p=$2} END{printf "%-40s %10s req/s  p99 %-8s load %s\n", u, r, p, l}'; }
uptime
for u in 5903/ 5901/browse 5902/browse 5901/health/live 5901/api/sellers 5902/api/sellers 5903/; do run "http://127.0.0.1:$u"; done
