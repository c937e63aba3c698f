// #/catalogue: swipe cards (buttons, or the arrow keys on the card), the preference profile learnt
// from them, and recommendations with their reasons. Product images are not shown: the console's
// Content-Security-Policy loads images from Parley only, and a shop's image URL is elsewhere.
import * as api from '../api.js';
import { h, mount, field, toast } from '../ui.js';
import { busy, load, table, text } from './kit.js';

const DIRECTIONS = [
  ['dislike', 'Dislike', 'ArrowLeft', '←'],
  ['skip', 'Skip', 'ArrowDown', '↓'],
  ['like', 'Like', 'ArrowRight', '→'],
  ['superlike', 'Love it', 'ArrowUp', '↑'],
];

function price(p) {
  return p ? `${p.amount} ${p.currency}` : '';
}

function productCard(product) {
  return h('div.product', {},
    h('div.product-mark', { 'aria-hidden': 'true' }, (product.name || '?').slice(0, 1).toUpperCase()),
    h('h3.product-name', {}, product.name),
    h('p.product-price', {}, price(product.price)),
    product.description ? h('p.product-description', {}, product.description) : null,
    product.tags?.length ? h('ul.tags', { 'aria-label': 'Tags' }, product.tags.map((tag) => h('li', {}, tag))) : null);
}

function affinityRows(entries) {
  return entries.slice(0, 10).map((entry) => [entry.name || entry.value,
    h('meter', { min: -1, max: 1, low: -0.01, high: 0.01, optimum: 1, value: entry.affinity, 'aria-label': `affinity ${entry.affinity}` }),
    entry.affinity.toFixed(2), `${Math.round(entry.confidence * 100)} %`, `${entry.likes} / ${entry.dislikes}`]);
}

function profileView(profile) {
  const section = (title, entries) => h('div', {}, h('h3', {}, title),
    table(title, ['', 'Affinity', '', 'Confidence', 'Likes / dislikes'], affinityRows(entries), 'Nothing learnt yet.'));
  const swipes = Object.entries(profile.swipes || {}).map(([direction, count]) => `${direction}: ${count}`).join(', ');
  return h('div', {}, h('p#profile-signals', {}, `${profile.signals} signals${swipes ? ` (${swipes})` : ''}.`),
    h('div.grid-2', {}, section('Categories', profile.categories), section('Tags', profile.tags)),
    h('div.grid-2', {}, section('Price bands', profile.price_bands), section('Attributes', profile.attributes)));
}

function recommendationsView(set, refresh) {
  if (!set.items.length) return h('p.muted', {}, 'No recommendations yet: swipe a few cards first.');
  return h('ul.recommendations', {}, set.items.map((item) => {
    const act = (action, label) => {
      const button = h('button', { type: 'button' }, label);
      button.addEventListener('click', async () => {
        if (await busy(button, () => api.post(`/api/v1/recommendations/${item.id}/interact`, { action }))) {
          toast(action === 'save' ? `Saved ${item.product.name}` : `Dismissed ${item.product.name}`);
          if (action === 'dismiss') refresh();
        }
      });
      return button;
    };
    return h('li.card', {}, h('strong', {}, item.product.name), ' ', h('span.muted', {}, price(item.product.price)),
      h('p', {}, item.reason), h('div.row', {}, act('save', 'Save'), act('dismiss', 'Not for me')));
  }));
}

