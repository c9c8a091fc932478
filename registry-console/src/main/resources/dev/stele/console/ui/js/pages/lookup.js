// Looking a schema up by its id: the schema, and every subject version that holds it (those the
// caller may read).

import { api } from '../api.js';
import { facts, h, link, muted, route, section } from '../dom.js';
import { go } from '../nav.js';
import { schemaView } from '../schemaview.js';

export async function lookupPage() {
  return h('div', { class: 'card narrow' }, h('h1', null, 'Look up a schema by id'), idForm(''));
}

function idForm(value) {
  const input = h('input', { type: 'search', id: 'schema-id', inputmode: 'numeric', pattern: '[0-9]+', value, 'aria-label': 'Schema id', placeholder: 'Schema id, e.g. 42', required: true });
  return h('form', { class: 'toolbar', onsubmit: (e) => {
    e.preventDefault();
    const id = input.value.trim();
    if (/^\d+$/.test(id)) go(route(['schemas', id]));
  } }, input, h('button', { type: 'submit', class: 'primary' }, 'Look up'));
}

export async function schemaByIdPage({ params }) {
  const [id] = params;
  const [found, versions] = await Promise.all([
    api('/schemas/ids/' + encodeURIComponent(id)),
    api('/schemas/ids/' + encodeURIComponent(id) + '/versions').catch(() => []),
  ]);
  return h('div', null,
    idForm(id),
    h('h1', null, `Schema id ${id}`),
    facts([
      ['Type', found.schemaType ?? 'AVRO'],
      ['Used by', versions.length
        ? h('ul', { class: 'inline', id: 'used-by' }, versions.map((v) => h('li', null, link(['subjects', v.subject, 'versions', v.version], `${v.subject} v${v.version}`, { 'data-row': '' }))))
        : muted('no subject you may read')],
    ]),
    section('Schema', schemaView(found.schema, found.schemaType, 'schema-' + id)));
}
