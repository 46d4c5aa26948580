/**
 * Asks the browser to keep Gloss's storage when the disk runs short (`navigator.storage.persist`),
 * so years of notes are never evicted as a cache would be. Only a window can ask (the popup, the
 * offscreen document, Firefox's background page); a service worker has no `persist`.
 */

/** Whether storage is persistent now (asking if it is not yet), or null where that cannot be asked. */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean | null> {
  if (!storage?.persist || !storage.persisted) return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return null;
  }
}
