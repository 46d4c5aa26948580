/** A short stretch of the text model's string as the reader is shown it (an offered copy of an orphan's words). */

/** Characters of a stretch shown: enough to recognize it. */
export const EXCERPT_LENGTH = 80;

/** The start of text[start, end), cut at `max` characters with an ellipsis. */
export function excerpt(text: string, start: number, end: number, max = EXCERPT_LENGTH): string {
  const words = text.slice(start, end);
  return words.length <= max ? words : `${words.slice(0, max).trimEnd()}…`;
}
