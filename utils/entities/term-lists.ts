/**
 * Term lists: the built-in starter lists and the reader's own watchlists, in one shape. An entry
 * is a term with its aliases (spelling variants match anyway: case, ×/x, hyphen/space,
 * apostrophes, a plural last word). Entries are checked one by one: a malformed entry is
 * reported and left out, and the rest of its list is kept.
 */
import { BUILT_IN_LIST_NAMES } from './list-names';
import { entriesOf, type Entry } from './data/sections';
import dprkTerms from './data/terms-dprk.json';
import policyTerms from './data/terms-policy.json';
import type { FiledKind } from './filed-names';
import { PhraseIndex } from './phrase-index';
import filedTerms from './term-index.txt?raw';
import { MAX_TERM_LENGTH } from './term-limits';

export interface TermEntry {
  term: string;
  aliases?: string[];
  note?: string;
}

export interface TermList {
  id: string;
  name: string;
  builtIn: boolean;
  terms: TermEntry[];
}

export interface TermListProblem {
  list: string;
  index: number;
  message: string;
}


const fromEntries = (entries: readonly Entry[]): TermEntry[] =>
  entries.map((entry) => (typeof entry === 'string' ? { term: entry } : { term: entry[0], aliases: entry.slice(1) }));

export const BUILT_IN_TERM_LISTS: readonly TermList[] = [
  { id: 'dprk-policy', name: BUILT_IN_LIST_NAMES['dprk-policy']!, builtIn: true, terms: fromEntries(entriesOf(dprkTerms)) },
  { id: 'public-policy', name: BUILT_IN_LIST_NAMES['public-policy']!, builtIn: true, terms: fromEntries(entriesOf(policyTerms)) },
];

/** The kinds of term-index.txt: a term of each built-in list, in their order. */
export const TERM_INDEX_KINDS: readonly FiledKind[] = BUILT_IN_TERM_LISTS.map((list) => ['TERM', list.id]);

/** Whether the built-in lists among `lists` are BUILT_IN_TERM_LISTS themselves, all of them, in their order. */
function builtInAsFiled(lists: readonly TermList[]): boolean {
  const builtIn = lists.filter((list) => list.builtIn);
  return builtIn.length === BUILT_IN_TERM_LISTS.length && builtIn.every((list, k) => list === BUILT_IN_TERM_LISTS[k]);
}

function problemWith(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return 'is not an object with a "term"';
  const { term, aliases } = entry as { term?: unknown; aliases?: unknown };
  if (typeof term !== 'string' || !term.trim()) return 'has no term';
  if (term.length > MAX_TERM_LENGTH) return `has a term longer than ${MAX_TERM_LENGTH} characters`;
  if (aliases !== undefined && (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string' || a.length > MAX_TERM_LENGTH))) {
    return 'has aliases that are not a list of short texts';
  }
  return null;
}

/**
 * Indexes every usable entry of `lists`; what cannot be used is reported, not thrown. The
 * reader's own lists come first, so on a tie their entry names the match. The built-in lists come
 * filed ahead (term-index.txt, which tests/entities/term-index.test.ts makes from them with
 * `ahead` false) when `lists` holds them as they are: adding their ~700 names and sorting the
 * buckets a text opened were a sixth of a cold start by instruction count.
 */
export function indexTermLists(lists: readonly TermList[], ahead = true): { index: PhraseIndex; problems: TermListProblem[] } {
  const filed = ahead && builtInAsFiled(lists);
  const index = filed ? new PhraseIndex({ text: filedTerms, kinds: TERM_INDEX_KINDS }, true) : new PhraseIndex();
  const problems: TermListProblem[] = [];
  for (const list of [...lists].sort((a, b) => Number(a.builtIn) - Number(b.builtIn))) {
    // The built-in lists have no unusable entry (tests/entities/term-index.test.ts checks).
    if (filed && list.builtIn) continue;
    list.terms.forEach((entry, i) => {
      const problem = problemWith(entry);
      if (problem) {
        problems.push({ list: list.id, index: i, message: `Entry ${i + 1} of "${list.name}" ${problem}` });
        return;
      }
      const key = entry.term.trim();
      for (const name of [entry.term, ...(entry.aliases ?? [])]) {
        if (!index.add(name, 'TERM', key, list.id)) {
          problems.push({ list: list.id, index: i, message: `Entry ${i + 1} of "${list.name}": "${name}" has no words` });
        }
      }
    });
  }
  return { index, problems };
}
