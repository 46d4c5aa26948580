import { describe, expect, it } from 'vitest';
import type { GlossDb } from '@/utils/db/database';
import { ALL_OUTLETS, outletScope } from '@/utils/db/key-slices';
import { applyPending } from '@/utils/db/mentions-repo';
import { listEntitiesIn } from '@/utils/db/sliced-entities';
import { rangeCounts, splitRange } from '@/utils/db/slice-ranges';
import { seededRandom } from '../../scripts/lib/random.mjs';
import { freshDb } from '../support/fresh-db';
import { readArticle } from '../support/reading';

const OUTLETS = ['KCNA', 'Rodong Sinmun', 'Yonhap'];
const KEYS = ['PERSON:Kim Jong Un', 'PERSON:Pak Pong Ju', 'PLACE:Pyongyang', 'PLACE:Songchon County', 'ORG:Cabinet', 'ORG:WPK', 'TERM:self-reliance', 'TERM:20x10'];

/**
 * A library of `articles` articles from May 2022 to August 2025, each naming a few keys, then a
 * third of them read again (another day, outlet or keys; some naming nothing any more), counted in
 * two passes so that the second takes parts out of stored months and years.
 */
async function generated(db: GlossDb, articles: number): Promise<void> {
  const random = seededRandom(15);
  const start = Date.UTC(2022, 4, 1);
  const span = Date.UTC(2025, 8, 1) - start;
  const read = (i: number, naming = true) => {
    const counts = naming ? Object.fromEntries(KEYS.filter(() => random() < 0.4).map((key) => [key, 1 + Math.floor(random() * 5)])) : {};
    const time = new Date(start + Math.floor(random() * span)).toISOString();
    return readArticle(db, `a${i}`, time, OUTLETS[Math.floor(random() * OUTLETS.length)] as string, counts);
  };
  for (let i = 0; i < articles; i++) await read(i);
  await applyPending(db);
  for (let i = 0; i < articles; i += 3) await read(i, random() > 0.15);
  await applyPending(db);
}

describe('db/slice-ranges', () => {
  it('splits a range of months into the whole years inside and the months at either end', () => {
    expect(splitRange('', '\uffff')).toEqual({ years: ['', '\uffff'], months: [] });
    expect(splitRange('2023-01', '2024-12')).toEqual({ years: ['2023', '2024'], months: [] });
    expect(splitRange('2022-07', '2025-03')).toEqual({ years: ['2023', '2024'], months: [['2022-07', '2022-12'], ['2025-01', '2025-03']] });
    expect(splitRange('', '2024-05')).toEqual({ years: ['', '2023'], months: [['2024-01', '2024-05']] });
    expect(splitRange('2024-03', '\uffff')).toEqual({ years: ['2025', '\uffff'], months: [['2024-03', '2024-12']] });
    // No whole year inside: months only.
    expect(splitRange('2024-03', '2024-11')).toEqual({ years: null, months: [['2024-03', '2024-11']] });
    expect(splitRange('2023-05', '2024-02')).toEqual({ years: null, months: [['2023-05', '2024-02']] });
    expect(splitRange('2024-06', '2024-03')).toEqual({ years: null, months: [] });
  });

  it('gives, from whole years and ragged ends, what every month read one by one gives, for every outlet and range', async (context) => {
    const db = await freshDb(context, 'slice-ranges');
    await generated(db, 160);
    expect(await db.yearSlices.count()).toBe(4 * (OUTLETS.length + 1));
    const bounds = ['', '2022-05', '2022-06', '2022-12', '2023-01', '2023-02', '2024-01', '2024-07', '2024-12', '2025-08', '2025-09'];
    let compared = 0;
    for (const scope of [ALL_OUTLETS, ...OUTLETS.map(outletScope)]) {
      for (const from of bounds) {
        for (const to of [...bounds.slice(1), '\uffff']) {
          if (from > to) continue;
          const byYear = await rangeCounts(db, scope, from, to);
          expect(byYear, `${scope} ${from}..${to}`).toEqual(await rangeCounts(db, scope, from, to, { byYear: false }));
          compared += byYear.size;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // So the tables, which fold these counts, are the same; a ragged range of one outlet as shown:
    const rows = await listEntitiesIn(db, { outlet: 'KCNA', from: '2022-07', to: '2025-03' });
    const months = await rangeCounts(db, outletScope('KCNA'), '2022-07', '2025-03', { byYear: false });
    expect(rows.map((r) => [r.key, r.articles, r.mentions, r.within])).toEqual(
      [...months].sort(([a, x], [b, y]) => y.articles - x.articles || y.mentions - x.mentions || (a < b ? -1 : 1)).map(([key, c]) => [key, c.articles, c.mentions, { first: c.first, last: c.last }]),
    );
  });

  it('reads a whole year from its yearly record', async (context) => {
    const db = await freshDb(context, 'slice-ranges');
    await generated(db, 40);
    const year = await rangeCounts(db, ALL_OUTLETS, '2023-01', '2023-12');
    expect(year.size).toBeGreaterThan(0);
    await db.keySlices.where('[scope+month]').between([ALL_OUTLETS, '2023-01'], [ALL_OUTLETS, '2023-12'], true, true).delete();
    expect(await rangeCounts(db, ALL_OUTLETS, '2023-01', '2023-12')).toEqual(year);
    expect((await rangeCounts(db, ALL_OUTLETS, '2023-01', '2023-12', { byYear: false })).size).toBe(0);
  });
});
