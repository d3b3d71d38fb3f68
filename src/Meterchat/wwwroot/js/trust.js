// The chat page's trust panel: tip (with a confirmation showing the seller's share and the fee), rating and reply,
// dispute. The seller's page also shows tips as they land (chat-room.js re-dispatches the hub's "Tipped").
import { api, show } from './api.js';

const root = document.getElementById('trust-panel');
const room = document.getElementById('chat-room');
const session = root.dataset.session;
const role = root.dataset.role;
const $ = (id) => document.getElementById(id);
const ended = () => room?.dataset.ended === 'true';

function notice(text) { show($('trust-notice'), text, 'success'); }

// Tips (buyer).
let pendingTip = null;
$('tip-form')?.addEventListener('submit', async (e) => {
  e.preventDefault();
  show($('tip-error'), '');
  const tokens = $('tip-tokens').value.trim();
  try {
    const q = await api('GET', `/api/chats/${session}/tips/quote?tokens=${encodeURIComponent(tokens)}`);
    pendingTip = { tokens, clientKey: crypto.randomUUID() };
    $('tip-amount').textContent = `${q.amount.tokens} tokens`;
    $('tip-seller').textContent = `${q.sellerShare.tokens} tokens`;
    $('tip-fee').textContent = `${q.fee.tokens} tokens (${q.commissionBasisPoints / 100} %)`;
    $('tip-confirm').hidden = false;
  } catch (error) { show($('tip-error'), error.message, 'error'); }
});
$('tip-cancel')?.addEventListener('click', () => { pendingTip = null; $('tip-confirm').hidden = true; });
$('tip-send')?.addEventListener('click', async () => {
  if (!pendingTip) return;
  try {
    const tip = await api('POST', `/api/chats/${session}/tips`, pendingTip);
    notice(`You tipped ${tip.amount.tokens} tokens; the seller gets ${tip.sellerShare.tokens}.`);
    $('tip-confirm').hidden = true;
    pendingTip = null;
  } catch (error) { show($('tip-error'), error.message, 'error'); }
});
document.addEventListener('meterchat:tipped', (e) => {
  if (role === 'Seller') notice(`The buyer tipped ${e.detail.amountTokens} tokens: ${e.detail.sellerShareTokens} to your earnings.`);
});

// Rating: the buyer rates once an ended chat went live; the seller replies once.
function showRating(r) {
  $('rating-card').hidden = false;
  $('rating-form')?.setAttribute('hidden', '');
  $('rating-shown').hidden = false;
  $('rating-stars').textContent = '★'.repeat(r.stars) + '☆'.repeat(5 - r.stars);
  $('rating-comment').textContent = r.comment ?? '';
  $('rating-reply').hidden = !r.reply;
  $('rating-reply').textContent = r.reply ? `Seller's reply: ${r.reply}` : '';
  if ($('reply-form')) $('reply-form').hidden = !!r.reply;
}
$('rating-form')?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const stars = Number(new FormData(e.target).get('stars'));
  try { showRating(await api('POST', `/api/chats/${session}/rating`, { stars, comment: $('rating-text').value })); }
  catch (error) { show($('rating-error'), error.message, 'error'); }
});
$('reply-form')?.addEventListener('submit', async (e) => {
  e.preventDefault();
  try { showRating(await api('POST', `/api/chats/${session}/rating/reply`, { text: $('reply-text').value })); }
  catch (error) { show($('rating-error'), error.message, 'error'); }
});

// Dispute: either party, on an ended chat; status and the admin's note once decided.
function showDispute(d) {
  $('dispute-card').hidden = false;
  $('dispute-open').hidden = true;
  $('dispute-shown').hidden = false;
  $('dispute-status').textContent = d.status;
  $('dispute-reason').textContent = `${d.reason}: ${d.text}`;
  $('dispute-refund').textContent = d.refund.micros > 0 ? `${d.refund.tokens} tokens` : '–';
  $('dispute-note').textContent = d.note ?? 'Waiting for an admin.';
  if (role === 'Buyer' && d.status === 'Open') $('dispute-receipt-form').hidden = false;
}

// The buyer's downloaded receipt file, compared with the server's (docs/receipts.md).
$('dispute-receipt-form')?.addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    const file = JSON.parse(await $('dispute-receipt-file').files[0].text());
    const match = await api('POST', `/api/chats/${session}/dispute/receipt`, file);
    show($('dispute-error'), match.detail, match.matches ? 'success' : 'error');
  } catch (error) { show($('dispute-error'), error.message, 'error'); }
});
$('dispute-form')?.addEventListener('submit', async (e) => {
  e.preventDefault();
  try { showDispute(await api('POST', `/api/chats/${session}/disputes`, { reason: $('dispute-reason-input').value, text: $('dispute-text').value })); }
  catch (error) { show($('dispute-error'), error.message, 'error'); }
});

async function loadEnded() {
  const [rating, dispute] = await Promise.all([api('GET', `/api/chats/${session}/rating`), api('GET', `/api/chats/${session}/dispute`)]);
  $('rating-card').hidden = false;
  if (rating) showRating(rating);
  else if (role === 'Buyer' && Number(room?.dataset.units ?? '1') > 0) $('rating-form').hidden = false;
  else $('rating-card').hidden = true;
  $('dispute-card').hidden = false;
  if (dispute) showDispute(dispute);
  else $('dispute-open').hidden = false;
}
if (ended()) loadEnded().catch((error) => console.warn('Trust panel', error));
document.addEventListener('meterchat:ended', () => loadEnded().catch((error) => console.warn('Trust panel', error)));
