/**
 * Names and terms looked up word by word: every entry is tokenized like the text, indexed by its
 * first word, and matched longest first. Proper names match only with their capitals ("UN" is not
 * "un", "Party" not "party"); terms match in any case, and their last word also in the plural.
 * Between the words of an entry the text may have spaces or hyphens (and commas, for terms).
 */
import { countFiledNames, filedFirstWords, findFiledNames, readFiledNames, type FiledKind, type FiledName } from './filed-names';
import { CAP, ODD_CHARACTERS, POSSESSIVE, UPPER, plainGap, tokenize, wordAt, wordIs, type Tokens } from './tokenize';
import type { EntityType } from './types';
import { HashFilter, hashOf, hashOfAsciiFolded } from './word-hash';
import { WordTable } from './word-table';

export interface Phrase {
  words: string[];
  /**
   * Per word: capitalized (1), all capitals (2), exactly as written (3: "LeT", "iPhone"), or any
   * case (0); plus OWNS when the word carries a possessive in the name ("People's Army").
   */
  caps: Uint8Array;
  /** The words as written, for those that must match exactly. */
  written: string[];
  type: EntityType;
  key: string;
  list?: string;
}

export interface PhraseMatch {
  phrase: Phrase;
  /** Number of text words matched. */
  length: number;
}

/** The bit of `caps` that says a word of a name carries a possessive. */
const OWNS = 4;

/**
 * A lower-case letter before an upper-case one: "LeT", "iPhone" must match as written. Made on
 * first need, from a string (see tokenize.ts `letterOrDigit`): most texts never need it.
 */
let lowerThenUpperPattern: RegExp | null = null;

/**
 * Whether `word` has a lower-case letter before an upper-case one, read by character code when
 * the word is ASCII (where a-z and A-Z are all of \p{Ll} and \p{Lu}): compiling the Unicode
 * regex costs ~8 ms, once per context.
 */
function lowerThenUpper(word: string): boolean {
  let lower = false;
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code >= 128) return (lowerThenUpperPattern ??= new RegExp('\\p{Ll}.*\\p{Lu}', 'u')).test(word);
    if (code >= 97 && code <= 122) lower = true;
    else if (lower && code >= 65 && code <= 90) {
      // Upper case after lower case; a non-ASCII character later cannot change that.
      return true;
    }
  }
  return false;
}

/** An index made ahead (filed-names.ts): its text, and the kinds its digits stand for. */
export interface FiledNames {
  text: string;
  kinds: readonly FiledKind[];
}

/** The entries that start with one word, each made into a phrase when a text may hold it. */
interface Bucket {
  names: FiledName[];
  /** The phrase of each name, once made. */
  phrases: (Phrase | undefined)[];
  /**
   * Per name of a bucket filed ahead, where its second word starts and ends when its first two
   * words are plain (`plainSecondWords`), else -1: such a name becomes a phrase only when the
   * text's next word is that word.
   */
  seconds: Int32Array | null;
  /**
   * Per name, what the text's next word must hash to for it to match (`secondWordHash` of its
   * phrase, or of its plain second word while it has none), or ANY_SECOND. Most names of a bucket
   * fail on their second word: one hash of the text's next word turns them away without comparing
   * words (~150,000 names tried per MB of text, ~15 per capitalized word that opens a bucket).
   */
  secondHashes: Int32Array;
  /** Whether `names` are in match order, longest first (names filed ahead come in it). */
  sorted: boolean;
  /** Number of names added (`add`): they come before the names filed ahead, which they win ties against. */
  own: number;
}

/**
 * Entries are filed by their first word when added; the rest of the work (their other words,
 * capitals, the longest-first order) waits until a text holds that first word. A page names a
 * few hundred of the ~9,300 names and terms, so most are never made into phrases: building the
 * index is most of the recognizer's cold start. An index filed ahead (`FiledNames`) keeps each
 * first word's names as text until then, in match order; and a name of it becomes a phrase only
 * when the text's next word may be its second (a first word opens up to ~200 names, "Kim"; making
 * them all was a third of the first call on the seed in Chromium).
 */
