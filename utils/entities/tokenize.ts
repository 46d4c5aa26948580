/**
 * Words of a text with offsets and what the recognizer needs to know of each: capitalization,
 * sentence starts, possessives, and what stands between it and the previous word. Hyphens and
 * other punctuation separate words ("Jong-un" is "Jong" + "un"), so "Kim Jong-un" and
 * "Kim Jong Un" read alike; a trailing possessive ('s, ’s) is split off the word.
 */
import { fold } from './fold';
import { STATE_ABBREVIATIONS } from './keywords';
import { isHangul } from './romanize';
import { FNV_OFFSET, FNV_PRIME, hashOf } from './word-hash';

export const CAP = 1; // first letter upper case
export const UPPER = 2; // two or more letters, all upper case
export const DIGIT = 4; // starts with a digit
export const SENTENCE = 8; // first word of a sentence, line or text
export const POSSESSIVE = 16; // followed by 's / ’s (not part of the word)
export const HYPHEN_BEFORE = 32; // joined to the previous word by a hyphen
export const LINE_START = 64; // first word of a line (paragraph)
export const ODD_CHARACTERS = 128; // holds a soft hyphen, × or a typographic apostrophe (see wordAt)

/**
 * The words of a text. The arrays may be longer than `count` (and hold stale values past it when
 * buffers are reused): read only below `count`.
 */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /**
   * Each word's `hashOf` in the folded text, made as its characters are read: the phrase indexes
   * test every word against their filter by it, and read it again for the words they look up.
   */
  hashes: Int32Array;
  /** Folded words made so far (see `wordAt`): most words are never needed as strings. */
  words: (string | undefined)[];
  /** The word lists each word is in, found so far (word-classes.ts); 0 where not asked yet. */
  classes: Int32Array;
  /**
   * The words in capitals or capitalized (CAP or UPPER), in text order. The rules that read only
   * those words loop over them: a test of every word's flags, passed by ~13 % of words in no order
   * the processor could guess, cost ~1 ms per MB in each of six passes (~0.2 ms over this list).
   */
  capitals: Int32Array;
  /** Number of words that open with a Hangul syllable: the Hangul names (variants.ts) are looked for only when there are some. */
  hangul: number;
  flags: Uint8Array;
  /** Characters of possessive ('s, ’s, ') after each word, outside it. */
  tail: Uint8Array;
  /** The folded text, and the text itself. */
  folded: string;
  text: string;
}

/**
 * Word `i` folded: lower case (fold.ts), typographic apostrophes as ', × as x ("20×10" reads
 * "20x10"), soft hyphens left out; without a trailing possessive. '' past the end.
 */
export function wordAt(tokens: Tokens, i: number): string {
  if (i < 0 || i >= tokens.count) return '';
  let word = tokens.words[i];
  if (word === undefined) {
    word = tokens.folded.slice(tokens.start[i], tokens.end[i]);
    if ((tokens.flags[i] as number) & ODD_CHARACTERS) word = word.replace(ODD, (char) => ODD_AS[char] ?? "'");
    tokens.words[i] = word;
  }
  return word;
}

/** Word `i` is `word` (as `wordAt` would make it), found otherwise: kept so that `wordAt` does not make it again. */
export function setWord(tokens: Tokens, i: number, word: string): void {
  tokens.words[i] ??= word;
}

/**
 * `wordAt(tokens, i) === word`, without making word `i` a string (unless it holds odd characters).
 * Compared in the folded text, by length first, even when the word was made: reading the made
 * string (one more object per word, anywhere in memory) cost more than the comparison.
 */
