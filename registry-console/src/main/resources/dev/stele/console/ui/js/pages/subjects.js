// Contexts and subjects: every subject the caller may read (the server filters GET /subjects by
// the rules), searched by name as one types and shown a page at a time, so that 100,000 names
// paint as fast as 100.

import { api } from '../api.js';
import { h, mount, route } from '../dom.js';
import { replaceQuery } from '../nav.js';
import { fieldSearchForm } from './fields.js';

const PAGE = 100;
const DEFAULT_CONTEXT = '.';

/** The context of a subject as the API spells it: ':.ctx:name' is in '.ctx', a plain name in '.'. */
export function contextOf(subject) {
  const m = /^:(\.[^:]*):/.exec(subject);
  return m ? m[1] : DEFAULT_CONTEXT;
}

export async function subjectsPage({ query }) {
  const deleted = query.get('deleted') === 'true';
  const [subjects, contexts] = await Promise.all([
    api('/subjects', { query: deleted ? { deleted: 'true' } : undefined }),
    api('/contexts').catch(() => [DEFAULT_CONTEXT]),
  ]);
  subjects.sort();
  const state = { q: query.get('q') ?? '', context: query.get('context') ?? '', page: Math.max(1, Number(query.get('page')) || 1), deleted };

  const count = h('p', { class: 'muted', role: 'status', id: 'subject-count' });
  const list = h('ol', { class: 'rows', id: 'subject-list' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  const search = h('input', { type: 'search', id: 'subject-search', value: state.q, placeholder: 'Search subject names', 'aria-label': 'Search subject names', autocomplete: 'off', spellcheck: 'false' });
  const contextSelect = h('select', { id: 'context', 'aria-label': 'Context' },
    h('option', { value: '' }, 'All contexts'),
    contexts.map((c) => h('option', { value: c, selected: c === state.context }, c === DEFAULT_CONTEXT ? 'Default context (.)' : c)));
  const deletedBox = h('input', { type: 'checkbox', id: 'show-deleted', checked: deleted });

  const hash = () => route(['subjects'], { q: state.q, context: state.context, page: state.page > 1 ? state.page : '', deleted: state.deleted ? 'true' : '' });
  const draw = () => {
    const needle = state.q.toLowerCase();
    const shown = subjects.filter((s) => (!state.context || contextOf(s) === state.context) && (!needle || s.toLowerCase().includes(needle)));
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    state.page = Math.min(state.page, pages);
    const from = (state.page - 1) * PAGE;
    const slice = shown.slice(from, from + PAGE);
    count.textContent = shown.length === 0 ? (subjects.length ? 'No subject matches.' : 'No subjects you may read.')
      : `${from + 1}–${from + slice.length} of ${shown.length.toLocaleString('en')} subject${shown.length === 1 ? '' : 's'}`
        + (shown.length < subjects.length ? ` (${subjects.length.toLocaleString('en')} in all)` : '');
    const live = state.deleted ? null : true;
    mount(list, slice.map((s) => h('li', null, h('a', { href: route(['subjects', s], live ? null : { deleted: 'true' }), 'data-row': '', class: 'subject' }, s),
      contextOf(s) !== DEFAULT_CONTEXT ? h('span', { class: 'badge' }, contextOf(s)) : null)));
    const pageLink = (n, text, rel) => n < 1 || n > pages || n === state.page
      ? h('span', { class: 'disabled', 'aria-disabled': 'true' }, text)
      : h('a', { href: route(['subjects'], { q: state.q, context: state.context, page: n, deleted: state.deleted ? 'true' : '' }), rel, onclick: (e) => { e.preventDefault(); state.page = n; update(); } }, text);
    mount(pager, pageLink(state.page - 1, '← Previous', 'prev'), h('span', null, `Page ${state.page} of ${pages}`), pageLink(state.page + 1, 'Next →', 'next'));
  };
  const update = () => {
    replaceQuery(hash());
    draw();
  };
  let typing;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.q = search.value;
      state.page = 1;
      update();
    }, 80);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      const first = list.querySelector('a');
      if (first) first.focus();
    }
  });
  contextSelect.addEventListener('change', () => {
    state.context = contextSelect.value;
    state.page = 1;
    update();
  });
  deletedBox.addEventListener('change', () => {
    location.hash = route(['subjects'], { q: state.q, context: state.context, deleted: deletedBox.checked ? 'true' : '' });
  });
  draw();
  return h('div', null,
    h('h1', null, 'Subjects'),
    h('div', { class: 'toolbar' }, search, contexts.length > 1 ? contextSelect : null,
      h('label', { class: 'check' }, deletedBox, ' soft-deleted too')),
    count, list, pager,
    h('section', { class: 'card' }, h('h2', null, 'Search inside schemas'), fieldSearchForm()));
}
