// Your own provider keys on the keys page: list, add, test, delete. A key goes to the server once
// and is never shown again (the list shows its last four characters at most).
import * as api from '../api.js';
import { h, mount, field, toast, formatDate } from '../ui.js';
import { busy, load, table, text } from './kit.js';

const PROVIDERS = ['openai', 'anthropic', 'gemini', 'ollama', 'bedrock'];

function testState(integration) {
  if (!integration.last_tested_at) return h('span.muted', {}, 'not tested');
  return h('span', { class: integration.last_test_ok ? 'ok' : 'error' },
    `${integration.last_test_ok ? 'worked' : 'failed'} ${formatDate(integration.last_tested_at)}`);
}

function integrationRow(integration, reload) {
  const result = h('span', { 'aria-live': 'polite' });
  const test = h('button', { type: 'button', dataset: { test: integration.provider } }, 'Test');
  test.addEventListener('click', async () => {
    mount(result, h('span.muted', {}, 'Testing…'));
    const outcome = await busy(test, () => api.post(`/api/v1/integrations/${integration.id}/test`));
    mount(result, outcome ? h('span', { class: outcome.ok ? 'ok' : 'error' }, outcome.ok ? 'The key works.' : outcome.reason) : '');
  });
  const remove = h('button.danger', { type: 'button' }, 'Delete');
  remove.addEventListener('click', async () => {
    if (!window.confirm(`Delete your ${integration.provider} key? Calls then use the server's key, if it allows.`)) return;
    const done = await busy(remove, () => api.del(`/api/v1/integrations/${integration.id}`).then(() => true));
    if (done) {
      toast('Provider key deleted');
      await reload();
    }
  });
  return [h('strong', {}, integration.provider), integration.label || '',
    integration.base_url ? h('code.break', {}, integration.base_url) : h('span.muted', {}, 'default'),
    integration.api_key_last4 ? h('code', {}, `••••${integration.api_key_last4}`) : h('span.muted', {}, 'hidden'),
    h('div', {}, testState(integration), ' ', result), h('div.row', {}, test, remove)];
}

/** Fills container with the provider keys section. */
export async function integrationsSection(container, models) {
  const providers = [...new Set([...PROVIDERS, ...models.map((id) => id.split('/')[0]).filter((p) => p !== 'local')])];
  const list = h('div');
  const reload = () => load(list, async () => table('Your provider keys', ['Provider', 'Label', 'Base URL', 'Key', 'Last test', ''],
    (await api.get('/api/v1/integrations')).items.map((integration) => integrationRow(integration, reload)),
    'No provider keys: calls use the server’s keys.'));
  const provider = h('select#integration-provider', {}, providers.map((name) => h('option', { value: name }, name)));
  const key = h('input#integration-key', { type: 'password', required: true, autocomplete: 'off', spellcheck: 'false' });
  const label = h('input#integration-label', { maxlength: 100 });
  const baseUrl = h('input#integration-base-url', { type: 'url', placeholder: 'https://… (optional: a proxy or compatible endpoint)' });
  const add = h('button.primary#integration-add', { type: 'submit' }, 'Add key');
  const form = h('form.card', {
    async onsubmit(event) {
      event.preventDefault();
      const created = await busy(add, () => api.post('/api/v1/integrations',
        { provider: provider.value, api_key: text(key), label: text(label), base_url: text(baseUrl) }));
      key.value = '';
      if (created) {
        form.reset();
        toast(`Your ${created.provider} key is stored`);
        await reload();
      }
    },
  }, h('h3', {}, 'Add a provider key'),
  h('div.grid-2', {}, field('Provider', provider), field('API key', key, 'Stored encrypted; never shown again.')),
  h('div.grid-2', {}, field('Label', label), field('Base URL', baseUrl)), add);
  mount(container, h('section', { 'aria-labelledby': 'integrations-title' },
    h('h2#integrations-title', {}, 'Your own provider keys'),
    h('p.muted', {}, 'With a key of your own for a provider, your calls to it use your key instead of the server’s.'),
    form, h('h3', {}, 'Stored keys'), list));
  await reload();
}
