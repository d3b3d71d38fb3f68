#!/usr/bin/env bash
# Throw-away Ethereum node (ganache, pinned in tools/ethereum) for development and tests.
#   source scripts/ganache.sh    starts one on a loopback port, exports MC_TEST_ETH_RPC; `ganache_stop` stops it.
#   scripts/ganache.sh start     the same from a shell (prints the URL); `scripts/ganache.sh stop` stops it.
#   source scripts/ganache.sh --install-only    installs the pinned tools only (scripts/compile-contracts.sh).
# Deterministic: the public Hardhat/Foundry test mnemonic, chain id 1337, each transaction mined as it arrives.
# Those accounts' keys are public: development and tests only, never real money.
set -euo pipefail

GANACHE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GANACHE_TOOLS="$GANACHE_ROOT/tools/ethereum"
GANACHE_PORT=${MC_ETH_PORT:-58545}
GANACHE_MNEMONIC="test test test test test test test test test test test junk"
GANACHE_CHAIN_ID=1337
GANACHE_RUN="$GANACHE_ROOT/.tmp/ganache-$GANACHE_PORT"

ganache_install() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Installing Node.js and npm from Debian's packages (ganache)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  # npm ci again whenever the lockfile is newer than what it installed. No install scripts: ganache's native
  # add-ons are optional and it falls back to JavaScript without them.
  local installed="$GANACHE_TOOLS/node_modules/.package-lock.json"
  if [ ! -f "$installed" ] || [ "$GANACHE_TOOLS/package-lock.json" -nt "$installed" ]; then
    echo "Installing ganache and solc from tools/ethereum/package-lock.json (npm ci)..."
    (cd "$GANACHE_TOOLS" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

ganache_chain_id() { # prints the node's chain id (hex) or fails
  node -e 'fetch(process.argv[1], { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }) })
    .then(r => r.json()).then(j => { if (!j.result) process.exit(1); console.log(j.result); }).catch(() => process.exit(1));' \
    "http://127.0.0.1:$GANACHE_PORT"
}

ganache_start() {
  ganache_install
  mkdir -p "$GANACHE_RUN"
  if [ -f "$GANACHE_RUN/pid" ] && kill -0 "$(cat "$GANACHE_RUN/pid")" 2>/dev/null; then
    echo "ganache already runs on port $GANACHE_PORT (pid $(cat "$GANACHE_RUN/pid"))"; return 1
  fi
  local started=$SECONDS
  nohup node "$GANACHE_TOOLS/node_modules/ganache/dist/node/cli.js" \
    --server.host 127.0.0.1 --server.port "$GANACHE_PORT" \
    --chain.chainId "$GANACHE_CHAIN_ID" --chain.networkId "$GANACHE_CHAIN_ID" \
    --wallet.mnemonic "$GANACHE_MNEMONIC" --wallet.totalAccounts 10 --wallet.defaultBalance 1000 \
    --miner.instamine eager --logging.quiet >"$GANACHE_RUN/log" 2>&1 </dev/null &
  echo $! >"$GANACHE_RUN/pid"
  for _ in $(seq 300); do
    ganache_chain_id >/dev/null 2>&1 && break
    kill -0 "$(cat "$GANACHE_RUN/pid")" 2>/dev/null || { cat "$GANACHE_RUN/log"; echo "ganache did not start."; return 1; }
    sleep 0.1
  done
  ganache_chain_id >/dev/null 2>&1 || { cat "$GANACHE_RUN/log"; echo "ganache did not answer eth_chainId."; return 1; }
  export MC_TEST_ETH_RPC="http://127.0.0.1:$GANACHE_PORT"
  echo "ganache $(node -p "require('$GANACHE_TOOLS/node_modules/ganache/package.json').version") on $MC_TEST_ETH_RPC (chain id $GANACHE_CHAIN_ID, up in $((SECONDS - started)) s)"
}

ganache_stop() {
  if [ -f "$GANACHE_RUN/pid" ]; then
    local pid; pid=$(cat "$GANACHE_RUN/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$GANACHE_RUN"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    start) ganache_start ;;
    stop) ganache_stop ;;
    *) echo "usage: scripts/ganache.sh start|stop (or: source scripts/ganache.sh)"; exit 2 ;;
  esac
elif [ "${1:-}" = "--install-only" ]; then
  ganache_install
else
  ganache_start
fi
