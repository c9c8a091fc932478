// A few helpers to build the DOM without a framework: h('a', {href, class}, 'text', child...).
// Text is always set as text (never parsed as HTML), so subject names and schemas cannot inject.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2), value);
      } else if (key === 'class') {
        el.className = value;
      } else if (key === 'dataset') {
        Object.assign(el.dataset, value);
      } else if (key in el && typeof value !== 'string') {
        el[key] = value;
      } else {
        el.setAttribute(key, value === true ? '' : value);
      }
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces el's children. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A link to a console route: link(['subjects', name], 'text') → #/subjects/<name>. */
export function link(parts, text, attrs = {}) {
  return h('a', { href: route(parts), ...attrs }, text);
}

/** The hash of a console route, each part encoded (subject names may hold '/', ':' or '?'). */
export function route(parts, query) {
  const path = '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
  const q = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '' && v != null)).toString() : '';
  return q ? path + '?' + q : path;
}

export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', null, title), ...children);
}

/** A definition list from [term, value] pairs; null values are left out. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== null && v !== undefined)
    .map(([term, value]) => [h('dt', null, term), h('dd', null, value)]));
}

export function muted(text) {
  return h('span', { class: 'muted' }, text);
}
