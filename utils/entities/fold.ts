/**
 * Folding for matching: the text as the matcher compares it, one character for one character
 * so offsets carry over unchanged. Lower case; typographic apostrophes and backticks become ';
 * the multiplication sign becomes x ("20×10" matches "20x10").
 */

const APOSTROPHES = /[\u2019\u2018\u02bc\u0060\u00b4]/g;
const TIMES = /[\u00d7\u2715\u2716]/g;

/** The folded text; same length as `text`. */
export function fold(text: string): string {
  let lower = text.toLowerCase();
  // A few characters lower-case to two (İ → i̇): fold those one by one to keep offsets.
  if (lower.length !== text.length) {
    let out = '';
    for (const char of text) {
      const folded = char.toLowerCase();
      out += folded.length === char.length ? folded : char;
    }
    lower = out;
  }
  return lower.replace(APOSTROPHES, "'").replace(TIMES, 'x');
}
