// The console's shell: hash routes (every page has a link of its own), the signed-in caller,
// keyboard shortcuts. Pages are async functions (context) → element; the server decides what the
// caller may see, the console only mirrors it.

import { api, ApiError, credentials } from './api.js';
import { h, mount, route } from './dom.js';
import { go } from './nav.js';
import { signInPage } from './pages/signin.js';
import { subjectsPage } from './pages/subjects.js';
import { subjectPage } from './pages/subject.js';
import { schemaPage } from './pages/schema.js';
import { comparePage } from './pages/compare.js';
import { lookupPage, schemaByIdPage } from './pages/lookup.js';
import { playgroundPage, registerPage } from './pages/playground.js';
import { globalsPage } from './pages/globals.js';
import { clusterPage } from './pages/cluster.js';
import { fieldsPage } from './pages/fields.js';

const ROUTES = [
  [/^signin$/, signInPage, 'signin'],
  [/^(?:subjects)?$/, subjectsPage, 'subjects'],
  [/^subjects\/([^/]+)$/, subjectPage, 'subjects'],
  [/^subjects\/([^/]+)\/versions\/([^/]+)$/, schemaPage, 'subjects'],
  [/^subjects\/([^/]+)\/compare$/, comparePage, 'subjects'],
  [/^subjects\/([^/]+)\/check$/, playgroundPage, 'subjects'],
  [/^subjects\/([^/]+)\/register$/, registerPage, 'subjects'],
  [/^settings$/, globalsPage, 'settings'],
  [/^cluster$/, clusterPage, 'cluster'],
  [/^fields$/, fieldsPage, 'subjects'],
  [/^lookup$/, lookupPage, 'lookup'],
  [/^schemas\/([^/]+)$/, schemaByIdPage, 'lookup'],
];

const main = document.getElementById('main');
const state = { caller: null, rendering: 0 };

/** Where the hash points: its path (without '#/'), its parts decoded, its query. */
function location_() {
  const hash = location.hash.replace(/^#\/?/, '');
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.slice(0, at);
  return { path, hash: '#/' + hash, query: new URLSearchParams(at < 0 ? '' : hash.slice(at + 1)) };
}

/** Who is signed in: GET /v1/caller with the kept credentials; null when they are refused. */
async function whoAmI() {
  try {
    return await api('/v1/caller');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

function showCaller() {
  const who = document.getElementById('who');
  const out = document.getElementById('signout');
  const caller = state.caller;
  if (caller && caller.authenticated) {
    mount(who, 'Signed in as ', h('strong', null, caller.user));
    out.hidden = false;
  } else {
    mount(who, caller ? 'Open server (no sign-in)' : '');
    out.hidden = true;
  }
  // The global settings need the global read right; the cluster page names hosts, so it is
  // offered to those whose rules give the global admin right.
  const global = caller?.global ?? [];
  document.getElementById('nav-settings').hidden = !global.includes('read');
  document.getElementById('nav-cluster').hidden = !global.includes('admin');
}

async function render() {
  const ticket = ++state.rendering;
  const here = location_();
  const match = ROUTES.map(([pattern, page, nav]) => [pattern.exec(here.path), page, nav]).find(([m]) => m);
  for (const a of document.querySelectorAll('[data-nav]')) {
    a.toggleAttribute('aria-current', !!match && a.dataset.nav === match[2]);
  }
  if (!match) {
    show(ticket, h('div', { class: 'card' }, h('h1', { tabindex: '-1' }, 'No such page'), h('p', null, h('a', { href: '#/subjects' }, 'Subjects'))));
    return;
  }
  const [m, page] = match;
  if (page === signInPage) {
    state.caller = null; // asked again once signed in
    showCaller();
  } else if (!state.caller) {
    const caller = await whoAmI().catch((e) => ({ error: e }));
    if (ticket !== state.rendering) return;
    if (caller && caller.error) {
      show(ticket, failure(caller.error));
      return;
    }
    if (!caller) {
      credentials.clear();
      go(route(['signin'], { next: here.hash }));
      return;
    }
    state.caller = caller;
    showCaller();
  }
  const params = m.slice(1).map(decodeURIComponent);
  mount(main, h('p', { class: 'muted', role: 'status' }, 'Loading…'));
  try {
    const element = await page({ params, query: here.query, caller: state.caller, hash: here.hash });
    show(ticket, element);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      // The credentials stopped working (a changed password, an expired token).
      credentials.clear();
      state.caller = null;
      showCaller();
      go(route(['signin'], { next: here.hash }));
      return;
    }
    show(ticket, failure(e));
  }
}

function show(ticket, element) {
  if (ticket !== state.rendering) return; // a later navigation won
  mount(main, element);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    document.title = heading.textContent + ' · Stele';
  }
  window.scrollTo(0, 0);
  // After the next frame is drawn: what bench/console.sh reads as the time the page painted.
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('stele:painted')));
}

function failure(e) {
  const code = e instanceof ApiError && e.code ? ' (' + e.code + ')' : '';
  return h('div', { class: 'card error', role: 'alert' }, h('h1', null, 'Something went wrong'), h('p', null, e.message + code));
}

function signOut() {
  credentials.clear();
  state.caller = null;
  showCaller();
  go(route(['signin']));
}

// j/k move through a page's rows (anything marked data-row), / focuses its search box, g s and
// g l go to subjects and the id look-up. Keys typed into a field stay the field's.
let pendingG = false;
function onKey(event) {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    if (event.key === 'Escape') {
      // Leaves the field for j/k, keeping what was typed (a search box would clear itself).
      event.preventDefault();
      target.blur();
    }
    return;
  }
  if (pendingG) {
    pendingG = false;
    if (event.key === 's') go('#/subjects');
    else if (event.key === 'l') go('#/lookup');
    return;
  }
  if (event.key === 'g') {
    pendingG = true;
    return;
  }
  if (event.key === '/') {
    const search = main.querySelector('input[type=search]');
    if (search) {
      event.preventDefault();
      search.focus();
    }
    return;
  }
  if (event.key === 'j' || event.key === 'k') {
    const rows = [...main.querySelectorAll('[data-row]')];
    if (!rows.length) return;
    const at = rows.indexOf(document.activeElement);
    const next = event.key === 'j' ? Math.min(at + 1, rows.length - 1) : Math.max(at - 1, 0);
    rows[next].focus();
    event.preventDefault();
  }
}

document.getElementById('signout').addEventListener('click', signOut);
document.addEventListener('keydown', onKey);
window.addEventListener('hashchange', render);
render();
