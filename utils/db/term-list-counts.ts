/**
 * Every term of every list (the built-in ones and the reader's watchlists), each with how many of
 * the reader's articles name it: what the library's terms view offers to chart, found or not yet
 * found. The counts come from one record (article-counts.ts), per key as the recognizer filed it.
 */
import type { TermList } from '../entities/term-lists';
import { readArticleCounts } from './article-counts';
import type { GlossDb } from './database';
import { applyPending } from './mentions-repo';

/** Terms sent per list at most (a watchlist may hold 100,000): the found ones first. */
export const MAX_LISTED_TERMS = 1_000;

export interface ListedTerm {
  /** `TERM:` and the term as the list names it: the library's key for it. */
  key: string;
  name: string;
  /** Articles that name it (0: not found yet). */
  articles: number;
}

export interface TermListCounts {
  id: string;
  name: string;
  builtIn: boolean;
  /** Terms in the list. */
  total: number;
  /** Of them, found in at least one article. */
  found: number;
  /** Most named first, then in the list's order; at most MAX_LISTED_TERMS. */
  terms: ListedTerm[];
}

/** Each of `lists` with its terms and their article counts, the summaries brought up to date first. */
export async function termListCounts(db: GlossDb, lists: readonly TermList[]): Promise<TermListCounts[]> {
  await applyPending(db);
  const { byKey } = await readArticleCounts(db);
  return lists.map((list) => {
    const seen = new Set<string>();
    const terms: ListedTerm[] = [];
    for (const entry of list.terms) {
      const name = typeof entry?.term === 'string' ? entry.term.trim() : '';
      const key = `TERM:${name}`;
      if (!name || seen.has(key)) continue;
      seen.add(key);
      terms.push({ key, name, articles: byKey.get(key) ?? 0 });
    }
    const found = terms.filter((term) => term.articles > 0).length;
    const order = new Map(terms.map((term, i) => [term.key, i]));
    terms.sort((a, b) => b.articles - a.articles || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
    return { id: list.id, name: list.name, builtIn: list.builtIn, total: terms.length, found, terms: terms.slice(0, MAX_LISTED_TERMS) };
  });
}
