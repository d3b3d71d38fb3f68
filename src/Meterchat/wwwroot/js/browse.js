import { api, show, presenceHub, list } from './api.js';

const grid = document.getElementById('seller-list');
const status = document.getElementById('browse-status');
const filters = document.getElementById('browse-filters');
const more = document.getElementById('more');
const dialog = document.getElementById('confirm');
const signedIn = document.getElementById('browse').dataset.signedIn === 'true';
let page = 1;
let chosen = null;
const cancel = document.getElementById('cancel-request');
let ringing = null; // the session id of the request that rings now, if any

function ringingNow(sessionId) { ringing = sessionId; cancel.hidden = !sessionId; }

cancel.addEventListener('click', async () => {
  if (!ringing) return;
  try { await api('POST', `/api/chat-requests/${ringing}/cancel`); ringingNow(null); }
  catch (e) { show(status, e.message, 'error'); }
});

// The API names presence online / busy / offline; people read "in a chat" for busy.
const presenceLabel = (presence) => (presence === 'busy' ? 'in a chat' : presence);

function setPresence(el, presence) {
  el.className = `badge presence presence-${presence}`;
  el.textContent = presenceLabel(presence);
}

// An unrated seller shows "New", not the prior average with "(0)".
function rating(s) {
  return s.ratingCount > 0
    ? `<span class="stars" aria-hidden="true">★</span> ${s.rating} <span class="muted">(${s.ratingCount})</span>`
    : '<span class="badge accent">New</span>';
}

function card(s) {
  const el = document.createElement('article');
  el.className = 'seller-card';
  el.dataset.sellerId = s.id;
  const profile = `/sellers/${encodeURIComponent(s.id)}`;
  el.innerHTML = `
    <a class="seller-photo-link" tabindex="-1" aria-hidden="true">${s.photoUrl ? `<img class="seller-photo" alt="" loading="lazy" src="${s.photoUrl}">` : '<span class="seller-photo placeholder"></span>'}</a>
    <span data-presence></span>
    <div class="seller-card-body">
      <h2 class="seller-name"><a class="seller-link"></a></h2>
      <p class="seller-facts"><strong>${s.rateTokensPerMinute} tokens/min</strong> · ${rating(s)}${s.tier.tier !== 'New' ? ` · <span class="badge tier">${s.tier.tier}</span>` : ''}</p>
      <p class="tags muted"></p>
      <div class="seller-actions"></div>
    </div>`;
  el.querySelector('.seller-photo-link').href = profile;
  const link = el.querySelector('.seller-link');
  link.textContent = s.displayName;
  link.href = profile; // rating and reviews before requesting
  if (!s.photoUrl) el.querySelector('.placeholder').textContent = (s.displayName || '?')[0].toUpperCase();
  setPresence(el.querySelector('[data-presence]'), s.presence);
  el.querySelector('.tags').textContent = [...s.tags, ...s.languages].join(' · ');
  const actions = el.querySelector('.seller-actions');
  if (signedIn) {
    const request = document.createElement('button');
    request.type = 'button';
    request.className = 'button request';
    request.textContent = 'Request chat';
    request.addEventListener('click', () => confirm(s));
    const report = document.createElement('button');
    report.type = 'button';
    report.className = 'button ghost report';
    report.dataset.reportSubject = s.id;
    report.textContent = 'Report';
    report.setAttribute('aria-label', `Report ${s.displayName}`);
    actions.append(request, report);
  } else {
    const signIn = document.createElement('a');
    signIn.className = 'button request';
    signIn.href = `/Account/Login?ReturnUrl=${encodeURIComponent(profile)}`;
    signIn.textContent = 'Sign in to request';
    actions.append(signIn);
  }
  return el;
}

async function load(reset) {
  if (reset) { page = 1; grid.replaceChildren(); }
  const q = new URLSearchParams();
  for (const [k, v] of new FormData(filters)) if (v) q.set(k, v);
  q.set('page', page);
  try {
    const result = await api('GET', `/api/sellers?${q}`);
    result.items.forEach((s) => grid.append(card(s)));
    more.hidden = !result.hasMore;
    if (reset && result.items.length === 0) show(status, 'No sellers match these filters.');
  } catch (e) { show(status, e.message, 'error'); }
}

function confirm(seller) {
  chosen = seller;
  document.getElementById('confirm-name').textContent = seller.displayName;
  document.getElementById('confirm-rate').textContent = seller.rateTokensPerMinute;
  dialog.showModal();
}

dialog?.addEventListener('close', async () => {
  if (dialog.returnValue !== 'send' || !chosen) return;
  const limit = document.getElementById('confirm-limit').value;
  try {
    const r = await api('POST', '/api/chat-requests', {
      sellerId: chosen.id, rateTokensPerMinute: chosen.rateTokensPerMinute, spendingLimitTokens: limit ? Number(limit) : null });
    if (r.state === 'accepted') { location.href = `/chat/${r.sessionId}`; return; }
    show(status, `Ringing ${r.displayName}… they have until ${new Date(r.ringsUntil).toLocaleTimeString()} to answer.`);
    ringingNow(r.sessionId);
  } catch (e) { show(status, e.message, 'error'); }
});

document.getElementById('quick-match')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const r = await api('POST', '/api/quick-match', {
      maxRate: Number(form.get('maxRate')), tags: list(form.get('tags')), spendingLimitTokens: form.get('limit') ? Number(form.get('limit')) : null });
    if (r.state === 'accepted') { location.href = `/chat/${r.sessionId}`; return; }
    show(status, `Ringing ${r.displayName} at ${r.rateTokensPerMinute} tokens/min…`);
    ringingNow(r.sessionId);
  } catch (e) { show(status, e.message, 'error'); }
});

filters.addEventListener('submit', (event) => { event.preventDefault(); load(true); });
more.addEventListener('click', () => { page += 1; load(false); });

// Live presence and ringing need an account (the hub is not public); a visitor sees presence as of the page load.
if (signedIn) {
  const hub = presenceHub();
  hub.on('PresenceChanged', (u) => {
    const el = grid.querySelector(`[data-seller-id="${CSS.escape(u.sellerId)}"] [data-presence]`);
    if (el) setPresence(el, u.presence);
  });
  hub.on('RequestUpdated', (u) => {
    show(status, u.detail, u.outcome === 'ringing' ? 'info' : 'warning');
    ringingNow(u.outcome === 'ringing' ? u.sessionId : null);
  });
  hub.on('ChatStarted', (id) => { location.href = `/chat/${id}`; });
  hub.start().catch(() => show(status, 'Live updates are unavailable; reload the page to refresh.', 'warning'));
}
load(true);
