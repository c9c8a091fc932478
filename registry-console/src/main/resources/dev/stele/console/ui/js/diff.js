// A line diff (longest common subsequence over lines, with the common head and tail trimmed
// first), as rows for a side-by-side view: [{left, right, kind}] where left/right are line
// indexes or null and kind is 'same', 'changed', 'removed' or 'added'.

/** Above this many cells the middle is shown as replaced wholesale rather than compared. */
const MAX_CELLS = 4_000_000;

export function diffLines(a, b) {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const rows = [];
  for (let i = 0; i < head; i++) rows.push({ left: i, right: i, kind: 'same' });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  for (const op of middle(midA, midB)) {
    rows.push({ left: op.left === null ? null : op.left + head, right: op.right === null ? null : op.right + head, kind: op.kind });
  }
  for (let i = tail; i > 0; i--) rows.push({ left: a.length - i, right: b.length - i, kind: 'same' });
  return pair(rows);
}

function middle(a, b) {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [...a.map((_, i) => ({ left: i, right: null, kind: 'removed' })), ...b.map((_, j) => ({ left: null, right: j, kind: 'added' }))];
  }
  // lcs[i][j]: the common subsequence's length of a[i..] and b[j..], one typed row per i.
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ left: i++, right: j++, kind: 'same' });
    else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push({ left: null, right: j++, kind: 'added' });
    else ops.push({ left: i++, right: null, kind: 'removed' });
  }
  return ops;
}

/** Puts runs of removed lines beside the added ones that follow them: one 'changed' row each. */
function pair(rows) {
  const out = [];
  for (let k = 0; k < rows.length;) {
    if (rows[k].kind !== 'removed' && rows[k].kind !== 'added') {
      out.push(rows[k++]);
      continue;
    }
    const removed = [];
    const added = [];
    while (k < rows.length && (rows[k].kind === 'removed' || rows[k].kind === 'added')) {
      (rows[k].kind === 'removed' ? removed : added).push(rows[k]);
      k++;
    }
    for (let x = 0; x < Math.max(removed.length, added.length); x++) {
      const l = removed[x];
      const r = added[x];
      out.push({ left: l ? l.left : null, right: r ? r.right : null, kind: l && r ? 'changed' : l ? 'removed' : 'added' });
    }
  }
  return out;
}
