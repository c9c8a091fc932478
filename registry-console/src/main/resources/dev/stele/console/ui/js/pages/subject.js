// One subject: its versions with ids and types, the latest version's references and what
// refers to it, its config and mode (its own and the effective ones), metadata and rule set,
// and what the caller may do with it.

import { api, orNull, subjectPath } from '../api.js';
import { confirmDelete, versionLines } from '../confirm.js';
import { facts, h, link, muted, route, section } from '../dom.js';
import { go } from '../nav.js';
import { LEVELS, MODES, settingEditor } from '../settings.js';
import { contextOf } from './subjects.js';

/** At most this many version requests in flight: a subject with 1,000 versions stays polite. */
const PARALLEL = 8;

export async function subjectPage({ params, query }) {
  const [subject] = params;
  const base = subjectPath(subject);
  // ?deleted=true (from the list with soft-deleted subjects): soft-deleted versions shown too.
  const deleted = query.get('deleted') === 'true' ? { deleted: 'true' } : undefined;
  const [numbers, live, latestOrNull, ownConfig, config, ownMode, mode, caller] = await Promise.all([
    api(base + '/versions', { query: deleted }),
    deleted ? api(base + '/versions').catch(() => []) : null,
    // 'latest' never names a soft-deleted version: with them, the list's last one is asked for.
    deleted ? null : api(base + '/versions/latest', { query: { findTags: '*' } }),
    orNull(api('/config/' + encodeURIComponent(subject))),
    orNull(api('/config/' + encodeURIComponent(subject), { query: { defaultToGlobal: 'true' } })),
    orNull(api('/mode/' + encodeURIComponent(subject))),
    orNull(api('/mode/' + encodeURIComponent(subject), { query: { defaultToGlobal: 'true' } })),
    api('/v1/caller', { query: { subject } }),
  ]);
  const latest = latestOrNull ?? await api(base + '/versions/' + numbers[numbers.length - 1], { query: { ...deleted, findTags: '*' } });
  const [versions, referencedBy] = await Promise.all([
    inBatches(numbers, (v) => (v === latest.version ? Promise.resolve(latest) : api(base + '/versions/' + v, { query: deleted }))),
    api(base + '/versions/' + latest.version + '/referencedby').catch(() => []),
  ]);
  const rights = caller.subjects?.[subject] ?? [];
  const may = (operation) => rights.includes(operation);
  const again = () => go(location.hash);
  const at = '/' + encodeURIComponent(subject);
  const allSoftDeleted = live !== null && live.length === 0;

  return h('div', null,
    h('p', { class: 'crumbs' }, link(['subjects'], 'Subjects'), ' / '),
    h('h1', { class: 'subject-name' }, subject),
    facts([
      ['Context', contextOf(subject)],
      ['Type', latest.schemaType ?? 'AVRO'],
      ['Latest version', link(['subjects', subject, 'versions', latest.version], String(latest.version))],
      ['Latest id', link(['schemas', latest.id], String(latest.id))],
      ['You may', rights.length ? rights.join(', ') : 'read'],
    ]),
    h('div', { class: 'toolbar', id: 'actions' },
      link(['subjects', subject, 'check'], 'Compatibility playground', { id: 'to-playground' }),
      may('write') ? link(['subjects', subject, 'register'], 'Register a new version', { id: 'to-register' }) : null,
      may('delete') ? h('button', { type: 'button', id: 'delete-subject', class: 'danger', onclick: async () => {
        const choice = await confirmDelete({ what: 'the subject ' + subject, lost: versionLines(versions), permanentOnly: allSoftDeleted });
        if (!choice) return;
        if (!allSoftDeleted) await api(base, { method: 'DELETE' });
        if (choice === 'permanent') await api(base, { method: 'DELETE', query: { permanent: 'true' } });
        go(route(['subjects'], choice === 'permanent' ? null : { deleted: 'true' }));
      } }, 'Delete subject…') : null),
    section('Versions', versionsTable(subject, versions, live), compareForm(subject, numbers)),
    section('References', references(latest.references)),
    section('Referenced by', referencedBy.length
      ? h('ul', { class: 'inline' }, referencedBy.map((id) => h('li', null, link(['schemas', id], 'id ' + id))))
      : muted('No schema refers to the latest version.')),
    section('Config', settingEditor({ id: 'config', what: 'Compatibility', scope: 'this subject',
      own: ownConfig?.compatibilityLevel, effective: config?.compatibilityLevel, choices: LEVELS, allowed: may('admin'),
      save: (v) => api('/config' + at, { method: 'PUT', body: { compatibility: v } }),
      clear: () => clearLevel(at, ownConfig), done: again }),
    configDetails(ownConfig, config)),
    section('Mode', settingEditor({ id: 'mode', what: 'Mode', scope: 'this subject', own: ownMode?.mode, effective: mode?.mode,
      choices: MODES, allowed: may('admin'),
      save: (v) => api('/mode' + at, { method: 'PUT', body: { mode: v } }),
      clear: () => api('/mode' + at, { method: 'DELETE' }), done: again })),
    section('Metadata', json(latest.metadata, 'No metadata on the latest version.')),
    section('Rule set', json(latest.ruleSet, 'No rules on the latest version.')),
    section('Tags', tags(latest.schemaTags)));
}

