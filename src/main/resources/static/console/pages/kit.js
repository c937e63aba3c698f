// What the agents, keys, usage, admin and catalogue pages share: tables, sub-navigation, forms read
// back into JSON, a blob download, and Chart.js set up with the console's colours. Text always goes
// in as text (ui.js h()).
import * as api from '../api.js';
import { h, mount, showError } from '../ui.js';

/** A table with a caption (visually shown as a heading of the table) and rows of cells. */
export function table(caption, headers, rows, empty = 'Nothing yet.') {
  if (!rows.length) return h('p.muted.empty', {}, empty);
  return h('div.table-wrap', {},
    h('table', {},
      h('caption.sr-only', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

/** The tabs between pages of one area: [{href, label}], the current one marked. */
export function subnav(label, links, current) {
  return h('nav.subnav', { 'aria-label': label },
    links.map((link) => h('a', { href: `#${link.href}`, 'aria-current': link.href === current ? 'page' : null }, link.label)));
}

/** Runs an action behind a button: disabled while it runs, its error shown, the result returned. */
export async function busy(button, action) {
  button.disabled = true;
  try {
    return await action();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

/** The text of an input, trimmed; null when blank. */
export function text(input) {
  const value = input.value.trim();
  return value === '' ? null : value;
}

/** A number typed in an input; null when blank. */
export function number(input) {
  const value = input.value.trim();
  return value === '' ? null : Number(value);
}

/** Every item of a paged list ({items, next_cursor}), up to a few pages. */
export async function all(path, pages = 5) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < pages; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await api.get(cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path);
    items.push(...answer.items);
    cursor = answer.next_cursor;
    if (!cursor) break;
  }
  return items;
}

/** Fetches a file with the in-memory token and hands it to the browser as a download. */
export async function download(path, accept, filename) {
  const response = await api.request('GET', path, undefined, { headers: { Accept: accept }, raw: true });
  const url = URL.createObjectURL(await response.blob());
  const link = h('a.sr-only', { href: url, download: filename }, filename);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Shows a section's content or, on failure, why it could not be loaded. */
export async function load(container, loader) {
  mount(container, h('p.muted', { role: 'status' }, 'Loading…'));
  try {
    mount(container, await loader());
  } catch (error) {
    mount(container, h('p.error', { role: 'alert' }, error?.problem?.detail || error.message || String(error)));
  }
}

export function formatNumber(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString('en');
}

export function formatDay(iso) {
  return iso ? new Date(iso).toLocaleDateString() : '';
}

/** The start of the day n days ago, as an instant the analytics endpoints take. */
export function daysAgo(n) {
  const day = new Date();
  day.setUTCHours(0, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() - n + 1);
  return day.toISOString();
}

const PALETTE = ['#1f4fd1', '#d1461f', '#1d8a4a', '#8a3ad1', '#c98a00', '#0f8a99', '#b3266b', '#5a6b7d'];

/** A colour of the chart palette (high contrast on the light and the dark theme). */
export function colour(index) {
  return PALETTE[index % PALETTE.length];
}

/**
 * Draws a Chart.js chart on a new canvas appended to container (which must be in the page, so that
 * the chart can size itself); the canvas's aria-label says what it shows, and the page puts a table
 * with the numbers beside it. Returns the chart, to be destroyed when the page goes.
 */
export function chart(container, id, label, config) {
  const canvas = h(`canvas#${id}`, { role: 'img', 'aria-label': label });
  container.append(h('div.chart-box', {}, canvas));
  const style = getComputedStyle(document.documentElement);
  const Chart = window.Chart;
  Chart.defaults.color = style.getPropertyValue('--muted').trim() || '#555e6b';
  Chart.defaults.borderColor = style.getPropertyValue('--line').trim() || '#d5dae1';
  return new Chart(canvas, {
    ...config,
    options: { responsive: true, maintainAspectRatio: false, animation: false, ...(config.options || {}) },
  });
}
