/**
 * Whether a page changed since a moment. The article script reads the page's text before the
 * page's HTML goes to the extension, and uses that reading when the answer comes back (~100 ms
 * later) only if nothing in the page was added, removed or rewritten meanwhile: one walk over
 * the page instead of two. Attributes do not count (they hold no text).
 */
export interface PageChanges {
  changed(): boolean;
  stop(): void;
}

export function watchChanges(doc: Document): PageChanges {
  let changed = false;
  const observer = new MutationObserver(() => void (changed = true));
  observer.observe(doc, { subtree: true, childList: true, characterData: true });
  return {
    // Records not yet handed to the callback are still pending: they count too (and taking
    // them means the callback never sees them, so the answer is kept).
    changed: () => (changed ||= observer.takeRecords().length > 0),
    stop: () => observer.disconnect(),
  };
}
