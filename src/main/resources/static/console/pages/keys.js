// #/keys: Parley API keys (the secret shown once, right after creation, with OpenAI SDK snippets
// that carry it) and your own provider keys (integrations.js).
import * as api from '../api.js';
import { h, mount, field, toast, copy, formatDate } from '../ui.js';
import { all, busy, load, table, text } from './kit.js';
import { integrationsSection } from './integrations.js';

const PLACEHOLDER = 'pk_…';

/** The snippets, for a base URL, a key and a model. */
export function snippets(baseUrl, key, model) {
  const body = JSON.stringify({ model, messages: [{ role: 'user', content: 'Hello' }] });
  return {
    python: [
      'from openai import OpenAI',
      '',
      `client = OpenAI(base_url="${baseUrl}", api_key="${key}")`,
      `reply = client.chat.completions.create(model="${model}", messages=[{"role": "user", "content": "Hello"}])`,
      'print(reply.choices[0].message.content)',
    ].join('\n'),
    javascript: [
      "import OpenAI from 'openai';",
      '',
      `const client = new OpenAI({ baseURL: '${baseUrl}', apiKey: '${key}' });`,
      `const reply = await client.chat.completions.create({ model: '${model}', messages: [{ role: 'user', content: 'Hello' }] });`,
      'console.log(reply.choices[0].message.content);',
    ].join('\n'),
    curl: [
      `curl ${baseUrl}/chat/completions \\`,
      `  -H "Authorization: Bearer ${key}" -H 'Content-Type: application/json' \\`,
      `  -d '${body}'`,
    ].join('\n'),
  };
}

const LANGUAGES = [['python', 'Python'], ['javascript', 'JavaScript'], ['curl', 'curl']];

/** The snippet box: a tab per language, each with its copy button; update(key, model) refills it. */
function snippetBox(models) {
  const baseUrl = `${location.origin}/v1`;
  let key = PLACEHOLDER;
  const model = h('select#snippet-model', {}, models.map((id) => h('option', { value: id }, id)));
  const blocks = {};
  const tabs = h('div.tabs', { role: 'tablist', 'aria-label': 'Snippet language' });
  const panels = h('div');
  function show(language) {
    for (const [name] of LANGUAGES) {
      blocks[name].panel.hidden = name !== language;
      blocks[name].tab.setAttribute('aria-selected', String(name === language));
      blocks[name].tab.tabIndex = name === language ? 0 : -1;
    }
  }
  LANGUAGES.forEach(([name, label], i) => {
    const code = h(`pre#snippet-${name}`, { tabindex: 0 });
    const panel = h('div', { role: 'tabpanel', id: `snippet-panel-${name}`, 'aria-label': label }, code,
      h('button', { type: 'button', onclick: () => copy(code.textContent) }, `Copy ${label}`));
    const tab = h('button.tab', { type: 'button', role: 'tab', id: `snippet-tab-${name}`, 'aria-controls': panel.id, onclick: () => show(name) }, label);
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = LANGUAGES[(i + step + LANGUAGES.length) % LANGUAGES.length][0];
      show(next);
      blocks[next].tab.focus();
    });
    blocks[name] = { code, panel, tab };
    tabs.append(tab);
    panels.append(panel);
  });
  function refill() {
    const texts = snippets(baseUrl, key, model.value || 'local/echo');
    for (const [name] of LANGUAGES) blocks[name].code.textContent = texts[name];
  }
  model.addEventListener('change', refill);
  show('python');
  refill();
  const note = h('p.hint#snippet-note', {}, 'Replace pk_… with a key you saved: a key is shown only once.');
  return {
    element: h('section.card', { 'aria-labelledby': 'snippet-title' }, h('h2#snippet-title', {}, 'Use it from an OpenAI SDK'),
      h('p', {}, 'Base URL: ', h('code#snippet-base-url', {}, baseUrl)), note, field('Model', model), tabs, panels),
    update(newKey) {
      key = newKey;
      note.textContent = 'The snippets carry your new key. Copy it now: it will not be shown again.';
      refill();
    },
  };
}

function keyRows(keys, reload) {
  return keys.map((key) => {
    const revoke = h('button.danger', { type: 'button', dataset: { revoke: key.id } }, 'Revoke');
    revoke.addEventListener('click', async () => {
      if (!window.confirm(`Revoke the key “${key.name}”? Programs using it stop working at once.`)) return;
      const done = await busy(revoke, () => api.del(`/api/v1/api-keys/${key.id}`).then(() => true));
      if (done) {
        toast('Key revoked');
        await reload();
      }
    });
    return [h('strong', {}, key.name), h('code', {}, `${key.prefix}…`), formatDate(key.created_at),
      key.last_used_at ? formatDate(key.last_used_at) : h('span.muted', {}, 'never'),
      key.expires_at ? formatDate(key.expires_at) : h('span.muted', {}, 'never'), revoke];
  });
}

export const keys = {
  path: '/keys',
  name: 'keys',
  title: 'Keys',
  nav: { label: 'Keys', order: 30 },
  async render(main) {
    const ids = (await api.get('/api/v1/ai/models')).items.map((model) => model.id);
    const models = ids.includes('local/echo') ? ['local/echo', ...ids.filter((id) => id !== 'local/echo')] : ids;
    const snippet = snippetBox(models);
    const list = h('div');
    const reload = () => load(list, async () => table('Your API keys', ['Name', 'Key', 'Created', 'Last used', 'Expires', ''],
      keyRows(await all('/api/v1/api-keys?limit=100'), reload), 'No API keys yet.'));
    const created = h('div', { 'aria-live': 'polite' });
    const name = h('input#api-key-name', { required: true, maxlength: 100, autocomplete: 'off' });
    const expires = h('input#api-key-expires', { type: 'date' });
    const create = h('button.primary#api-key-create', { type: 'submit' }, 'Create key');
    const form = h('form.card', {
      async onsubmit(event) {
        event.preventDefault();
        const body = { name: text(name) };
        if (expires.value) body.expires_at = new Date(`${expires.value}T23:59:59Z`).toISOString();
        const key = await busy(create, () => api.post('/api/v1/api-keys', body));
        if (!key) return;
        form.reset();
        const secret = h('code#new-api-key.secret', {}, key.key);
        mount(created, h('div.card.once', { role: 'status' },
          h('h3', {}, `Your new key “${key.name}”`),
          h('p', {}, 'Copy it now: it is shown only once.'),
          h('div.row', {}, secret, h('button.primary#new-api-key-copy', { type: 'button', onclick: () => copy(key.key) }, 'Copy key'))));
        snippet.update(key.key);
        await reload();
      },
    }, h('h2', {}, 'New API key'),
    h('div.grid-2', {}, field('Name', name, 'What uses it, e.g. “my script”'), field('Expires (optional)', expires)), create);
    const integrations = h('div');
    mount(main, h('h1', {}, 'Keys'),
      h('section', { 'aria-labelledby': 'api-keys-title' }, h('h2#api-keys-title', {}, 'Parley API keys'),
        h('p.muted', {}, 'A key works as a bearer token on /v1 (the OpenAI-compatible API) and for chats and reads on /api/v1.'),
        form, created, snippet.element, h('h3', {}, 'Your keys'), list),
      integrations);
    await Promise.all([reload(), integrationsSection(integrations, models)]);
  },
};
