// The agent editor: instructions, model, project, tools with their policies, limits and the output
// schema. Saving sends the whole form (tools and tool_policies are replaced whole by a PATCH; a
// blank text field, model or project clears it, an empty output schema ({}) removes it).
import * as api from '../api.js';
import { h, field, toast } from '../ui.js';
import { all, busy, number, text } from './kit.js';

const POLICIES = [['', 'Default'], ['allow', 'Allow'], ['ask', 'Ask first'], ['deny', 'Deny']];

function options(choices, selected) {
  return choices.map(([value, label]) => h('option', { value, selected: value === (selected ?? '') }, label));
}

/** One row per tool: a checkbox to give it to the agent and its policy. */
function toolRow(tool, agent, index) {
  const given = agent ? agent.tools.includes(tool.name) : false;
  const box = h('input', { type: 'checkbox', id: `tool-${index}`, value: tool.name, checked: given, dataset: { tool: tool.name } });
  const policy = h('select', { id: `tool-${index}-policy`, 'aria-label': `Policy for ${tool.name}`, dataset: { policyOf: tool.name } },
    options(POLICIES, agent?.tool_policies?.[tool.name]));
  const hints = [tool.hints?.read_only && 'read-only', tool.hints?.destructive && 'destructive', tool.hints?.open_world && 'reaches outside']
    .filter(Boolean).join(', ');
  return h('li.tool-row', {},
    h('div.tool-name', {}, box, h('label', { for: box.id }, h('code', {}, tool.name)),
      hints ? h('small.muted', {}, ` (${hints})`) : null),
    h('small.muted.tool-description', {}, tool.description || ''),
    policy);
}

function parseSchema(input) {
  const raw = input.value.trim();
  if (raw === '') return null;
  const schema = JSON.parse(raw);
  if (typeof schema !== 'object' || Array.isArray(schema) || schema === null) throw new Error('The output schema must be a JSON object.');
  return schema;
}

export async function renderAgentEditor(main, agent) {
  const [models, tools, projects, agents] = await Promise.all([
    api.get('/api/v1/ai/models').then((answer) => answer.items),
    api.get('/api/v1/tools').then((answer) => answer.items),
    all('/api/v1/projects?limit=100'),
    all('/api/v1/agents?limit=100'),
  ]);
  const delegates = agents.filter((other) => other.id !== agent?.id)
    .map((other) => ({ name: `agent:${other.id}`, description: `Hand over to the agent “${other.name}”`, hints: {} }));
  const known = new Set([...tools, ...delegates].map((tool) => tool.name));
  const unknown = (agent?.tools || []).filter((name) => !known.has(name)).map((name) => ({ name, description: '', hints: {} }));

  const name = h('input#agent-name', { required: true, maxlength: 100, value: agent?.name || '', autocomplete: 'off' });
  const description = h('input#agent-description', { value: agent?.description || '' });
  const instructions = h('textarea#agent-instructions', { rows: 6, value: agent?.instructions || '' });
  const modelChoices = [['', 'The server default'], ...models.map((model) => [model.id, model.development ? `${model.id} (development)` : model.id])];
  if (agent?.model && !models.some((model) => model.id === agent.model)) modelChoices.push([agent.model, agent.model]);
  const model = h('select#agent-model', {}, options(modelChoices, agent?.model));
  const project = h('select#agent-project', {}, options([['', 'No project'], ...projects.map((p) => [p.id, p.name])], agent?.project_id));
  const temperature = h('input#agent-temperature', { type: 'number', min: 0, max: 2, step: 0.1, value: agent?.temperature ?? '' });
  const maxSteps = h('input#agent-max-steps', { type: 'number', min: 1, max: 50, step: 1, value: agent?.max_steps ?? '' });
  const status = h('select#agent-status', {}, options([['active', 'Active'], ['inactive', 'Inactive']], agent?.status || 'active'));
  const schema = h('textarea#agent-output-schema', {
    rows: 5, spellcheck: 'false',
    value: agent?.output_schema ? JSON.stringify(agent.output_schema, null, 2) : '',
    placeholder: '{"type": "object", "properties": {"answer": {"type": "string"}}, "required": ["answer"]}',
  });
  const toolList = h('ul.tool-list', {}, [...tools, ...delegates, ...unknown].map((tool, i) => toolRow(tool, agent, i)));
  const errors = h('div.form-errors', { role: 'alert' });
  const save = h('button.primary#agent-save', { type: 'submit' }, agent ? 'Save changes' : 'Create agent');

  function body() {
    const given = [...toolList.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.dataset.tool);
    const policies = {};
    for (const select of toolList.querySelectorAll('select')) {
      if (select.value && given.includes(select.dataset.policyOf)) policies[select.dataset.policyOf] = select.value;
    }
    const outputSchema = parseSchema(schema);
    const draft = {
      name: text(name), description: text(description) ?? '', instructions: text(instructions) ?? '',
      model: model.value, project_id: project.value, tools: given, tool_policies: policies,
      temperature: number(temperature), max_steps: number(maxSteps), status: status.value,
      output_schema: outputSchema ?? (agent ? {} : null),
    };
    if (!agent) for (const key of Object.keys(draft)) if (draft[key] === '' || draft[key] === null) delete draft[key];
    return draft;
  }

  async function submit(event) {
    event.preventDefault();
    errors.replaceChildren();
    let draft;
    try {
      draft = body();
    } catch (error) {
      errors.append(h('p.error', {}, `Output schema: ${error.message}`));
      return;
    }
    const saved = await busy(save, async () => {
      try {
        return agent ? await api.patch(`/api/v1/agents/${agent.id}`, draft) : await api.post('/api/v1/agents', draft);
      } catch (error) {
        for (const problem of error.problem?.errors || []) errors.append(h('p.error', {}, `${problem.field}: ${problem.message}`));
        throw error;
      }
    });
    if (saved) {
      toast(agent ? 'Agent saved' : 'Agent created');
      location.hash = `#/agents/${saved.id}`;
    }
  }

  async function remove(event) {
    if (!window.confirm(`Delete the agent “${agent.name}”? Its chats stay, as plain chats.`)) return;
    const done = await busy(event.currentTarget, () => api.del(`/api/v1/agents/${agent.id}`).then(() => true));
    if (done) {
      toast('Agent deleted');
      location.hash = '#/agents';
    }
  }

  main.append(
    h('h1', {}, agent ? `Agent: ${agent.name}` : 'New agent'),
    h('form.card.agent-form', { onsubmit: submit, novalidate: true },
      field('Name', name),
      field('Description', description),
      field('Instructions', instructions, 'The system prompt the model gets on every turn.'),
      h('div.grid-2', {}, field('Model', model), field('Project', project)),
      h('div.grid-3', {}, field('Temperature', temperature, '0 to 2; blank for the model’s default'),
        field('Most model calls per run', maxSteps, 'Blank for the default (8)'), field('Status', status)),
      h('fieldset.tools', {}, h('legend', {}, 'Tools and their policies'),
        h('p.hint', {}, '“Default” runs a tool at once unless it may destroy something or reaches outside Parley; then it asks.'),
        toolList),
      field('Output schema (JSON Schema of an object)', schema, 'Optional: the answer is then JSON checked against it.'),
      errors,
      h('div.row', {}, save,
        h('a.button', { href: '#/agents' }, 'Cancel'),
        h('span.spacer'),
        agent ? h('button.danger#agent-delete', { type: 'button', onclick: remove }, 'Delete') : null)));
}