export function wordIs(tokens: Tokens, i: number, word: string): boolean {
  if (i < 0 || i >= tokens.count) return word === '';
  if ((tokens.flags[i] as number) & ODD_CHARACTERS) return wordAt(tokens, i) === word;
  const start = tokens.start[i] as number;
  if ((tokens.end[i] as number) - start !== word.length) return false;
  const folded = tokens.folded;
  for (let k = 0; k < word.length; k++) if (folded.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Words `first` to `last` folded as the text has them, white space and hyphens between them read
 * as one space: one string per mention of a name (open-world.ts, decide-once.ts). The regex that
 * says so is left out where it would change nothing (a-z, digits and single spaces): most names,
 * and it was ~1 % of a call.
 */
export function spacedWords(tokens: Tokens, first: number, last: number): string {
  const from = tokens.start[first] as number;
  const to = tokens.end[last] as number;
  const folded = tokens.folded;
  let plain = true;
  for (let k = from; k < to && plain; k++) {
    const code = folded.charCodeAt(k);
    plain = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code === 32 && folded.charCodeAt(k - 1) !== 32);
  }
  const surface = folded.slice(from, to);
  return plain ? surface : surface.replace(/[\s\u2010\u2011-]+/g, ' ');
}

/**
 * True when only spaces (tabs, no-break spaces), hyphens if `hyphens`, and commas if `commas`
 * stand between word `i - 1` and word `i`: at most `most` characters. No string is made.
 */
export function plainGap(tokens: Tokens, i: number, most: number, hyphens: boolean, commas = false): boolean {
  const from = (tokens.end[i - 1] as number) + (tokens.tail[i - 1] as number);
  const to = tokens.start[i] as number;
  if (to - from < 1 || to - from > most) return false;
  for (let k = from; k < to; k++) {
    const code = tokens.folded.charCodeAt(k);
    if (code === 32 || code === 9 || code === 0xa0) continue;
    if (hyphens && (code === 45 || code === 0x2010 || code === 0x2011)) continue;
    if (commas && code === 44) continue;
    return false;
  }
  return true;
}

/** Letters in word `i` (not counting dots, apostrophes or soft hyphens). */
export function lettersIn(tokens: Tokens, i: number): number {
  let letters = 0;
  for (let k = tokens.start[i] as number, end = tokens.end[i] as number; k < end; k++) {
    const code = tokens.folded.charCodeAt(k);
    if (code !== 46 && code !== 39 && code !== 0xad && !isApostrophe(code)) letters++;
  }
  return letters;
}

const lowerAt = (text: string, k: number) => {
  const code = text.charCodeAt(k);
  return code >= 97 && code <= 122;
};
const digitAt = (text: string, k: number) => {
  const code = text.charCodeAt(k);
  return code >= 48 && code <= 57;
};
const upperAt = (text: string, k: number) => {
  const code = text.charCodeAt(k);
  return code >= 65 && code <= 90;
};

/**
 * A period at `k` between two sentences that lost their space ("Weisbrot.The", where the page's
 * paragraphs were joined): a lower-case letter before it, a capitalized word after, or initials
 * after a word of four letters or more ("percent.U.S. bond yields"). Not "U.S.", "e.g." or "Ph.D.".
 */
const gluedSentence = (text: string, k: number) =>
  (lowerAt(text, k - 1) || digitAt(text, k - 1)) &&
  upperAt(text, k + 1) &&
  (lowerAt(text, k + 2) || (text.charCodeAt(k + 2) === 46 && lowerAt(text, k - 2) && lowerAt(text, k - 3) && lowerAt(text, k - 4)));

/** Characters that end a sentence, line or clause when they stand between two words. */
const SENTENCE_BREAKS = new Set([46, 33, 63, 58, 59, 34, 0x201c, 0x201d, 10, 0x2014, 0x2013]);
/** SENTENCE_BREAKS by character code below 128 (a table read instead of a set lookup per gap character). */
const ASCII_BREAKS = Uint8Array.from({ length: 128 }, (_, code) => Number(SENTENCE_BREAKS.has(code)));
const isSentenceBreak = (code: number) => (code < 128 ? ASCII_BREAKS[code] === 1 : SENTENCE_BREAKS.has(code));

/** Abbreviations whose period belongs to the word ("Mr.", "Feb.", "Gen."). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj',
  'adm', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'ltd', 'co', 'corp', 'no', 'vol', 'mt', 'ft',
]);

/** Initials that stand for places, not a person's or a company's names: a sentence may end on them. */
const PLACE_INITIALS = new Set(['u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'u.s.a', 'u.a.e']);

/** Initials like "J.P." (before "Morgan") or "J.R.R.": single letters with dots between them. */
function personInitials(folded: string, from: number, to: number): boolean {
  if ((to - from) % 2 === 0) return false;
  for (let k = from + 1; k < to; k += 2) if (folded.charCodeAt(k) !== 46) return false;
  return !PLACE_INITIALS.has(folded.slice(from, to));
}

/** ", " before `k`. */
const afterComma = (text: string, k: number) => text.charCodeAt(k - 1) === 32 && text.charCodeAt(k - 2) === 44;
/** Exactly ", " between word `i - 1` and word `i` ("Athens, Clanton", "Ozark, Ala."). */
export const commaBefore = (tokens: Tokens, i: number) =>
  i > 0 && i < tokens.count && tokens.end[i - 1] === (tokens.start[i] as number) - 2 && afterComma(tokens.text, tokens.start[i] as number);
/** Letters and digits of any script, for `afterParty`; made on first need, as `letterOrDigit` below. */
let letterOrNumber: RegExp | null = null;
/** A party's letter and a hyphen before `k`, the letter standing alone: "(R-Wis.)", "D-Calif.". */
export const afterParty = (text: string, k: number) =>
  text.charCodeAt(k - 1) === 45 && /[DRI]/.test(text[k - 2] ?? '') && !(letterOrNumber ??= new RegExp('[\\p{L}\\p{N}]', 'u')).test(text[k - 3] ?? '');

/** Typographic apostrophes and backticks, matched as ' (U+0027). */
function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2018 || code === 0x2bc || code === 0x60 || code === 0xb4;
}

/** Characters a word may hold that its folded form writes otherwise: apostrophes, ×, soft hyphen. */
const ODD = /[\u2019\u2018\u02bc\u0060\u00b4\u00d7\u2715\u2716\u00ad]/g;
const ODD_AS: Record<string, string> = { '\u00d7': 'x', '\u2715': 'x', '\u2716': 'x', '\u00ad': '' };

/** Word characters: letters, digits, marks (any script), ×, and the soft hyphen. Cached per code unit. */
const wordChar = new Uint8Array(65536); // 0 unknown, 1 word, 2 not
/**
 * Letters, digits and marks of any script. Made on first need, and from a string: V8 reads the
 * Unicode classes of a regex literal when it parses the file, even inside a function not yet
 * called (the recognizer's three cost ~14 M instructions of its load in Node).
 */
let letterOrDigit: RegExp | null = null;
function isWordChar(code: number): boolean {
  let known = wordChar[code] as number;
  if (known === 0) {
    // ASCII and General Punctuation (spaces, dashes, quotes) are answered without the regex, whose
    // first use compiles it (1-4 ms): an English text may never need it.
    const word =
      code < 128
        ? (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)
        : code >= 0x2000 && code <= 0x206f
          ? false
          : code === 0xad || code === 0xd7 || code === 0x2715 || code === 0x2716 || (code >= 0xd800 && code <= 0xdfff) || (letterOrDigit ??= new RegExp('[\\p{L}\\p{N}\\p{M}]', 'u')).test(String.fromCharCode(code));
    known = word ? 1 : 2;
    wordChar[code] = known;
  }
  return known === 1;
}

/** `into`, holding `array`'s values first. */
function grow<T extends Int32Array | Uint8Array>(array: T, into: T): T {
  into.set(array);
  return into;
}

function isUpper(code: number, char: string): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/** Two or more letters, none of them lower case ("UN", "KCNA", "U.S."). */
function allCapitals(text: string, from: number, to: number): boolean {
  let upper = 0;
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122) return false;
    else if (code >= 128) {
      const char = text[k] as string;
      if (char !== char.toUpperCase()) return false;
      if (char !== char.toLowerCase()) upper++;
    }
  }
  return upper >= 2;
}

