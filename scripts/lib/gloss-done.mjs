// @ts-check
/**
 * Runs in a page (pass it to `page.waitForFunction`): true once Gloss has finished with the
 * page — the loader's readerable check on any page, and on an article the article script's
 * first reading (`gloss:total`), unless Gloss is off on the site (`gloss:site-off`).
 * Self-contained: it is serialized into the page.
 */
export function glossDone() {
  const names = performance.getEntries().map((entry) => entry.name);
  if (!names.includes('gloss:readerable')) return false;
  return !names.includes('gloss:article-detected') || names.includes('gloss:total') || names.includes('gloss:site-off');
}
