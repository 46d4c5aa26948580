/**
 * The background's one recognizer: built on first use (the lists are indexed once per worker
 * life) and kept in step with the reader's watchlists, which it re-reads only when they change.
 * A long text is read in slices, a task each, so that one page never holds up the others' saves.
 */
import { createRecognizer, type Recognizer } from '@/utils/entities/recognizer';
import { BUILT_IN_TERM_LISTS } from '@/utils/entities/term-lists';
import { asTermList } from '@/utils/entities/watchlist';
import type { EntitySpan } from '@/utils/entities/types';
import type { RecognizeOptions } from '@/utils/entities/recognize';
import { namesRecognizedIn } from '@/utils/entities/language';
import type { GlossDb } from '@/utils/db/database';
import { nextTask } from '@/utils/text/work-budget';
import { listWatchlists } from '@/utils/db/watchlists-repo';

let recognizer: Recognizer | null = null;
let watchlistsVersion = '';

/**
 * The recognizer, with the watchlists as they are in `db` now. Every page asks, so the lists
 * themselves (up to 100,000 terms each) are read only when their count or latest edit changed.
 */
export async function recognizerFor(db: GlossDb): Promise<Recognizer> {
  recognizer ??= createRecognizer();
  const [count, lastEdit] = await Promise.all([db.watchlists.count(), db.watchlists.orderBy('updatedAt').lastKey()]);
  const version = `${count}@${String(lastEdit ?? '')}`;
  if (version !== watchlistsVersion) {
    const watchlists = await listWatchlists(db);
    const problems = recognizer.setTermLists([...BUILT_IN_TERM_LISTS, ...watchlists.map(asTermList)]);
    if (problems.length) console.warn('Gloss left out watchlist entries it cannot use:', problems);
    watchlistsVersion = version;
  }
  return recognizer;
}

/** Which watchlists the recognizer holds now: findings of the same text change when this does. */
export const recognizerVersion = (): string => watchlistsVersion;

/**
 * Characters recognized in one task: about 20 ms of the recognizer's work. A longer text is cut
 * at paragraph breaks (else at a space) into slices read one task after another; what a slice
 * establishes (a full name, before its surname alone) is not carried into the next, so only
 * texts longer than this lose some later mentions.
 */
export const SLICE_CHARS = 20_000;

/** `text` cut into [start, end) slices of at most `max` characters, at a break or a space where there is one. */
export function slicesOf(text: string, max = SLICE_CHARS): [number, number][] {
  const slices: [number, number][] = [];
  let start = 0;
  while (text.length - start > max) {
    const limit = start + max;
    let end = text.lastIndexOf('\n', limit);
    if (end <= start) end = text.lastIndexOf(' ', limit);
    if (end <= start) end = limit;
    slices.push([start, end]);
    start = end;
  }
  slices.push([start, text.length]);
  return slices;
}

/** Recognizes `text` a slice per task; answers the spans and the milliseconds of work (waits left out). */
export async function recognizeInSlices(
  recognizer: Recognizer,
  text: string,
  options?: RecognizeOptions,
): Promise<{ spans: EntitySpan[]; ms: number; namesSkipped?: string }> {
  const spans: EntitySpan[] = [];
  let ms = 0;
  for (const [index, [start, end]] of slicesOf(text).entries()) {
    if (index > 0) await nextTask();
    const began = performance.now();
    for (const span of recognizer.recognize(start === 0 && end === text.length ? text : text.slice(start, end), options)) {
      spans.push(start ? { ...span, start: span.start + start, end: span.end + start } : span);
    }
    ms += performance.now() - began;
  }
  // Names are recognized in English only: on a page in another language, dates and terms, and the page is told.
  const lang = options?.lang;
  return { spans, ms, ...(lang && !namesRecognizedIn(lang) && { namesSkipped: lang }) };
}
