/**
 * The words an annotation is found by, and the words a search asks for. Stored in the
 * `annotations.words` multiEntry index (schema version 4); a search word matches an annotation
 * when it is a prefix of one of its words (a whole word, for words under MIN_PREFIX_LENGTH).
 *
 * - Sources, in this order until MAX_WORDS: tags, the article's outlet and title, the quote,
 *   the note. Before them, a key marking the outlet as a whole (outletKey) for outlet filters. Past the cap a long note's last words are not found (a phrase search still checks them
 *   on the candidates it has).
 * - Words are folded (tokens.ts), at least MIN_WORD_LENGTH characters, cut to MAX_WORD_LENGTH
 *   (queries are cut the same way, so a prefix still matches), and not in a short list of English
 *   stop words. Stop words and one-letter words are left out of queries too.
 * - A compound is found by each part and by the whole: "Jong-un" by "jong", "un" and "jongun";
 *   "O'Brien" by "brien" and "obrien"; "20×10" by "20", "10" and "20x10". A query keeps
 *   apostrophes, dots and × inside a word ("o'brien" asks "obrien") and splits at hyphens
 *   ("jong-un" asks "jong" and "un", found in "Jong Un" too).
 * - Arabic words are also found without the article and its attached prepositions (ال, وال, بال,
 *   كال, فال, لل), so "حكومة" finds "الحكومة".
 * - Two small words side by side are stored as a pair (smallWordPairs: "of the", "to a", "the
 *   up"), up to MAX_PAIRS. Small words are those not stored alone (stop words, one letter) and
 *   those found only whole (under MIN_PREFIX_LENGTH: "up", "us", "un"). A phrase made only of
 *   small words is then an index lookup rather than a read of every annotation, and a phrase with
 *   a common short word ("to the up", "the US and") reads the few annotations its pairs share,
 *   not every one that holds "up" or "us". Pairs are taken within one text, never across two.
 *   (Annotations stored before short words were paired get their pairs from the background,
 *   db/annotations-repo.ts `storeWordsAgain`; until every one has them, searches ask only for
 *   pairs of the other small words: db/labels.ts `shortPairsStored`.)
 * - CJK runs are indexed as overlapping bigrams plus the run's last character, so any substring
 *   is found: a query of one character is a prefix of a bigram, a longer one asks all its bigrams.
 *   Bigrams rather than single characters, because a query's bigrams pin the characters' order and
 *   adjacency, which single characters cannot, at about the same index size.
 *
 * Changing what these functions return leaves stored words stale: add a schema version whose
 * upgrade recomputes them (as version 4 does), and the outlets' lists of db/labels.ts with them
 * (an outlet's label is its outlet key, read from the stored words).
 */
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';
import { searchTokens, wordsOf, type SearchToken } from './tokens';

export const MAX_WORDS = 300;
/**
 * Pairs of small words stored per annotation (besides MAX_WORDS): in the bench's library (10,000
 * notes, 4 % of 1–10 KB) 7.8 per annotation on average, and no pair of "to the" or "of the" left
 * out of a long note (at 100, one and two were).
 */
export const MAX_PAIRS = 200;
export const MAX_WORD_LENGTH = 32;
export const MIN_WORD_LENGTH = 2;
/**
 * Query words shorter than this match whole words only ("un", "eu", "g7"): as prefixes they
 * would match a large part of the library ("co…") while the reader is still typing.
 */
export const MIN_PREFIX_LENGTH = 3;

/** English words too common to find anything by; kept short so real terms ("us", "un", "who") stay. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'is', 'are',
  'was', 'were', 'be', 'been', 'it', 'its', 'that', 'this', 'an', 'but', 'he', 'she', 'they', 'his',
  'her', 'their', 'has', 'have', 'had',
]);

const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

type Indexed = Pick<AnnotationRecord, 'quote' | 'note' | 'tags'>;
type ArticleWords = Pick<ArticleRecord, 'title' | 'siteName'>;

/**
 * The stored key for an annotation's outlet, so an outlet filter is one exact index lookup. It
 * starts with U+0001, which no folded word holds, so no search word is ever a prefix of it.
 */
export function outletKey(outlet: string): string {
  return OUTLET_MARK + textKey(outlet).slice(0, 100);
}

const OUTLET_MARK = '\u0001outlet:';

/** True for a stored word that is an outlet's key (outletKey). */
export function isOutletKey(word: string): boolean {
  return word.startsWith(OUTLET_MARK);
}

/**
 * The stored keys of the small words side by side in `tokens` (see the module's comment), one per
 * position, null where the two tokens there are not both small. Tokens side by side, whatever
 * joins them, as a phrase search compares them ("U.S." holds the pair "u s"). A pair key starts
 * with a character no folded word holds, so no search word is ever a prefix of it (as outletKey).
 */
export function smallWordPairs(tokens: readonly SearchToken[], { short = true }: { short?: boolean } = {}): (string | null)[] {
  const pairs: (string | null)[] = [];
  for (let k = 0; k + 1 < tokens.length; k++) {
    const [first, second] = [tokens[k]!, tokens[k + 1]!];
    pairs.push(isSmallWord(first, short) && isSmallWord(second, short) ? `${PAIR_MARK}${first.text} ${second.text}` : null);
  }
  return pairs;
}

const PAIR_MARK = '\u0002';

/** True for a stored word that is a pair of small words (smallWordPairs). */
export function isPairKey(word: string): boolean {
  return word.startsWith(PAIR_MARK);
}

