/**
 * Finds, in the live page's chunks, the text nodes Readability kept in its copy of the page.
 * Patience-style: texts that occur exactly once on both sides anchor the alignment (kept in
 * order by a longest increasing subsequence); the other texts are matched in order between
 * their neighbouring anchors. Text that cannot be found is left out, never guessed.
 */
import { lastAtMost } from '../text/sorted';
import type { Chunk } from './live-chunks';

export interface Alignment {
  /** For each expected text, the index of its live chunk, or -1. */
  matches: number[];
  matched: number;
  missed: number;
}

function indexByText(chunks: readonly Chunk[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  chunks.forEach((chunk, i) => {
    const list = index.get(chunk.text);
    if (list) list.push(i);
    else index.set(chunk.text, [i]);
  });
  return index;
}

/** The first entry of an ascending list of integers that is ≥ `min`, or -1. */
function firstAtLeast(list: readonly number[], min: number): number {
  const next = lastAtMost(list.length, (i) => list[i] as number, min - 1) + 1;
  return next < list.length ? (list[next] as number) : -1;
}

/** Indices (into `values`) of a longest strictly increasing subsequence. O(n log n). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((values[tails[mid] as number] as number) < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  });
  const result: number[] = [];
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] as number) result.push(i);
  return result.reverse();
}

/** Aligns Readability's `expected` texts, in order, to live `chunks`. */
export function alignTexts(expected: readonly string[], chunks: readonly Chunk[]): Alignment {
  const live = indexByText(chunks);
  const counts = new Map<string, number>();
  for (const text of expected) counts.set(text, (counts.get(text) ?? 0) + 1);

  const uniqueAt: number[] = [];
  expected.forEach((text, i) => {
    const places = live.get(text);
    if (counts.get(text) === 1 && places?.length === 1) uniqueAt.push(i);
  });
  const anchorRows = longestIncreasing(uniqueAt.map((i) => (live.get(expected[i] as string) as number[])[0] as number));

  const matches = new Array<number>(expected.length).fill(-1);
  for (const row of anchorRows) {
    const i = uniqueAt[row] as number;
    matches[i] = (live.get(expected[i] as string) as number[])[0] as number;
  }
  // Between anchors, match in order within the live stretch the anchors leave open.
  let floor = 0;
  let nextAnchor = 0;
  for (let i = 0; i < expected.length; i++) {
    if (matches[i] !== -1) {
      floor = (matches[i] as number) + 1;
      continue;
    }
    while (nextAnchor < expected.length && (nextAnchor <= i || matches[nextAnchor] === -1)) nextAnchor++;
    const ceiling = nextAnchor < expected.length ? (matches[nextAnchor] as number) : chunks.length;
    const found = firstAtLeast(live.get(expected[i] as string) ?? [], floor);
    if (found !== -1 && found < ceiling) {
      matches[i] = found;
      floor = found + 1;
    }
  }
  const matched = matches.filter((m) => m !== -1).length;
  return { matches, matched, missed: expected.length - matched };
}