export class PhraseIndex {
  /**
   * Buckets by first word. An index filed ahead holds those read so far, and null for words it was
   * asked for and does not hold (at most MOST_ABSENT of them): one lookup turns a word away.
   */
  private readonly byFirst = new Map<string, Bucket | null>();
  /** Number of nulls in `byFirst`. */
  private absent = 0;
  /** An index filed ahead (`FiledNames`), or null. */
  private readonly filedNames: FiledNames | null;
  /** Number of names filed ahead, once counted. */
  private filedCount = -1;
  /**
   * A test before any look-up: a bit per hash of each first word, read with the hash the tokenizer
   * made (~90 % of a text's words stop here in the built-in term index). Null in an index of names
   * filed ahead, which is looked up directly: a text's capitalized words are looked up anyway, and
   * filling the filter from its ~9,000 first words took longer on a cold start than it saves. (A
   * filter of first two and last characters and lengths, before it, read three characters of the
   * text per word.)
   */
  private readonly firstWords: HashFilter | null;
  /** Number of entries added (an index filed ahead counts its own when asked). */
  private added = 0;
  /** The buckets of words looked up so far (null: none), found again without making the word a string. */
  private readonly looked = new WordTable<Bucket | null>();

  /**
   * An empty index, or one of names filed ahead (`filed` of an index they were added to, written
   * out), which more may be added to. `filtered`: whether words go through the filter before
   * they are looked up, as they always do in an index with nothing filed ahead (the filter is
   * filled with the first words filed ahead: worth it for a few hundred, as the term lists have).
   */
  constructor(filed?: FiledNames, filtered = !filed) {
    this.filedNames = filed ?? null;
    this.firstWords = filtered ? new HashFilter(FIRST_WORD_BITS) : null;
    if (filed && filtered) for (const first of filedFirstWords(filed.text)) this.file(first);
  }

  /** Number of entries. */
  get size(): number {
    if (this.filedNames && this.filedCount < 0) this.filedCount = countFiledNames(this.filedNames.text);
    return this.added + Math.max(this.filedCount, 0);
  }

  /** Adds `name` (a proper name unless `type` is TERM). Returns false for a name with no words. */
  add(name: string, type: EntityType, key: string, list?: string): boolean {
    const first = firstWordOf(name);
    if (!first) return false;
    this.file(first);
    this.looked.clear(); // it may hold `first` without this bucket
    const filed: FiledName = list === undefined ? (key === name ? [name, type] : [name, type, key]) : [name, type, key, list];
    const bucket = this.bucket(first);
    if (!bucket) this.byFirst.set(first, { names: [filed], phrases: [], seconds: null, secondHashes: NO_HASHES, sorted: false, own: 1 });
    else if (bucket.own === bucket.names.length) {
      bucket.names.push(filed);
      bucket.own++;
      bucket.sorted = false;
    } else {
      // Before the names filed ahead; their phrases are made again when the bucket is sorted.
      bucket.names.splice(bucket.own++, 0, filed);
      bucket.phrases = [];
      bucket.sorted = false;
    }
    this.added++;
    return true;
  }

  /** The names added, by first word, each word's in the order they are matched in: to be written out (filed-names.ts). */
  filed(): [first: string, names: FiledName[]][] {
    const filed: [string, FiledName[]][] = [];
    for (const [first, bucket] of this.byFirst) {
      if (!bucket) continue;
      sortBucket(bucket);
      filed.push([first, bucket.names]);
    }
    return filed;
  }

  /** The entries under `first`, read from their text if they were filed ahead. */
  private bucket(first: string): Bucket | undefined {
    const bucket = this.byFirst.get(first);
    if (bucket !== undefined || !this.filedNames) return bucket ?? undefined;
    const { text, kinds } = this.filedNames;
    const at = findFiledNames(text, first);
    if (at < 0) {
      if (this.absent >= MOST_ABSENT) {
        for (const [word, known] of this.byFirst) if (!known) this.byFirst.delete(word);
        this.absent = 0;
      }
      this.byFirst.set(first, null);
      this.absent++;
      return undefined;
    }
    const names = readFiledNames(text, at, kinds);
    const seconds = plainSecondWords(names, first.length);
    const read: Bucket = { names, phrases: [], seconds, secondHashes: plainSecondHashes(names, seconds), sorted: true, own: 0 };
    this.byFirst.set(first, read);
    return read;
  }

  /** The entries under word `i` of `tokens` (its first word), or null. */
  private bucketAt(tokens: Tokens, i: number): Bucket | null {
    // A word with odd characters reads otherwise folded (wordAt): the filter and `looked` cannot tell.
    if ((tokens.flags[i] as number) & ODD_CHARACTERS) return this.bucket(wordAt(tokens, i)) ?? null;
    const hash = tokens.hashes[i] as number;
    const slot = this.looked.find(tokens, i, hash);
    if (slot >= 0) return this.looked.valueAt(slot);
    const first = wordAt(tokens, i);
    const bucket = this.bucket(first) ?? null;
    this.looked.add(hash, first, bucket);
    return bucket;
  }

