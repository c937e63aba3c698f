// The caller's chats (#/chats): search, bookmarked and archived views, projects as folders, a new
// chat with its model (and optionally an agent and a folder), and "load more" over the cursor.
// The view lives in the address (#/chats?q=…&view=archived&project=…), so it survives a reload.
import * as api from '../api.js';
import { navigate } from '../app.js';
import { field, formatDate, h, mount, showError, toast } from '../ui.js';

const VIEWS = [
  { id: 'active', label: 'Chats' },
  { id: 'bookmarked', label: 'Bookmarked' },
  { id: 'archived', label: 'Archived' },
];

function address(state) {
  const query = new URLSearchParams();
  if (state.q) query.set('q', state.q);
  if (state.view !== 'active') query.set('view', state.view);
  if (state.project) query.set('project', state.project);
  const text = query.toString();
  return text ? `/chats?${text}` : '/chats';
}

async function all(path) {
  const items = [];
  let cursor = null;
  do {
    const page = await api.get(`${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < 500);
  return items;
}

export const chats = {
  path: '/chats',
  name: 'chats',
  title: 'Chats',
  nav: { label: 'Chats', order: 10 },
  async render(main, params) {
    const state = {
      q: params.query.get('q') || '',
      view: params.query.get('view') || 'active',
      project: params.query.get('project') || '',
    };
    const [projects, models, agents] = await Promise.all([
      all('/api/v1/projects').catch(() => []),
      api.get('/api/v1/ai/models').then((m) => m.items).catch(() => []),
      all('/api/v1/agents').catch(() => []),
    ]);
    const projectName = new Map(projects.map((p) => [p.id, p.name]));
    const list = h('ul.chat-list#chat-list', { 'aria-label': 'Your chats' });
    const more = h('button#chats-more', { type: 'button', hidden: true }, 'Load more');
    const empty = h('p.muted#chats-empty', { hidden: true }, state.q ? 'No chat matches.' : 'No chats here yet.');
    let cursor = null;

    const go = (changes) => navigate(address({ ...state, ...changes }));

    async function load() {
      const query = new URLSearchParams({ limit: '20' });
      if (state.q) query.set('q', state.q);
      if (state.view === 'archived') query.set('archived', 'true');
      if (state.view === 'bookmarked') query.set('bookmarked', 'true');
      if (state.project) query.set('project_id', state.project);
      if (cursor) query.set('cursor', cursor);
      more.disabled = true;
      try {
        const page = await api.get(`/api/v1/chats?${query}`);
        page.items.forEach((item) => list.append(row(item)));
        cursor = page.next_cursor;
        more.hidden = !cursor;
        empty.hidden = list.children.length > 0;
      } catch (error) {
        showError(error);
      } finally {
        more.disabled = false;
      }
    }
    more.addEventListener('click', load);

    function row(item) {
      const title = item.title || 'Untitled chat';
      const li = h('li.chat-row', { dataset: { id: item.id } });
      const bookmark = h('button.bookmark', {
        type: 'button', 'aria-pressed': String(item.bookmarked), 'aria-label': `Bookmark ${title}`, title: 'Bookmark',
        onclick: async () => {
          try {
            const updated = await api.post(`/api/v1/chats/${item.id}/bookmark`, { bookmarked: !item.bookmarked });
            Object.assign(item, updated);
            bookmark.setAttribute('aria-pressed', String(item.bookmarked));
            bookmark.textContent = item.bookmarked ? '★' : '☆';
          } catch (error) {
            showError(error);
          }
        },
      }, item.bookmarked ? '★' : '☆');
      const archive = h('button.archive', {
        type: 'button',
        onclick: async () => {
          try {
            await api.post(`/api/v1/chats/${item.id}/archive`, { archived: !item.archived });
            toast(item.archived ? 'Chat restored' : 'Chat archived');
            li.remove();
            empty.hidden = list.children.length > 0;
          } catch (error) {
            showError(error);
          }
        },
      }, item.archived ? 'Unarchive' : 'Archive');
      const details = [item.model, item.project_id && projectName.get(item.project_id) ? `📁 ${projectName.get(item.project_id)}` : null,
        `${item.message_count} messages`, formatDate(item.last_message_at || item.created_at)].filter(Boolean).join(' · ');
      li.append(
        h('div.chat-row-main', {}, h('a.chat-link', { href: `#/chats/${item.id}` }, title), h('small.muted', {}, details)),
        h('div.row.chat-row-actions', {}, bookmark, archive),
      );
      return li;
    }

    const search = h('input#chat-search', { type: 'search', name: 'q', value: state.q, placeholder: 'Titles and messages' });
    const searchForm = h('form.row.chat-search', { role: 'search', onsubmit: (e) => { e.preventDefault(); go({ q: search.value.trim() }); } },
      h('label', { for: 'chat-search' }, 'Search chats'), search, h('button', { type: 'submit' }, 'Search'),
      state.q ? h('button.link', { type: 'button', onclick: () => go({ q: '' }) }, 'Clear') : null);
    const tabs = h('div.row.chat-views', { role: 'group', 'aria-label': 'Which chats' },
      VIEWS.map((v) => h('button.tab', { type: 'button', 'aria-pressed': String(state.view === v.id), dataset: { view: v.id }, onclick: () => go({ view: v.id }) }, v.label)));

    mount(main,
      h('div.row.chats-head', {}, h('h1', {}, 'Chats'), h('span.spacer'), newChatForm(models, agents, projects, state.project)),
      h('div.chats-layout', {},
        folders(projects, state, go),
        h('section.chats-main', { 'aria-label': 'Chat list' }, searchForm, tabs, list, empty, more)));
    await load();
    return undefined;
  },
};