/**
 * Buffers kept between calls that ask for it (the recognizer, which is done with its tokens
 * before it tokenizes again): a megabyte of text needs ~3 MB of them, and making them anew each
 * time costs more in garbage collection than the scan itself. The phrase index has buffers of its
 * own ('entry'): it tokenizes a list's entries while the recognizer reads a text.
 */
interface Buffers {
  start: Int32Array;
  end: Int32Array;
  hashes: Int32Array;
  flags: Uint8Array;
  tail: Uint8Array;
  words: (string | undefined)[];
  classes: Int32Array;
  capitals: Int32Array;
  /** Words made for the last text (cleared before the next). */
  used: number;
}
const kept: { text: Buffers | null; entry: Buffers | null } = { text: null, entry: null };

/** The arrays `scanWords` writes a text's words into, replaced by longer ones when a text has more words than they hold. */
type WordArrays = Pick<Buffers, 'start' | 'end' | 'hashes' | 'flags' | 'tail' | 'capitals'>;

/**
 * The words of `text`. `reuseBuffers`: write into the buffers of the last call that reused the
 * same ones (true: the text's; 'entry': the phrase index's), whose tokens are then overwritten.
 * `maxWords`: stop after that many words.
 */
export function tokenize(text: string, { reuseBuffers = false as boolean | 'entry', maxWords = Infinity } = {}): Tokens {
  // A list's entry as a flat string (sequential, or a slice of one), as texts mostly are: V8 reads a
  // character by the kind of string it is, and the entries' kinds (joined, interned…) beside the
  // texts' made the read of each word's first character in scanWords generic (megamorphic: ~16 M
  // instructions per MB of text in Node 20, after the entries of the warm-up were read).
  if (reuseBuffers === 'entry') text = `${text} `.slice(0, -1);
  const folded = fold(text);
  const capacity = Math.max(16, Math.ceil(folded.length / 5));
  const pool = reuseBuffers === 'entry' ? 'entry' : 'text';
  const scratch = reuseBuffers ? kept[pool] : null;
  const arrays: WordArrays =
    scratch !== null && scratch.start.length >= capacity
      ? { start: scratch.start, end: scratch.end, hashes: scratch.hashes, flags: scratch.flags, tail: scratch.tail, capitals: scratch.capitals }
      : { start: new Int32Array(capacity), end: new Int32Array(capacity), hashes: new Int32Array(capacity), flags: new Uint8Array(capacity), tail: new Uint8Array(capacity), capitals: new Int32Array(capacity) };
  const count = scanWords(text, folded, arrays, maxWords);
  const capitalCount = capitalsScanned;
  const { start, end, hashes, flags, tail, capitals } = arrays;
  let words: (string | undefined)[];
  if (scratch !== null && scratch.words.length >= count) {
    // Words made for the last text must not stand for this one's (nor keep it alive).
    words = scratch.words;
    words.fill(undefined, 0, Math.max(count, scratch.used));
  } else words = new Array<string | undefined>(count);
  const classes = scratch !== null && scratch.classes.length >= count ? scratch.classes.fill(0, 0, count) : new Int32Array(start.length);
  if (scratch !== null) {
    scratch.start = start;
    scratch.end = end;
    scratch.hashes = hashes;
    scratch.flags = flags;
    scratch.tail = tail;
    scratch.words = words;
    scratch.classes = classes;
    scratch.capitals = capitals;
    scratch.used = count;
  } else if (reuseBuffers) kept[pool] = { start, end, hashes, flags, tail, words, classes, capitals, used: count };
  return { count, start, end, hashes, words, classes, capitals: capitals.subarray(0, capitalCount), hangul: hangulScanned, flags, tail, folded, text };
}

