import { describe, expect, it } from 'vitest';
import { formatCount } from '@/utils/text/count';

describe('formatCount', () => {
  it('puts commas between thousands, as English writes counts', () => {
    expect([0, 7, 999, 1000, 12_000, 1_234_567, 10_000_000].map(formatCount)).toEqual(['0', '7', '999', '1,000', '12,000', '1,234,567', '10,000,000']);
  });

  it('writes what toLocaleString("en") writes for whole counts, negatives and short fractions', () => {
    for (const n of [1, 42, 5000, 65_536, 123_456_789, -2500, 1234.5, 0.25]) expect(formatCount(n)).toBe(n.toLocaleString('en'));
  });

  it('leaves what is no finite number as it is', () => {
    expect([Infinity, NaN].map(formatCount)).toEqual(['Infinity', 'NaN']);
  });
});
