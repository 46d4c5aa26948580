/**
 * The reader's own term lists. A watchlist is a term list (see term-lists.ts) that the reader
 * names, fills and edits; what it cannot use is reported entry by entry and the rest is kept.
 */
import { indexTermLists, type TermEntry, type TermList, type TermListProblem } from './term-lists';

export interface WatchlistRecord {
  id: string;
  name: string;
  terms: TermEntry[];
  createdAt: number;
  updatedAt: number;
}

export const MAX_WATCHLIST_TERMS = 100_000;

/** A watchlist as the recognizer reads it. */
export const asTermList = (watchlist: WatchlistRecord): TermList => ({
  id: `watchlist:${watchlist.id}`,
  name: watchlist.name,
  builtIn: false,
  terms: watchlist.terms,
});

/** Splits `terms` into the entries Gloss can use and the problems with the others. */
export function checkTerms(name: string, terms: readonly unknown[]): { kept: TermEntry[]; problems: TermListProblem[] } {
  const list = { id: 'check', name, builtIn: false, terms: terms as TermEntry[] };
  const { problems } = indexTermLists([list]);
  const bad = new Set(problems.map((p) => p.index));
  const kept = terms
    .filter((_, i) => !bad.has(i))
    .map((entry) => {
      const { term, aliases, note } = entry as TermEntry;
      return { term: term.trim(), ...(aliases?.length ? { aliases } : {}), ...(note ? { note: String(note) } : {}) };
    });
  return { kept, problems };
}
