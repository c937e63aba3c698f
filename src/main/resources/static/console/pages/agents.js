// #/agents: your agents; #/agents/new and #/agents/:id: the editor (agent-editor.js). Projects and
// MCP servers are reached from the same sub-navigation.
import * as api from '../api.js';
import { h, mount, formatDate } from '../ui.js';
import { all, load, subnav, table } from './kit.js';
import { renderAgentEditor } from './agent-editor.js';

export const AGENT_LINKS = [
  { href: '/agents', label: 'Agents' },
  { href: '/projects', label: 'Projects' },
  { href: '/mcp', label: 'MCP servers' },
];

function agentRows(agents) {
  return agents.map((agent) => [
    h('a', { href: `#/agents/${agent.id}` }, agent.name),
    agent.model || h('span.muted', {}, 'server default'),
    agent.tools.length ? agent.tools.join(', ') : h('span.muted', {}, 'none'),
    agent.status,
    formatDate(agent.updated_at),
  ]);
}

export const agents = {
  path: '/agents',
  name: 'agents',
  title: 'Agents',
  nav: { label: 'Agents', order: 20 },
  async render(main) {
    const list = h('div');
    mount(main,
      subnav('Agents and tools', AGENT_LINKS, '/agents'),
      h('div.row', {}, h('h1', {}, 'Agents'), h('span.spacer'), h('a.button.primary#agent-new', { href: '#/agents/new' }, 'New agent')),
      h('p.muted', {}, 'An agent is instructions, a model, the tools its model may call and a policy per tool. '
        + 'Start a chat with an agent to run it on every turn.'),
      list);
    await load(list, async () => table('Your agents', ['Name', 'Model', 'Tools', 'Status', 'Changed'],
      agentRows(await all('/api/v1/agents?limit=100')), 'No agents yet: create one.'));
  },
};

export const agent = {
  path: '/agents/:id',
  name: 'agent',
  title: 'Agent',
  async render(main, params) {
    const existing = params.id === 'new' ? null : await api.get(`/api/v1/agents/${encodeURIComponent(params.id)}`);
    mount(main, subnav('Agents and tools', AGENT_LINKS, '/agents'));
    await renderAgentEditor(main, existing);
  },
};
