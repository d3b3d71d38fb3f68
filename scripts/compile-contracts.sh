#!/usr/bin/env bash
# Recompiles src/Meterchat/Ethereum/Contracts/*.sol with the solc pinned in tools/ethereum/package-lock.json and
# writes <Name>.bin (creation bytecode, hex) and <Name>.abi.json beside each source; the app embeds those.
# `--check` compiles into a temp folder and fails if the checked-in files differ.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ganache.sh --install-only
out=src/Meterchat/Ethereum/Contracts
target=$out
if [ "${1:-}" = "--check" ]; then target=$(mktemp -d); fi
for sol in "$out"/*.sol; do
  node - "$sol" "$target" <<'JS'
const fs = require("fs"), path = require("path");
const solc = require(path.resolve("tools/ethereum/node_modules/solc"));
const [sol, target] = process.argv.slice(2);
const name = path.basename(sol, ".sol");
// paris: no PUSH0/MCOPY, so the bytecode runs on ganache and on every EVM chain alike.
const input = { language: "Solidity", sources: { [name + ".sol"]: { content: fs.readFileSync(sol, "utf8") } },
  settings: { evmVersion: "paris", optimizer: { enabled: true, runs: 200 }, metadata: { bytecodeHash: "none" },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } } };
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter(e => e.severity === "error");
if (errors.length) { console.error(errors.map(e => e.formattedMessage).join("\n")); process.exit(1); }
const contract = output.contracts[name + ".sol"][name];
fs.writeFileSync(path.join(target, name + ".bin"), contract.evm.bytecode.object + "\n");
fs.writeFileSync(path.join(target, name + ".abi.json"), JSON.stringify(contract.abi, null, 2) + "\n");
console.log(`${name}: solc ${solc.version()}, ${contract.evm.bytecode.object.length / 2} bytes`);
JS
done
if [ "$target" != "$out" ]; then
  for f in "$target"/*; do cmp -s "$f" "$out/$(basename "$f")" || { echo "$(basename "$f") differs from a fresh compile: run scripts/compile-contracts.sh"; exit 1; }; done
  rm -rf "$target"; echo "Contracts match their sources."
fi
