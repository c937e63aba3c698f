// Log in: email (or username) and password; the refresh token goes into an httpOnly cookie.
import * as api from '../api.js';
import { navigate } from '../app.js';
import { field, h } from '../ui.js';

/** Where to go after signing in: the page asked for (only a console route), else the chats. */
export function nextPath(params) {
  const next = params.query?.get('next') || '';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') && !next.startsWith('/signup')
    ? next
    : '/chats';
}

export const login = {
  path: '/login',
  name: 'login',
  title: 'Log in',
  public: true,
  render(main, params) {
    if (api.signedIn()) {
      navigate(nextPath(params));
      return undefined;
    }
    const email = h('input#login-email', { type: 'text', name: 'email', autocomplete: 'username', required: true });
    const password = h('input#login-password', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
    const error = h('p.error#login-error', { role: 'alert' });
    const submit = h('button.primary#login-submit', { type: 'submit' }, 'Log in');
    const form = h(
      'form.card.narrow#login-form',
      {
        'aria-labelledby': 'login-title',
        onsubmit: async (event) => {
          event.preventDefault();
          error.textContent = '';
          submit.disabled = true;
          try {
            await api.login(email.value.trim(), password.value);
            navigate(nextPath(params));
          } catch (failure) {
            error.textContent = failure.problem?.detail || failure.message;
            submit.disabled = false;
          }
        },
      },
      h('h1#login-title', {}, 'Log in to Parley'),
      field('Email or username', email),
      field('Password', password),
      error,
      h('div.row', {}, submit, h('span.spacer'), h('a', { href: '#/signup' }, 'Create an account')),
    );
    main.append(form);
    email.focus();
    return undefined;
  },
};
