// Markdown of a model or a user, rendered as sanitised HTML: no script, no event handler, no
// remote image (an image URL can carry the conversation to someone else's server), links open
// in a new tab without a referrer. The page's Content-Security-Policy blocks the same a second time.

const SAFE_IMAGE = /^(data:image\/(png|gif|jpeg|webp);|blob:)/i;

let configured = false;
function configure() {
  if (configured) return;
  configured = true;
  window.DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.tagName === 'IMG' && !SAFE_IMAGE.test(node.getAttribute('src') || '')) {
      const alt = node.getAttribute('alt') || 'image';
      node.replaceWith(document.createTextNode(`[${alt}]`));
    }
  });
}

// Raw HTML in Markdown is shown as the text it is, not parsed: a model that writes <img onerror=…>
// or <script> gets those words on screen, and no such element is ever built, not even to be
// sanitised away (DOMPurify stays as the second line behind this one).
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

let parser = null;
function markdownParser() {
  if (parser) return parser;
  parser = new window.marked.Marked({ gfm: true, breaks: true, async: false });
  parser.use({
    renderer: {
      html: (token) => {
        const raw = typeof token === 'string' ? token : token.raw ?? token.text ?? '';
        return token.block ? `<p>${escapeHtml(raw.trim())}</p>\n` : escapeHtml(raw);
      },
    },
  });
  return parser;
}

/** The sanitised HTML of markdown, as a DocumentFragment ready to append. */
export function renderMarkdown(markdown) {
  configure();
  const html = markdownParser().parse(markdown || '');
  return window.DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
}
