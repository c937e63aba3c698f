// Sign up: an account (the first one of a server is its admin), then straight in.
import * as api from '../api.js';
import { navigate } from '../app.js';
import { field, h } from '../ui.js';

export const signup = {
  path: '/signup',
  name: 'signup',
  title: 'Sign up',
  public: true,
  render(main) {
    if (api.signedIn()) {
      navigate('/chats');
      return undefined;
    }
    const name = h('input#signup-name', { type: 'text', name: 'name', autocomplete: 'name', maxlength: 100 });
    const email = h('input#signup-email', { type: 'email', name: 'email', autocomplete: 'email', required: true });
    const password = h('input#signup-password', { type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: 8 });
    const error = h('p.error#signup-error', { role: 'alert' });
    const submit = h('button.primary#signup-submit', { type: 'submit' }, 'Create account');
    const form = h(
      'form.card.narrow#signup-form',
      {
        'aria-labelledby': 'signup-title',
        onsubmit: async (event) => {
          event.preventDefault();
          error.textContent = '';
          submit.disabled = true;
          try {
            const fields = { email: email.value.trim(), password: password.value };
            if (name.value.trim()) fields.name = name.value.trim();
            await api.register(fields);
            navigate('/chats');
          } catch (failure) {
            const problem = failure.problem || {};
            const details = (problem.errors || []).map((e) => `${e.field}: ${e.message}`);
            error.textContent = [problem.detail || failure.message, ...details].join(' ');
            submit.disabled = false;
          }
        },
      },
      h('h1#signup-title', {}, 'Create your Parley account'),
      field('Name (optional)', name),
      field('Email', email),
      field('Password', password, 'At least 8 characters; a passphrase is best.'),
      error,
      h('div.row', {}, submit, h('span.spacer'), h('a', { href: '#/login' }, 'I have an account')),
    );
    main.append(form);
    email.focus();
    return undefined;
  },
};
