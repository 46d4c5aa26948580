/**
 * Whether a text holds a phrase: the phrase's folded tokens one after another among the text's
 * (tokens.ts), as a search checks its candidates. Tokenizing a long note makes an object per word
 * and a string per character; a search for "to the up" tokenized ~1.6 MB of notes to find three
 * (docs/FINDINGS.md). So where the phrase is ASCII letters and digits and every character of the
 * text above ASCII has an ASCII stand-in (tokens.ts `asciiStandIn`: accented Latin letters, curly
 * quotes, dashes), the text is rewritten in ASCII natively and searched with one regular
 * expression that splits words as the tokenizer does. Any other text is tokenized.
 */
import { asciiStandIn, searchTokens } from './tokens';

/**
 * Runs of UTF-16 code units above ASCII, each replaced by one call: a call per character, with
 * the `u` flag, took 10–16 ms on the 1 MB of notes "to the up" checks (11,000 such characters),
 * by runs ~4 ms (Node, load ~7). A run never splits a surrogate pair: both halves are above ASCII.
 */
const ABOVE_ASCII = /[\u0080-\uffff]+/g;
const ASCII_TOKEN = /^[a-z0-9]+$/;
/**
 * Between two tokens: a dropped possessive of the first ("'s" not continued by a joiner and a
 * word, as tokens.ts drops it), then anything that is not a letter or digit.
 */
const BETWEEN = "(?:'s(?![a-z0-9])(?![-'.][a-z0-9]))?[^a-z0-9]+";

const patterns = new Map<string, RegExp | null>();

/** True when the folded tokens `phrase` stand one after another in `text`. */
export function hasPhrase(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  const pattern = patternOf(phrase);
  if (pattern) {
    const ascii = inAscii(text);
    if (ascii !== null) return pattern.test(ascii);
  }
  return tokensHold(text, phrase);
}

/**
 * The phrase as a regular expression over a text in ASCII, or null when the tokenizer must
 * decide: a token that is not ASCII letters and digits, or "s" (a possessive the tokenizer may
 * have dropped there).
 */
function patternOf(phrase: readonly string[]): RegExp | null {
  const key = phrase.join(' ');
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    const plain = phrase.every((token) => ASCII_TOKEN.test(token) && token !== 's');
    pattern = plain ? new RegExp(`(?<![a-z0-9])${phrase.join(BETWEEN)}(?![a-z0-9])`) : null;
    if (patterns.size > 100) patterns.clear();
    patterns.set(key, pattern);
  }
  return pattern;
}

/** The text with every character above ASCII replaced by its stand-in, lower-cased; null when one has none. */
function inAscii(text: string): string | null {
  let plain = true;
  const ascii = text.replace(ABOVE_ASCII, (run) => {
    let out = '';
    for (const char of run) {
      const standIn = plain ? asciiStandIn(char.codePointAt(0) as number) : '';
      if (standIn === null) plain = false;
      else out += standIn;
    }
    return out;
  });
  return plain ? ascii.toLowerCase() : null;
}

function tokensHold(text: string, phrase: readonly string[]): boolean {
  const tokens = searchTokens(text);
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let k = 0;
    while (k < phrase.length && tokens[i + k]!.text === phrase[k]) k++;
    if (k === phrase.length) return true;
  }
  return false;
}
