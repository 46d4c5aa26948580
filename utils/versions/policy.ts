/**
 * Which readings become versions. By default an article is kept once the reader annotated it or a
 * term of one of their watchlists was found in it; the reader may choose every article read, or
 * only annotated ones. An article that already has versions keeps getting them, so that its
 * history has no holes when its annotations are deleted or a watchlist changes.
 */
import { BUILT_IN_LIST_NAMES } from '../entities/list-names';
import type { EntitySpan } from '../entities/types';
import type { KeepVersions } from '../settings/settings';

export interface ReadingFacts {
  /** The reader has annotations on the article. */
  annotated: boolean;
  /** A term of the reader's own watchlists (not a built-in list) was found in it. */
  watched: boolean;
  /** Versions of it are stored already. */
  hasVersions: boolean;
}

/** Whether a reading with `facts` is kept under the reader's choice (absent: the default). */
export function keepsReading(choice: KeepVersions | undefined, facts: ReadingFacts): boolean {
  if (facts.hasVersions || choice === 'all') return true;
  return choice === 'annotated' ? facts.annotated : facts.annotated || facts.watched;
}

/** Whether the recognizer found a term of the reader's own watchlists. */
export function foundWatchedTerm(spans: readonly EntitySpan[]): boolean {
  return spans.some((span) => span.type === 'TERM' && !!span.list && !Object.hasOwn(BUILT_IN_LIST_NAMES, span.list));
}
