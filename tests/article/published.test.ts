import { describe, expect, it } from 'vitest';
import { formatPublished } from '@/utils/article/published';

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
});
