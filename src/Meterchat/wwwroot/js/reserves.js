// Proof of reserves: checks an inclusion proof in the browser with Web Crypto, the same hashes as MerkleSumHash.cs:
// leaf  = SHA-256(0x00 ‖ salt(32) ‖ len(id) u16 BE ‖ id UTF-8 ‖ balance i64 BE)
// inner = SHA-256(0x01 ‖ left.hash ‖ left.sum i64 BE ‖ right.hash ‖ right.sum i64 BE)
const latest = document.getElementById('latest');
const result = document.getElementById('proof-result');
const steps = document.getElementById('proof-steps');

const hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

function unhex(text, length) {
  const clean = String(text ?? '').trim().replace(/^0x/i, '');
  if (clean.length !== length * 2 || /[^0-9a-f]/i.test(clean)) return null;
  return Uint8Array.from(clean.match(/../g), (pair) => parseInt(pair, 16));
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function int64(value) {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, value);
  return bytes;
}

const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));

async function leafHash(salt, id, balance) {
  const idBytes = new TextEncoder().encode(id);
  const length = new Uint8Array([idBytes.length >> 8, idBytes.length & 0xff]);
  return sha256(concat(new Uint8Array([0]), salt, length, idBytes, int64(balance)));
}

const innerHash = (leftHash, leftSum, rightHash, rightSum) =>
  sha256(concat(new Uint8Array([1]), leftHash, int64(leftSum), rightHash, int64(rightSum)));

const MAX = (1n << 63n) - 1n;

// Returns { ok, failure, root, total, lines }: where it fails, and the path it climbed.
export async function verify(file, publishedRoot, publishedTotal) {
  const proof = file?.proof;
  const lines = [];
  const fail = (failure, extra = {}) => ({ ok: false, failure, lines, ...extra });
  if (!proof) return fail('The file holds no proof.');
  const root = unhex(publishedRoot, 32);
  if (!root) return fail('The published root must be 64 hex digits.');
  const salt = unhex(proof.salt, 32);
  if (!salt) return fail("The proof's salt must be 64 hex digits.");
  if (!proof.accountId) return fail("The proof's account id is missing.");
  let sum = BigInt(proof.balance);
  if (sum < 0n) return fail("The proof's balance is negative; a liability never is.");
  const path = proof.path ?? [];
  if (path.length > 64) return fail(`The path has ${path.length} steps; no tree is deeper than 64.`);
  let hash = await leafHash(salt, proof.accountId, sum);
  lines.push(`Your leaf: ${hex(hash)} (balance ${sum} µUSDT)`);
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const at = i + 1;
    const sibling = unhex(step?.hash, 32);
    if (!sibling) return fail(`Step ${at}: the sibling hash must be 64 hex digits.`);
    const siblingSum = BigInt(step.sum);
    if (siblingSum < 0n) return fail(`Step ${at}: the sibling sum ${siblingSum} is negative; a dishonest tree could hide liabilities that way.`);
    if (sum > MAX - siblingSum) return fail(`Step ${at}: the sums overflow 64 bits.`);
    if (step.side === 'left') hash = await innerHash(sibling, siblingSum, hash, sum);
    else if (step.side === 'right') hash = await innerHash(hash, sum, sibling, siblingSum);
    else return fail(`Step ${at}: the side must be "left" or "right", not "${step.side}".`);
    sum += siblingSum;
    lines.push(`Step ${at}: sibling on the ${step.side} (sum ${siblingSum}) → ${hex(hash)}, total ${sum} µUSDT`);
  }
  const computed = hex(hash);
  if (computed !== hex(root)) {
    return fail(`The path leads to root ${computed} (total ${sum} µUSDT), not to the published root ${hex(root)}: the balance, salt, id or a step differs from the published tree.`, { root: computed, total: sum });
  }
  if (publishedTotal !== undefined && BigInt(publishedTotal) !== sum) {
    return fail(`The root matches but the total is ${sum} µUSDT, not the published ${publishedTotal} µUSDT.`, { root: computed, total: sum });
  }
  return { ok: true, root: computed, total: sum, lines };
}

function show(outcome, file) {
  result.hidden = false;
  result.className = `alert ${outcome.ok ? 'success' : 'error'}`;
  result.dataset.outcome = outcome.ok ? 'pass' : 'fail';
  const usdt = (micros) => (Number(micros) / 1e6).toFixed(6).replace(/\.?0+$/, '');
  result.textContent = outcome.ok
    ? `Verified: your balance of ${usdt(file.proof.balance)} USDT is in snapshot ${file.snapshotId} (root ${outcome.root}), whose total is ${usdt(outcome.total)} USDT.`
    : `Not verified: ${outcome.failure}`;
  steps.hidden = outcome.lines.length === 0;
  steps.replaceChildren(...outcome.lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
}

// A file checks against the root of the snapshot it names when the page lists it, else against the latest.
function publishedFor(file) {
  const row = document.querySelector(`#history tr[data-snapshot="${Number(file?.snapshotId)}"] code`);
  if (row && latest && Number(file.snapshotId) !== Number(latest.dataset.snapshot)) return { root: row.textContent.trim(), total: undefined };
  return { root: latest?.dataset.root, total: latest?.dataset.total };
}

async function check(text) {
  let file;
  try {
    file = JSON.parse(text);
  } catch {
    show({ ok: false, failure: 'The file is not JSON.', lines: [] });
    return;
  }
  const published = publishedFor(file);
  show(await verify(file, published.root, published.total), file);
}

function save(text, name) {
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(new Blob([text], { type: 'application/json' })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

document.getElementById('download-proof')?.addEventListener('click', async () => {
  const response = await fetch(`/api/reserves/proof?snapshot=${latest.dataset.snapshot}`, { headers: { Accept: 'application/json' } });
  const text = await response.text();
  if (!response.ok) {
    let detail = `Request failed (${response.status}).`;
    try { detail = JSON.parse(text).detail || detail; } catch { /* keep the status */ }
    show({ ok: false, failure: detail, lines: [] });
    return;
  }
  save(text, `meterchat-proof-${latest.dataset.snapshot}.json`);
  await check(text);
});

document.getElementById('proof-file')?.addEventListener('change', async (event) => {
  const chosen = event.target.files?.[0];
  if (chosen) await check(await chosen.text());
});
