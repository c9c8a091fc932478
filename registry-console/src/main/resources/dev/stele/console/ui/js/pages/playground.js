// A schema pasted or uploaded, judged against a subject at its own level and at each of the seven
// (Stele's POST /v1/compatibility/subjects/{s}, which writes nothing), and registered as the
// subject's next version when the caller may write it. The same page serves #/.../check (the
// playground) and #/.../register (reached from the subject page); only the heading differs.

import { api, orNull, subjectPath } from '../api.js';
import { h, link, muted, section } from '../dom.js';
import { subjectRights } from '../rights.js';
import { refusal } from '../settings.js';
import { problems } from './compare.js';

const TYPES = ['AVRO', 'JSON', 'PROTOBUF'];
const BY_EXTENSION = { avsc: 'AVRO', json: 'JSON', proto: 'PROTOBUF' };

export const playgroundPage = (context) => editorPage(context, false);
export const registerPage = (context) => editorPage(context, true);

async function editorPage({ params }, registering) {
  const [subject] = params;
  const [latest, rights] = await Promise.all([
    orNull(api(subjectPath(subject) + '/versions/latest')),
    subjectRights(subject),
  ]);
  const type = h('select', { id: 'schema-type', 'aria-label': 'Schema type' },
    TYPES.map((t) => h('option', { value: t, selected: t === (latest?.schemaType ?? 'AVRO') }, t)));
  const text = h('textarea', { id: 'schema-text', rows: '14', spellcheck: 'false', 'aria-label': 'Schema' }, latest?.schema ?? '');
  const refs = h('textarea', { id: 'schema-references', rows: '3', spellcheck: 'false', 'aria-label': 'References (JSON)' },
    latest?.references?.length ? JSON.stringify(latest.references) : '');
  const file = h('input', { type: 'file', id: 'schema-file', accept: '.avsc,.json,.proto,.txt', 'aria-label': 'Upload a schema file' });
  file.addEventListener('change', async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    text.value = await chosen.text();
    const guessed = BY_EXTENSION[chosen.name.split('.').pop().toLowerCase()];
    if (guessed) type.value = guessed;
  });
  const results = h('div', { id: 'results', 'aria-live': 'polite' });
  const body = () => {
    const out = { schema: text.value };
    if (type.value !== 'AVRO') out.schemaType = type.value;
    const r = refs.value.trim();
    if (r) out.references = JSON.parse(r);
    return out;
  };
  const run = (work) => async () => {
    results.replaceChildren(h('p', { class: 'muted', role: 'status' }, 'Asking the registry…'));
    try {
      results.replaceChildren(await work(body()));
    } catch (failure) {
      results.replaceChildren(h('div', { class: 'card error', role: 'alert', id: 'refusal' },
        h('strong', null, registering ? 'Not registered: ' : 'Not checked: '), h('code', { class: 'wrap' }, refusal(failure))));
    }
  };
  const check = h('button', { type: 'button', id: 'check', class: registering ? null : 'primary', onclick: run((b) => verdicts(subject, b)) }, 'Check at every level');
  const register = rights.has('write')
    ? h('button', { type: 'button', id: 'register', class: registering ? 'primary' : null, onclick: run((b) => registered(subject, b)) }, 'Register as a new version')
    : null;

  return h('div', null,
    h('p', { class: 'crumbs' }, link(['subjects'], 'Subjects'), ' / ', link(['subjects', subject], subject), ' / '),
    h('h1', null, registering ? `Register a new version of ${subject}` : `Compatibility playground: ${subject}`),
    section('Schema',
      h('div', { class: 'toolbar' }, h('label', { for: 'schema-type' }, 'Type'), type, h('label', null, 'or upload ', file)),
      text,
      h('details', null, h('summary', null, 'References'), h('p', { class: 'muted' }, 'A JSON list of {"name", "subject", "version"}.'), refs),
      h('div', { class: 'toolbar actions' }, check, register,
        register ? null : muted(registering ? 'Your rights do not let you register versions of this subject.' : null))),
    results);
}

async function verdicts(subject, body) {
  const answer = await api('/v1/compatibility' + subjectPath(subject), { method: 'POST', body });
  const word = (ok) => h('span', { class: 'word' }, ok ? 'compatible' : 'incompatible');
  const messages = (v) => {
    const found = problems(v.messages);
    return found.length ? h('ul', { class: 'messages' }, found.map((m) => h('li', null, h('code', null, m.text)))) : null;
  };
  return section('Verdict',
    h('p', { id: 'own-verdict', class: 'verdict ' + (answer.is_compatible ? 'compatible' : 'incompatible') },
      h('strong', null, `At the subject's level (${answer.compatibility}): `), word(answer.is_compatible), messages(answer)),
    h('table', { class: 'grid', id: 'levels' },
      h('thead', null, h('tr', null, h('th', null, 'Level'), h('th', null, 'Verdict'))),
      h('tbody', null, answer.levels.map((v) => h('tr', { class: v.compatibility === answer.compatibility ? 'current' : null, dataset: { level: v.compatibility } },
        h('td', null, v.compatibility, v.compatibility === answer.compatibility ? [' ', h('span', { class: 'badge' }, 'this subject')] : null),
        h('td', { class: 'verdict ' + (v.is_compatible ? 'compatible' : 'incompatible') }, word(v.is_compatible), messages(v)))))));
}

async function registered(subject, body) {
  const answer = await api(subjectPath(subject) + '/versions', { method: 'POST', body });
  // The registration answers the id only; the look-up names the version it got (or already had).
  const version = await api(subjectPath(subject), { method: 'POST', body });
  return h('div', { class: 'card', role: 'status', id: 'registered' },
    h('p', null, 'Registered: ', link(['subjects', subject, 'versions', version.version], `${subject} v${version.version}`), ` (id ${answer.id}).`),
    h('p', null, link(['subjects', subject], 'Back to the subject')));
}
