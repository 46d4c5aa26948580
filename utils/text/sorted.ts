/** Binary search over anything sorted by a number: offsets, starts, positions. */

/** The last index `i` below `length` whose `valueAt(i)` is at most `target`, or -1. O(log n). */
export function lastAtMost(length: number, valueAt: (index: number) => number, target: number): number {
  let low = 0;
  let high = length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (valueAt(mid) <= target) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
