// Small progressive enhancements shared by every page; pages work without them.

// Close the account menu on Escape or a click outside it.
const menus = document.querySelectorAll("details.account-menu");
document.addEventListener("click", (event) => {
  for (const menu of menus) {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const menu of menus) {
    if (menu.open) {
      menu.open = false;
      menu.querySelector("summary")?.focus();
    }
  }
});

// <button data-copy="#id"> copies the text of the element it names.
for (const button of document.querySelectorAll("button[data-copy]")) {
  button.hidden = false;
  button.addEventListener("click", async () => {
    const source = document.querySelector(button.dataset.copy);
    if (!source || !navigator.clipboard) return;
    await navigator.clipboard.writeText(source.textContent.trim());
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = label; }, 1500);
  });
}

// The header balance (wallet, and a seller's withdrawable earnings). It moves on every push: the chat's status
// (each charged unit, for the buyer), the balance hub (credited deposits, tips, refunds), and refreshBalance() when
// a page knows money moved.
window.meterchat = window.meterchat ?? {};
function paintBalance(kind, tokens) {
  const target = document.querySelector(`[data-balance=${kind}]`);
  if (!target || tokens == null || target.textContent === tokens) return;
  target.textContent = tokens;
  const pill = target.closest("a");
  if (pill) pill.title = kind === "wallet" ? `Wallet: ${tokens} tokens to spend · top up` : `Earnings: ${tokens} tokens you can withdraw`;
}
window.meterchat.showBalances = (balances) => {
  paintBalance("wallet", balances?.wallet?.tokens);
  paintBalance("earnings", balances?.earnings?.tokens);
};
window.meterchat.showWallet = (tokens) => paintBalance("wallet", tokens);
window.meterchat.refreshBalance = async () => {
  if (!document.getElementById("balance-widget")) return null;
  const response = await fetch("/api/me/balances", { headers: { Accept: "application/json" } });
  if (!response.ok) return null;
  const balances = await response.json();
  window.meterchat.showBalances(balances);
  return balances;
};

// The per-person channel: listens only; the server pushes when money moved outside a chat's meter.
function loadSignalR() {
  if (window.signalR) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/lib/signalr/signalr.min.js";
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}
if (document.getElementById("balance-widget")) {
  loadSignalR().then(() => {
    const hub = new signalR.HubConnectionBuilder().withUrl("/hubs/balance").withAutomaticReconnect().build();
    hub.on("Balances", window.meterchat.showBalances);
    // Whatever moved while the link was down shows after it is back.
    hub.onreconnected(() => window.meterchat.refreshBalance());
    return hub.start();
  }).catch((error) => console.warn("Live balance unavailable", error));
}

// The main nav folds behind a Menu button at phone width (CSS decides the width; the button says whether it is open).
const navToggle = document.querySelector(".nav-toggle");
const nav = document.getElementById("main-nav");
if (navToggle && nav) {
  const header = navToggle.closest(".site-header");
  header.classList.add("nav-collapsible");
  navToggle.hidden = false;
  const setOpen = (open) => {
    navToggle.setAttribute("aria-expanded", String(open));
    header.classList.toggle("nav-open", open);
  };
  navToggle.addEventListener("click", () => setOpen(navToggle.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && navToggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      navToggle.focus();
    }
  });
}

// A table that scrolls inside its box (wider than the screen, or a long log): make the box reachable with the keyboard
// (and named) so it can be scrolled.
for (const wrap of document.querySelectorAll(".table-wrap")) {
  if (wrap.scrollWidth <= wrap.clientWidth && wrap.scrollHeight <= wrap.clientHeight) continue;
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  const heading = wrap.closest("section, .card")?.querySelector("h2, h3");
  wrap.setAttribute("aria-label", heading ? `${heading.textContent.trim()} (scrolls)` : "Table (scrolls)");
}