/** The deck: shows the first card of the queue and swipes it; refills from the session's next cards. */
function deck(container, session, onSwiped) {
  let queue = [...(session.queue || [])];
  let shownAt = performance.now();
  async function swipe(direction, button) {
    const product = queue[0];
    const done = await busy(button, () => api.post('/api/v1/swipes/interactions', {
      session_id: session.id, product_id: product.id, direction, dwell_ms: Math.min(86400000, Math.round(performance.now() - shownAt)),
    }));
    if (!done) return;
    queue.shift();
    if (!queue.length) queue = (await api.get(`/api/v1/swipes/sessions/${session.id}/next?limit=5`)).items;
    show();
    onSwiped();
  }
  function show() {
    shownAt = performance.now();
    if (!queue.length) {
      mount(container, h('p#swipe-empty', { role: 'status' }, 'No cards left for this session. Start a new one below.'));
      return;
    }
    const buttons = DIRECTIONS.map(([direction, label, , arrow]) =>
      h(`button.swipe-${direction}#swipe-${direction}`, { type: 'button', 'aria-keyshortcuts': arrow }, `${arrow} ${label}`));
    buttons.forEach((button, i) => button.addEventListener('click', () => swipe(DIRECTIONS[i][0], button)));
    const card = h('div.swipe-card#swipe-card', {
      tabindex: 0, role: 'group', 'aria-roledescription': 'card', 'aria-label': `${queue[0].name}: arrow keys to swipe`,
      dataset: { productId: queue[0].id },
      onkeydown(event) {
        const index = DIRECTIONS.findIndex(([, , key]) => key === event.key);
        if (index < 0) return;
        event.preventDefault();
        swipe(DIRECTIONS[index][0], buttons[index]);
      },
    }, productCard(queue[0]), h('div.swipe-actions', {}, buttons));
    mount(container, card, h('p.hint', {}, '← dislike · ↓ skip · → like · ↑ love it, when the card has focus'));
    card.focus({ preventScroll: true });
  }
  show();
}

export const catalogue = {
  path: '/catalogue',
  name: 'catalogue',
  title: 'Catalogue',
  nav: { label: 'Catalogue', order: 50 },
  async render(main) {
    const cards = h('div.deck', { 'aria-live': 'polite' });
    const profile = h('div');
    const recommendations = h('div');
    const refreshProfile = () => load(profile, async () => profileView(await api.get('/api/v1/swipes/analytics')));
    const refreshRecommendations = () => load(recommendations,
      async () => recommendationsView(await api.get('/api/v1/recommendations?limit=6'), refreshRecommendations));
    const start = (session) => deck(cards, session, refreshProfile);

    const occasion = h('input#swipe-occasion', { maxlength: 200, placeholder: 'birthday' });
    const recipient = h('input#swipe-recipient', { maxlength: 200, placeholder: 'dad' });
    const budget = h('input#swipe-budget', { type: 'number', min: 0, step: 0.01 });
    const currency = h('input#swipe-currency', { maxlength: 3, value: 'EUR', autocomplete: 'off' });
    const begin = h('button.primary#swipe-start', { type: 'submit' }, 'Start swiping');
    const form = h('form.card', {
      async onsubmit(event) {
        event.preventDefault();
        const context = { occasion: text(occasion), recipient: text(recipient) };
        if (text(budget)) context.budget = { amount: Number(budget.value), currency: (text(currency) || 'EUR').toUpperCase() };
        const session = await busy(begin, () => api.post('/api/v1/swipes/sessions', { context }));
        if (session) start(session);
      },
    }, h('h2', {}, 'A new session'), h('p.hint', {}, 'Optional: what the gift is for, whom, and the budget.'),
    h('div.grid-2', {}, field('Occasion', occasion), field('For whom', recipient)),
    h('div.grid-2', {}, field('Budget', budget), field('Currency', currency)), begin);

    mount(main, h('h1', {}, 'Catalogue'),
      h('section', { 'aria-labelledby': 'swipe-title' }, h('h2#swipe-title', {}, 'Swipe'), cards),
      form,
      h('section.card', { 'aria-labelledby': 'recommendations-title' }, h('div.row', {}, h('h2#recommendations-title', {}, 'Recommendations'),
        h('span.spacer'), h('button', { type: 'button', onclick: refreshRecommendations }, 'Refresh')), recommendations),
      h('section.card', { 'aria-labelledby': 'profile-title' }, h('h2#profile-title', {}, 'Your preference profile'), profile));

    // The latest session goes on where it was; the first visit starts one without a context.
    const latest = (await api.get('/api/v1/swipes/sessions?limit=1')).items[0];
    if (latest) start({ id: latest.id, queue: (await api.get(`/api/v1/swipes/sessions/${latest.id}/next?limit=5`)).items });
    else start(await api.post('/api/v1/swipes/sessions', {}));
    await Promise.all([refreshProfile(), refreshRecommendations()]);
  },
};