  /** Lets `first` through the filter of `match`. */
  private file(first: string): void {
    this.firstWords?.add(first);
  }

  /** The longest entry starting at word `i` of `tokens`, or null. */
  match(tokens: Tokens, i: number): PhraseMatch | null {
    // The filter first, in a function small enough to be compiled into its callers: the term index
    // is asked at every word of a text, and turns ~90 % of them away here.
    if (this.firstWords && !((tokens.flags[i] as number) & ODD_CHARACTERS) && !this.firstWords.mayHold(tokens.hashes[i] as number)) return null;
    return this.longestAt(tokens, i);
  }

  /** `match` past the filter. */
  private longestAt(tokens: Tokens, i: number): PhraseMatch | null {
    const bucket = this.bucketAt(tokens, i);
    if (!bucket) return null;
    if (!bucket.sorted) sortBucket(bucket);
    const { names, phrases, seconds, secondHashes } = bucket;
    let next = UNREAD;
    for (let k = 0; k < names.length; k++) {
      const second = secondHashes[k] as number;
      if (second !== ANY_SECOND) {
        if (next === UNREAD) next = nextWordHash(tokens, i + 1);
        if (next !== ANY_SECOND && next !== second) continue;
      }
      let phrase = phrases[k];
      if (phrase === undefined) {
        const from = seconds ? (seconds[2 * k] as number) : -1;
        if (seconds && from >= 0 && !isWord(tokens, i + 1, (names[k] as FiledName)[0], from, seconds[2 * k + 1] as number)) continue;
        const [name, type, key = name, list] = names[k] as FiledName;
        phrase = phrases[k] = phraseOf(name, type, key, list);
        secondHashes[k] = secondWordHash(phrase);
      }
      if (matches(phrase, tokens, i)) return { phrase, length: phrase.words.length };
    }
    return null;
  }
}

/**
 * The first word of `name` as `tokenize` and `wordAt` make it, '' when it has none. Most names
 * open with ASCII letters or digits up to a space or a hyphen: that word is their lower case. A
 * dot, an apostrophe or an ampersand after it ("U.N.", "People's", "AT&T"), or any other character, goes through
 * `tokenize`.
 */
function firstWordOf(name: string): string {
  let k = 0;
  for (; k < name.length; k++) {
    const code = name.charCodeAt(k);
    if (!((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57))) break;
  }
  const after = k < name.length ? name.charCodeAt(k) : 32;
  if (k > 0 && after < 128 && after !== 46 && after !== 39 && after !== 96 && after !== 38) return name.slice(0, k).toLowerCase();
  const tokens = tokenize(name, { reuseBuffers: 'entry', maxWords: 1 });
  return tokens.count === 0 ? '' : wordAt(tokens, 0);
}

/**
 * The phrase `tokenize` would make of a name of ASCII letters and digits in words joined by single
 * spaces or hyphens ("Kim Jong-un", "G7"), most list entries, without tokenizing it; null for any
 * other name. Such a word is capitalized when it starts with A-Z and in capitals when it holds
 * two or more of A-Z and none of a-z, as `tokenize` says.
 */
function simplePhrase(name: string, type: EntityType, key: string, list: string | undefined): Phrase | null {
  const pieces: string[] = [];
  let from = 0;
  for (let k = 0; k <= name.length; k++) {
    const code = k < name.length ? name.charCodeAt(k) : 32;
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) continue;
    if ((code !== 32 && code !== 45) || k === from) return null;
    pieces.push(name.slice(from, k));
    from = k + 1;
  }
  const count = pieces.length;
  const words: string[] = new Array<string>(count);
  const caps = new Uint8Array(count);
  for (let i = 0; i < count; i++) words[i] = (pieces[i] as string).toLowerCase();
  if (type === 'TERM') return { words, caps, written: [], type, key, list };
  for (let i = 0; i < count; i++) {
    const original = pieces[i] as string;
    const first = original.charCodeAt(0);
    const capital = first >= 65 && first <= 90;
    let upper = 0;
    for (let k = 0; k < original.length && upper >= 0; k++) {
      const code = original.charCodeAt(k);
      if (code >= 65 && code <= 90) upper++;
      else if (code >= 97 && code <= 122) upper = -1;
    }
    if (lowerThenUpper(original)) caps[i] = 3;
    else caps[i] = capital && upper >= 2 && original.length <= 5 ? 2 : capital ? 1 : 0;
  }
  return { words, caps, written: pieces, type, key, list };
}

