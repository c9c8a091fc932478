// Two versions of a subject side by side: the line diff of their pretty forms, and the
// registry's verdict both ways (each as the new schema after the other, at the subject's
// level), with its Confluent-worded messages shown at the lines their paths point to.

import { api, subjectPath } from '../api.js';
import { h, link, route, section } from '../dom.js';
import { go } from '../nav.js';
import { diffLines } from '../diff.js';
import { highlight, layout, lineOf } from '../text.js';

export async function comparePage({ params, query }) {
  const [subject] = params;
  const base = subjectPath(subject);
  const numbers = await api(base + '/versions');
  const b = query.get('b') ?? String(numbers[numbers.length - 1]);
  const a = query.get('a') ?? String(numbers[Math.max(0, numbers.length - 2)]);
  const [left, right, config] = await Promise.all([
    api(base + '/versions/' + encodeURIComponent(a)),
    api(base + '/versions/' + encodeURIComponent(b)),
    api('/config/' + encodeURIComponent(subject), { query: { defaultToGlobal: 'true' } }).catch(() => null),
  ]);
  // Each way: the second schema submitted as new against the first's version.
  const [forward, backward] = await Promise.all([check(base, left, right), check(base, right, left)]);
  const level = config?.compatibilityLevel ?? 'the subject’s level';
  const leftText = layout(left.schema, left.schemaType);
  const rightText = layout(right.schema, right.schemaType);
  const notes = { left: place(backward, leftText), right: place(forward, rightText) };

  return h('div', null,
    h('p', { class: 'crumbs' }, link(['subjects'], 'Subjects'), ' / ', link(['subjects', subject], subject), ' / '),
    h('h1', null, `${subject}: v${left.version} and v${right.version}`),
    picker(subject, numbers, left.version, right.version),
    section('Compatibility at ' + level,
      h('ul', { class: 'verdicts', id: 'verdicts' },
        verdict(`v${right.version} registered after v${left.version}`, forward, 'forward'),
        verdict(`v${left.version} registered after v${right.version}`, backward, 'backward'))),
    section('Changes', table(left, right, leftText, rightText, notes)));
}

async function check(base, old, next) {
  const body = { schema: next.schema };
  if (next.schemaType && next.schemaType !== 'AVRO') body.schemaType = next.schemaType;
  if (next.references?.length) body.references = next.references;
  try {
    const answer = await api('/compatibility' + base + '/versions/' + old.version, { method: 'POST', body, query: { verbose: 'true' } });
    return { compatible: answer.is_compatible, messages: problems(answer.messages ?? []) };
  } catch (e) {
    return { compatible: null, messages: [{ text: e.message, path: null }] };
  }
}

/** The messages that name a problem (not the echo of the old schema and the config), with their paths. */
export function problems(messages) {
  return messages
    .filter((m) => !/^\{(oldSchemaVersion|oldSchema|validateFields|compatibility)\b/.test(m))
    .map((m) => {
      const path = /path '([^']*)'/.exec(m);
      return { text: m, path: path ? path[1] : null };
    });
}

/** Line index → messages at it (those without a path are in the verdicts only, under -1). */
function place(result, text) {
  const at = new Map();
  for (const message of result.messages) {
    const line = message.path ? lineOf(text.pointers, message.path) : -1;
    if (!at.has(line)) at.set(line, []);
    at.get(line).push(message.text);
  }
  return at;
}

function verdict(title, result, id) {
  const word = result.compatible === null ? 'not checked' : result.compatible ? 'compatible' : 'incompatible';
  return h('li', { class: 'verdict ' + word.replace(' ', '-'), id: 'verdict-' + id },
    h('strong', null, title + ': '), h('span', { class: 'word' }, word),
    result.messages.length ? h('ul', { class: 'messages' }, result.messages.map((m) => h('li', null, h('code', null, m.text)))) : null);
}

function picker(subject, numbers, a, b) {
  const pick = (id, label, selected) => h('select', { id, 'aria-label': label }, numbers.map((n) => h('option', { value: n, selected: n === selected }, 'v' + n)));
  const left = pick('compare-a', 'Left version', a);
  const right = pick('compare-b', 'Right version', b);
  const change = () => go(route(['subjects', subject, 'compare'], { a: left.value, b: right.value }));
  left.addEventListener('change', change);
  right.addEventListener('change', change);
  return h('div', { class: 'toolbar' }, left, h('span', null, 'and'), right,
    h('button', { type: 'button', onclick: () => go(route(['subjects', subject, 'compare'], { a: right.value, b: left.value })) }, 'Swap'));
}

function table(left, right, leftText, rightText, notes) {
  const rows = diffLines(leftText.lines, rightText.lines);
  const changed = rows.filter((r) => r.kind !== 'same').length;
  const cell = (text, index, side) => index === null
    ? [h('td', { class: 'ln' }), h('td', { class: 'empty' })]
    : [h('td', { class: 'ln' }, String(index + 1)), h('td', { class: side }, h('code', null, highlight(text.lines[index], text.language)))];
  const note = (side, messages) => h('tr', { class: 'note' },
    side === 'right' ? h('td', { colspan: '2' }) : null,
    h('td', { colspan: '2', class: 'note-' + side }, messages.map((m) => h('div', { role: 'note' }, '⚠ ', m))),
    side === 'left' ? h('td', { colspan: '2' }) : null);
  const body = [];
  for (const row of rows) {
    body.push(h('tr', { class: row.kind }, cell(leftText, row.left, 'left'), cell(rightText, row.right, 'right')));
    if (row.left !== null && notes.left.has(row.left)) body.push(note('left', notes.left.get(row.left)));
    if (row.right !== null && notes.right.has(row.right)) body.push(note('right', notes.right.get(row.right)));
  }
  return h('div', null,
    h('p', { class: 'muted', id: 'change-count' }, changed ? `${changed} changed line${changed === 1 ? '' : 's'}` : 'The two versions read the same.'),
    h('div', { class: 'diff-scroll' }, h('table', { class: 'diff', id: 'diff' },
      h('thead', null, h('tr', null, h('th', { colspan: '2' }, `v${left.version} (id ${left.id})`), h('th', { colspan: '2' }, `v${right.version} (id ${right.id})`))),
      h('tbody', null, body))));
}
