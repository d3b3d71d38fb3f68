// Top up, Ethereum part: the asset picker, the user's Ethereum address and EIP-681 QR code, the minimum, the
// confirmations and the ETH quote (GET /api/deposits/ethereum), the claim by transaction hash, and in Development
// the local node's state and the test faucet (/api/dev/ethereum). Every failure is said in words on the page.
import { api } from "./api.js";

const picker = document.getElementById("asset-picker");
const panel = document.getElementById("eth-panel");
const tron = document.getElementById("tron-panel");
const $ = (id) => document.getElementById(id);
const dev = panel?.dataset.dev === "true";
let info = null; // the last answer of GET /api/deposits/ethereum
let asset = "TRON";
let claimTimer = 0;

function say(element, text, kind = "info", code) {
  element.hidden = !text;
  element.className = text ? `alert ${kind}` : "";
  element.replaceChildren();
  if (!text) return;
  const p = document.createElement("p");
  p.textContent = text;
  if (code) {
    const c = document.createElement("code");
    c.className = "mono";
    c.textContent = code;
    p.append(" ", c);
  }
  element.append(p);
}

function showEthereum(visible) {
  for (const id of ["eth-address-card", "eth-claim-card", "eth-dev"]) {
    if ($(id)) $(id).hidden = !visible;
  }
}

const tokensOf = (micros) => (micros / 10000).toLocaleString("en-US", { maximumFractionDigits: 2 });
const usdtOf = (micros) => (micros / 1000000).toLocaleString("en-US", { maximumFractionDigits: 2 });

