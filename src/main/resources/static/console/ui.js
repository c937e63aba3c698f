// Small DOM helpers. Text always goes in as text (textContent); the only HTML the console inserts is
// Markdown sanitised by markdown.js.

/** h('button.primary', {onclick, type: 'button'}, 'Save') — tag with optional .classes and #id. */
export function h(spec, attributes = {}, ...children) {
  const [, tag, rest] = spec.match(/^([a-z0-9-]+)(.*)$/i);
  const element = document.createElement(tag);
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === '.') element.classList.add(part.slice(1));
    else element.id = part.slice(1);
  }
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of element. */
export function mount(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A labelled form field; the input gets a generated id bound to its label. */
let fieldCount = 0;
export function field(label, input, hint) {
  const id = input.id || `field-${++fieldCount}`;
  input.id = id;
  return h('div.field', {}, h('label', { for: id }, label), input, hint ? h('small.hint', {}, hint) : null);
}

/** A short message for everyone (and screen readers) in the toast area. */
export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  const item = h(`div.toast.${kind}`, { role: kind === 'error' ? 'alert' : 'status' }, message);
  box.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

/** Shows an API error (a problem) where the user looks: a toast, and returns its text. */
export function showError(error) {
  const text = error?.problem?.detail || error?.message || String(error);
  toast(text, 'error');
  return text;
}

/** Copies text and says so. */
export async function copy(text) {
  await navigator.clipboard.writeText(text);
  toast('Copied');
}

export function formatDate(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

export function formatCost(usd) {
  return usd === null || usd === undefined ? '' : `$${Number(usd).toFixed(4)}`;
}
