/**
 * The sending end of the protocol. Transport failures (nobody listening, a closed tab, an
 * extension reload) come back as `{ ok: false }` results like any other error, never as throws.
 */
import { browser } from 'wxt/browser';
import { envelope } from './envelope';
import type { RequestOf, ResponseOf, TypeOf } from './protocol';
import { errorMessage, fail, type Result } from './result';

function asResult<T>(answer: unknown, who: string): Result<T> {
  if (typeof answer === 'object' && answer !== null && typeof (answer as { ok?: unknown }).ok === 'boolean') {
    return answer as Result<T>;
  }
  return fail('unreachable', `No answer from ${who}`);
}

/** Sends a message to the background, the offscreen document or Gloss's pages (from the background). */
export async function sendToExtension<D extends 'toBackground' | 'toOffscreen' | 'toPages', K extends TypeOf<D>>(
  direction: D,
  type: K,
  payload: RequestOf<D, K>,
): Promise<Result<ResponseOf<D, K>>> {
  try {
    const answer: unknown = await browser.runtime.sendMessage(envelope(type, payload));
    return asResult(answer, direction === 'toBackground' ? "Gloss's background" : direction === 'toOffscreen' ? "Gloss's parser" : "Gloss's pages");
  } catch (error) {
    return fail('unreachable', errorMessage(error));
  }
}

/** Sends a message to the content script of a tab (its top frame, or `frameId`). */
export async function sendToTab<K extends TypeOf<'toContent'>>(
  tabId: number,
  type: K,
  payload: RequestOf<'toContent', K>,
  frameId?: number,
): Promise<Result<ResponseOf<'toContent', K>>> {
  try {
    const message = envelope(type, payload);
    const answer: unknown = await (frameId === undefined
      ? browser.tabs.sendMessage(tabId, message)
      : browser.tabs.sendMessage(tabId, message, { frameId }));
    return asResult(answer, 'the page');
  } catch (error) {
    return fail('unreachable', errorMessage(error));
  }
}