async function refreshBalance() {
  const response = await fetch("/api/me/balances", { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const amount = document.querySelector("#balance-widget .balance-amount");
  if (amount) amount.textContent = (await response.json()).wallet.tokens;
  document.dispatchEvent(new CustomEvent("deposits:changed"));
}

// Development: wait for the app's own node (it starts in the background) or say how to enable Ethereum.
async function devReady() {
  if (!dev) return true;
  try {
    const status = await api("GET", "/api/dev/ethereum");
    if (status.state === "ready") return true;
    say($("eth-state"), status.detail, status.state === "starting" ? "info" : "warning");
    if (status.state === "starting") setTimeout(load, 2000);
  } catch (error) {
    say($("eth-state"), `The local Ethereum node's state is unknown: ${error.message}`, "error");
  }
  showEthereum(false);
  return false;
}

async function load() {
  if (asset === "TRON" || !(await devReady())) return;
  try {
    info = await api("GET", "/api/deposits/ethereum");
  } catch (error) {
    info = null;
    const missing = /\(404\)/.test(error.message);
    say($("eth-state"), missing ? "Ethereum deposits are not available on this server yet." : `Ethereum deposits could not be loaded: ${error.message}`, "error");
    showEthereum(false);
    return;
  }
  render();
}

function render() {
  if (asset === "TRON" || !info) return;
  const entry = info.enabled ? info.assets.find((a) => a.asset === asset) : null;
  if (!entry) {
    say($("eth-state"), info.enabled ? `${asset} is not accepted on this server.` : "Ethereum deposits are not enabled on this server.", "warning");
    showEthereum(false);
    return;
  }
  say($("eth-state"), "");
  showEthereum(true);
  $("eth-address").textContent = info.address;
  const qr = new URLSearchParams({ handler: "EthereumQr", address: info.address, chainId: info.chainId, token: entry.contract ?? "" });
  $("eth-qr").src = `/topup?${qr}`;
  $("eth-qr").alt = `QR code: a request to send ${asset} on Ethereum to your deposit address`;
  $("eth-network").textContent = entry.contract
    ? `Ethereum (chain id ${info.chainId}) · ${asset} (ERC-20, contract ${entry.contract}) only; other tokens are not credited`
    : `Ethereum (chain id ${info.chainId}) · ETH`;
  $("eth-minimum").textContent = `${entry.minimum} ${asset}. Smaller amounts are kept and credited together once they add up to it.`;
  $("eth-when").textContent = `Credited by itself once ${info.confirmations} blocks are on top of your transfer; paste the transaction hash to see it sooner.`;
  $("eth-internal-row").hidden = asset !== "ETH";
  $("eth-quote-row").hidden = asset !== "ETH";
  if (asset === "ETH") {
    $("eth-quote").textContent = info.quote
      ? `1 ETH ≈ ${usdtOf(info.quote.microsPerEther)} USDT (${info.quote.source}, ${new Date(info.quote.at).toLocaleString()}); the price is fixed when the deposit becomes final.`
      : "No price right now: ETH deposits are credited once a price is available. The price is fixed when the deposit becomes final.";
  }
}

async function faucet(button) {
  const result = $("eth-faucet-result");
  button.disabled = true;
  say(result, `Sending test ${button.dataset.faucet}…`);
  try {
    const sent = await api("POST", "/api/dev/ethereum/faucet", { asset: button.dataset.faucet });
    say(result, `Sent ${sent.amount} test ${sent.asset} to your address. Transaction hash (filled in below):`, "success", sent.txHash);
    result.querySelector("code").id = "eth-test-txhash";
    $("eth-txhash").value = sent.txHash;
  } catch (error) {
    say(result, error.message, "error");
  } finally {
    button.disabled = false;
  }
}

// Pending claims are asked again every 4 s until they are credited or refused (at most 10 minutes).
async function claim(txHash, attempt = 0) {
  clearTimeout(claimTimer);
  const result = $("eth-claim-result");
  const button = $("eth-claim-button");
  button.disabled = attempt === 0;
  try {
    const outcome = await api("POST", "/api/deposits/ethereum/claims", { txHash });
    result.dataset.status = outcome.status;
    if (outcome.status === "credited") {
      const micros = (outcome.credits ?? []).reduce((sum, c) => sum + (c.creditedMicros ?? c.credited?.micros ?? c.micros ?? 0), 0);
      say(result, micros > 0 ? `Credited: ${tokensOf(micros)} tokens are in your wallet.` : "Credited: the tokens are in your wallet.", "success");
      refreshBalance();
    } else if (outcome.status === "accumulating") {
      say(result, "Received, but below the minimum: it is kept and credited together with your next deposits once they add up to it.", "warning");
    } else {
      say(result, `Found: waiting until ${info?.confirmations ?? "enough"} blocks are on top of it. This page checks again by itself.`, "info");
      if (attempt < 150) claimTimer = setTimeout(() => claim(txHash, attempt + 1), 4000);
    }
  } catch (error) {
    // The block watcher may credit it first: a later ask then hears "already credited", which is the good news.
    if (error.type?.endsWith("already-credited")) {
      result.dataset.status = "credited";
      say(result, "Credited: the tokens are in your wallet.", "success");
      refreshBalance();
      return;
    }
    // A transaction sent a moment ago is not in a block yet: ask again for about a minute before calling it unknown.
    if (error.type?.endsWith("not-mined") && attempt < 15) {
      result.dataset.status = "pending";
      say(result, "Not in a block yet: this page checks again by itself.", "info");
      claimTimer = setTimeout(() => claim(txHash, attempt + 1), 4000);
      return;
    }
    result.dataset.status = "refused";
    const missing = /\(404\)/.test(error.message) && !error.type;
    say(result, missing ? "Claims by transaction hash are not available on this server yet." : error.message, "error");
  } finally {
    button.disabled = false;
  }
}

function choose(value) {
  asset = value;
  const ethereum = value !== "TRON";
  tron.hidden = ethereum;
  panel.hidden = !ethereum;
  const url = new URL(location.href);
  if (ethereum) url.searchParams.set("asset", value); else url.searchParams.delete("asset");
  history.replaceState(null, "", url);
  if (ethereum) info ? render() : load();
}

// The picker shows where Ethereum is possible: the app's own dev node, or a server with Ethereum deposits enabled.
async function offered() {
  if (dev) return true;
  try {
    info = await api("GET", "/api/deposits/ethereum");
    return info.enabled === true;
  } catch {
    return false;
  }
}

if (picker && panel && tron && await offered()) {
  picker.hidden = false;
  picker.addEventListener("change", (event) => choose(event.target.value));
  for (const button of panel.querySelectorAll("button[data-faucet]")) button.addEventListener("click", () => faucet(button));
  $("eth-claim-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const txHash = $("eth-txhash").value.trim();
    if (!/^0x[0-9a-fA-F]{64}$/.test(txHash)) {
      say($("eth-claim-result"), "A transaction hash is 0x followed by 64 hex digits (0-9, a-f).", "error");
      $("eth-txhash").focus();
      return;
    }
    claim(txHash);
  });
  const wanted = new URLSearchParams(location.search).get("asset");
  const radio = wanted && picker.querySelector(`input[value="${CSS.escape(wanted)}"]`);
  if (radio) {
    radio.checked = true;
    choose(wanted);
  }
}
