import { describe, expect, it } from 'vitest';
import { parsePeriod, parseQuery } from '@/utils/search/query';

const day = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

describe('search/query', () => {
  it('reads plain words as folded search words', () => {
    expect(parseQuery('  Kim Jong-un  Séoul ')).toEqual({
      filter: { words: ['kim', 'jong', 'un', 'seoul'], phrases: [], tags: [], colors: [], outlets: [] },
      issues: [],
    });
  });

  it('reads tags, bare or quoted', () => {
    const { filter } = parseQuery('tag:juche tag:"self  reliance" TAG:Juche missile');
    expect(filter.tags).toEqual(['juche', 'self reliance', 'Juche']);
    expect(filter.words).toEqual(['missile']);
  });

  it('reads colors and reports one that is not a color', () => {
    const { filter, issues } = parseQuery('color:green color:Blue color:black');
    expect(filter.colors).toEqual(['green', 'blue']);
    expect(issues).toEqual([{ term: 'color:black', message: expect.stringContaining('"black" is not a color') }]);
  });

  it('reads quoted outlets with spaces, curly quotes too', () => {
    expect(parseQuery('outlet:"BBC News" outlet:“Yonhap News Agency”').filter.outlets).toEqual(['BBC News', 'Yonhap News Agency']);
  });

  it('reads from and to as local days, the to day included', () => {
    const { filter, issues } = parseQuery('from:2026-01-01 to:2026-03-01');
    expect(filter.from).toBe(day(2026, 1, 1));
    expect(filter.before).toBe(day(2026, 3, 2));
    expect(issues).toEqual([]);
  });

  it('reads a month or a year as the whole period', () => {
    expect(parseQuery('from:2026-02').filter.from).toBe(day(2026, 2, 1));
    expect(parseQuery('to:2026-02').filter.before).toBe(day(2026, 3, 1));
    expect(parseQuery('to:2025').filter.before).toBe(day(2026, 1, 1));
    expect(parsePeriod('2024-02-29')).toEqual({ start: day(2024, 2, 29), end: day(2024, 3, 1) });
  });

  it('leaves out a date that does not exist and says why; the rest still runs', () => {
    for (const bad of ['2026-02-30', '2026-13-01', 'yesterday', '01/02/2026', '2026-1-1x']) {
      const { filter, issues } = parseQuery(`from:${bad} seoul`);
      expect(filter.from).toBeUndefined();
      expect(filter.words).toEqual(['seoul']);
      expect(issues).toEqual([{ term: `from:${bad}`, message: expect.stringContaining('is not a date') }]);
    }
  });

  it('reports a range that ends before it starts', () => {
    const { filter, issues } = parseQuery('from:2026-03-01 to:2026-01-01');
    expect(filter.from).toBe(day(2026, 3, 1));
    expect(issues[0]?.message).toMatch(/"from" date is after the "to" date/);
  });

  it('reports a filter without a value', () => {
    const { filter, issues } = parseQuery('tag: seoul outlet:""');
    expect(filter.tags).toEqual([]);
    expect(filter.words).toEqual(['seoul']);
    expect(issues.map((issue) => issue.message)).toEqual(['tag: needs a value', 'outlet: needs a value']);
  });

  it('reads quoted phrases, and an unclosed quote to the end', () => {
    const { filter } = parseQuery('"Kim Jong Un" visit "the  Workers’ Party');
    expect(filter.phrases).toEqual(['Kim Jong Un', 'the Workers’ Party']);
    expect(filter.words).toEqual(['visit']);
  });

  it('reads unknown names and times as words', () => {
    // Dots join like apostrophes: "x.example" asks the word stored for the whole name.
    expect(parseQuery('re: meeting at 10:30 http://x.example').filter.words).toEqual(['re', 'meeting', '10', '30', 'http', 'xexample']);
  });

  it('reads an empty box as an empty filter', () => {
    expect(parseQuery('')).toEqual({ filter: { words: [], phrases: [], tags: [], colors: [], outlets: [] }, issues: [] });
  });
});
