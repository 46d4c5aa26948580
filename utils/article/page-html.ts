/**
 * The page's HTML as the extension needs it to find the article: the whole body, and of the head
 * only what Readability and Gloss read there (the title, `meta` and `link` elements, `base`, and
 * JSON-LD data blocks), not its styles and scripts. On news sites the head's inline styles and
 * scripts are often larger than the article; serializing them, encoding them into the message and
 * parsing them again cost the page and the extension without changing what is found. The body
 * stays whole: Readability scores what surrounds the article too, and a byline may sit anywhere.
 */

/** Head elements the extension reads: metadata (Readability, modified.ts), links, the base URL. */
const HEAD_KEPT = new Set(['TITLE', 'META', 'LINK', 'BASE']);

/** A head script that is a data block the extension reads (JSON-LD metadata). */
const isJsonLd = (element: Element) => element.localName === 'script' && /^\s*application\/ld\+json\s*$/i.test(element.getAttribute('type') ?? '');

/** The document's HTML with its head cut to what the extension reads; the whole document where it has no head or body. */
export function pageHtml(doc: Document): string {
  const root = doc.documentElement;
  const { head, body } = doc;
  if (!root || !head || !body || head.parentNode !== root || body.parentNode !== root) return root?.outerHTML ?? '';
  const open = (element: Element) => {
    const bare = element.cloneNode(false) as Element;
    const html = bare.outerHTML;
    return html.slice(0, html.length - `</${bare.localName}>`.length);
  };
  let kept = '';
  for (let child = head.firstElementChild; child; child = child.nextElementSibling) {
    if (HEAD_KEPT.has(child.nodeName) || isJsonLd(child)) kept += child.outerHTML;
  }
  return `${open(root)}${open(head)}${kept}</head>${body.outerHTML}</html>`;
}