/**
 * A token paired with its small neighbours: one not stored alone (`keep`), or, with `short`, found
 * only as a whole word (`isPrefixWord`). Without `short`: the pairs stored before words found only
 * whole were paired, which a search asks for until every stored annotation has been given the others.
 */
function isSmallWord(token: SearchToken, short: boolean): boolean {
  return !token.cjk && ((short && token.text.length < MIN_PREFIX_LENGTH) || keep(token.text) === null);
}

/** A text's folded words one space apart: what two spellings of a tag or an outlet must share. */
export function textKey(text: string): string {
  const tokens = searchTokens(text).map((token) => token.text);
  return tokens.length > 0 ? tokens.join(' ') : text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True when the query word `asked` matches the stored word `stored` (see MIN_PREFIX_LENGTH). */
export function matchesWord(stored: string, asked: string): boolean {
  return isPrefixWord(asked) ? stored.startsWith(asked) : stored === asked;
}

/** True when a query word matches as a prefix: three characters or more, or CJK (bigram prefixes). */
export function isPrefixWord(asked: string): boolean {
  return asked.length >= MIN_PREFIX_LENGTH || CJK_START.test(asked);
}

const CJK_START = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;

/** The words to store for an annotation (and its article, whose title and outlet it is found by). */
export function indexWords(annotation: Partial<Indexed>, article?: Partial<ArticleWords> | null): string[] {
  const words = new Set<string>();
  if (article?.siteName) words.add(outletKey(article.siteName));
  const texts = [...(annotation.tags ?? []), article?.siteName, article?.title, annotation.quote?.exact, annotation.note];
  const pairs = new Set<string>();
  let full = false;
  for (const text of texts) {
    if (!text) continue;
    const tokens = searchTokens(text);
    for (const pair of pairs.size < MAX_PAIRS ? smallWordPairs(tokens) : []) {
      if (pair) pairs.add(pair);
      if (pairs.size >= MAX_PAIRS) break;
    }
    for (const word of full ? [] : wordsOf(tokens)) {
      for (const key of keysOf(word)) {
        words.add(key);
        if (words.size >= MAX_WORDS) break;
      }
      if ((full = words.size >= MAX_WORDS)) break;
    }
    if (full && pairs.size >= MAX_PAIRS) break;
  }
  return [...words, ...pairs];
}

/** The words a search for `text` asks for (each must be a prefix of a stored word). */
export function queryWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of wordsOf(searchTokens(text))) {
    const cjk = word[0]?.cjk;
    for (const asked of askedKeys(word)) {
      const key = cjk ? asked : keep(asked);
      if (key) words.add(key);
    }
  }
  return [...words];
}

/**
 * What one query word (a compound or a CJK run) asks for, short words and stop words included: a
 * CJK run's bigrams (or its one character), else each part between hyphens written as one word.
 */
export function askedKeys(word: readonly SearchToken[]): string[] {
  return word[0]?.cjk ? cjkGrams(word) : groupsOf(word).map(joined);
}

/**
 * The keys one word (a compound or a CJK run) is stored under, each with the tokens it spans:
 * what the index stores and what the highlighter compares against.
 */
export function keysWithSpans(word: readonly SearchToken[]): { key: string; from: SearchToken; to: SearchToken }[] {
  const out: { key: string; from: SearchToken; to: SearchToken }[] = [];
  const add = (text: string, from: SearchToken, to: SearchToken) => {
    const key = keep(text);
    if (!key) return;
    out.push({ key, from, to });
    for (const prefix of ARABIC_PREFIXES) {
      if (key.startsWith(prefix) && key.length - prefix.length >= MIN_WORD_LENGTH) {
        out.push({ key: key.slice(prefix.length), from, to });
        break;
      }
    }
  };
  if (word[0]?.cjk) {
    word.forEach((token, k) => {
      const next = word[k + 1];
      if (next) out.push({ key: token.text + next.text, from: token, to: next });
      else out.push({ key: token.text, from: token, to: token });
    });
    return out;
  }
  for (const token of word) add(token.text, token, token);
  const groups = groupsOf(word);
  for (const group of groups) if (group.length > 1) add(joined(group), group[0]!, group[group.length - 1]!);
  if (groups.length > 1) add(joined(word), word[0]!, word[word.length - 1]!);
  return out;
}

function keysOf(word: readonly SearchToken[]): string[] {
  return keysWithSpans(word).map(({ key }) => key);
}

/** A query's CJK run: its bigrams, or the character itself when alone. */
function cjkGrams(word: readonly SearchToken[]): string[] {
  if (word.length === 1) return [word[0]!.text];
  const grams: string[] = [];
  for (let k = 0; k + 1 < word.length; k++) grams.push(word[k]!.text + word[k + 1]!.text);
  return grams;
}

/** A compound's tokens split at hyphens. */
function groupsOf(word: readonly SearchToken[]): SearchToken[][] {
  const groups: SearchToken[][] = [];
  for (const token of word) {
    const last = groups[groups.length - 1];
    if (!last || token.join === '-' || token.join === '') groups.push([token]);
    else last.push(token);
  }
  return groups;
}

/** Tokens written as one word: "20×10" as "20x10", "O'Brien" as "obrien". */
function joined(tokens: readonly SearchToken[]): string {
  let out = '';
  for (const [k, token] of tokens.entries()) out += (k > 0 && token.join === 'x' ? 'x' : '') + token.text;
  return out;
}

/** The word as stored or asked for, or null when too short or a stop word. */
function keep(word: string): string | null {
  if (word.length < MIN_WORD_LENGTH || STOP_WORDS.has(word)) return null;
  return word.length > MAX_WORD_LENGTH ? word.slice(0, MAX_WORD_LENGTH) : word;
}
