/**
 * The background's one recognizer: built on first use (the lists are indexed once per worker
 * life) and kept in step with the reader's watchlists, which it re-reads only when they change.
 */
import { createRecognizer, type Recognizer } from '@/utils/entities/recognizer';
import { BUILT_IN_TERM_LISTS } from '@/utils/entities/term-lists';
import { asTermList } from '@/utils/entities/watchlist';
import type { GlossDb } from '@/utils/db/database';
import { listWatchlists } from '@/utils/db/watchlists-repo';

let recognizer: Recognizer | null = null;
let watchlistsVersion = '';

/**
 * The recognizer, with the watchlists as they are in `db` now. Every page asks, so the lists
 * themselves (up to 100,000 terms each) are read only when their count or latest edit changed.
 */
export async function recognizerFor(db: GlossDb): Promise<Recognizer> {
  recognizer ??= createRecognizer();
  const [count, lastEdit] = await Promise.all([db.watchlists.count(), db.watchlists.orderBy('updatedAt').lastKey()]);
  const version = `${count}@${String(lastEdit ?? '')}`;
  if (version !== watchlistsVersion) {
    const watchlists = await listWatchlists(db);
    const problems = recognizer.setTermLists([...BUILT_IN_TERM_LISTS, ...watchlists.map(asTermList)]);
    if (problems.length) console.warn('Gloss left out watchlist entries it cannot use:', problems);
    watchlistsVersion = version;
  }
  return recognizer;
}
