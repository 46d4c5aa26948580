/** A reader's annotation as stored: where it is (W3C selectors over the text model) and what they wrote. */
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

export interface AnnotationRecord {
  id: string;
  /** The article it belongs to (its normalized URL, see `articleIdFor`). */
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** A color id ("yellow", "green", …): its name is the reader's, kept in settings. */
  color: string;
  /** Plain text with light Markdown, rendered safely (never as HTML). */
  note: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** `textHash` of the article text when the annotation was made or last anchored. */
  textHash: string;
  /**
   * The revision: 1 when made, one more with each edit. An edit names the revision it was based
   * on and is refused when that is no longer the stored one (see annotations-repo.ts).
   */
  rev: number;
}

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** Limits on what an annotation may hold: generous for a reader, bounded against a bad message. */
export const ANNOTATION_LIMITS = { quote: 20_000, context: 64, note: 100_000, tags: 50, tag: 64 } as const;
