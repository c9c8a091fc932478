// A compatibility level or a mode: what is in effect, what is set on this scope, and (for a caller
// with the admin right) a form to set it or to clear it back to what is inherited.

import { ApiError } from './api.js';
import { facts, h, muted } from './dom.js';

export const LEVELS = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'];
export const MODES = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT'];

/**
 * id: names the form's fields (config, mode); own and effective: the values or null; allowed: the
 * caller has the admin right; save(value) and clear(): the API calls (clear null: cannot be
 * cleared); done(): shows the page again with the new values.
 */
export function settingEditor({ id, what, scope, own, effective, choices, allowed, save, clear, done }) {
  const shown = facts([
    [what + ' (effective)', effective ? h('strong', { class: 'level', id: id + '-effective' }, effective) : muted('not set')],
    [what + ' (' + scope + ')', own ?? muted(clear ? 'not set: inherited' : 'not set')],
  ]);
  if (!allowed) return shown;
  const INHERIT = '';
  const select = h('select', { id: id + '-choice', 'aria-label': what },
    clear ? h('option', { value: INHERIT, selected: !own }, 'not set (inherit)') : null,
    choices.map((c) => h('option', { value: c, selected: c === own }, c)));
  const status = h('span', { role: 'status', id: id + '-status' });
  const button = h('button', { type: 'submit', id: id + '-save' }, 'Save');
  const form = h('form', { class: 'toolbar', id: id + '-form', onsubmit: async (e) => {
    e.preventDefault();
    button.disabled = true;
    status.className = 'muted';
    status.textContent = 'Saving…';
    try {
      if (select.value === INHERIT) await clear();
      else await save(select.value);
      done();
    } catch (failure) {
      status.className = 'alert';
      status.textContent = refusal(failure);
      button.disabled = false;
    }
  } }, h('label', { for: id + '-choice' }, 'Set ' + what.toLowerCase()), select, button, status);
  return h('div', null, shown, form);
}

/** A refusal as the registry words it, with its error code: what the user has to act on. */
export function refusal(failure) {
  return failure instanceof ApiError && failure.code ? `${failure.message} (${failure.code})` : failure.message;
}
