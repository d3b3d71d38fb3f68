import { api, show, presenceHub, list } from './api.js';

const status = document.getElementById('seller-status');
const presence = document.getElementById('presence');
const requests = document.getElementById('requests');
const online = document.getElementById('go-online');
const offline = document.getElementById('go-offline');
const form = document.getElementById('profile');
let hasProfile = false;

function showPresence(p) {
  presence.className = `badge presence-${p}`;
  presence.textContent = p;
}

function enable() {
  online.disabled = !hasProfile;
  offline.disabled = !hasProfile;
}

// A short two-tone beep: the page rings without an audio file.
function beep() {
  try {
    const audio = new AudioContext();
    [0, 0.25].forEach((at, i) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = i ? 660 : 880;
      gain.gain.value = 0.15;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + at);
      osc.stop(audio.currentTime + at + 0.18);
    });
  } catch { /* no audio: the card still shows */ }
}

function ringCard(c) {
  const el = document.createElement('div');
  el.className = 'ring-card';
  el.dataset.sessionId = c.sessionId;
  el.innerHTML = `<p><strong class="who"></strong> wants a chat at <strong>${c.rateTokensPerMinute} tokens/min</strong>.
    <span class="muted">Answer by ${new Date(c.ringsUntil).toLocaleTimeString()}.</span></p>
    <div class="actions">
      <button type="button" class="button accept">Accept</button>
      <button type="button" class="button ghost decline">Decline</button>
      <button type="button" class="button ghost block">Block buyer</button>
    </div>`;
  el.querySelector('.who').textContent = c.buyerName;
  const act = async (url, body) => {
    try { await api('POST', url, body); } catch (e) { show(status, e.message, 'error'); }
  };
  el.querySelector('.accept').addEventListener('click', () => act(`/api/seller/requests/${c.sessionId}/accept`));
  el.querySelector('.decline').addEventListener('click', () => act(`/api/seller/requests/${c.sessionId}/decline`));
  el.querySelector('.block').addEventListener('click', async () => {
    try {
      await api('POST', '/api/seller/blocks', { buyerId: c.buyerId });
      el.remove();
      show(status, `You blocked ${c.buyerName}. They cannot request or match you any more; unblock them under Blocked buyers.`, 'success');
      document.dispatchEvent(new Event('meterchat:blocks-changed'));
    } catch (e) { show(status, e.message, 'error'); }
  });
  requests.append(el);
  beep();
}

// The terms next to the rate: the seller's share per minute at this rate, in integers as the meter splits each
// 0.1-minute unit (the platform's part of a unit rounds down), formatted only at the end.
const keep = document.getElementById('p-keep');
function tokenText(micros) {
  const cents = Math.trunc(micros / 100);
  const rest = cents % 100;
  return `${Math.trunc(cents / 100)}${rest ? `.${String(rest).padStart(2, '0').replace(/0$/, '')}` : ''}`;
}
function showKeep() {
  if (!keep) return;
  const bps = Number(keep.dataset.commissionBps);
  const rate = Number(form.rate.value);
  const percent = (b) => `${Math.trunc(b / 100)}${b % 100 ? `.${String(b % 100).padStart(2, '0').replace(/0$/, '')}` : ''} %`;
  if (!Number.isInteger(rate) || rate < 1) {
    keep.textContent = `The platform keeps ${percent(bps)} of each chat and tip; you keep ${percent(10000 - bps)}.`;
    return;
  }
  const unit = rate * 1000; // µUSDT per 0.1 minute
  const perMinute = (unit - Math.floor((unit * bps) / 10000)) * 10;
  keep.textContent = `You keep ${percent(10000 - bps)}: ${tokenText(perMinute)} tokens per minute at ${rate} (the platform keeps ${percent(bps)}).`;
}
form.rate.addEventListener('input', showKeep);

// The reputation tier caps the rate (docs/sellers.md): say the cap and what the next tier needs.
function showTier(t) {
  if (!t) return;
  form.rate.max = t.capTokensPerMinute;
  let text = `Tier: ${t.tier}, rate up to ${t.capTokensPerMinute} tokens/min.`;
  if (t.nextTier) {
    text += ` ${t.nextTier} (up to ${t.nextCapTokensPerMinute}): ${t.ratedChats} of ${t.nextRatedChats} rated chats, rating ${(t.ratingCentis / 100).toFixed(2)} of ${(t.nextRatingCentis / 100).toFixed(2)} needed.`;
  }
  document.getElementById('p-tier').textContent = text;
}

async function loadProfile() {
  try {
    const p = await api('GET', '/api/seller/profile');
    hasProfile = true;
    form.displayName.value = p.displayName;
    form.bio.value = p.bio;
    form.rate.value = p.rateTokensPerMinute;
    showTier(p.tier);
    form.tags.value = p.tags.join(', ');
    form.languages.value = p.languages.join(', ');
    form.autoAccept.checked = p.autoAccept;
    showKeep();
    showPresence(p.presence);
  } catch {
    show(status, 'Fill in your profile to become a seller.');
  }
  enable();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const saved = await api('PUT', '/api/seller/profile', {
      displayName: form.displayName.value, bio: form.bio.value, rateTokensPerMinute: Number(form.rate.value),
      autoAccept: form.autoAccept.checked, tags: list(form.tags.value), languages: list(form.languages.value) });
    showTier(saved && saved.tier);
    hasProfile = true;
    enable();
    show(status, 'Profile saved. You are a seller.', 'success');
  } catch (e) { show(status, e.message, 'error'); }
});

document.getElementById('photo').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await api('POST', '/api/seller/photo', new FormData(event.target));
    show(status, 'Photo uploaded.', 'success');
  } catch (e) { show(status, e.message, 'error'); }
});

const setOnline = async (value) => {
  try { showPresence((await api('POST', '/api/seller/presence', { online: value })).presence); } catch (e) { show(status, e.message, 'error'); }
};
online.addEventListener('click', () => setOnline(true));
offline.addEventListener('click', () => setOnline(false));

const hub = presenceHub();
hub.on('Ring', ringCard);
hub.on('RingEnded', (u) => requests.querySelector(`[data-session-id="${u.sessionId}"]`)?.remove());
hub.on('RequestUpdated', () => {});
hub.on('PresenceChanged', (u) => { if (u.sellerId === presence.dataset.userId) showPresence(u.presence); });
hub.on('ChatStarted', (id) => { location.href = `/chat/${id}`; });
hub.onreconnected(() => hub.invoke('AttachSeller'));
await loadProfile();
try {
  await hub.start();
  await hub.invoke('AttachSeller');
  document.body.dataset.hubReady = 'true';
} catch {
  show(status, 'Cannot reach the server for live requests; reload the page.', 'error');
}
