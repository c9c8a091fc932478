// Sign-in: a user and password from the users file (HTTP Basic), or a bearer token (JWT). The
// credentials are tried against GET /v1/caller before they are kept, in this tab only.

import { api, ApiError, basic, bearer, credentials } from '../api.js';
import { h, route } from '../dom.js';
import { go } from '../nav.js';

export async function signInPage({ query }) {
  const next = safeNext(query.get('next'));
  const open = await api('/v1/caller', { authorization: '' }).catch(() => null);
  if (open && !open.authenticated) {
    return h('div', { class: 'card narrow' }, h('h1', null, 'No sign-in needed'),
      h('p', null, 'This server has no authentication: everyone may read and change everything.'),
      h('p', null, h('a', { href: next }, 'Continue')));
  }
  const message = h('p', { class: 'alert', role: 'alert', hidden: true });
  const user = h('input', { id: 'user', name: 'user', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const token = h('textarea', { id: 'token', name: 'token', rows: '4', spellcheck: 'false', placeholder: 'eyJhbGciOi…' });
  const passwordFields = h('div', { class: 'fields' },
    h('label', { for: 'user' }, 'User'), user,
    h('label', { for: 'password' }, 'Password'), password);
  const tokenFields = h('div', { class: 'fields', hidden: true },
    h('label', { for: 'token' }, 'Bearer token (JWT)'), token);
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');

  const choose = (useToken) => {
    passwordFields.hidden = useToken;
    tokenFields.hidden = !useToken;
    user.required = password.required = !useToken;
    token.required = useToken;
    (useToken ? token : user).focus();
  };
  const byPassword = h('input', { type: 'radio', name: 'kind', id: 'kind-password', checked: true, onchange: () => choose(false) });
  const byToken = h('input', { type: 'radio', name: 'kind', id: 'kind-token', onchange: () => choose(true) });

  const form = h('form', { class: 'signin', novalidate: false },
    h('fieldset', { class: 'kinds' }, h('legend', null, 'Sign in with'),
      h('label', null, byPassword, ' user and password'),
      h('label', null, byToken, ' token')),
    passwordFields, tokenFields, message, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const authorization = byToken.checked ? bearer(token.value) : basic(user.value, password.value);
    button.disabled = true;
    message.hidden = true;
    try {
      const caller = await api('/v1/caller', { authorization });
      credentials.set({ authorization, user: caller.user });
      go(next);
    } catch (e) {
      message.textContent = e instanceof ApiError && e.status === 401
        ? (byToken.checked ? 'The token was refused.' : 'Wrong user name or password.')
        : e.message;
      message.hidden = false;
      button.disabled = false;
    }
  });
  return h('div', { class: 'card narrow' }, h('h1', null, 'Sign in'),
    h('p', { class: 'muted' }, 'You will see the subjects your access rules let you read.'), form);
}

/** Only a console route may follow the sign-in (not another site's address). */
function safeNext(next) {
  return next && /^#\/(?!signin)/.test(next) ? next : route(['subjects']);
}
