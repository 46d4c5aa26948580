/**
 * A selector that matches one element of the document, its article region, by its place among its
 * ancestors' children (`:root > body:nth-child(2) > div:nth-child(3) > …`): the page's DOM is not
 * Gloss's to mark, so there is no id or class to put on it. Gloss's highlight rules sit there, and
 * the region's descendants inherit them (Chromium's highlight inheritance). Adopted on `:root`,
 * the same rules made the browser restyle every element of the page (6–29 ms on the corpus' large
 * pages, docs/FINDINGS.md); on one element, about what an empty stylesheet costs (~2 ms).
 * The selector names a place, not the element: the page may insert siblings on the way, so its
 * holder checks that it still matches (`element.matches`) when the page changes.
 */

/** The region's element: `region` itself, or the element holding it (a lone text node). */
export function regionElement(region: Node): Element | null {
  return region.nodeType === 1 ? (region as Element) : region.parentElement;
}

/** A selector for `element`'s place in its document; `:root` for the root, or for an element out of the document's tree. */
export function regionSelector(element: Element | null): string {
  const root = element?.ownerDocument.documentElement;
  if (!element || !root || element === root || element.getRootNode() !== element.ownerDocument) return ':root';
  const steps: string[] = [];
  for (let at: Element = element; at !== root; ) {
    const parent = at.parentElement;
    if (!parent) return ':root';
    let place = 1;
    for (let sibling = at.previousElementSibling; sibling; sibling = sibling.previousElementSibling) place++;
    steps.push(`${CSS.escape(at.localName)}:nth-child(${place})`);
    at = parent;
  }
  return `:root > ${steps.reverse().join(' > ')}`;
}