/** Makes every name of `bucket` a phrase and puts them in match order: longest first. */
function sortBucket(bucket: Bucket): void {
  const { names, phrases } = bucket;
  for (let k = 0; k < names.length; k++) {
    const [name, type, key = name, list] = names[k] as FiledName;
    phrases[k] ??= phraseOf(name, type, key, list);
  }
  // Stable: among entries of one length, the one added first wins.
  const order = names.map((_, k) => k).sort((a, b) => (phrases[b] as Phrase).words.length - (phrases[a] as Phrase).words.length);
  bucket.names = order.map((k) => names[k] as FiledName);
  bucket.phrases = order.map((k) => phrases[k]);
  bucket.secondHashes = Int32Array.from(bucket.phrases, (phrase) => secondWordHash(phrase as Phrase));
  bucket.seconds = null;
  bucket.sorted = true;
}

const plainAt = (text: string, k: number) => {
  const code = text.charCodeAt(k);
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
};
const separatorAt = (text: string, k: number) => text.charCodeAt(k) === 32 || text.charCodeAt(k) === 45;

/**
 * For proper names whose first word (as folded) is `firstLength` characters long: where each
 * one's second word starts and ends, in pairs, when its first two words are ASCII letters and
 * digits with a space or a hyphen after each (as `tokenize` reads them, then), else -1.
 */
function plainSecondWords(names: readonly FiledName[], firstLength: number): Int32Array {
  const seconds = new Int32Array(2 * names.length).fill(-1);
  for (let n = 0; n < names.length; n++) {
    const [name, type] = names[n] as FiledName;
    if (type === 'TERM' || firstLength >= name.length || !separatorAt(name, firstLength)) continue;
    let plain = true;
    for (let k = 0; k < firstLength && plain; k++) plain = plainAt(name, k);
    const from = firstLength + 1;
    let to = from;
    while (to < name.length && plainAt(name, to)) to++;
    if (!plain || to === from || (to < name.length && !separatorAt(name, to))) continue;
    seconds[2 * n] = from;
    seconds[2 * n + 1] = to;
  }
  return seconds;
}

/**
 * The `secondHashes` of names filed ahead, none made into a phrase yet: the hash of the plain
 * second word (`seconds`) folded, which its phrase will have; else ANY_SECOND (the phrase tells).
 */
function plainSecondHashes(names: readonly FiledName[], seconds: Int32Array): Int32Array {
  const hashes = new Int32Array(names.length).fill(ANY_SECOND);
  for (let n = 0; n < names.length; n++) {
    const from = seconds[2 * n] as number;
    if (from < 0) continue;
    hashes[n] = hashOfAsciiFolded((names[n] as FiledName)[0], from, seconds[2 * n + 1] as number) >>> 1;
  }
  return hashes;
}

/** Whether word `i` of `tokens` is `name`'s characters from `from` to `to` (ASCII letters and digits) in any case. */
function isWord(tokens: Tokens, i: number, name: string, from: number, to: number): boolean {
  if (i >= tokens.count) return false;
  // A word with odd characters reads otherwise folded (wordAt): let the phrase tell.
  if ((tokens.flags[i] as number) & ODD_CHARACTERS) return true;
  const start = tokens.start[i] as number;
  if ((tokens.end[i] as number) - start !== to - from) return false;
  for (let k = 0; k < to - from; k++) {
    const code = name.charCodeAt(from + k);
    if (tokens.folded.charCodeAt(start + k) !== (code >= 65 && code <= 90 ? code | 32 : code)) return false;
  }
  return true;
}

function phraseOf(name: string, type: EntityType, key: string, list: string | undefined): Phrase {
  const simple = simplePhrase(name, type, key, list);
  if (simple) return simple;
  // Called while a text is read (its first word is in it): the index's own buffers, not the text's.
  const tokens = tokenize(name, { reuseBuffers: 'entry' });
  const count = tokens.count;
  const caps = new Uint8Array(count);
  const written: string[] = [];
  const words: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) words[i] = wordAt(tokens, i);
  if (type !== 'TERM') {
    for (let i = 0; i < count; i++) {
      const flags = tokens.flags[i] as number;
      const original = name.slice(tokens.start[i], tokens.end[i]);
      written.push(original);
      if (lowerThenUpper(original)) caps[i] = 3;
      else caps[i] = flags & UPPER && (words[i] as string).replace(/\./g, '').length <= 5 ? 2 : flags & CAP ? 1 : 0;
      if (flags & POSSESSIVE) caps[i] = (caps[i] as number) | OWNS;
    }
  }
  return { words, caps, written, type, key, list };
}

