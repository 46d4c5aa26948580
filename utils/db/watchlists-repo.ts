/** The reader's watchlists: create, edit, delete, list. Bad entries are reported and left out. */
import { checkTerms, MAX_WATCHLIST_TERMS, type WatchlistRecord } from '../entities/watchlist';
import type { TermListProblem } from '../entities/term-lists';
import type { GlossDb } from './database';
import { formatCount } from '../text/count';

export interface WatchlistInput {
  name: string;
  terms: readonly unknown[];
}

export interface SavedWatchlist {
  watchlist: WatchlistRecord;
  problems: TermListProblem[];
}

function checked(input: WatchlistInput) {
  const name = input.name.trim();
  if (!name) throw new Error('A watchlist needs a name');
  if (input.terms.length > MAX_WATCHLIST_TERMS) {
    throw new Error(`A watchlist holds at most ${formatCount(MAX_WATCHLIST_TERMS)} terms`);
  }
  return { name, ...checkTerms(name, input.terms) };
}

export async function createWatchlist(db: GlossDb, input: WatchlistInput, now = Date.now()): Promise<SavedWatchlist> {
  const { name, kept, problems } = checked(input);
  const watchlist: WatchlistRecord = { id: crypto.randomUUID(), name, terms: kept, createdAt: now, updatedAt: now };
  await db.watchlists.add(watchlist);
  return { watchlist, problems };
}

export async function updateWatchlist(db: GlossDb, id: string, input: WatchlistInput, now = Date.now()): Promise<SavedWatchlist> {
  const { name, kept, problems } = checked(input);
  return db.transaction('rw', db.watchlists, async () => {
    const previous = await db.watchlists.get(id);
    if (!previous) throw new Error(`No watchlist ${id}`);
    const watchlist: WatchlistRecord = { ...previous, name, terms: kept, updatedAt: now };
    await db.watchlists.put(watchlist);
    return { watchlist, problems };
  });
}

export async function deleteWatchlist(db: GlossDb, id: string): Promise<void> {
  await db.watchlists.delete(id);
}

export function listWatchlists(db: GlossDb): Promise<WatchlistRecord[]> {
  return db.watchlists.orderBy('name').toArray();
}
