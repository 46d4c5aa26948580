/**
 * Folding for matching: lower case, one character for one character so offsets carry over
 * unchanged. (Apostrophes, × and soft hyphens are folded word by word: see `wordAt`.)
 */

/** The text in lower case; same length as `text`. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // A few characters lower-case to two (İ → i̇): fold those one by one to keep offsets.
  let out = '';
  for (const char of text) {
    const folded = char.toLowerCase();
    out += folded.length === char.length ? folded : char;
  }
  return out;
}
