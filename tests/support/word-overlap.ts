/**
 * How much of one text's words another holds, in order: the longest common subsequence of their
 * word sequences. Words are runs of letters and digits in any script.
 */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** Length of the longest common subsequence of two word lists. O(n·m) time, O(m) memory. */
export function commonWords(a: readonly string[], b: readonly string[]): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const word = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      current[j] = word === b[j - 1] ? (previous[j - 1] as number) + 1 : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** Share of `reference`'s words that `text` holds in order, and share of `text`'s words that are extra. */
export function overlap(reference: string, text: string): { covered: number; extra: number } {
  const want = wordsOf(reference);
  const got = wordsOf(text);
  const common = commonWords(want, got);
  return { covered: want.length ? common / want.length : 1, extra: got.length ? (got.length - common) / got.length : 0 };
}
