// The feature flags on the admin page: every flag with its rule, edited in place (a PUT replaces
// the whole rule), new flags, and deletion (a built-in flag goes back to its default).
import * as api from '../api.js';
import { h, mount, field, toast, formatDate } from '../ui.js';
import { busy, load, table } from './kit.js';

const ROLES = ['admin', 'user'];

/** The inputs of one rule, and how to read them back as the PUT body. */
function ruleInputs(flag, prefix) {
  const enabled = h('input', { type: 'checkbox', id: `${prefix}-enabled`, checked: flag.enabled });
  const rollout = h('input', { type: 'number', id: `${prefix}-rollout`, min: 0, max: 100, step: 1, value: flag.rollout_percent ?? 100 });
  const roles = ROLES.map((role) => h('input', { type: 'checkbox', id: `${prefix}-role-${role}`, value: role, checked: (flag.roles || []).includes(role) }));
  const users = h('input', { id: `${prefix}-users`, value: (flag.users || []).join(', '), spellcheck: 'false', placeholder: 'user ids, comma separated' });
  const description = h('input', { id: `${prefix}-description`, value: flag.description || '' });
  return {
    enabled, rollout, roles, users, description,
    body: () => ({
      enabled: enabled.checked,
      rollout_percent: Number(rollout.value || 100),
      roles: roles.filter((box) => box.checked).map((box) => box.value),
      users: users.value.split(',').map((id) => id.trim()).filter(Boolean),
      description: description.value.trim() || null,
    }),
  };
}

function roleBoxes(inputs, label) {
  return h('fieldset.inline', {}, h('legend.sr-only', {}, label),
    inputs.roles.map((box) => h('label.check', { for: box.id }, box, ` ${box.value}`)));
}

function flagRow(flag, index, reload) {
  const prefix = `flag-${index}`;
  const inputs = ruleInputs(flag, prefix);
  inputs.enabled.setAttribute('aria-label', `${flag.key} enabled`);
  inputs.rollout.setAttribute('aria-label', `${flag.key} rollout percent`);
  inputs.users.setAttribute('aria-label', `${flag.key} users`);
  inputs.description.setAttribute('aria-label', `${flag.key} description`);
  const save = h('button', { type: 'button', dataset: { saveFlag: flag.key } }, 'Save');
  save.addEventListener('click', async () => {
    if (await busy(save, () => api.put(`/api/v1/admin/flags/${encodeURIComponent(flag.key)}`, inputs.body()))) {
      toast(`Flag ${flag.key} saved`);
      await reload();
    }
  });
  const remove = h('button.danger', { type: 'button' }, flag.built_in ? 'Reset' : 'Delete');
  remove.addEventListener('click', async () => {
    const question = flag.built_in ? `Reset ${flag.key} to its default?` : `Delete the flag ${flag.key}?`;
    if (!window.confirm(question)) return;
    if (await busy(remove, () => api.del(`/api/v1/admin/flags/${encodeURIComponent(flag.key)}`).then(() => true))) await reload();
  });
  return [h('div', {}, h('code', {}, flag.key), h('br'), h('small.muted', {}, flag.built_in ? `built in, ${flag.source}` : 'created')),
    inputs.description, inputs.enabled, inputs.rollout, roleBoxes(inputs, `${flag.key} roles`), inputs.users,
    h('small.muted', {}, flag.updated_at ? formatDate(flag.updated_at) : ''), h('div.row.nowrap', {}, save, remove)];
}

/** Fills container with the flags section. */
export async function flagsSection(container) {
  const list = h('div');
  const reload = () => load(list, async () => table('Feature flags',
    ['Flag', 'Description', 'On', 'Rollout %', 'Roles', 'Users', 'Changed', ''],
    (await api.get('/api/v1/admin/flags')).items.map((flag, i) => flagRow(flag, i, reload))));
  const key = h('input#flag-key', { required: true, pattern: '[a-z0-9_.\\-]+', spellcheck: 'false', autocomplete: 'off' });
  const inputs = ruleInputs({ enabled: true, rollout_percent: 100, roles: [], users: [] }, 'new-flag');
  const create = h('button.primary#flag-create', { type: 'submit' }, 'Create flag');
  const form = h('form.card', {
    async onsubmit(event) {
      event.preventDefault();
      const name = key.value.trim();
      if (await busy(create, () => api.put(`/api/v1/admin/flags/${encodeURIComponent(name)}`, inputs.body()))) {
        toast(`Flag ${name} created`);
        form.reset();
        await reload();
      }
    },
  }, h('h3', {}, 'New flag'),
  h('div.grid-2', {}, field('Key', key), field('Description', inputs.description)),
  h('div.grid-3', {}, h('div.field', {}, h('label.check', { for: inputs.enabled.id }, inputs.enabled, ' Enabled')),
    field('Rollout %', inputs.rollout), h('div.field', {}, h('span.label', {}, 'Always for roles'), roleBoxes(inputs, 'Roles'))),
  field('Always for users', inputs.users), create);
  mount(container, h('h2', {}, 'Feature flags'), list, form);
  await reload();
}
