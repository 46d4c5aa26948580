/**
 * The search tokenizer: splits any text into folded tokens with their offsets in the original,
 * so the index (words.ts), the phrase check (search.ts) and the highlighter (marks.ts) see one
 * and the same words.
 *
 * Folding is per character: NFKD, combining diacritics dropped (Latin, Greek, Cyrillic, Hebrew
 * points, Arabic harakat), lower case, a few letters written out (ß → ss, ø → o, ı → i, ς → σ,
 * Arabic ة → ه, ى → ي, tatweel dropped), NFC again so Hangul stays in syllables. It is not the
 * entity folder (entities/fold.ts), which keeps one character for one character and keeps
 * diacritics; search wants "Sao Paulo" to find "São Paulo".
 *
 * A token is a run of letters, digits and marks (any script). Hyphens, apostrophes, dots and ×
 * between two such runs join them into one compound ("Jong-un", "O'Brien", "U.S", "20×10"); the
 * token records what joined it to the one before. A trailing possessive ('s, ’s) is dropped.
 * Han, Hiragana, Katakana and Hangul have no reliable word breaks: each of their characters is a
 * token of its own, marked `cjk`, joined to the one before it in the same run.
 */

/** What stands before a token: '' starts a new word, '+' continues a CJK run, else the joiner. */
export type Join = '' | '+' | '-' | "'" | '.' | 'x';

export interface SearchToken {
  /** Folded text; never empty. */
  text: string;
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
  cjk: boolean;
  join: Join;
}

// eslint-disable-next-line no-misleading-character-class -- a class of lone combining marks, on purpose
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u064b-\u065f\u0670\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]/g;
const WRITTEN_OUT: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ς: 'σ', ة: 'ه', ى: 'ي', ـ: '',
};
// The keys above, escaped: Arabic letters beside one another in a class read as one glyph.
const SPECIAL = /[\u00df\u00e6\u0153\u00f8\u0142\u0111\u00f0\u00fe\u0131\u03c2\u0629\u0649\u0640]/g;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]/gu;

const folded = new Map<number, string>();

/** One character folded for search (see the module note); '' when it folds to nothing. */
export function foldChar(code: number): string {
  if (code < 128) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    return String.fromCharCode(code);
  }
  let out = folded.get(code);
  if (out === undefined) {
    out = String.fromCodePoint(code).normalize('NFKD').replace(DIACRITICS, '').toLowerCase();
    out = out.replace(SPECIAL, (char) => WRITTEN_OUT[char] ?? char).normalize('NFC').replace(NOT_WORD, '');
    folded.set(code, out);
  }
  return out;
}

const WORD = 1; // letter, digit or mark
const CJK = 2; // a letter or digit of a script written without word breaks
const JOINER = 3; // joins two words into a compound when it stands between them
const INVISIBLE = 4; // soft hyphen, zero-width (non-)joiner, word joiner: skipped inside a word
const OTHER = 5;

const IS_WORD = /^[\p{L}\p{N}\p{M}]$/u;
const IS_CJK = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]$/u;
const JOINS: Record<number, Join> = {
  0x2d: '-', 0x2010: '-', 0x2011: '-',
  0x27: "'", 0x2019: "'", 0x2018: "'", 0x2bc: "'",
  0x2e: '.',
  0xd7: 'x', 0x2715: 'x', 0x2716: 'x',
};

const bmpClass = new Uint8Array(65536);
const astralClass = new Map<number, number>();

function classOf(code: number): number {
  let known = code < 65536 ? (bmpClass[code] as number) : (astralClass.get(code) ?? 0);
  if (known === 0) {
    const char = String.fromCodePoint(code);
    if (JOINS[code] !== undefined) known = JOINER;
    else if (code === 0xad || code === 0x200c || code === 0x200d || code === 0x2060) known = INVISIBLE;
    else if (IS_WORD.test(char)) known = IS_CJK.test(char) && !/\p{M}/u.test(char) ? CJK : WORD;
    else known = OTHER;
    if (code < 65536) bmpClass[code] = known;
    else astralClass.set(code, known);
  }
  return known;
}

