import { describe, expect, it } from 'vitest';
import { lastAtMost } from '@/utils/text/sorted';

describe('text/sorted', () => {
  const starts = [0, 4, 4, 9, 20];
  const at = (target: number) => lastAtMost(starts.length, (i) => starts[i]!, target);

  it('finds the last value at most the target', () => {
    expect(at(0)).toBe(0);
    expect(at(4)).toBe(2);
    expect(at(8)).toBe(2);
    expect(at(19)).toBe(3);
    expect(at(1000)).toBe(4);
  });

  it('answers -1 below the first value and on nothing', () => {
    expect(at(-1)).toBe(-1);
    expect(lastAtMost(0, () => 0, 5)).toBe(-1);
  });
});
