// A schema shown for reading: pretty (highlighted) or as registered, with copy and download.

import { h } from './dom.js';
import { codeBlock, prettyText } from './text.js';

const EXTENSIONS = { AVRO: 'avsc', JSON: 'json', PROTOBUF: 'proto' };

/**
 * fileName without extension; the type picks it (.avsc, .json, .proto). more: further forms as
 * [name, label, load], load giving the text when its tab is first chosen (the normalized form,
 * the references inlined).
 */
export function schemaView(schema, type, fileName, more = []) {
  type = type ?? 'AVRO';
  const texts = { pretty: prettyText(schema, type), raw: schema };
  const views = { pretty: codeBlock(schema, type), raw: h('pre', { class: 'code raw', tabindex: '0' }, schema) };
  const holder = h('div', { class: 'schema-text' }, views.pretty);
  let shown = 'pretty';
  const status = h('span', { class: 'muted', role: 'status' });
  const tab = (name, text) => h('button', { type: 'button', class: 'tab', 'aria-pressed': String(name === shown), dataset: { view: name },
    onclick: async (e) => {
      const group = e.currentTarget.parentElement;
      if (!views[name]) {
        try {
          const inlined = await more.find(([n]) => n === name)[2]();
          texts[name] = prettyText(inlined, type);
          views[name] = codeBlock(inlined, type);
        } catch (failure) {
          status.textContent = failure.message;
          return;
        }
      }
      shown = name;
      holder.replaceChildren(views[name]);
      for (const b of group.querySelectorAll('.tab')) b.setAttribute('aria-pressed', String(b.dataset.view === name));
    } }, text);
  const text = () => texts[shown];
  const copy = h('button', { type: 'button', id: 'copy', onclick: async () => {
    status.textContent = (await copyText(text())) ? 'Copied.' : 'Copying is not allowed here; select the text instead.';
  } }, 'Copy');
  const download = h('button', { type: 'button', id: 'download', onclick: () => {
    const url = URL.createObjectURL(new Blob([text()], { type: 'text/plain' }));
    const a = h('a', { href: url, download: fileName.replace(/[^\w.-]+/g, '_') + '.' + (EXTENSIONS[type] ?? 'txt') });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } }, 'Download');
  return h('div', { class: 'schema' },
    h('div', { class: 'toolbar' }, h('span', { class: 'tabs', role: 'group', 'aria-label': 'Form' }, tab('pretty', 'Pretty'), tab('raw', 'Canonical (as stored)'), more.map(([name, label]) => tab(name, label))), copy, download, status),
    holder);
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Not a secure context (plain HTTP to another host), or no permission: the old way.
    const area = h('textarea', { class: 'offscreen' }, text);
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}
