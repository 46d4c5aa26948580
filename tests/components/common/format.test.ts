import { describe, expect, it } from 'vitest';
import { formatBytes, formatDay, formatMoment, formatMoments } from '@/components/common/format';

describe('components/common/format', () => {
  it('writes a moment as the locale writes its medium date and short time', () => {
    for (const ms of [Date.UTC(2026, 4, 3, 9, 30), Date.UTC(1999, 11, 31, 23, 59), 0]) {
      const date = new Date(ms);
      expect(formatMoment(ms)).toBe(`${date.toLocaleDateString(undefined, { dateStyle: 'medium' })}, ${date.toLocaleTimeString(undefined, { timeStyle: 'short' })}`);
    }
  });

  it('writes a day as a moment writes its date', () => {
    const ms = Date.UTC(2026, 11, 2, 12);
    expect(formatDay(ms)).toBe(new Date(ms).toLocaleDateString(undefined, { dateStyle: 'medium' }));
    expect(formatMoment(ms).startsWith(`${formatDay(ms)}, `)).toBe(true);
    expect(formatDay(Number.NaN)).toBe('an unknown day');
  });

  it('says when a moment is not a time', () => {
    expect(formatMoment(Number.NaN)).toBe('at an unknown time');
    expect(formatMoment(8.64e15 + 1)).toBe('at an unknown time');
  });

  it('writes moments shown together to the second where two fall in one minute, and no others', () => {
    const noon = Date.UTC(2026, 4, 3, 12, 0, 5);
    const labels = formatMoments([noon - 86_400_000, noon, noon + 20_000]);
    expect(labels[0]).toBe(formatMoment(noon - 86_400_000));
    expect(labels[1]).toBe(formatMoment(noon, { seconds: true }));
    expect(labels[2]).toBe(formatMoment(noon + 20_000, { seconds: true }));
    expect(labels[1]).not.toBe(labels[2]);
    expect(labels[1]).toBe(`${new Date(noon).toLocaleDateString(undefined, { dateStyle: 'medium' })}, ${new Date(noon).toLocaleTimeString(undefined, { timeStyle: 'medium' })}`);
  });

  it('writes sizes in B, KB and MB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