async function inBatches(items, call) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await call(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return out;
}

/** live: the versions not soft-deleted, when the table also holds soft-deleted ones; else null. */
function versionsTable(subject, versions, live) {
  const newestFirst = [...versions].reverse();
  return h('table', { class: 'grid', id: 'versions' },
    h('thead', null, h('tr', null, h('th', null, 'Version'), h('th', null, 'Id'), h('th', null, 'Type'), h('th', null, 'References'), h('th', null, 'Compare'))),
    h('tbody', null, newestFirst.map((v, i) => {
      const previous = newestFirst[i + 1];
      return h('tr', null,
        h('td', null, h('a', { href: route(['subjects', subject, 'versions', v.version], live ? { deleted: 'true' } : null), 'data-row': '' }, 'v' + v.version),
          live && !live.includes(v.version) ? [' ', h('span', { class: 'badge' }, 'soft-deleted')] : null),
        h('td', null, link(['schemas', v.id], String(v.id))),
        h('td', null, v.schemaType ?? 'AVRO'),
        h('td', null, v.references?.length ? String(v.references.length) : muted('none')),
        h('td', null, previous ? h('a', { href: route(['subjects', subject, 'compare'], { a: previous.version, b: v.version }) }, `with v${previous.version}`) : muted('first')));
    })));
}

function compareForm(subject, numbers) {
  if (numbers.length < 2) return null;
  const pick = (id, selected) => h('select', { id, 'aria-label': id === 'compare-a' ? 'Old version' : 'New version' },
    numbers.map((n) => h('option', { value: n, selected: n === selected }, 'v' + n)));
  const a = pick('compare-a', numbers[numbers.length - 2]);
  const b = pick('compare-b', numbers[numbers.length - 1]);
  return h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); go(route(['subjects', subject, 'compare'], { a: a.value, b: b.value })); } },
    h('span', null, 'Compare'), a, h('span', null, 'with'), b, h('button', { type: 'submit' }, 'Compare'));
}

function references(refs) {
  if (!refs || refs.length === 0) return muted('The latest version refers to no other schema.');
  return h('ul', null, refs.map((r) => h('li', null, h('code', null, r.name), ' → ',
    link(['subjects', r.subject, 'versions', r.version], `${r.subject} v${r.version}`))));
}

function configDetails(own, effective) {
  const rest = (c) => {
    if (!c) return null;
    const copy = { ...c };
    delete copy.compatibilityLevel;
    return Object.keys(copy).length ? copy : null;
  };
  const ownRest = rest(own);
  const effectiveRest = rest(effective);
  if (!ownRest && !effectiveRest) return null;
  return h('details', null, h('summary', null, 'Other settings'),
    h('h3', null, 'Effective'), json(effectiveRest, 'none'), h('h3', null, 'This subject'), json(ownRest, 'none'));
}

/**
 * The registry clears a subject's config only as a whole (a PUT keeps what it leaves out): the
 * other settings set here are put back at once after the delete.
 */
async function clearLevel(at, own) {
  await api('/config' + at, { method: 'DELETE' });
  const rest = { ...own };
  delete rest.compatibilityLevel;
  if (Object.keys(rest).length) await api('/config' + at, { method: 'PUT', body: rest });
}

/** The places of the latest version that carry tags (findTags=*), with their tags. */
function tags(schemaTags) {
  if (!schemaTags?.length) return muted('Nothing in the latest version is tagged.');
  return h('ul', { id: 'tags' }, schemaTags.map((t) => h('li', null, h('code', null, t.schemaEntity.entityPath),
    ' ', muted(t.schemaEntity.entityType === 'sr_field' ? 'field' : 'record'), ': ',
    t.tags.map((tag) => h('span', { class: 'badge' }, tag)))));
}

function json(value, empty) {
  if (!value || (typeof value === 'object' && Object.keys(value).length === 0)) return muted(empty);
  return h('pre', { class: 'code small' }, JSON.stringify(value, null, 2));
}
