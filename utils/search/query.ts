/**
 * What a library search asks for: the `LibraryFilter` the search runs on, and the parser from
 * the popup's search box to it. UI controls (tag chips, color dots, an outlet menu, a date range,
 * an entity or term list picked elsewhere) fill the same filter directly.
 *
 * Search box syntax, terms separated by spaces:
 *   words            each a prefix of a word of the annotation, all must match (words of one or
 *                    two letters match whole words: "un", "eu"; one letter and stop words are dropped)
 *   "a phrase"       these words in this order, whole words (an unclosed quote runs to the end)
 *   tag:x  tag:"a b" has this tag, case and diacritics ignored; several: all of them
 *   color:green      one of the annotation colors; several: any of them
 *   outlet:"BBC News" the article's outlet (siteName), case and diacritics ignored; several: any
 *   from:2026-01-01  made on or after that day (local time); YYYY-MM or YYYY for a month or year
 *   to:2026-03-01    made on or before that day, the whole day included
 * Filter names are case-insensitive. A term with an unknown name ("10:30", "re:") is plain words.
 * A filter whose value is empty or bad (a date that does not exist, an unknown color) is left out
 * of the search and reported in `issues`, so the box can say why; the rest of the query still runs.
 */
import { ANNOTATION_COLORS, type AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';
import { queryWords } from './words';

/**
 * Entities and term-list hits are not stored: whoever picks one (the popup, from the background's
 * recognizer) says which annotations it covers, by article, by predicate, or both.
 */
export interface MatchSet {
  /** What was picked, e.g. an entity key or a term list id: carried for the UI, not read here. */
  key: string;
  /** Only annotations on these articles (matched through the articleId index). */
  articleIds?: ReadonlySet<string> | readonly string[];
  /**
   * Only annotations this accepts. Runs on loaded records after every other filter: cheap when
   * other terms narrow the search, a scan of the date range when it is the only filter.
   */
  accept?: (annotation: AnnotationRecord, article: ArticleRecord | undefined) => boolean;
}

/** A library search. Every field is optional; an empty filter lists everything, newest first. */
export interface LibraryFilter {
  /** Search words, folded or not (they go through `queryWords`); all must match (see `matchesWord`). */
  words?: readonly string[];
  /** Phrases found word for word in the quote, the note, a tag, the article's title or outlet. */
  phrases?: readonly string[];
  /** Has every one of these tags (case and diacritics ignored). */
  tags?: readonly string[];
  /** Has one of these colors. */
  colors?: readonly string[];
  /** The article's outlet is one of these (case and diacritics ignored). */
  outlets?: readonly string[];
  /** Made at or after this time (ms since the epoch). */
  from?: number;
  /** Made before this time (ms since the epoch). */
  before?: number;
  /** Annotations on articles mentioning an entity (see MatchSet). */
  entity?: MatchSet;
  /** Annotations on articles hit by a term list (see MatchSet). */
  termList?: MatchSet;
}

export interface QueryIssue {
  /** The term as typed. */
  term: string;
  message: string;
}

export interface ParsedQuery {
  filter: LibraryFilter & Required<Pick<LibraryFilter, 'words' | 'phrases' | 'tags' | 'colors' | 'outlets'>>;
  issues: QueryIssue[];
}

const FILTERS = new Set(['tag', 'color', 'outlet', 'from', 'to']);
const COLORS: ReadonlySet<string> = new Set(ANNOTATION_COLORS);

/** Parses the search box (see the module note). */
export function parseQuery(text: string): ParsedQuery {
  const filter: ParsedQuery['filter'] = { words: [], phrases: [], tags: [], colors: [], outlets: [] };
  const issues: QueryIssue[] = [];
  const plain: string[] = [];
  const add = <T>(list: readonly T[], item: T): T[] => (list.includes(item) ? [...list] : [...list, item]);

  for (const { term, name, value, quoted } of termsOf(text)) {
    if (name === null) {
      if (quoted) {
        if (value.trim()) filter.phrases = add(filter.phrases, value.replace(/\s+/g, ' ').trim());
      } else plain.push(value);
      continue;
    }
    const clean = value.replace(/\s+/g, ' ').trim();
    if (!clean) {
      issues.push({ term, message: `${name}: needs a value` });
      continue;
    }
    if (name === 'tag') filter.tags = add(filter.tags, clean);
    else if (name === 'outlet') filter.outlets = add(filter.outlets, clean);
    else if (name === 'color') {
      const color = clean.toLowerCase();
      if (COLORS.has(color)) filter.colors = add(filter.colors, color);
      else issues.push({ term, message: `"${clean}" is not a color (${ANNOTATION_COLORS.join(', ')})` });
    } else {
      const period = parsePeriod(clean);
      if (!period) {
        issues.push({ term, message: `"${clean}" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY` });
        continue;
      }
      if (name === 'from') filter.from = period.start;
      else filter.before = period.end;
    }
  }
  filter.words = queryWords(plain.join(' '));
  if (filter.from !== undefined && filter.before !== undefined && filter.from >= filter.before) {
    issues.push({ term: text.trim(), message: 'the "from" date is after the "to" date: nothing can match' });
  }
  return { filter, issues };
}

interface Term {
  /** As typed. */
  term: string;
  /** The filter's name in lower case, or null for words and phrases. */
  name: string | null;
  value: string;
  quoted: boolean;
}

/** Splits the box into terms: runs of non-space, quoted phrases, name:value and name:"value". */
function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  const pattern = /(?:([\p{L}]+):)?(?:"([^"]*)(?:"|$)|“([^”]*)(?:”|$)|(\S*))/gu;
  for (const match of text.matchAll(pattern)) {
    const [term, rawName, straight, curly, bare] = match;
    if (!term) continue;
    const name = rawName?.toLowerCase();
    const quoted = straight !== undefined || curly !== undefined;
    const value = straight ?? curly ?? bare ?? '';
    if (name !== undefined && FILTERS.has(name)) {
      terms.push({ term, name, value, quoted });
    } else if (name !== undefined) {
      // Not a filter: the name is a word, the rest as typed.
      terms.push({ term, name: null, value: `${rawName} ${value}`, quoted: false });
    } else {
      terms.push({ term, name: null, value, quoted });
    }
  }
  return terms;
}

/** A day, month or year in local time: [start, end) in ms, or null when it is not a real date. */
export function parsePeriod(text: string): { start: number; end: number } | null {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]) - 1;
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 0 || month > 11)) return null;
  if (day !== null) {
    const date = new Date(localTime(year, month as number, day));
    if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day) return null;
    return { start: date.getTime(), end: localTime(year, month as number, day + 1) };
  }
  if (month !== null) return { start: localTime(year, month, 1), end: localTime(year, month + 1, 1) };
  return { start: localTime(year, 0, 1), end: localTime(year + 1, 0, 1) };
}

/** Local midnight of a day; `Date`'s constructor would read years below 100 as 19xx. */
function localTime(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setFullYear(year, month, day);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}
