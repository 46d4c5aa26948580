/**
 * The one offscreen document (Chrome allows one per extension). An in-memory "creating" flag
 * would be lost when the worker restarts while the document lives on, so ask Chrome what exists
 * and treat a concurrent creation as success.
 */
import { browser } from 'wxt/browser';

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

async function exists(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [browser.runtime.getURL(OFFSCREEN_PATH)],
  });
  return contexts.length > 0;
}

/** Makes sure the offscreen document is up. */
export async function ensureOffscreenDocument(): Promise<void> {
  if (await exists()) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER' as Browser.offscreen.Reason],
      justification: 'Parse news pages with Readability away from the page’s main thread',
    })
    .catch((error: unknown) => {
      if (!String(error).includes('Only a single offscreen')) throw error;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}
