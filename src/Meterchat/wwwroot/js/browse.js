import { api, show, presenceHub, list } from './api.js';

const grid = document.getElementById('seller-list');
const status = document.getElementById('browse-status');
const filters = document.getElementById('browse-filters');
const more = document.getElementById('more');
const dialog = document.getElementById('confirm');
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

function badge(presence) {
  return `<span class="badge presence-${presence}" data-presence>${presence}</span>`;
}

function card(s) {
  const el = document.createElement('article');
  el.className = 'card seller-card';
  el.dataset.sellerId = s.id;
  el.innerHTML = `
    ${s.photoUrl ? `<img class="seller-photo" alt="" src="${s.photoUrl}">` : ''}
    <div class="card-title"><h2><a class="seller-link"></a></h2>${badge(s.presence)}</div>
    <p><strong>${s.rateTokensPerMinute} tokens/min</strong> · ★ ${s.rating} <span class="muted">(${s.ratingCount})</span> · <span class="tier">${s.tier.tier}</span></p>
    <p class="muted bio"></p>
    <p class="tags"></p>
    <button type="button" class="button request">Request chat</button>
    <button type="button" class="button ghost report" data-report-subject="${s.id}">Report</button>`;
  const link = el.querySelector('.seller-link');
  link.textContent = s.displayName;
  link.href = `/sellers/${encodeURIComponent(s.id)}`; // rating and reviews before requesting
  el.querySelector('.bio').textContent = s.bio;
  el.querySelector('.tags').textContent = [...s.tags, ...s.languages].join(' · ');
  el.querySelector('.request').addEventListener('click', () => confirm(s));
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

dialog.addEventListener('close', async () => {
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

document.getElementById('quick-match').addEventListener('submit', async (event) => {
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

const hub = presenceHub();
hub.on('PresenceChanged', (u) => {
  const el = grid.querySelector(`[data-seller-id="${CSS.escape(u.sellerId)}"] [data-presence]`);
  if (el) { el.className = `badge presence-${u.presence}`; el.textContent = u.presence; }
});
hub.on('RequestUpdated', (u) => {
  show(status, u.detail, u.outcome === 'ringing' ? 'info' : 'warning');
  ringingNow(u.outcome === 'ringing' ? u.sessionId : null);
});
hub.on('ChatStarted', (id) => { location.href = `/chat/${id}`; });
hub.start().catch(() => show(status, 'Live updates are unavailable; reload the page to refresh.', 'warning'));
load(true);