function folders(projects, state, go) {
  const name = h('input#new-folder-name', { type: 'text', maxlength: 200, required: true });
  const form = h('form.new-folder', {
    onsubmit: async (e) => {
      e.preventDefault();
      try {
        const project = await api.post('/api/v1/projects', { name: name.value.trim() });
        go({ project: project.id });
      } catch (error) {
        showError(error);
      }
    },
  }, field('New folder', name), h('button', { type: 'submit' }, 'Add folder'));
  const link = (id, label) => h('li', {}, h('button.folder', { type: 'button', 'aria-pressed': String(state.project === id), dataset: { project: id }, onclick: () => go({ project: id }) }, label));
  return h('nav.folders', { 'aria-label': 'Folders' },
    h('h2', {}, 'Folders'),
    h('ul.folder-list', {}, link('', 'All chats'), projects.map((p) => link(p.id, `📁 ${p.name}`))),
    form);
}

function newChatForm(models, agents, projects, project) {
  const title = h('input#new-chat-title', { type: 'text', maxlength: 200, placeholder: 'Optional' });
  const model = h('select#new-chat-model', {}, h('option', { value: '' }, 'Server default'),
    models.map((m) => h('option', { value: m.id }, m.development ? `${m.name || m.id} (development)` : m.name || m.id)));
  const agent = h('select#new-chat-agent', {}, h('option', { value: '' }, 'None'), agents.map((a) => h('option', { value: a.id }, a.name)));
  const folder = h('select#new-chat-project', {}, h('option', { value: '' }, 'None'), projects.map((p) => h('option', { value: p.id }, p.name)));
  folder.value = project;
  const form = h('form.card.new-chat', {
    onsubmit: async (e) => {
      e.preventDefault();
      const body = {};
      if (title.value.trim()) body.title = title.value.trim();
      if (model.value) body.model = model.value;
      if (agent.value) body.agent_id = agent.value;
      if (folder.value) body.project_id = folder.value;
      try {
        const created = await api.post('/api/v1/chats', body);
        navigate(`/chats/${created.id}`);
      } catch (error) {
        showError(error);
      }
    },
  }, field('Title', title), field('Model', model), agents.length ? field('Agent', agent) : null, field('Folder', folder),
  h('button.primary#new-chat-create', { type: 'submit' }, 'Start chat'));
  return h('details.new-chat-box', {}, h('summary.button.primary#new-chat', {}, 'New chat'), form);
}
