/**
 * Names in one enumeration are of one kind: "in Athens, Clanton, Falkville, Huntsville and
 * Prattville", "Walmart, Kroger, Target and Costco". Where at least two of an enumeration's names
 * are typed, all of one type, its untyped names (up to three capitalized words each) take that type.
 */
import type { Candidate } from './names';
import { CAP, SENTENCE, UPPER, commaBefore, plainGap, wordAt, type Tokens } from './tokenize';
import type { EntityType } from './types';
import { SENTENCE_WORD, inClass } from './word-classes';
import { wordInts } from './word-scratch';

/** Enumerations of single words longer than this are tables or tag lists, not prose. */
const MOST_ITEMS = 30;

/** The untyped single words of enumerations whose typed words agree, as candidates of that type. `capitals`: `Tokens.capitals`. */
export function enumerationCandidates(tokens: Tokens, capitals: Int32Array, chosen: readonly Candidate[], taken: Uint8Array): Candidate[] {
  // The typed name starting at each word, by its place in `chosen` plus one: with a map by word,
  // this function was ~6 % of a warm call in a Node profile, ~3 % without.
  const typedAt = wordInts('typedAt', tokens.count);
  chosen.forEach((c, k) => {
    if (c.type !== 'DATE') typedAt[c.first] = k + 1;
  });
  const typeAt = (i: number): Candidate | undefined => (i < tokens.count && typedAt[i] ? chosen[(typedAt[i] as number) - 1] : undefined);
  const found: Candidate[] = [];
  const capital = (i: number) => i < tokens.count && ((tokens.flags[i] as number) & (CAP | UPPER)) !== 0 && !inClass(tokens, i, SENTENCE_WORD);
  // Where the last enumeration read ended: the capitalized words (Tokens.capitals) up to it are passed by.
  let readTo = -1;
  for (const i of capitals) {
    if (i <= readTo) continue;
    // Three items or more: a comma follows the first (a typed name, or at most three words).
    // Most capitalized words have none, and are passed by before any item is made.
    const firstEnd = (typeAt(i)?.last ?? i + 2) + 1;
    let comma = false;
    for (let j = i + 1; j <= firstEnd && !comma; j++) comma = commaBefore(tokens, j);
    if (!comma || !capital(i)) continue;
    // The items from word i: each a typed name, or one free capitalized word; ", " between them,
    // and ", and" / "and" / "or" before the last.
    const items: { first: number; last: number; type: EntityType | null }[] = [];
    let k = i;
    let closed = false;
    while (k < tokens.count && items.length < MOST_ITEMS) {
      const typed = typeAt(k);
      if (typed) items.push({ first: k, last: typed.last, type: typed.type });
      else if (capital(k) && !taken[k] && !((tokens.flags[k] as number) & SENTENCE && items.length)) {
        // A free item: up to three capitalized words ("Koundinya Muppalla").
        let last = k;
        while (last + 1 < tokens.count && last - k < 2 && capital(last + 1) && !taken[last + 1] && !typeAt(last + 1) && plainGap(tokens, last + 1, 1, false)) last++;
        items.push({ first: k, last, type: null });
      } else break;
      const next = items[items.length - 1]!.last + 1;
      if (closed) break;
      if (commaBefore(tokens, next) && capital(next)) {
        k = next;
        continue;
      }
      // "…, and X", "… and X", "… or X": the last item.
      const link = wordAt(tokens, next);
      if ((link === 'and' || link === 'or') && capital(next + 1)) {
        k = next + 1;
        closed = true;
        continue;
      }
      break;
    }
    readTo = Math.max(i, items.length ? items[items.length - 1]!.last : i);
    if (!closed || items.length < 3) continue;
    const types = new Set(items.map((item) => item.type).filter((type) => type !== null));
    const typedCount = items.filter((item) => item.type !== null).length;
    if (types.size !== 1 || typedCount < 2) continue;
    const [type] = types as Set<EntityType>;
    for (const item of items) if (item.type === null) found.push({ first: item.first, last: item.last, type: type as EntityType });
  }
  return found;
}
