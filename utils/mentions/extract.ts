/**
 * What one reading of an article says about each entity and term in it, for the library across
 * articles (issue 15): per key, the spellings seen, how many mentions, and a few short passages
 * around the first of them (keyword in context). Dates are left out: "2024" appearing with a
 * person says nothing the article's own date does not. Pure: text and spans in, data out.
 */
import type { EntitySpan, EntityType } from '../entities/types';

/** A passage around one mention: the words before it, the mention as written, the words after. */
export type Snippet = [before: string, mention: string, after: string];

export interface ArticleMentions {
  /** `TYPE:key`, as the article's `entityKeys` file it. */
  key: string;
  type: EntityType;
  /** The recognizer's key, what the library shows. */
  name: string;
  /** Spellings as the text writes them, most frequent first. */
  spellings: string[];
  count: number;
  snippets: Snippet[];
  /** For a term: the list it came from. */
  list?: string;
}

/** Kept per key and article: enough to show the variants and to quote, not the whole text again. */
export const MAX_SPELLINGS = 8;
export const MAX_SNIPPETS = 2;
/** Characters of context on each side of a snippet's mention (cut back to a word boundary). */
export const SNIPPET_SIDE = 60;
/** Keys kept per article: a table of 5,000 names keeps its most mentioned. */
export const MAX_KEYS = 500;
/** A spelling longer than this is kept cut (a span over a whole list of names is still one key). */
const MAX_SPELLING_LENGTH = 120;

/** Whether `span` is a mention the library keeps (no date, within the text), and its key. */
const mentionKey = (text: string, span: EntitySpan): string | null =>
  span.type === 'DATE' || span.start < 0 || span.end > text.length || span.end <= span.start ? null : `${span.type}:${span.key}`;

/** Most mentioned first (then by key), at most MAX_KEYS: the keys a reading keeps. */
const byCount = <T extends { key: string; count: number }>(entries: T[]): T[] => entries.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)).slice(0, MAX_KEYS);

/** The keys `mentionsOf` gives an entry, in its order, without their spellings and passages. */
export function mentionKeys(text: string, spans: readonly EntitySpan[]): string[] {
  const counts = new Map<string, number>();
  for (const span of spans) {
    const key = mentionKey(text, span);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return byCount([...counts].map(([key, count]) => ({ key, count }))).map(({ key }) => key);
}

/** The entities and terms of `text`, one entry per key, most mentioned first. */
export function mentionsOf(text: string, spans: readonly EntitySpan[]): ArticleMentions[] {
  const byKey = new Map<string, { entry: ArticleMentions; spellings: Map<string, number> }>();
  for (const span of spans) {
    const key = mentionKey(text, span);
    if (!key) continue;
    let found = byKey.get(key);
    if (!found) {
      const entry: ArticleMentions = { key, type: span.type, name: span.key, spellings: [], count: 0, snippets: [], ...(span.list && { list: span.list }) };
      found = { entry, spellings: new Map() };
      byKey.set(key, found);
    }
    const written = spellingAt(text, span).slice(0, MAX_SPELLING_LENGTH);
    found.spellings.set(written, (found.spellings.get(written) ?? 0) + 1);
    found.entry.count++;
    if (found.entry.snippets.length < MAX_SNIPPETS) found.entry.snippets.push(snippetAt(text, span.start, span.end));
  }
  const entries = [...byKey.values()].map(({ entry, spellings }) => {
    entry.spellings = [...spellings].sort((a, b) => b[1] - a[1]).slice(0, MAX_SPELLINGS).map(([spelling]) => spelling);
    return entry;
  });
  return byCount(entries);
}

/** How the text writes a mention: its characters, white space collapsed. */
export function spellingAt(text: string, { start, end }: { start: number; end: number }): string {
  return text.slice(start, end).replace(/\s+/g, ' ');
}

/** The mention at [start, end) with up to SNIPPET_SIDE characters of whole words on each side, white space collapsed. */
export function snippetAt(text: string, start: number, end: number): Snippet {
  let from = Math.max(0, start - SNIPPET_SIDE);
  let to = Math.min(text.length, end + SNIPPET_SIDE);
  // Whole words only: step past a word cut at either edge.
  if (from > 0) while (from < start && !/\s/.test(text[from - 1] as string)) from++;
  if (to < text.length) while (to > end && !/\s/.test(text[to] as string)) to--;
  const tidy = (part: string) => part.replace(/\s+/g, ' ');
  return [tidy(text.slice(from, start)).trimStart(), tidy(text.slice(start, end)), tidy(text.slice(end, to)).trimEnd()];
}
