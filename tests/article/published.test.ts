import { describe, expect, it } from 'vitest';
import { formatPublished, outletClock } from '@/utils/article/published';

describe('article/published', () => {
  it('shows an ISO time as a long date in the article language', () => {
    expect(formatPublished('2015-04-30T07:19:58', 'fr')).toBe('30 avril 2015');
    expect(formatPublished('2023-06-07T20:54:26.829Z', 'en')).toBe('June 7, 2023');
  });

  it('keeps the day the outlet wrote, whatever its offset', () => {
    expect(formatPublished('2024-05-20T00:30:00+09:00', 'en')).toBe('May 20, 2024');
    expect(formatPublished('2024-05-20T23:30:00-08:00', 'en')).toBe('May 20, 2024');
  });

  it("keeps the page's own string when it is not an ISO date", () => {
    expect(formatPublished('Spring 2024', 'en')).toBe('Spring 2024');
    expect(formatPublished('2024-02-30', 'en')).toBe('2024-02-30');
    expect(formatPublished('29/02/2024', 'en')).toBe('29/02/2024');
  });

  it('survives a language tag Intl refuses', () => {
    expect(formatPublished('2024-05-20T09:14:00+09:00', 'not a tag!!')).toMatch(/2024/);
  });

  it('shows nothing when there is no time', () => {
    expect(formatPublished(null, 'en')).toBeNull();
  });

  it("reads a time on the outlet's clock, as if it were UTC", () => {
    // 08:00 in Pyongyang is 23:00 UTC the day before: the outlet's day and hour are kept.
    expect(new Date(outletClock('2024-03-01T08:00:00+09:00') as number).toISOString()).toBe('2024-03-01T08:00:00.000Z');
    expect(new Date(outletClock('2024-05-20T23:30:00-08:00') as number).toISOString()).toBe('2024-05-20T23:30:00.000Z');
    expect(new Date(outletClock('2023-06-07T20:54:26.829123Z') as number).toISOString()).toBe('2023-06-07T20:54:26.829Z');
    expect(new Date(outletClock('2015-04-30 07:19') as number).toISOString()).toBe('2015-04-30T07:19:00.000Z');
  });

  it('reads a day without a time, or with a time that is none, as its midnight, and anything else as nothing', () => {
    expect(outletClock('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(outletClock('2024-03-01T25:00:00+09:00')).toBe(Date.UTC(2024, 2, 1));
    expect(outletClock('2024-02-30T08:00:00Z')).toBeNull();
    expect(outletClock('Fri, 01 Mar 2024 08:00:00 +0900')).toBeNull();
    expect(outletClock(null)).toBeNull();
  });
});
