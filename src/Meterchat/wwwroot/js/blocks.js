// The seller's blocked buyers with Unblock; seller.js announces a new block with the meterchat:blocks-changed event.
import { api, show } from './api.js';

const list = document.getElementById('blocked-list');
const empty = document.getElementById('blocked-empty');
const status = document.getElementById('blocked-status');

function row(b) {
  const li = document.createElement('li');
  li.dataset.buyerId = b.buyerId;
  const who = document.createElement('span');
  who.innerHTML = '<strong></strong> <span class="muted"></span>';
  who.querySelector('strong').textContent = b.name;
  who.querySelector('.muted').textContent = `blocked ${new Date(b.at).toLocaleString()}`;
  const unblock = document.createElement('button');
  unblock.type = 'button';
  unblock.className = 'button secondary';
  unblock.textContent = 'Unblock';
  unblock.setAttribute('aria-label', `Unblock ${b.name}`);
  unblock.addEventListener('click', async () => {
    try {
      await api('DELETE', `/api/seller/blocks/${encodeURIComponent(b.buyerId)}`);
      show(status, `${b.name} is unblocked and can request a chat with you again.`, 'success');
      await load();
    } catch (e) { show(status, e.message, 'error'); }
  });
  li.append(who, unblock);
  return li;
}

async function load() {
  try {
    const blocked = await api('GET', '/api/seller/blocks');
    list.replaceChildren(...blocked.map(row));
    empty.hidden = blocked.length > 0;
  } catch (e) { show(status, e.message, 'error'); }
}

document.addEventListener('meterchat:blocks-changed', load);
load();