/** The capitalized words the last `scanWords` wrote (a module variable, which a store after its loop needs no type feedback for). */
let capitalsScanned = 0;
/** The words opening with Hangul the last `scanWords` read (as `capitalsScanned`). */
let hangulScanned = 0;

/**
 * Writes the words of `text` (folded: `folded`) into `arrays`, at most `maxWords`; returns how
 * many. The loop is a function of its own that ends with it: in tokenize, V8 compiled the loop
 * while a long text ran it (on-stack replacement) into code where what followed the loop had no
 * type feedback, and threw that code away at the end of each call (Node 20, under callgrind's
 * --predictable: ~7 times per call on 1 MB, the next call's loop run unoptimized meanwhile).
 */
function scanWords(text: string, folded: string, arrays: WordArrays, maxWords: number): number {
  const length = folded.length;
  let { start, end, hashes, flags, tail, capitals } = arrays;
  let count = 0;
  let capitalCount = 0;
  let hangulCount = 0;
  let previousEnd = 0;
  // Whether the character at previousEnd is known to be a space (the one that ended the previous word).
  let spaceAfter = false;
  let previousAbbreviation = false;
  let previousPeriod = false;

  let pos = 0;
  while (pos < length) {
    const first = folded.charCodeAt(pos);
    if (!isWordChar(first)) {
      pos++;
      continue;
    }
    const from = pos++;
    // The word's hash (word-hash.ts) as its characters are read; made again below if it ends elsewhere.
    let hash = Math.imul(FNV_OFFSET ^ first, FNV_PRIME);
    // The word's last character read, for the possessive below.
    let last = first;
    let dotted = false;
    let odd = false;
    // The character the word stops at (-1 at the end of the text), read once for the checks below.
    let after = -1;
    while (pos < length) {
      const code = folded.charCodeAt(pos);
      // Most characters of a folded word are a-z: told apart before the table (~1 ms per MB).
      if (code >= 97 && code <= 122) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        last = code;
        pos++;
        continue;
      }
      if (isWordChar(code)) {
        if (code >= 0xad) odd ||= code === 0xad || code === 0xd7 || code === 0x2715 || code === 0x2716;
        hash = Math.imul(hash ^ code, FNV_PRIME);
        last = code;
        pos++;
      } else if (code === 38 && upperAt(text, pos - 1) && upperAt(text, pos + 1)) {
        // "AT&T", "PG&E", "S&P": an ampersand between capitals, unspaced, is inside the word
        last = folded.charCodeAt(pos + 1);
        hash = Math.imul(Math.imul(hash ^ code, FNV_PRIME) ^ last, FNV_PRIME);
        pos += 2;
      } else if ((code === 46 || isApostrophe(code)) && pos + 1 < length && isWordChar(folded.charCodeAt(pos + 1)) && !(code === 46 && gluedSentence(text, pos))) {
        if (code === 46) dotted = true;
        else if (code !== 39) odd = true;
        last = folded.charCodeAt(pos + 1);
        hash = Math.imul(Math.imul(hash ^ code, FNV_PRIME) ^ last, FNV_PRIME);
        pos += 2;
      } else {
        after = code;
        break;
      }
    }
    let to = pos;
    let flag = 0;
    let possessive = 0;

    // What stands between this word and the previous one (usually one space: nothing to note). A
    // single space not known as the previous word's end is read below, to the same flags.
    if (count === 0) flag |= SENTENCE | LINE_START;
    else if (!(from - previousEnd === 1 && spaceAfter)) {
      for (let k = previousEnd; k < from; k++) {
        const code = folded.charCodeAt(k);
        if (isSentenceBreak(code)) flag |= SENTENCE;
        if (code === 10) flag |= LINE_START;
      }
      if (from - previousEnd === 1) {
        const code = folded.charCodeAt(previousEnd);
        if (code === 45 || code === 0x2010 || code === 0x2011) flag |= HYPHEN_BEFORE;
      }
    }
    // The previous word ends in a period only when it took the one after it (below).
    if (!previousAbbreviation && previousPeriod && from > previousEnd) flag |= SENTENCE;

    // Both possessives follow an s; most words end otherwise, and are not read twice to tell.
    if (last === 115) {
      if (to - from > 2 && isApostrophe(folded.charCodeAt(to - 2))) {
        to -= 2; // "people's": the possessive stays outside the word
        flag |= POSSESSIVE;
        possessive = 2;
      } else if (isApostrophe(after) && !(to + 1 < length && isWordChar(folded.charCodeAt(to + 1)))) {
        flag |= POSSESSIVE; // plural possessive: "parties'"
        possessive = 1;
      }
    }
    previousAbbreviation = false;
    previousPeriod = false;
    if (after === 46 && possessive === 0) {
      // A number before a period ends a sentence ("on Jan. 3."); a single letter is an initial ("J.").
      const number = digitAt(text, from);
      const abbreviation = !number && (to - from === 1 || (to - from <= 5 && (ABBREVIATIONS.has(folded.slice(from, to)) || personInitials(folded, from, to))));
      // A state after a city keeps its period ("Ozark, Ala."), which may also end the sentence.
      const state = !abbreviation && (afterComma(text, from) || afterParty(text, from)) && upperAt(text, from) && STATE_ABBREVIATIONS.has(folded.slice(from, to + 1));
      if (abbreviation || dotted || state) {
        previousAbbreviation = abbreviation;
        previousPeriod = true;
        to += 1;
      }
    }
    if (odd) flag |= ODD_CHARACTERS;

    const firstCode = text.charCodeAt(from);
    if (firstCode >= 48 && firstCode <= 57) {
      flag |= DIGIT;
      // A name with digits first: "3M", "7UP" (capitals right after the digits).
      let k = from + 1;
      while (k < to && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
      if (k < to && upperAt(text, k)) flag |= CAP;
    }
    else if ((firstCode >= 65 && firstCode <= 90) || (firstCode >= 128 && isUpper(firstCode, text[from] as string))) {
      flag |= CAP;
      if (allCapitals(text, from, to)) flag |= UPPER;
    } else if (isHangul(firstCode)) hangulCount++;

    if (count === start.length) {
      arrays.start = start = grow(start, new Int32Array(count * 2));
      arrays.end = end = grow(end, new Int32Array(count * 2));
      arrays.hashes = hashes = grow(hashes, new Int32Array(count * 2));
      arrays.flags = flags = grow(flags, new Uint8Array(count * 2));
      arrays.tail = tail = grow(tail, new Uint8Array(count * 2));
      arrays.capitals = capitals = grow(capitals, new Int32Array(count * 2));
    }
    start[count] = from;
    end[count] = to;
    // A possessive left out or a period taken (both rare): the word is not the characters read.
    hashes[count] = to === pos ? hash : hashOf(folded, from, to);
    flags[count] = flag;
    tail[count] = possessive;
    // Written every time, kept when CAP or UPPER is set (bits 1 and 2): no branch to mispredict.
    capitals[capitalCount] = count;
    capitalCount += (flag | (flag >> 1)) & CAP;
    count++;
    if (count === maxWords) break;
    previousEnd = to + possessive;
    if (pos < previousEnd) pos = previousEnd;
    // A space ended the word (at previousEnd, then): it is passed over here rather than read again above.
    spaceAfter = after === 32;
    if (spaceAfter) pos++;
  }
  capitalsScanned = capitalCount;
  hangulScanned = hangulCount;
  return count;
}
