// The withdrawal form's live preview: what arrives after fees, from the server's quote (the same fee rules the
// withdrawal uses), before the seller submits.
import { api } from './api.js';

const preview = document.getElementById('withdraw-preview');
const amount = document.getElementById('Amount');
const unit = document.getElementById('Unit');
const payout = document.getElementById('Payout');
let timer = null;
let asked = 0;

async function quote() {
  const text = amount.value.trim();
  if (!text) {
    preview.textContent = 'Enter an amount to see what arrives after fees.';
    preview.dataset.state = '';
    return;
  }
  const mine = ++asked;
  try {
    const [network, asset] = (payout?.value ?? 'tron:USDT').split(':');
    const q = await api('GET', `/api/withdrawals/quote?amount=${encodeURIComponent(text)}&unit=${encodeURIComponent(unit.value)}`
      + `&network=${encodeURIComponent(network)}&asset=${encodeURIComponent(asset)}`);
    const where = `${q.asset} on ${q.network === 'ethereum' ? 'Ethereum' : 'TRON'}`;
    if (mine !== asked) return;
    if (q.amount.micros < q.minimum.micros) {
      preview.textContent = `The minimum withdrawal is ${q.minimum.usdt} USDT.`;
      preview.dataset.state = 'error';
    } else {
      preview.textContent = `You will receive ${q.net.usdt} ${where} after fees (platform ${q.platformFee.usdt} + network ${q.networkFee.usdt} USDT`
        + (q.network === 'ethereum' ? ', estimated now from the gas price)' : ')')
        + (q.needsReview ? '; an admin reviews this amount before it is sent.' : '.');
      preview.dataset.state = 'ok';
    }
  } catch (error) {
    if (mine !== asked) return;
    preview.textContent = error.message;
    preview.dataset.state = 'error';
  }
}

function soon() {
  clearTimeout(timer);
  timer = setTimeout(quote, 250);
}
amount?.addEventListener('input', soon);
unit?.addEventListener('change', soon);
payout?.addEventListener('change', soon);
if (amount?.value) quote();