const ASCII_WORD = /^[a-z0-9]*$/;
const JOINER_STAND_INS: Record<Join, string> = { '': '', '+': '', '-': '-', "'": "'", '.': '.', x: '.' };

/**
 * What a character above ASCII reads as to this tokenizer, written in ASCII: a letter or digit
 * folds to ASCII letters and digits ("é" → "e", "ß" → "ss", "½" → "12", a combining accent → ""),
 * a joiner to an ASCII joiner ("’" → "'", "×" → "."), anything else that ends a word to a space.
 * Null where no ASCII says the same: CJK, invisible characters, letters of other scripts. A text
 * whose characters all have a stand-in splits, with them, into the same tokens (phrase.ts).
 */
export function asciiStandIn(code: number): string | null {
  const kind = classOf(code);
  if (kind === OTHER) return ' ';
  if (kind === JOINER) return JOINER_STAND_INS[JOINS[code] as Join];
  if (kind !== WORD) return null;
  const folded = foldChar(code);
  return ASCII_WORD.test(folded) ? folded : null;
}

/** The tokens of `text`, in order (see the module note). */
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  let current: SearchToken | null = null; // the non-CJK token being read
  let pending: Join = ''; // the joiner just read, if the next character continues the compound
  let afterWord = false; // the previous character ended a non-CJK token (or was a joiner after one)
  const length = text.length;

  const close = () => {
    if (current && current.text) tokens.push(current);
    current = null;
  };

  for (let i = 0; i < length; ) {
    const code = text.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    const kind = classOf(code);

    if (kind === WORD) {
      const char = foldChar(code);
      if (current) {
        current.text += char;
        current.end = i + width;
      } else {
        const previous = tokens[tokens.length - 1];
        if (previous?.cjk && previous.end === i && /\p{M}/u.test(String.fromCodePoint(code))) {
          // A combining mark after a CJK character (a decomposed dakuten) belongs to it.
          previous.text = (previous.text + String.fromCodePoint(code)).normalize('NFC');
          previous.end = i + width;
        } else {
          current = { text: char, start: i, end: i + width, cjk: false, join: pending };
        }
      }
      pending = '';
      afterWord = true;
    } else if (kind === INVISIBLE && current) {
      current.end = i + width;
    } else if (kind === JOINER && afterWord && pending === '' && current?.text) {
      const next = i + width < length ? classOf(text.codePointAt(i + width) as number) : OTHER;
      if (next === WORD) {
        pending = JOINS[code] as Join;
        close();
      } else {
        close();
        afterWord = false;
      }
    } else if (kind === CJK) {
      close();
      const previous = tokens[tokens.length - 1];
      const join: Join = previous?.cjk && previous.end === i ? '+' : '';
      const char = foldChar(code);
      if (char) tokens.push({ text: char, start: i, end: i + width, cjk: true, join });
      pending = '';
      afterWord = false;
    } else {
      close();
      pending = '';
      afterWord = false;
    }
    i += width;
  }
  close();
  return dropPossessives(tokens);
}

/** Drops "s" joined by an apostrophe at the end of a compound ("Pyongyang's" → "pyongyang"). */
function dropPossessives(tokens: SearchToken[]): SearchToken[] {
  let out: SearchToken[] | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as SearchToken;
    const possessive = token.text === 's' && token.join === "'" && (tokens[k + 1]?.join ?? '') === '';
    if (possessive) out ??= tokens.slice(0, k);
    else out?.push(token);
  }
  return out ?? tokens;
}

/**
 * Tokens grouped into words: a compound's tokens together, or a CJK run's characters together.
 */
export function wordsOf(tokens: readonly SearchToken[]): SearchToken[][] {
  const words: SearchToken[][] = [];
  for (const token of tokens) {
    const last = words[words.length - 1];
    if (token.join === '' || !last) words.push([token]);
    else last.push(token);
  }
  return words;
}
