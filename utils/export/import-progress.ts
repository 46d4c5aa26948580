/**
 * Where an import running in the background stands, kept in `storage.session` so the popup shows
 * it (and finds it again when reopened while the import runs); cleared with the browser session.
 */
import { browser } from 'wxt/browser';

export type ImportProgress =
  | { file: string; state: 'reading' }
  | { file: string; state: 'writing'; done: number; total: number }
  | { file: string; state: 'done'; added: number; updated: number; skipped: number }
  | { file: string; state: 'failed'; message: string };

const KEY = 'gloss-import';

export async function readImportProgress(): Promise<ImportProgress | null> {
  return ((await browser.storage.session.get(KEY))[KEY] as ImportProgress | undefined) ?? null;
}

export async function writeImportProgress(progress: ImportProgress): Promise<void> {
  await browser.storage.session.set({ [KEY]: progress });
}

/** Calls `onProgress` with each new state; returns the function that stops watching. */
export function watchImportProgress(onProgress: (progress: ImportProgress) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = changes[KEY]?.newValue;
    if (area === 'session' && next) onProgress(next as ImportProgress);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
