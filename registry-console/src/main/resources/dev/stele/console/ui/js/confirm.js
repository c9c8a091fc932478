// The one confirmation before something is lost: a modal dialog that names exactly what goes
// (the versions and ids), and, for a permanent delete, that it cannot be undone.

import { h } from './dom.js';

/**
 * Asks; resolves to 'soft', 'permanent' or null (cancelled). what: the heading's object ("the
 * subject orders-value"); lost: lines naming each version and id; permanentOnly: the thing is
 * already soft-deleted, so only a permanent delete is left.
 */
export function confirmDelete({ what, lost, permanentOnly = false }) {
  return new Promise((resolve) => {
    const permanent = h('input', { type: 'checkbox', id: 'delete-permanent', checked: permanentOnly, disabled: permanentOnly });
    const warning = h('p', { class: 'alert', id: 'delete-warning' });
    const go = h('button', { type: 'submit', class: 'danger', id: 'delete-confirm' });
    const explain = () => {
      warning.textContent = permanent.checked
        ? 'Permanent: the versions are removed for good (an id stays readable only while another subject uses its schema). This cannot be undone.'
        : 'Soft delete: the versions stop being served and checked against; an admin can still see them and delete them permanently.';
      go.textContent = permanent.checked ? 'Delete permanently' : 'Delete';
    };
    permanent.addEventListener('change', explain);
    explain();
    const dialog = h('dialog', { class: 'confirm', id: 'delete-dialog', 'aria-labelledby': 'delete-title' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'delete-title' }, 'Delete ' + what + '?'),
        h('p', null, 'This deletes:'),
        h('ul', { id: 'delete-lost' }, lost.map((line) => h('li', null, line))),
        h('label', { class: 'check' }, permanent, permanentOnly ? 'Permanently (already soft-deleted)' : 'Permanently'),
        warning,
        h('div', { class: 'toolbar' },
          h('button', { type: 'submit', value: 'cancel', id: 'delete-cancel', autofocus: true }, 'Cancel'), go)));
    go.value = 'go';
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'go' ? (permanent.checked ? 'permanent' : 'soft') : null);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** "v3 (id 12)" lines for versions as the API answers them. */
export function versionLines(versions) {
  return versions.map((v) => `v${v.version} (id ${v.id})`);
}
