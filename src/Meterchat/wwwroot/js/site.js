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

// The header balance: pages call window.meterchat.refreshBalance() when they know money moved.
window.meterchat = window.meterchat ?? {};
window.meterchat.refreshBalance = async () => {
  const target = document.querySelector("#balance-widget [data-balance=wallet]");
  if (!target) return null;
  const response = await fetch("/api/me/balances", { headers: { Accept: "application/json" } });
  if (!response.ok) return null;
  const balances = await response.json();
  target.textContent = balances.wallet.tokens;
  document.getElementById("balance-widget").title =
    `Wallet ${balances.wallet.tokens} tokens · earnings ${balances.earnings.tokens} tokens`;
  return balances;
};

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
