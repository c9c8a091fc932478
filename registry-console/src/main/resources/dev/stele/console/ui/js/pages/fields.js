// Subjects by a field's name or type, across every subject's latest version: the server searches
// (GET /v1/search/fields, answered from memory and filtered by the caller's rules), a page at a
// time; the form is the same on the subjects page.

import { api } from '../api.js';
import { h, link, muted, route } from '../dom.js';
import { go } from '../nav.js';

const PAGE = 50;
const PARTS = [['any', 'name or type'], ['name', 'name'], ['type', 'type']];

/** The form that starts a search (also on the subjects page). */
export function fieldSearchForm(q = '', part = 'any') {
  const input = h('input', { type: 'text', id: 'field-search', value: q, placeholder: 'A field name or type, e.g. amount, timestamp', 'aria-label': 'Field name or type', autocomplete: 'off', spellcheck: 'false' });
  const select = h('select', { id: 'field-in', 'aria-label': 'Look in' }, PARTS.map(([v, text]) => h('option', { value: v, selected: v === part }, text)));
  return h('form', { class: 'toolbar', id: 'field-form', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    if (input.value.trim()) go(route(['fields'], { q: input.value.trim(), in: select.value === 'any' ? '' : select.value }));
  } }, h('label', { for: 'field-search' }, 'Find fields by'), select, input, h('button', { type: 'submit' }, 'Find'));
}

export async function fieldsPage({ query }) {
  const q = query.get('q') ?? '';
  const part = query.get('in') ?? 'any';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const heading = h('h1', null, q ? `Fields matching “${q}”` : 'Find fields');
  if (!q) return h('div', null, heading, fieldSearchForm('', part));
  // One more than a page: whether there is a next page, without counting every match.
  const found = await api('/v1/search/fields', { query: { q, in: part, offset: (page - 1) * PAGE, limit: PAGE + 1 } });
  const shown = found.slice(0, PAGE);
  const at = (n) => route(['fields'], { q, in: part === 'any' ? '' : part, page: n > 1 ? n : '' });
  return h('div', null,
    h('p', { class: 'crumbs' }, link(['subjects'], 'Subjects'), ' / '),
    heading,
    fieldSearchForm(q, part),
    h('p', { class: 'muted', role: 'status', id: 'field-count' }, shown.length
      ? `Subjects ${(page - 1) * PAGE + 1}–${(page - 1) * PAGE + shown.length}${found.length > PAGE ? ' (more on the next page)' : ''}, by their latest version`
      : 'No subject you may read has such a field in its latest version.'),
    h('ol', { class: 'rows', id: 'field-results' }, shown.map((m) => h('li', { class: 'match' },
      h('a', { href: route(['subjects', m.subject, 'versions', m.version]), 'data-row': '' }, `${m.subject} v${m.version}`),
      h('span', { class: 'badge' }, m.schemaType ?? 'AVRO'),
      h('ul', { class: 'inline fields' }, m.fields.map((f) => h('li', null, h('code', null, f.path), muted(': '), h('code', { class: 't' }, f.type))))))),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      page > 1 ? h('a', { href: at(page - 1), rel: 'prev' }, '← Previous') : h('span', { class: 'disabled' }, '← Previous'),
      h('span', null, `Page ${page}`),
      found.length > PAGE ? h('a', { href: at(page + 1), rel: 'next' }, 'Next →') : h('span', { class: 'disabled' }, 'Next →')));
}
