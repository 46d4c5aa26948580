/**
 * What of an article's HTML Gloss keeps: Readability's content cleaned by DOMPurify with an
 * allow-list (text, headings, lists, quotes, tables, figures with captions, links). Scripts,
 * styles, event handlers, frames, forms, SVG and MathML never pass, nor any URL but http(s) and
 * mailto. Images are kept as what they say, never as something to fetch: each becomes an empty
 * link to its address carrying its alt text (`data-gloss-image`), which the reader page shows
 * through CSS, so it adds no text to the article. Run where a DOM exists away from the page (the
 * offscreen document, Firefox's background page) when a copy is made, and again in the reader page
 * on whatever the database holds before it is shown.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

/** The attribute an image's alt text is kept in (its link's `href` is the image's address). */
export const IMAGE_ATTR = 'data-gloss-image';

const TAGS = [
  ...['p', 'br', 'hr', 'div', 'span', 'section', 'article', 'header', 'footer', 'aside', 'main'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd'],
  ...['blockquote', 'q', 'cite', 'pre', 'code', 'kbd', 'samp', 'var'],
  ...['em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'abbr', 'time', 'bdi', 'bdo', 'wbr'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col'],
  ...['figure', 'figcaption', 'a'],
  // Only on the way in: each is replaced by a link before the copy is written out.
  'img',
];

const ATTRS = ['href', 'title', 'lang', 'dir', 'colspan', 'rowspan', 'scope', 'headers', 'span', 'datetime', 'alt', 'src', IMAGE_ATTR];

/**
 * DOMPurify's own test of an attribute value, with only http(s) and mailto left of the schemes:
 * a value without a scheme (text, a relative path) passes, `javascript:`, `data:`, `vbscript:`,
 * `blob:`… do not (DOMPurify strips white space and control characters before testing).
 */
const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const CONFIG: Config = {
  ALLOWED_TAGS: TAGS,
  ALLOWED_ATTR: ATTRS,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  // Alt text is words, not an address: "Photo: KCNA" must not be read as a scheme.
  ADD_URI_SAFE_ATTR: [IMAGE_ATTR, 'alt'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // What a removed control, frame or medium held is not the article's text.
  ADD_FORBID_CONTENTS: ['button', 'select', 'option', 'textarea', 'object', 'embed', 'canvas', 'noscript'],
  RETURN_DOM_FRAGMENT: true,
};

/** A DOM DOMPurify cannot work in (no DOM, or one it does not recognize, like happy-dom's). */
export class NoSanitizerError extends Error {
  constructor() {
    super('HTML cannot be cleaned in this context');
    this.name = 'NoSanitizerError';
  }
}

const purifiers = new WeakMap<object, Purifier | null>();

/**
 * DOMPurify for `win`, once it has proved it works there: where it cannot read the DOM's
 * prototypes it removes nothing it should, without saying so.
 */
function purifierFor(win: Window): Purifier {
  let purifier = purifiers.get(win);
  if (purifier === undefined) {
    const candidate = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
    const probe = candidate.isSupported ? candidate.sanitize('<p title="t" onclick="x">a<script>b</script></p>') : '';
    purifier = probe === '<p title="t">a</p>' ? candidate : null;
    purifiers.set(win, purifier);
  }
  if (!purifier) throw new NoSanitizerError();
  return purifier;
}

/**
 * `html` cleaned, as a fragment of a document that loads nothing (DOMPurify's parsing document):
 * import it into a live document to show it. Images are links by then.
 */
export function sanitizedFragment(html: string, win: Window = globalThis as unknown as Window): DocumentFragment {
  const purifier = purifierFor(win);
  const fragment = purifier.sanitize(html, CONFIG) as unknown as DocumentFragment;
  for (const image of Array.from(fragment.querySelectorAll('img'))) image.replaceWith(imageLink(image));
  return fragment;
}

/** `html` cleaned (see the module's doc), as HTML to store. */
export function sanitizeArticle(html: string, win: Window = globalThis as unknown as Window): string {
  const fragment = sanitizedFragment(html, win);
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

/** An image as an empty link to its address (when it has an http(s) one) that carries its alt text. */
function imageLink(image: Element): Element {
  const src = image.getAttribute('src') ?? '';
  const link = image.ownerDocument.createElement(/^https?:\/\//i.test(src) ? 'a' : 'span');
  if (link.localName === 'a') link.setAttribute('href', src);
  link.setAttribute(IMAGE_ATTR, (image.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim());
  return link;
}
