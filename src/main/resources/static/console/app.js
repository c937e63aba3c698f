// The console's shell: hash routes (#/chats/123), the navigation, and the session (resumed
// silently from the refresh cookie on load). Pages live in pages/*.js and are listed in
// pages/index.js; a page's render(main, params) may return a function that cleans up after it
// (closes sockets, stops timers) when the user navigates away.
import * as api from './api.js';
import { h, mount } from './ui.js';
import { routes } from './pages/index.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const navToggle = document.querySelector('.nav-toggle');
let cleanup = null;
let renders = 0;

function compile(route) {
  const names = [];
  const pattern = route.path.replace(/:([a-z_]+)/gi, (_, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { ...route, regex: new RegExp(`^${pattern}$`), names };
}

const compiled = routes.map(compile);

/** The route of '#/path?query', with its path parameters and params.query (URLSearchParams). */
function match(hash) {
  const [path, query = ''] = hash.split('?');
  for (const route of compiled) {
    const found = route.regex.exec(path);
    if (found) {
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
      params.query = new URLSearchParams(query);
      return { route, params };
    }
  }
  return null;
}

export function navigate(path) {
  if (location.hash === `#${path}`) render();
  else location.hash = `#${path}`;
}

async function renderNav() {
  if (!api.signedIn()) {
    nav.hidden = true;
    navToggle.hidden = true;
    return;
  }
  let admin = false;
  try {
    admin = (await api.currentUser()).role === 'admin';
  } catch {
    admin = false;
  }
  const current = location.hash.slice(1);
  const links = compiled
    .filter((route) => route.nav && (!route.admin || admin))
    .sort((a, b) => a.nav.order - b.nav.order)
    .map((route) => {
      const href = `#${route.nav.href || route.path}`;
      const active = current === (route.nav.href || route.path) || current.startsWith(`${route.nav.href || route.path}/`);
      return h('a', { href, 'aria-current': active ? 'page' : null }, route.nav.label);
    });
  const out = h('button.link', { type: 'button', onclick: () => api.logout().then(() => navigate('/login')) }, 'Log out');
  mount(nav, links, out);
  nav.hidden = false;
  navToggle.hidden = false;
}

async function render() {
  const path = location.hash.slice(1) || '/chats';
  const found = match(path);
  if (cleanup) {
    try {
      cleanup();
    } catch (error) {
      console.warn('cleanup failed', error);
    }
    cleanup = null;
  }
  if (!found) {
    mount(main, h('h1', {}, 'Not found'), h('p', {}, 'There is no page at this address. '), h('a', { href: '#/chats' }, 'Go to your chats'));
    return;
  }
  const { route, params } = found;
  if (!route.public && !api.signedIn()) {
    navigate(`/login?next=${encodeURIComponent(path)}`);
    return;
  }
  const seq = ++renders;
  document.title = route.title ? `${route.title} · Parley` : 'Parley';
  await renderNav();
  if (seq !== renders) return;
  // Each page renders into a container of its own: a page whose render finishes after the user
  // has moved on writes into a detached element, never over the next page.
  const view = h('div.view');
  mount(main, view);
  main.dataset.page = route.name || route.path;
  try {
    const done = (await route.render(view, params)) || null;
    if (seq === renders) cleanup = done;
    else if (done) done();
  } catch (error) {
    if (seq === renders) mount(view, h('h1', {}, 'Something went wrong'), h('p.error', { role: 'alert' }, error.message || String(error)));
  }
  if (seq === renders) main.focus({ preventScroll: true });
}

navToggle.addEventListener('click', () => {
  const open = navToggle.getAttribute('aria-expanded') !== 'true';
  navToggle.setAttribute('aria-expanded', String(open));
  nav.classList.toggle('open', open);
});
window.addEventListener('hashchange', render);
api.onSessionChange(() => renderNav());

async function start() {
  await api.refresh();
  await render();
  document.body.dataset.ready = 'true';
}

start();
