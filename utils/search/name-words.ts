/**
 * The words a library key is found by (its name and every spelling its articles used), and the
 * words a name search asks for: the library search's tokens and keys (tokens.ts, words.ts) with
 * one difference, that short words and stop words count. A name is a few words, each of which may
 * be what the reader remembers ("Ri", "of"), and the reader types a name from its start: every
 * asked word, whatever its length, must begin one of the key's words.
 *
 * - Folded as the library search folds (case, diacritics: "Chŏng" finds "Kim Chŏng-ŭn").
 * - A compound is found by each part and by the whole ("Jong-un": "jong", "un", "jongun"); a
 *   query splits at hyphens, so "jong-un" and "jong un" ask the same.
 * - CJK runs are stored as overlapping bigrams plus the run's last character, as the library
 *   search stores them, so any part of a Hangul or Chinese spelling finds it: "김정은" by "김",
 *   "정은" or "김정은" (a query's bigrams must each begin a stored one). A run is one word:
 *   "김 정은" is not found by "김정은".
 *
 * Stored in the `entities.words` multiEntry index (schema version 13). Changing what `nameWords`
 * returns leaves stored words stale: add a schema version whose upgrade computes them again.
 */
import { MAX_NAME_QUERY } from './name-limits';
import { searchTokens, wordsOf } from './tokens';
import { askedKeys, keysWithSpans, MAX_WORD_LENGTH } from './words';

/** Words stored per key at most: its name's first, then its spellings' in the order kept. */
export const MAX_NAME_WORDS = 100;

const cut = (word: string) => (word.length > MAX_WORD_LENGTH ? word.slice(0, MAX_WORD_LENGTH) : word);

/** The words a key with this name and these spellings is found by. */
export function nameWords(texts: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of wordsOf(searchTokens(text))) {
      for (const { key } of keysWithSpans(word)) words.add(key);
      // The short words and stop words the library search leaves out ("Ri", "of", the "u" of "U.S.").
      if (!word[0]?.cjk) for (const token of word) words.add(cut(token.text));
      if (words.size >= MAX_NAME_WORDS) return [...words].slice(0, MAX_NAME_WORDS);
    }
  }
  return [...words];
}

/** A summary's words: its name's and its spellings'. */
export const summaryWords = ({ name, variants }: { name: string; variants: readonly string[] }): string[] => nameWords([name, ...variants]);

/**
 * The words a name search for `text` asks for, longest first; none for a query with no letter or
 * digit. A word that begins another asked word is left out: whatever matches the longer matches it.
 */
export function nameQuery(text: string): string[] {
  const asked = new Set<string>();
  for (const word of wordsOf(searchTokens(text.slice(0, MAX_NAME_QUERY)))) for (const key of askedKeys(word)) asked.add(cut(key));
  const words = [...asked];
  return words.filter((word) => !words.some((other) => other !== word && other.startsWith(word))).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** True when every asked word begins one of `words` (a key's stored words). */
export function matchesName(words: readonly string[], asked: readonly string[]): boolean {
  return asked.every((word) => words.some((stored) => stored.startsWith(word)));
}
