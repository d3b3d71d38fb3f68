// Top-up page: while a claim or deposit can still change, poll the deposits and the balance every 3 s
// (polling is enough here: a credit lands at most once per block) and update the history and the header widget.
const root = document.getElementById("topup");
const explorer = root?.dataset.explorer ?? "";
let open = root?.dataset.open === "true";

async function refreshBalance() {
  const response = await fetch("/api/me/balances", { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const balances = await response.json();
  const amount = document.querySelector("#balance-widget .balance-amount");
  if (amount) amount.textContent = balances.wallet.tokens;
}

function cell(text, className) {
  const td = document.createElement("td");
  if (className) td.className = className;
  td.textContent = text;
  return td;
}

function render(items) {
  const body = document.querySelector("#deposit-history tbody");
  if (!body) return;
  body.replaceChildren(...items.map((item) => {
    const tr = document.createElement("tr");
    tr.dataset.txid = item.txId;
    tr.dataset.status = item.status;
    const id = cell("", "mono txid");
    if (explorer && item.network !== "ethereum") {
      const a = document.createElement("a");
      a.href = explorer.replace("{txid}", item.txId);
      a.target = "_blank";
      a.rel = "noopener";
      a.textContent = item.txId;
      id.append(a);
    } else {
      id.textContent = item.txId;
    }
    const status = document.createElement("td");
    const badge = document.createElement("span");
    badge.className = "badge " + (item.status === "credited" ? "ok" : item.status === "pending" ? "" : "warn");
    badge.textContent = item.label;
    status.append(badge);
    tr.append(id, cell(item.shown ?? (item.amount ? `${item.amount.usdt} USDT` : "—")), status, cell(item.credited.tokens));
    return tr;
  }));
}

// The outcome shown after a paste said "confirming" or "pending": once that deposit is credited, say so.
function settleClaim(items) {
  const alert = document.getElementById("claim-result");
  if (!alert || !["pending", "confirming"].includes(alert.dataset.status)) return;
  const mine = items.filter((i) => i.txId === alert.dataset.txid);
  if (mine.length === 0 || !mine.every((i) => i.status === "credited")) return;
  const tokens = mine.reduce((sum, i) => sum + i.credited.micros, 0) / 10000;
  alert.className = "alert success";
  alert.dataset.status = "credited";
  alert.dataset.type = "deposit/credited";
  alert.querySelector("p").textContent = `Credited: ${tokens.toLocaleString("en-US", { maximumFractionDigits: 2 })} tokens are in your wallet.`;
}

async function refresh() {
  try {
    await refreshBalance();
    const response = await fetch("/api/deposits", { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const items = await response.json();
    if (items.length > 0) render(items);
    settleClaim(items);
    const stillOpen = items.some((i) => i.status === "pending" || i.status === "confirming");
    // Test USDT not yet seen by the chain keeps the page polling until it shows up.
    open = stillOpen || (open && items.length === 0) || (open && !!document.getElementById("test-txid") && !items.some((i) => i.txId === document.getElementById("test-txid").textContent.trim() && i.status === "credited"));
  } catch {
    // A dropped poll is retried at the next tick.
  }
}

if (root) {
  refreshBalance();
  // The Ethereum panel (topup-ethereum.js) says when a claim it made changed something: show it in the history.
  document.addEventListener("deposits:changed", () => { open = true; refresh(); });
  setInterval(() => { if (open) refresh(); }, 3000);
}
