// The admin System page refreshes itself: every 10 s it reads /api/admin/system and redraws the checks and figures.
const root = document.getElementById('system');
const badge = (status) => status === 'Healthy' ? 'badge ok' : status === 'Degraded' ? 'badge warn' : 'badge badge-bad';

// µUSDT as "12.34 USDT" with integer arithmetic only (amounts are never floating point).
function usdt(micros) {
  if (micros === null || micros === undefined) return '—';
  const digits = String(Math.abs(micros)).padStart(7, '0');
  return `${micros < 0 ? '-' : ''}${digits.slice(0, -6)}.${digits.slice(-6, -4)} USDT`;
}

function cell(text, className) {
  const td = document.createElement('td');
  if (className) {
    const span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    td.append(span);
  } else {
    td.textContent = text ?? '';
  }
  return td;
}

function set(name, text) {
  const element = document.querySelector(`[data-figure="${name}"]`);
  if (element) element.textContent = text;
}

function draw(v) {
  const overall = document.getElementById('overall');
  overall.className = badge(v.health.status);
  overall.textContent = v.health.status;
  const rows = v.health.checks.map((c) => {
    const tr = document.createElement('tr');
    const name = cell('');
    const code = document.createElement('code');
    code.textContent = c.name;
    name.append(code);
    tr.append(name, cell(c.status, badge(c.status)), cell(c.description));
    return tr;
  });
  document.getElementById('checks').replaceChildren(...rows);
  document.getElementById('checked-at').textContent = v.at;
  const f = v.figures;
  const s = f.sessionsByState;
  set('live', s.live ?? 0);
  set('waiting-sessions', `${s.paused ?? 0} / ${s.connecting ?? 0} / ${s.requested ?? 0}`);
  set('behind', v.watcherBlocksBehind ?? '—');
  set('claims', f.claimsPending);
  set('payouts', `${Object.values(f.payoutsByStatus).reduce((a, b) => a + b, 0)} (${usdt(f.payoutsPendingMicros)})`);
  set('oldest', `${Math.floor(f.oldestWaitingPayoutSeconds / 60)} min`);
  set('last-hour', usdt(f.payoutsRequestedLastHourMicros));
  set('hot', `${usdt(f.hotWalletUsdtMicros)}, ${f.hotWalletTrxSun === null ? '—' : Math.floor(f.hotWalletTrxSun / 1000000)} TRX`);
  set('liabilities', usdt(f.liabilitiesMicros));
  set('surplus', usdt(f.reservesSurplusMicros));
  document.getElementById('figures-at').textContent = f.at ?? '—';
  document.getElementById('chain-at').textContent = f.chainAt ?? '—';
}

async function refresh() {
  try {
    const response = await fetch(root.dataset.url, { headers: { Accept: 'application/json' } });
    if (response.ok) draw(await response.json());
  } catch {
    // Offline for a moment: the next poll tries again.
  }
}

if (root) setInterval(refresh, 10000);
