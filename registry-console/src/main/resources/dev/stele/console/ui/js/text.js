// Schema text for people: pretty-printed JSON that remembers on which line each JSON pointer
// starts (so that a compatibility message's path can be shown at its line), and a highlighter
// that turns one line into spans (never HTML).

import { h } from './dom.js';

/**
 * The schema as lines. For AVRO and JSON: parsed and printed two spaces deep, with `pointers`
 * mapping '/fields/0/type' to its line index; for PROTOBUF (or text that is not JSON): as is.
 */
export function layout(schema, type) {
  if (type !== 'PROTOBUF') {
    try {
      return printJson(JSON.parse(schema));
    } catch {
      // not JSON: shown as registered
    }
  }
  return { lines: schema.split('\n'), pointers: new Map(), language: type === 'PROTOBUF' ? 'proto' : 'text' };
}

function printJson(value) {
  const lines = [];
  const pointers = new Map();
  const escape = (p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1');
  function walk(v, pointer, indent, prefix, suffix) {
    pointers.set(pointer, lines.length);
    const pad = '  '.repeat(indent);
    const isArray = Array.isArray(v);
    if (v !== null && typeof v === 'object') {
      const entries = isArray ? v.map((x, i) => [i, x]) : Object.entries(v);
      if (entries.length === 0) {
        lines.push(pad + prefix + (isArray ? '[]' : '{}') + suffix);
        return;
      }
      lines.push(pad + prefix + (isArray ? '[' : '{'));
      entries.forEach(([k, x], i) => {
        const comma = i < entries.length - 1 ? ',' : '';
        walk(x, pointer + '/' + escape(k), indent + 1, isArray ? '' : JSON.stringify(k) + ': ', comma);
      });
      lines.push(pad + (isArray ? ']' : '}') + suffix);
    } else {
      lines.push(pad + prefix + JSON.stringify(v) + suffix);
    }
  }
  walk(value, '', 0, '', '');
  return { lines, pointers, language: 'json' };
}

/** The line a JSON pointer starts on, or of its nearest ancestor that has one; -1: none. */
export function lineOf(pointers, pointer) {
  let p = pointer;
  while (p) {
    if (pointers.has(p)) return pointers.get(p);
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return pointers.size ? 0 : -1;
}

const JSON_TOKENS = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;
const PROTO_TOKENS = /(\/\/.*$)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|\b(syntax|edition|package|import|public|weak|option|message|enum|oneof|map|repeated|optional|required|reserved|extensions|extend|service|rpc|returns|stream|to|max)\b|\b(double|float|int32|int64|uint32|uint64|sint32|sint64|fixed32|fixed64|sfixed32|sfixed64|bool|string|bytes)\b|\b(\d+)\b/g;

/** One line as a list of text and spans with classes k (key), s (string), n (number), w (keyword), c (comment), t (type). */
export function highlight(line, language) {
  if (language === 'text') return [line];
  const pattern = language === 'json' ? JSON_TOKENS : PROTO_TOKENS;
  const out = [];
  let at = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    if (m.index > at) out.push(line.slice(at, m.index));
    if (language === 'json') {
      if (m[1]) {
        out.push(h('span', { class: m[2] ? 'k' : 's' }, m[1]));
        if (m[2]) out.push(m[2]);
      } else if (m[3]) out.push(h('span', { class: 'n' }, m[3]));
      else out.push(h('span', { class: 'w' }, m[4]));
    } else {
      const cls = m[1] ? 'c' : m[2] ? 's' : m[3] ? 'w' : m[4] ? 't' : 'n';
      out.push(h('span', { class: cls }, m[0]));
    }
    at = m.index + m[0].length;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  if (at < line.length) out.push(line.slice(at));
  return out;
}

/** A highlighted block of code with line numbers. */
export function codeBlock(text, type) {
  const { lines, language } = layout(text, type);
  return h('pre', { class: 'code', tabindex: '0' }, lines.map((line, i) =>
    h('span', { class: 'line' }, h('span', { class: 'ln', 'aria-hidden': 'true' }, String(i + 1)), h('code', null, highlight(line, language)))));
}

/** The pretty text of a schema: what Copy and Download give for the pretty view. */
export function prettyText(schema, type) {
  return layout(schema, type).lines.join('\n') + '\n';
}
