// One version of a subject: its schema pretty and highlighted, as registered, to copy or
// download, with its id, type, references and the neighbouring versions.

import { api, subjectPath } from '../api.js';
import { confirmDelete, versionLines } from '../confirm.js';
import { facts, h, link, muted, route, section } from '../dom.js';
import { go } from '../nav.js';
import { subjectRights } from '../rights.js';
import { schemaView } from '../schemaview.js';

export async function schemaPage({ params, query }) {
  const [subject, version] = params;
  const deleted = query.get('deleted') === 'true' ? { deleted: 'true' } : undefined;
  const [found, numbers, live, rights] = await Promise.all([
    api(subjectPath(subject) + '/versions/' + encodeURIComponent(version), { query: deleted }),
    api(subjectPath(subject) + '/versions', { query: deleted }),
    api(subjectPath(subject) + '/versions').catch(() => []),
    subjectRights(subject),
  ]);
  const at = numbers.indexOf(found.version);
  const previous = at > 0 ? numbers[at - 1] : null;
  const next = at >= 0 && at < numbers.length - 1 ? numbers[at + 1] : null;
  return h('div', null,
    h('p', { class: 'crumbs' }, link(['subjects'], 'Subjects'), ' / ', link(['subjects', subject], subject), ' / '),
    h('h1', null, `${subject} v${found.version}`),
    facts([
      ['Id', link(['schemas', found.id], String(found.id))],
      ['Type', found.schemaType ?? 'AVRO'],
      ['References', found.references?.length
        ? h('ul', { class: 'inline' }, found.references.map((r) => h('li', null, link(['subjects', r.subject, 'versions', r.version], `${r.name} (${r.subject} v${r.version})`))))
        : muted('none')],
    ]),
    h('nav', { class: 'toolbar', 'aria-label': 'Versions' },
      previous ? link(['subjects', subject, 'versions', previous], '← v' + previous, { rel: 'prev' }) : null,
      previous ? h('a', { href: route(['subjects', subject, 'compare'], { a: previous, b: found.version }) }, `Compare with v${previous}`) : null,
      next ? link(['subjects', subject, 'versions', next], 'v' + next + ' →', { rel: 'next' }) : null,
      rights.has('delete') ? deleteButton(subject, found, live) : null),
    section('Schema', schemaView(found.schema, found.schemaType, `${subject}-v${found.version}`, [
      // What normalize=true compares (Stele's /v1: Confluent's API has no such read).
      ['normalized', 'Normalized', async () => (await api('/v1/schemas/ids/' + found.id + '/normalized', { query: { subject } })).schema],
      // Avro's resolved form: the referenced types written out where they are used.
      (found.schemaType ?? 'AVRO') === 'AVRO' && found.references?.length
        ? ['resolved', 'References inlined', async () => (await api(subjectPath(subject) + '/versions/' + found.version, { query: { ...deleted, format: 'resolved' } })).schema]
        : null,
    ].filter(Boolean))),
    found.metadata ? section('Metadata', h('pre', { class: 'code small' }, JSON.stringify(found.metadata, null, 2))) : null,
    found.ruleSet ? section('Rule set', h('pre', { class: 'code small' }, JSON.stringify(found.ruleSet, null, 2))) : null);
}

/** Soft, or permanent (a live version is soft-deleted first, as the registry requires). */
function deleteButton(subject, found, live) {
  const soft = !live.includes(found.version);
  const path = subjectPath(subject) + '/versions/' + found.version;
  return h('button', { type: 'button', id: 'delete-version', class: 'danger', onclick: async () => {
    const choice = await confirmDelete({ what: `${subject} v${found.version}`, lost: versionLines([found]), permanentOnly: soft });
    if (!choice) return;
    if (!soft) await api(path, { method: 'DELETE' });
    if (choice === 'permanent') await api(path, { method: 'DELETE', query: { permanent: 'true' } });
    const left = live.filter((v) => v !== found.version);
    go(left.length ? route(['subjects', subject]) : route(['subjects'], { deleted: 'true' }));
  } }, 'Delete version…');
}
