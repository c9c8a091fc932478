// The global compatibility level and mode: in effect, and editable by a caller whose rules give
// the admin right on the global scope.

import { api, orNull } from '../api.js';
import { go } from '../nav.js';
import { h, section } from '../dom.js';
import { globalRights } from '../rights.js';
import { LEVELS, MODES, settingEditor } from '../settings.js';

export async function globalsPage({ caller }) {
  const [config, mode] = await Promise.all([orNull(api('/config')), orNull(api('/mode'))]);
  const admin = globalRights(caller).has('admin');
  const again = () => go(location.hash);
  return h('div', null,
    h('h1', null, 'Global settings'),
    section('Config', settingEditor({ id: 'config', what: 'Compatibility', scope: 'global', own: config?.compatibilityLevel,
      effective: config?.compatibilityLevel, choices: LEVELS, allowed: admin,
      save: (v) => api('/config', { method: 'PUT', body: { compatibility: v } }),
      clear: () => api('/config', { method: 'DELETE' }), done: again })),
    section('Mode', settingEditor({ id: 'mode', what: 'Mode', scope: 'global', own: mode?.mode, effective: mode?.mode,
      choices: MODES, allowed: admin, save: (v) => api('/mode', { method: 'PUT', body: { mode: v } }), clear: null, done: again })),
    admin ? null : h('p', { class: 'muted', id: 'read-only' }, 'Your rights let you read these settings, not change them.'));
}
