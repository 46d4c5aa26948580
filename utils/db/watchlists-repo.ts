/** The reader's watchlists: create, edit, delete, list. Bad entries are reported and left out. */
import { fold } from '../entities/fold';
import { checkTerms, MAX_WATCHLIST_TERMS, type WatchlistRecord } from '../entities/watchlist';
import type { TermEntry, TermListProblem } from '../entities/term-lists';
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

/** Where a term goes: a watchlist the reader has, or a new one of this name. */
export type WatchlistTarget = { id: string } | { name: string };

export interface AddedTerm {
  watchlist: WatchlistRecord;
  /** False when the list already held the term or one of its spellings (nothing was written). */
  added: boolean;
}

/**
 * Adds one entry to a watchlist, or to a new one: from the entity card, "watch this name". An
 * entry whose term or aliases the list already holds (in any case) is not added twice; an entry
 * Gloss cannot use is refused before anything is written.
 */
export async function addTerm(db: GlossDb, target: WatchlistTarget, entry: TermEntry, now = Date.now()): Promise<AddedTerm> {
  const { kept, problems } = checkTerms('the new term', [entry]);
  if (problems.length || !kept[0]) throw new Error(problems[0]?.message.replace(/^Entry 1 of /, 'Not added: ') ?? 'Not added');
  const term = kept[0];
  if ('name' in target) return { watchlist: (await createWatchlist(db, { name: target.name, terms: [term] }, now)).watchlist, added: true };
  return db.transaction('rw', db.watchlists, async () => {
    const previous = await db.watchlists.get(target.id);
    if (!previous) throw new Error('That watchlist is gone; choose another');
    const held = new Set(previous.terms.flatMap((t) => [t.term, ...(t.aliases ?? [])]).map(fold));
    if ([term.term, ...(term.aliases ?? [])].some((spelling) => held.has(fold(spelling)))) return { watchlist: previous, added: false };
    const { watchlist } = await updateWatchlist(db, previous.id, { name: previous.name, terms: [...previous.terms, term] }, now);
    return { watchlist, added: true };
  });
}
