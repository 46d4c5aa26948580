import { describe, expect, it } from 'vitest';
import { correctKeys } from '@/utils/db/corrections-repo';
import type { GlossDb } from '@/utils/db/database';
import { entityWeeks } from '@/utils/db/entity-weeks';
import { weekOf, weekStart } from '@/utils/mentions/types';
import { freshDb } from '../support/fresh-db';
import { readArticle } from '../support/reading';

const A = 'PERSON:Kim Jong-un';
const B = 'PERSON:Kim Jong Un';

const read = (db: GlossDb, id: string, publishedTime: string, siteName: string, keys: string[]) =>
  readArticle(db, id, publishedTime, siteName, Object.fromEntries(keys.map((key) => [key, 2])), { spelled: false });

describe('mentions/types weeks', () => {
  it('names ISO weeks, Monday first, the year that of their Thursday', () => {
    expect(weekOf(Date.parse('2024-06-17T00:00:00Z'))).toBe('2024-W25'); // a Monday
    expect(weekOf(Date.parse('2024-06-23T23:59:59Z'))).toBe('2024-W25'); // the Sunday after
    expect(weekOf(Date.parse('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(weekOf(Date.parse('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(weekOf(Date.parse('1900-01-01T00:00:00Z'))).toBe('1900-W01');
    expect(new Date(weekStart('2025-W01')).toISOString()).toBe('2024-12-30T00:00:00.000Z');
    expect(new Date(weekStart('2020-W53')).toISOString()).toBe('2020-12-28T00:00:00.000Z');
    for (let day = Date.UTC(2019, 11, 20); day < Date.UTC(2021, 1, 1); day += 86_400_000) {
      expect(weekStart(weekOf(day + 3_600_000))).toBe(day - (((new Date(day).getUTCDay() + 6) % 7) * 86_400_000));
    }
  });
});

describe('db/entity-weeks', () => {
  it('counts a key’s articles and mentions per week and outlet, and follows a reading again', async (context) => {
    const db = await freshDb(context, 'weeks');
    await read(db, 'a1', '2024-06-17T08:00:00Z', 'KCNA', [B]);
    await read(db, 'a2', '2024-06-23T20:00:00Z', 'Rodong', [B]);
    await read(db, 'a3', '2024-07-01T00:00:00Z', 'KCNA', [B]);
    expect(await entityWeeks(db, B)).toEqual([
      { week: '2024-W25', articles: 2, mentions: 4, byOutlet: { KCNA: 1, Rodong: 1 } },
      { week: '2024-W27', articles: 1, mentions: 2, byOutlet: { KCNA: 1 } },
    ]);
    await read(db, 'a2', '2024-06-24T01:00:00Z', 'Rodong', [B]);
    expect((await entityWeeks(db, B))?.map((w) => [w.week, w.articles])).toEqual([
      ['2024-W25', 1],
      ['2024-W26', 1],
      ['2024-W27', 1],
    ]);
    expect(await entityWeeks(db, 'PERSON:Nobody')).toBeNull();
  });

  it('shows merged keys as their root, an article naming both counted once in its week', async (context) => {
    const db = await freshDb(context, 'weeks-merged');
    await read(db, 'a1', '2024-05-31T10:00:00Z', 'KCNA', [A, B]);
    await read(db, 'a2', '2024-06-02T10:00:00Z', 'Rodong', [A]);
    await correctKeys(db, { kind: 'merge', key: A, into: B });
    // 2024-05-31 (Friday) and 2024-06-02 (Sunday) are one week across two months.
    expect(await entityWeeks(db, A)).toEqual([{ week: '2024-W22', articles: 2, mentions: 6, byOutlet: { KCNA: 1, Rodong: 1 } }]);
    expect((await db.groupOverlaps.get(B))?.weeks).toEqual({ '2024-W22': { articles: 1, outlets: { KCNA: 1 } } });
    // A reading after the merge is counted in the kept overlap's weeks too.
    await read(db, 'a3', '2024-06-12T10:00:00Z', 'KCNA', [A, B]);
    expect((await entityWeeks(db, B))?.map((w) => [w.week, w.articles])).toEqual([
      ['2024-W22', 2],
      ['2024-W24', 1],
    ]);
    // An overlap kept before weeks were counted is measured for the week view.
    const kept = await db.groupOverlaps.get(B);
    if (kept) await db.groupOverlaps.put({ ...kept, weeks: undefined });
    expect((await entityWeeks(db, B))?.map((w) => [w.week, w.articles])).toEqual([
      ['2024-W22', 2],
      ['2024-W24', 1],
    ]);
  });
});
