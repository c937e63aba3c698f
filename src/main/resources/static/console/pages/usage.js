// #/usage: your tokens and cost by day and by model (Chart.js, with the numbers as tables beside),
// your chats' statistics, and the quota that applies to you.
import * as api from '../api.js';
import { h, mount, field, formatCost, formatDate } from '../ui.js';
import { chart, colour, daysAgo, formatNumber, load, table } from './kit.js';

/** Every day of the range, those without usage at zero. */
function everyDay(groups, days) {
  const byKey = new Map(groups.map((group) => [group.key, group]));
  const out = [];
  for (let n = days; n >= 1; n--) {
    const key = daysAgo(n).slice(0, 10);
    out.push(byKey.get(key) || { key, requests: 0, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, cost_usd: 0 });
  }
  return out;
}

function stat(label, value) {
  return h('div.stat', {}, h('span.stat-value', {}, value), h('span.stat-label', {}, label));
}

function usageRows(groups) {
  return groups.map((g) => [g.key, formatNumber(g.requests), formatNumber(g.prompt_tokens), formatNumber(g.completion_tokens),
    formatNumber(g.total_tokens), formatCost(g.cost_usd)]);
}

const USAGE_HEADERS = ['', 'Requests', 'Prompt tokens', 'Completion tokens', 'Tokens', 'Cost'];

export function quotaTable(quota) {
  const fields = [['tokens_per_day', 'Tokens per day'], ['tokens_per_month', 'Tokens per month'],
    ['usd_per_day', 'USD per day'], ['usd_per_month', 'USD per month'], ['requests_per_minute', 'Requests per minute']];
  const show = (name, value) => (value === null || value === undefined ? '—' : name.startsWith('usd') ? formatCost(value) : formatNumber(value));
  const limited = fields.filter(([name]) => quota.limits[name] !== null && quota.limits[name] !== undefined);
  if (!limited.length) return h('p#quota-none', {}, 'No quota applies to you: there is no limit on your usage.');
  return table('Your quota', ['', 'Limit', 'Used', 'Remaining', 'Resets'], limited.map(([name, label]) => [label,
    show(name, quota.limits[name]), show(name, quota.used?.[name]), show(name, quota.remaining?.[name]),
    formatDate(quota.resets_at?.[name])]));
}

export const usage = {
  path: '/usage',
  name: 'usage',
  title: 'Usage',
  nav: { label: 'Usage', order: 40 },
  async render(main, params) {
    const days = Number(params.query.get('days')) || 30;
    const charts = [];
    const range = h('select#usage-range', {
      onchange: (event) => { location.hash = `#/usage?days=${event.target.value}`; },
    }, [7, 30, 90].map((n) => h('option', { value: n, selected: n === days }, `Last ${n} days`)));
    const summary = h('div.stats');
    const byDay = h('section.card', { 'aria-labelledby': 'usage-day-title' }, h('h2#usage-day-title', {}, 'Tokens and cost by day'));
    const byModel = h('section.card', { 'aria-labelledby': 'usage-model-title' }, h('h2#usage-model-title', {}, 'By model'));
    const quota = h('section.card', { 'aria-labelledby': 'quota-title' }, h('h2#quota-title', {}, 'Quota'));
    const quotaBody = h('div');
    quota.append(quotaBody);
    mount(main, h('div.row', {}, h('h1', {}, 'Usage'), h('span.spacer'), field('Range', range)), summary, byDay, byModel, quota);

    const from = encodeURIComponent(daysAgo(days));
    const [perDay, perModel, stats] = await Promise.all([
      api.get(`/api/v1/analytics/usage?group_by=day&from=${from}`),
      api.get(`/api/v1/analytics/usage?group_by=model&from=${from}`),
      api.get(`/api/v1/analytics/chats/stats?from=${from}`),
    ]);
    const t = perDay.totals;
    mount(summary, stat('Requests', formatNumber(t.requests)), stat('Tokens', formatNumber(t.total_tokens)),
      stat('Cost', formatCost(t.cost_usd)), stat('Chats started', formatNumber(stats.chats)),
      stat('Replies', formatNumber(stats.replies.replies)),
      stat('Average reply time', stats.replies.average_latency_ms === null ? '—' : `${formatNumber(stats.replies.average_latency_ms)} ms`));

    const dayGroups = everyDay(perDay.groups || [], days);
    charts.push(chart(byDay, 'usage-by-day', 'Prompt and completion tokens per day, and the cost', {
      type: 'bar',
      data: {
        labels: dayGroups.map((g) => g.key.slice(5)),
        datasets: [
          { label: 'Prompt tokens', data: dayGroups.map((g) => g.prompt_tokens), backgroundColor: colour(0), stack: 'tokens' },
          { label: 'Completion tokens', data: dayGroups.map((g) => g.completion_tokens), backgroundColor: colour(2), stack: 'tokens' },
          { label: 'Cost (USD)', data: dayGroups.map((g) => Number(g.cost_usd)), type: 'line', borderColor: colour(1),
            backgroundColor: colour(1), yAxisID: 'cost' },
        ],
      },
      options: { scales: { y: { stacked: true, beginAtZero: true, title: { display: true, text: 'tokens' } },
        x: { stacked: true }, cost: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'USD' } } } },
    }));
    byDay.append(h('details', {}, h('summary', {}, 'The numbers'),
      table('Usage by day', USAGE_HEADERS, usageRows(dayGroups.filter((g) => g.requests > 0)), 'No usage in this range.')));

    const modelGroups = perModel.groups || [];
    if (modelGroups.length) {
      charts.push(chart(byModel, 'usage-by-model', 'Tokens per model', {
        type: 'bar',
        data: {
          labels: modelGroups.map((g) => g.key),
          datasets: [{ label: 'Tokens', data: modelGroups.map((g) => g.total_tokens), backgroundColor: modelGroups.map((_, i) => colour(i)) }],
        },
        options: { indexAxis: 'y', plugins: { legend: { display: false } } },
      }));
    }
    byModel.append(table('Usage by model', ['Model', ...USAGE_HEADERS.slice(1)], usageRows(modelGroups), 'No usage in this range.'));

    load(quotaBody, async () => quotaTable(await api.get('/api/v1/users/me/quota')));
    return () => charts.forEach((c) => c.destroy());
  },
};