function matches(phrase: Phrase, tokens: Tokens, i: number): boolean {
  const n = phrase.words.length;
  if (i + n > tokens.count) return false;
  const term = phrase.type === 'TERM';
  for (let k = 0; k < n; k++) {
    const at = i + k;
    const want = phrase.words[k] as string;
    // Compared without making the text's word a string: most comparisons fail.
    if (!wordIs(tokens, at, want) && !(term && k === n - 1 && pluralAt(tokens, at, want))) return false;
    const need = (phrase.caps[k] as number) & 3;
    const flags = tokens.flags[at] as number;
    // "New York’s Times Square" is not the "New York Times": a name's inner possessive is its own ("People's Army").
    if (!term && k < n - 1 && flags & POSSESSIVE && !((phrase.caps[k] as number) & OWNS)) return false;
    // …and a name's own possessive is part of it: "McDonald's" is not the "McDonald" of "Michael McDonald".
    if ((phrase.caps[k] as number) & OWNS && !(flags & POSSESSIVE)) return false;
    if (need === 1 && !(flags & CAP)) return false;
    if (need === 2 && !(flags & UPPER)) return false;
    if (need === 3 && tokens.text.slice(tokens.start[at], tokens.end[at]) !== phrase.written[k]) return false;
    if (k > 0 && !plainGap(tokens, at, 3, true, term)) return false;
  }
  return true;
}

/** `secondHashes` of a bucket whose phrases are not made yet. */
const NO_HASHES = new Int32Array(0);
/** A name any next word may follow as far as the filter is concerned; hashes are 31 bits, so never this. */
const ANY_SECOND = -1;
/** `nextWordHash` not asked yet. */
const UNREAD = -2;
/** `nextWordHash` past the text's last word, which no second word hashes to. */
const NO_WORD = -3;

/**
 * The hash a phrase's second word must match in the text: none for a one-word phrase, nor for a
 * term of two words, whose last word may stand in the plural.
 */
function secondWordHash(phrase: Phrase): number {
  const { words } = phrase;
  if (words.length < 2 || (phrase.type === 'TERM' && words.length === 2)) return ANY_SECOND;
  const second = words[1] as string;
  return hashOf(second, 0, second.length) >>> 1;
}

/** The hash `secondWordHash` compares with word `i`: ANY_SECOND for a word folded otherwise than the text (wordAt). */
function nextWordHash(tokens: Tokens, i: number): number {
  if (i >= tokens.count) return NO_WORD;
  if ((tokens.flags[i] as number) & ODD_CHARACTERS) return ANY_SECOND;
  return (tokens.hashes[i] as number) >>> 1;
}

/** Words not in an index filed ahead kept to be turned away without a search: ~10,000 per MB of text. */
const MOST_ABSENT = 50_000;

/**
 * The filter's size. Every word of a text is tried, so it is kept small enough to stay in the
 * processor's first cache (8 KB): at 128 KB (beside a filter of first characters, since removed,
 * at 256 KB) their reads missed it and were ~3 % of a call. The ~500 first words of the built-in term lists set under 1 % of its bits (~7 %
 * with 5,000 words from a reader's lists; a word let through only costs a look-up).
 */
const FIRST_WORD_BITS = 1 << 16;



/** Whether word `i` of `tokens` is `singular` in the plural; a word no longer than it is not made a string to tell. */
function pluralAt(tokens: Tokens, i: number, singular: string): boolean {
  const odd = ((tokens.flags[i] as number) & ODD_CHARACTERS) !== 0;
  return (odd || (tokens.end[i] as number) - (tokens.start[i] as number) > singular.length) && isPlural(wordAt(tokens, i), singular);
}

function isPlural(word: string, singular: string): boolean {
  if (word.length <= singular.length) return false;
  if (word === singular + 's' || word === singular + 'es') return true;
  return singular.endsWith('y') && word === singular.slice(0, -1) + 'ies';
}
