// #/mcp: your MCP servers — list, add (with headers, stored encrypted and never shown again), test
// (asks the server for its tools now), remove.
import * as api from '../api.js';
import { h, mount, field, toast, formatDate } from '../ui.js';
import { all, busy, load, subnav, table, text } from './kit.js';
import { AGENT_LINKS } from './agents.js';

/** "Name: value" lines into an object; throws naming a line without a colon. */
function parseHeaders(raw) {
  const headers = {};
  raw.split('\n').map((line) => line.trim()).filter(Boolean).forEach((line, i) => {
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`Header line ${i + 1} needs the form “Name: value”.`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  });
  return headers;
}

function toolsReport(answer) {
  return h('div.mcp-tools', {},
    h('p', { class: answer.status === 'connected' ? 'ok' : 'error' },
      answer.status === 'connected' ? `Connected: ${answer.items.length} tools` : `Failed: ${answer.error || 'no answer'}`),
    answer.items.length ? h('ul', {}, answer.items.map((tool) => h('li', {}, h('code', {}, tool.name),
      tool.asks_by_default ? h('small.muted', {}, ' (asks by default)') : null,
      tool.description ? h('span.muted', {}, ` — ${tool.description}`) : null))) : null);
}

function serverRow(server, reload) {
  const report = h('div', { 'aria-live': 'polite' });
  const test = h('button', { type: 'button' }, 'Test');
  test.addEventListener('click', async () => {
    const answer = await busy(test, () => api.get(`/api/v1/mcp-servers/${server.id}/tools`));
    if (answer) mount(report, toolsReport(answer));
  });
  const remove = h('button.danger', { type: 'button' }, 'Remove');
  remove.addEventListener('click', async () => {
    if (!window.confirm(`Remove the MCP server “${server.name}”? Agents lose its tools at once.`)) return;
    const done = await busy(remove, () => api.del(`/api/v1/mcp-servers/${server.id}`).then(() => true));
    if (done) {
      toast('MCP server removed');
      await reload();
    }
  });
  const status = server.status === 'failed' ? h('span.error', {}, `failed: ${server.error || ''}`) : server.status;
  return [h('strong', {}, server.name), h('code.break', {}, server.url), server.transport,
    h('div', {}, status, server.checked_at ? h('small.muted', {}, ` (${formatDate(server.checked_at)})`) : null, report),
    server.tool_count ?? '—', server.header_names.join(', ') || '—', h('div.row', {}, test, remove)];
}

export const mcp = {
  path: '/mcp',
  name: 'mcp',
  title: 'MCP servers',
  async render(main) {
    const list = h('div');
    const reload = () => load(list, async () => table('Your MCP servers',
      ['Name', 'URL', 'Transport', 'Status', 'Tools', 'Headers', ''],
      (await all('/api/v1/mcp-servers?limit=100')).map((server) => serverRow(server, reload)), 'No MCP servers yet.'));
    const name = h('input#mcp-name', { required: true, maxlength: 32, pattern: '[a-z0-9_\\-]+', autocomplete: 'off' });
    const url = h('input#mcp-url', { type: 'url', required: true, placeholder: 'https://mcp.example.com/mcp' });
    const transport = h('select#mcp-transport', {},
      h('option', { value: 'streamable-http' }, 'Streamable HTTP'), h('option', { value: 'sse' }, 'HTTP + SSE (older)'));
    const headers = h('textarea#mcp-headers', { rows: 2, spellcheck: 'false', placeholder: 'Authorization: Bearer tk-…' });
    const add = h('button.primary#mcp-add', { type: 'submit' }, 'Add server');
    const form = h('form.card', {
      async onsubmit(event) {
        event.preventDefault();
        let parsed;
        try {
          parsed = parseHeaders(headers.value);
        } catch (error) {
          toast(error.message, 'error');
          return;
        }
        const created = await busy(add, () => api.post('/api/v1/mcp-servers',
          { name: text(name), url: text(url), transport: transport.value, headers: parsed }));
        if (created) {
          form.reset();
          toast(`MCP server “${created.name}” added`);
          await reload();
        }
      },
    }, h('h2', {}, 'Add an MCP server'),
    h('div.grid-2', {}, field('Name', name, 'a-z, 0-9, _ and -; its tools are named mcp:<name>:<tool>'), field('URL', url)),
    field('Transport', transport),
    field('Headers (one “Name: value” a line)', headers, 'Sent with every request; stored encrypted and never shown again.'),
    add);
    mount(main, subnav('Agents and tools', AGENT_LINKS, '/mcp'), h('h1', {}, 'MCP servers'),
      h('p.muted', {}, 'The tools of your MCP servers become tools your agents may use.'),
      form, h('h2', {}, 'Your servers'), list);
    await reload();
  },
};
