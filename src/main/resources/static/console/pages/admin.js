// #/admin (admins only): everyone's cost by user, model, provider, API key or day (with a CSV
// download), the quotas, and the feature flags (admin-flags.js).
import * as api from '../api.js';
import { h, mount, field, toast, formatCost, formatDate } from '../ui.js';
import { busy, chart, colour, daysAgo, download, formatNumber, load, number, table } from './kit.js';
import { flagsSection } from './admin-flags.js';

const GROUPS = [['user', 'User'], ['model', 'Model'], ['provider', 'Provider'], ['key', 'API key'], ['day', 'Day']];
const LIMITS = [['tokens_per_day', 'Tokens per day'], ['tokens_per_month', 'Tokens per month'],
  ['usd_per_day', 'USD per day'], ['usd_per_month', 'USD per month'], ['requests_per_minute', 'Requests per minute']];
const SUBJECTS = [['users', 'User (id)'], ['api-keys', 'API key (id)'], ['roles', 'Role (user or admin)']];

function costSection(container, charts, editQuota) {
  const group = h('select#admin-group-by', {}, GROUPS.map(([value, label]) => h('option', { value }, label)));
  const days = h('select#admin-days', {}, [7, 30, 90].map((n) => h('option', { value: n, selected: n === 30 }, `Last ${n} days`)));
  const body = h('div');
  const csv = h('button#admin-csv', { type: 'button' }, 'Download CSV');
  const query = () => `group_by=${group.value}&from=${encodeURIComponent(daysAgo(Number(days.value)))}&top=50`;
  csv.addEventListener('click', () => busy(csv, () => download(`/api/v1/admin/usage?${query()}`, 'text/csv', `usage-by-${group.value}.csv`)));
  async function show() {
    charts.splice(0).forEach((c) => c.destroy());
    let view = null;
    await load(body, async () => {
      view = await api.get(`/api/v1/admin/usage?${query()}`);
      const rows = view.groups.map((g) => [g.key, formatNumber(g.requests), formatNumber(g.total_tokens), formatCost(g.cost_usd),
        group.value === 'user' ? h('button.link', { type: 'button', onclick: () => editQuota('users', g.key) }, 'Quota…') : '']);
      return h('div', {},
        h('p', {}, `Everyone: ${formatNumber(view.totals.requests)} requests, ${formatNumber(view.totals.total_tokens)} tokens, `
          + `${formatCost(view.totals.cost_usd)}.`),
        h('div.chart-slot'),
        table(`Cost by ${group.value}`, [GROUPS.find(([v]) => v === group.value)[1], 'Requests', 'Tokens', 'Cost', ''], rows, 'No usage in this range.'));
    });
    const slot = body.querySelector('.chart-slot');
    if (slot && view?.groups.length) {
      charts.push(chart(slot, 'admin-cost-chart', `Tokens and cost by ${group.value}`, {
        type: 'bar',
        data: { labels: view.groups.map((g) => (g.key.length > 14 ? `${g.key.slice(0, 13)}…` : g.key)),
          datasets: [
            { label: 'Tokens', data: view.groups.map((g) => g.total_tokens), backgroundColor: colour(0) },
            { label: 'Cost (USD)', data: view.groups.map((g) => Number(g.cost_usd)), backgroundColor: colour(1), yAxisID: 'cost' },
          ] },
        options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'tokens' } },
          cost: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'USD' } } } },
      }));
    }
  }
  group.addEventListener('change', show);
  days.addEventListener('change', show);
  mount(container, h('h2', {}, 'Cost'), h('div.row.controls', {}, field('Group by', group), field('Range', days), csv), body);
  return show();
}

function quotaSection(container) {
  const subject = h('select#quota-subject', {}, SUBJECTS.map(([value, label]) => h('option', { value }, label)));
  const id = h('input#quota-id', { required: true, autocomplete: 'off', spellcheck: 'false' });
  const inputs = LIMITS.map(([name, label]) => [name, h(`input#quota-${name.replaceAll('_', '-')}`,
    { type: 'number', min: 0, step: name.startsWith('usd') ? 0.000001 : 1, 'aria-label': label })]);
  const list = h('div');
  const save = h('button.primary#quota-save', { type: 'submit' }, 'Set quota');
  const reload = () => load(list, async () => table('Quotas', ['Subject', ...LIMITS.map(([, label]) => label), 'Set', ''],
    (await api.get('/api/v1/admin/quotas')).items.map((quota) => {
      const path = `${quota.subject_type === 'api_key' ? 'api-keys' : `${quota.subject_type}s`}/${quota.subject_id}`;
      const remove = h('button.danger', { type: 'button' }, 'Remove');
      remove.addEventListener('click', async () => {
        if (await busy(remove, () => api.del(`/api/v1/admin/quotas/${path}`).then(() => true))) await reload();
      });
      return [h('code.break', {}, `${quota.subject_type}:${quota.subject_id}`),
        ...LIMITS.map(([name]) => (quota[name] === null ? '—' : name.startsWith('usd') ? formatCost(quota[name]) : formatNumber(quota[name]))),
        formatDate(quota.updated_at), remove];
    }), 'No quotas are set: nobody has a limit.'));
  const form = h('form.card', {
    async onsubmit(event) {
      event.preventDefault();
      const body = Object.fromEntries(inputs.map(([name, input]) => [name, number(input)]));
      const done = await busy(save, () => api.put(`/api/v1/admin/quotas/${subject.value}/${encodeURIComponent(id.value.trim())}`, body));
      if (done) {
        toast('Quota set');
        await reload();
      }
    },
  }, h('h3', {}, 'Set a quota'), h('div.grid-2', {}, field('For', subject), field('Id or role', id)),
  h('div.grid-3', {}, inputs.map(([name, input]) => field(LIMITS.find(([n]) => n === name)[1], input))),
  h('p.hint', {}, 'Blank is no limit; setting replaces the subject’s whole quota.'), save);
  mount(container, h('h2', {}, 'Quotas'), form, list);
  reload();
  return (type, value) => {
    subject.value = type;
    id.value = value;
    form.scrollIntoView({ block: 'start' });
    inputs[0][1].focus();
  };
}

export const admin = {
  path: '/admin',
  name: 'admin',
  title: 'Admin',
  admin: true,
  nav: { label: 'Admin', order: 90 },
  async render(main) {
    const me = await api.currentUser();
    if (me.role !== 'admin') {
      mount(main, h('h1', {}, 'Admin'), h('p#admin-forbidden', { role: 'alert' }, 'This page is for admins only.'));
      return null;
    }
    const charts = [];
    const cost = h('section.card');
    const quotas = h('section.card');
    const flags = h('section.card');
    mount(main, h('h1', {}, 'Admin'), cost, quotas, flags);
    const editQuota = quotaSection(quotas);
    await Promise.all([costSection(cost, charts, editQuota), flagsSection(flags)]);
    return () => charts.forEach((c) => c.destroy());
  },
};
