import { describe, expect, it } from 'vitest';
import { foundWatchedTerm, keepsReading } from '@/utils/versions/policy';

const facts = (annotated: boolean, watched: boolean, hasVersions = false) => ({ annotated, watched, hasVersions });

describe('versions/policy', () => {
  it('by default keeps annotated articles and those where a watchlist term was found', () => {
    expect([facts(false, false), facts(true, false), facts(false, true)].map((f) => keepsReading(undefined, f))).toEqual([false, true, true]);
    expect(keepsReading('annotated-or-watched', facts(false, true))).toBe(true);
  });

  it('keeps every article, or only annotated ones, when the reader says so', () => {
    expect(keepsReading('all', facts(false, false))).toBe(true);
    expect([facts(false, true), facts(true, false)].map((f) => keepsReading('annotated', f))).toEqual([false, true]);
  });

  it('keeps an article that has versions already, whatever the choice', () => {
    expect(keepsReading('annotated', facts(false, false, true))).toBe(true);
  });

  it('counts a term of the reader’s watchlists, not of the built-in lists', () => {
    const term = (list?: string) => ({ start: 0, end: 3, type: 'TERM' as const, key: 'k', ...(list && { list }) });
    expect(foundWatchedTerm([term('dprk-policy'), term('public-policy'), term()])).toBe(false);
    expect(foundWatchedTerm([{ start: 0, end: 3, type: 'PERSON', key: 'k', list: 'watchlist:w' }])).toBe(false);
    expect(foundWatchedTerm([term('watchlist:w1')])).toBe(true);
  });
});
