/**
 * The library's search as the popup runs it: the search box and controls in, the page of
 * results and the total out, kept current when the library changes in any context. Tuned for a
 * large library (see docs/FINDINGS.md): the first page is read before anything else; the
 * library's size comes from one live count; the order and tag spellings are kept between
 * searches, so a search reads only the page it shows.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/common/use-live-query';
import { listTags } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { searchLibrary } from '@/utils/search/search';
import { libraryFilter, type FilterControls } from './library-filter';

/** What the view keeps of the library between searches (read once per change of it). */
interface Kept {
  version: string;
  /** Every annotation's id, oldest first. */
  order: readonly string[];
  /** Every tag spelling in use. */
  tags: readonly string[];
}

async function run(db: GlossDb, text: string, controls: FilterControls, limit: number, kept: Kept | undefined) {
  const start = performance.now();
  const { filter, issues } = await libraryFilter(db, text, controls);
  // The whole library's size is known from the live query below: no count for the plain list.
  const result = await searchLibrary(db, filter, { limit, order: kept?.order, tags: kept?.tags, withTotal: false });
  performance.measure('gloss:library-search', { start, end: performance.now(), detail: { total: result.total } });
  return { ...result, issues: [...issues, ...result.issues] };
}

export function useLibrarySearch(db: GlossDb, text: string, controls: FilterControls, limit: number) {
  // Searches run as plain reads (a live query would track every key they touch, which costs a
  // large library dearly); a cheap live query of the library's size and latest edit re-runs the
  // search when anything changes, in any context.
  // (It starts once the first page is on screen: the first read has the database to itself.)
  const [painted, setPainted] = useState(false);
  const changes = useLiveQuery(
    () => (painted ? Promise.all([db.annotations.orderBy('createdAt').count(), db.annotations.orderBy('updatedAt').lastKey()]) : undefined),
    [db, painted],
  );
  const version = changes.status === 'ready' && changes.value ? changes.value.join(':') : '';
  // The first answer of that live query only says what the library is: the search already
  // running reads the same. Only a later change of it runs the search again.
  const firstVersion = useRef<string | null>(null);
  if (version && firstVersion.current === null) firstVersion.current = version;
  const changedSince = version !== firstVersion.current ? version : '';
  // The library's order and tags, read once per change and after the first paint: a search then
  // reads only the page of results it shows, however many match.
  const [kept, setKept] = useState<Kept | null>(null);
  useEffect(() => {
    if (!version || !painted) return;
    let stale = false;
    void Promise.all([db.annotations.orderBy('createdAt').primaryKeys(), listTags(db)]).then(
      ([order, tags]) => !stale && setKept({ version, order, tags }),
    );
    return () => {
      stale = true;
    };
  }, [db, version, painted]);
  // The last answer stays on screen while the next is on its way: no flash of emptiness.
  const [shown, setShown] = useState<Awaited<ReturnType<typeof run>> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // A layout effect: the search starts as soon as the box changes, not a frame later.
  useLayoutEffect(() => {
    let stale = false;
    run(db, text, controls, limit, kept?.version === version ? kept : undefined).then(
      (result) => {
        if (stale) return;
        setShown(result);
        setFailure(null);
      },
      (error: unknown) => !stale && setFailure(String(error)),
    );
    return () => {
      stale = true;
    };
  }, [db, text, controls, limit, changedSince, kept]);
  useEffect(() => {
    if (shown && !painted) {
      setPainted(true);
      performance.mark('gloss:library-painted');
    }
  }, [shown]);

  const total = shown && (Number.isNaN(shown.total) ? (changes.status === 'ready' && changes.value ? changes.value[0] : null) : shown.total);
  return { shown, total, failure };
}
