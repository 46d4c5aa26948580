/**
 * Words a phrase index has looked up before, found again from a text's characters by their hash:
 * no string is made and no Map is asked. A megabyte of text looks up ~40,000 words (its
 * capitalized words among the names, its words that pass the term filter among the terms), most
 * of them many times over ("the Party", "people"); making each a string and asking the index's Map
 * was a tenth of a call. A word found here is given to the text as made (tokenize.ts `setWord`),
 * so that the rules after do not make it again either.
 */
import { ODD_CHARACTERS, setWord, type Tokens } from './tokenize';

/** Words kept at most: past it the table starts again (a text of new words each time must not grow it for ever). */
const MOST_WORDS = 1 << 15;

/** `length` free slots, filled (an array of holes that long may be kept as a dictionary). */
const emptySlots = <V>(length: number) => new Array<V | undefined>(length).fill(undefined);

/** Folded words (as `wordAt` makes them) and a value for each, by hash, open addressing. */
export class WordTable<T> {
  private hashes = new Int32Array(64);
  /** The word of each slot; undefined where the slot is free. */
  private words: (string | undefined)[] = emptySlots<string>(64);
  private values: (T | undefined)[] = emptySlots<T>(64);
  private count = 0;

  /**
   * The slot of word `i` of `tokens`, whose hash (`hashOf` of the folded text) is `hash`, or -1;
   * a word found is set as made in `tokens`. A word with odd characters (folded otherwise by
   * `wordAt`) is never found.
   */
  find(tokens: Tokens, i: number, hash: number): number {
    if ((tokens.flags[i] as number) & ODD_CHARACTERS) return -1;
    const from = tokens.start[i] as number;
    const length = (tokens.end[i] as number) - from;
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const word = this.words[slot];
      if (word === undefined) return -1;
      if (this.hashes[slot] === hash && word.length === length && tokens.folded.startsWith(word, from)) {
        setWord(tokens, i, word);
        return slot;
      }
    }
  }

  /** The value in `slot` (from `find`). */
  valueAt(slot: number): T {
    return this.values[slot] as T;
  }

  /** Keeps `word` (hashing to `hash`, not in the table) with `value`. */
  add(hash: number, word: string, value: T): void {
    if (this.count >= MOST_WORDS) this.clear();
    if (2 * (this.count + 1) > this.hashes.length) this.grow();
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.words[slot] !== undefined) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.words[slot] = word;
    this.values[slot] = value;
    this.count++;
  }

  clear(): void {
    this.hashes = new Int32Array(64);
    this.words = emptySlots(64);
    this.values = emptySlots(64);
    this.count = 0;
  }

  private grow(): void {
    const { hashes, words, values } = this;
    this.hashes = new Int32Array(2 * hashes.length);
    this.words = emptySlots(2 * hashes.length);
    this.values = emptySlots(2 * hashes.length);
    this.count = 0;
    for (let slot = 0; slot < hashes.length; slot++) {
      const word = words[slot];
      if (word !== undefined) this.add(hashes[slot] as number, word, values[slot] as T);
    }
  }
}
