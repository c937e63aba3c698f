// #/projects: folders for chats and agents — list, create, rename, delete (with what they hold, when
// the user says so).
import * as api from '../api.js';
import { h, mount, field, toast, formatDate } from '../ui.js';
import { all, busy, load, subnav, table, text } from './kit.js';
import { AGENT_LINKS } from './agents.js';

function projectRow(project, reload) {
  const name = h('input', { value: project.name, 'aria-label': `Name of ${project.name}`, maxlength: 100, dataset: { projectName: project.id } });
  const rename = h('button', { type: 'button' }, 'Rename');
  rename.addEventListener('click', async () => {
    const saved = await busy(rename, () => api.patch(`/api/v1/projects/${project.id}`, { name: name.value.trim() }));
    if (saved) toast(`Renamed to “${saved.name}”`);
  });
  const remove = h('button.danger', { type: 'button' }, 'Delete');
  remove.addEventListener('click', async () => {
    if (!window.confirm(`Delete the project “${project.name}”?`)) return;
    await busy(remove, async () => {
      try {
        await api.del(`/api/v1/projects/${project.id}`);
      } catch (error) {
        if (error.status !== 409) throw error;
        if (!window.confirm('It holds chats or agents. Delete them too?')) return;
        await api.del(`/api/v1/projects/${project.id}?cascade=true`);
      }
      toast('Project deleted');
      await reload();
    });
  });
  return [h('div.row.nowrap', {}, name, rename), project.description || '', formatDate(project.created_at),
    h('div.row', {}, h('a', { href: `#/chats?project_id=${project.id}` }, 'Chats'), remove)];
}

export const projects = {
  path: '/projects',
  name: 'projects',
  title: 'Projects',
  async render(main) {
    const list = h('div');
    const reload = () => load(list, async () => table('Your projects', ['Name', 'Description', 'Created', ''],
      (await all('/api/v1/projects?limit=100')).map((project) => projectRow(project, reload)), 'No projects yet.'));
    const name = h('input#project-name', { required: true, maxlength: 100 });
    const description = h('input#project-description');
    const create = h('button.primary#project-create', { type: 'submit' }, 'Create project');
    const form = h('form.card', {
      async onsubmit(event) {
        event.preventDefault();
        const created = await busy(create, () => api.post('/api/v1/projects', { name: text(name), description: text(description) }));
        if (created) {
          form.reset();
          toast(`Project “${created.name}” created`);
          await reload();
        }
      },
    }, h('h2', {}, 'New project'), h('div.grid-2', {}, field('Name', name), field('Description', description)), create);
    mount(main, subnav('Agents and tools', AGENT_LINKS, '/projects'), h('h1', {}, 'Projects'),
      h('p.muted', {}, 'Projects group chats and agents.'), form, h('h2', {}, 'Your projects'), list);
    await reload();
  },
};
