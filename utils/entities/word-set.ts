/**
 * A set of folded words that tells most of a text's words apart before making them strings: by
 * their first two characters and their length, as the phrase index's first test does. A call on
 * a megabyte of text made ~84,000 words strings, ~30 % of them only to find that a word after a
 * name is not "he" or "she".
 */
import { ODD_CHARACTERS, wordAt, type Tokens } from './tokenize';

/** Slots by first two characters, each a bit per length (31 and over share one). */
const SLOTS = 1024;
const slotOf = (first: number, second: number) => (((first & 31) << 5) | (second & 31)) & (SLOTS - 1);
const lengthBit = (length: number) => 1 << Math.min(length, 31);

export class WordSet {
  private readonly slots = new Uint32Array(SLOTS);

  constructor(readonly words: ReadonlySet<string>) {
    for (const word of words) this.slots[slotOf(word.charCodeAt(0), word.length > 1 ? word.charCodeAt(1) : 0)]! |= lengthBit(word.length);
  }

  /** `words.has(wordAt(tokens, i))`, without making word `i` a string when it cannot be one of them. */
  at(tokens: Tokens, i: number): boolean {
    // A word with odd characters is folded otherwise than the text (wordAt): let the set tell.
    if (i >= 0 && i < tokens.count && !((tokens.flags[i] as number) & ODD_CHARACTERS)) {
      const start = tokens.start[i] as number;
      const length = (tokens.end[i] as number) - start;
      const slot = slotOf(tokens.folded.charCodeAt(start), length > 1 ? tokens.folded.charCodeAt(start + 1) : 0);
      if (!((this.slots[slot] as number) & lengthBit(length))) return false;
    }
    return this.words.has(wordAt(tokens, i));
  }
}
