/**
 * The library's search as the popup runs it: the search box and controls in, the page of
 * results and the total out, kept current when the library changes in any context. Tuned for a
 * large library (see docs/FINDINGS.md): the first page is read before anything else; the
 * library's size comes from one live count; the order is kept between searches, so a search
 * reads only the page it shows.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { early, type Early } from '@/components/common/early';
import { useTableRead } from '@/components/common/use-table-read';
import type { GlossDb } from '@/utils/db/database';
import { searchLibrary } from '@/utils/search/search';
import { libraryFilter, NO_CONTROLS, type FilterControls } from './library-filter';

/** Results read at first (a screenful and more); the view reads this many more as the reader nears the end. */
export const PAGE = 40;

/** What the view keeps of the library between searches (read once per change of it). */
interface Kept {
  version: string;
  /** Every annotation's id, oldest first. */
  order: readonly string[];
}

async function run(db: GlossDb, text: string, controls: FilterControls, limit: number, kept: Kept | undefined) {
  const start = performance.now();
  const { filter, issues } = await libraryFilter(db, text, controls);
  // The whole library's size is known from the live query below: no count for the plain list.
  const result = await searchLibrary(db, filter, { limit, order: kept?.order, withTotal: false });
  performance.measure('gloss:library-search', { start, end: performance.now(), detail: { total: result.total } });
  return { ...result, issues: [...issues, ...result.issues] };
}

type Answer = Awaited<ReturnType<typeof run>>;

/** The view's first search, asked before its code has loaded (popup/main.tsx), for the first view that mounts. */
export interface FirstSearch {
  /** The search, once: a view mounted later asks its own (the library may have changed since). */
  take(): Early<Answer> | undefined;
}

/** Starts the search the view opens on (no words, no filters, the first page). */
export function askFirstSearch(db: GlossDb): FirstSearch {
  let asked: Early<Answer> | undefined = early(run(db, '', NO_CONTROLS, PAGE, undefined));
  return {
    take() {
      const taken = asked;
      asked = undefined;
      return taken;
    },
  };
}

export function useLibrarySearch(db: GlossDb, text: string, controls: FilterControls, limit: number, firstSearch?: FirstSearch) {
  // The search asked early, if any: its answer is the first one shown (at the first render when it has come).
  const [first] = useState(() => firstSearch?.take());
  // Searches run as plain reads (a live query would track every key they touch, which costs a
  // large library dearly); a cheap read of the library's size and latest edit, again whenever the
  // annotations change in any context, re-runs the search when it changed. (Not a live query:
  // see use-table-read.ts.)
  // (It starts once the first page is on screen: the first read has the database to itself.)
  const [painted, setPainted] = useState(false);
  const changes = useTableRead(
    db,
    ['annotations'],
    () => (painted ? Promise.all([db.annotations.orderBy('createdAt').count(), db.annotations.orderBy('updatedAt').lastKey()]) : undefined),
    [painted],
  );
  const version = changes.status === 'ready' && changes.value ? changes.value.join(':') : '';
  // The first answer of that live query only says what the library is: the search already
  // running reads the same. Only a later change of it runs the search again.
  const firstVersion = useRef<string | null>(null);
  if (version && firstVersion.current === null) firstVersion.current = version;
  const changedSince = version !== firstVersion.current ? version : '';
  // The library's order, read once per change and after the first paint: a search then
  // reads only the page of results it shows, however many match.
  const [kept, setKept] = useState<Kept | null>(null);
  useEffect(() => {
    if (!version || !painted) return;
    let stale = false;
    void db.annotations
      .orderBy('createdAt')
      .primaryKeys()
      .then((order) => !stale && setKept({ version, order }));
    return () => {
      stale = true;
    };
  }, [db, version, painted]);
  // The last answer stays on screen while the next is on its way: no flash of emptiness.
  const [shown, setShown] = useState<Answer | null>(first?.value ?? null);
  const [failure, setFailure] = useState<string | null>(null);
  // A layout effect: the search starts as soon as the box changes, not a frame later.
  const firstAsked = useRef(first);
  useLayoutEffect(() => {
    let stale = false;
    // The first run is at mount, with the inputs the early search was asked with.
    const asked = firstAsked.current?.promise ?? run(db, text, controls, limit, kept?.version === version ? kept : undefined);
    firstAsked.current = undefined;
    asked.then(
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
