/**
 * Turns what the reader selected into a stretch of the article's text: clipped to the article
 * (a selection that runs into the page around it keeps only the article's part), trimmed of
 * white space at its ends, and refused with a reason the reader can act on when it is empty,
 * outside the article, or longer than an annotation may quote.
 */
import type { TextModel } from '../text/text-model';
import { ANNOTATION_LIMITS } from './annotation';
import { formatCount } from '../text/count';

const MAX_QUOTE = ANNOTATION_LIMITS.quote;

export type Selected = { start: number; end: number } | { error: string };

/** The model stretch [start, end) of `range`, or why it cannot be highlighted. */
export function selectText(model: TextModel, range: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }): Selected {
  const from = model.offsetAt(range.startContainer, range.startOffset);
  const to = model.offsetAt(range.endContainer, range.endOffset);
  return trimStretch(model.text, Math.min(from, to), Math.max(from, to));
}

/** [start, end) of `text` without white space at either end, or why it cannot be highlighted. */
export function trimStretch(text: string, start: number, end: number): Selected {
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (end <= start) return { error: 'Select some text in the article to highlight it.' };
  if (end - start > MAX_QUOTE) {
    return { error: `That selection is ${formatCount((end - start))} characters; a highlight holds at most ${formatCount(MAX_QUOTE)}.` };
  }
  return { start, end };
}
