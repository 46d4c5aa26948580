/**
 * The library's name search as the reader types (the entity table's search box, the merge
 * choices): asked of the background (`searchEntities`, over every key) once the text has held
 * still for SEARCH_DELAY ms; an answer to an older text or older options is dropped, and the last
 * answer stays shown while the next one is asked, so the rows do not blink at every key.
 */
import { useEffect, useState } from 'preact/hooks';
import type { NameSearch } from '@/utils/db/name-search';
import type { RequestOf } from '@/utils/messaging/protocol';
import type { LibraryClient } from './library-client';

/** Milliseconds the text must hold still before it is asked: one question per pause in typing, not per key. */
export const SEARCH_DELAY = 150;

/** What the search has to show: the latest answer, to the text it answers. */
export type Found = { query: string; value: NameSearch } | { query: string; error: string };

export interface NameSearchView {
  /** The text asked for, trimmed; '' when there is none (the caller shows what it shows without a search). */
  query: string;
  /** The latest answer (while the next is asked, the one before, to its own text); null before the first. */
  found: Found | null;
  /** Whether the answer shown is not yet the one to `query` and the options now asked. */
  pending: boolean;
}

/** Searches the library's names for `text` (with `options`), again when `revision` changes (corrections were made). */
export function useNameSearch(client: LibraryClient, text: string, options: Omit<RequestOf<'toBackground', 'searchEntities'>, 'search'>, revision = 0): NameSearchView {
  const query = text.trim();
  const asked = JSON.stringify([query, options]);
  const [found, setFound] = useState<(Found & { asked: string }) | null>(null);
  useEffect(() => {
    if (!query) return;
    let live = true;
    const timer = setTimeout(() => {
      client.searchEntities({ ...options, search: query }).then(
        (result) => live && setFound(result.ok ? { asked, query, value: result.value } : { asked, query, error: result.error.message }),
        (error: unknown) => live && setFound({ asked, query, error: String(error) }),
      );
    }, SEARCH_DELAY);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, asked, revision]);
  return { query, found: query ? found : null, pending: !!query && found?.asked !== asked };
}
