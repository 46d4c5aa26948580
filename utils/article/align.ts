/**
 * Finds, in the live page's chunks, the text nodes Readability kept in its copy of the page.
 * Patience-style: texts that occur exactly once on both sides anchor the alignment (kept in
 * order by a longest increasing subsequence); the other texts are matched in order between
 * their neighbouring anchors. Text that cannot be found is left out, never guessed. Linear but
 * for the subsequence's O(n log n), with loops only (no recursion, no spread of page-sized lists),
 * as steps a work budget can spread over tasks, yielded in batches (`BATCH` units at a time:
 * resuming the generators per text and per chunk cost more than the matching itself).
 */
import { lastAtMost } from '../text/sorted';
import { BATCH, runNow, type Steps } from '../text/work-budget';
import type { Chunk } from './live-chunks';

export interface Alignment {
  /** For each expected text, the index of its live chunk, or -1. */
  matches: number[];
  matched: number;
  missed: number;
}

function* indexByText(chunks: readonly Chunk[], index: Map<string, number[]>): Steps<void> {
  for (let i = 0; i < chunks.length; i++) {
    if (i % BATCH === BATCH - 1) yield BATCH;
    const text = (chunks[i] as Chunk).text;
    const list = index.get(text);
    if (list) list.push(i);
    else index.set(text, [i]);
  }
}

/** The first entry of an ascending list of integers that is ≥ `min`, or -1. */
function firstAtLeast(list: readonly number[], min: number): number {
  const next = lastAtMost(list.length, (i) => list[i] as number, min - 1) + 1;
  return next < list.length ? (list[next] as number) : -1;
}

/** Indices (into `values`) of a longest strictly increasing subsequence. O(n log n). */
function* longestIncreasing(values: readonly number[], result: number[]): Steps<void> {
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    if (i % BATCH === BATCH - 1) yield BATCH;
    const value = values[i] as number;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((values[tails[mid] as number] as number) < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  }
  for (let i = tails.length ? (tails[tails.length - 1] as number) : -1; i >= 0; i = previous[i] as number) result.push(i);
  result.reverse();
}

/** Aligns Readability's `expected` texts, in order, to live `chunks`: a step per text and per chunk (yielded in batches). */
export function* alignSteps(expected: readonly string[], chunks: readonly Chunk[]): Steps<Alignment> {
  const live = new Map<string, number[]>();
  yield* indexByText(chunks, live);
  const counts = new Map<string, number>();
  for (let i = 0; i < expected.length; i++) {
    if (i % BATCH === BATCH - 1) yield BATCH;
    const text = expected[i] as string;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }

  const uniqueAt: number[] = [];
  const uniqueRows: number[] = [];
  for (let i = 0; i < expected.length; i++) {
    if (i % BATCH === BATCH - 1) yield BATCH;
    const places = live.get(expected[i] as string);
    if (counts.get(expected[i] as string) === 1 && places?.length === 1) {
      uniqueAt.push(i);
      uniqueRows.push(places[0] as number);
    }
  }
  const anchorRows: number[] = [];
  yield* longestIncreasing(uniqueRows, anchorRows);

  const matches = new Array<number>(expected.length).fill(-1);
  for (const row of anchorRows) matches[uniqueAt[row] as number] = uniqueRows[row] as number;
  // Between anchors, match in order within the live stretch the anchors leave open.
  let floor = 0;
  let nextAnchor = 0;
  let matched = 0;
  for (let i = 0; i < expected.length; i++) {
    if (i % BATCH === BATCH - 1) yield BATCH;
    if (matches[i] !== -1) {
      floor = (matches[i] as number) + 1;
      matched++;
      continue;
    }
    while (nextAnchor < expected.length && (nextAnchor <= i || matches[nextAnchor] === -1)) nextAnchor++;
    const ceiling = nextAnchor < expected.length ? (matches[nextAnchor] as number) : chunks.length;
    const found = firstAtLeast(live.get(expected[i] as string) ?? [], floor);
    if (found !== -1 && found < ceiling) {
      matches[i] = found;
      floor = found + 1;
      matched++;
    }
  }
  return { matches, matched, missed: expected.length - matched };
}

/** Aligns Readability's `expected` texts, in order, to live `chunks`, at once. */
export function alignTexts(expected: readonly string[], chunks: readonly Chunk[]): Alignment {
  return runNow(alignSteps(expected, chunks));
}
