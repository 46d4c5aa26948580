import { beforeEach, describe, expect, it } from 'vitest';
import { correctKeys } from '@/utils/db/corrections-repo';
import type { GlossDb } from '@/utils/db/database';
import { listEntities } from '@/utils/db/entity-queries';
import { sliceBounds } from '@/utils/db/key-slices';
import { listEntitiesIn } from '@/utils/db/sliced-entities';
import { freshDb } from '../support/fresh-db';
import { readArticle } from '../support/reading';

const KIM = 'PERSON:Kim Jong Un';
const KIM2 = 'PERSON:Kim Jong-un';
const PY = 'PLACE:Pyongyang';

/** Files an article naming each of `counts`' keys that many times, as a reading would. */
const read = (db: GlossDb, id: string, publishedTime: string, siteName: string, counts: Record<string, number>) => readArticle(db, id, publishedTime, siteName, counts, { spelled: false });

const figures = (rows: { key: string; articles: number; mentions: number }[]) => rows.map((r) => [r.key, r.articles, r.mentions]);

describe('db/sliced-entities', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    db = await freshDb(context, 'sliced');
    await read(db, 'a1', '2024-03-10T00:00:00Z', 'KCNA', { [KIM]: 3, [PY]: 1 });
    await read(db, 'a2', '2024-03-20T00:00:00Z', 'Yonhap', { [KIM]: 2, [KIM2]: 1 });
    await read(db, 'a3', '2024-05-02T00:00:00Z', 'KCNA', { [PY]: 4, [KIM2]: 2 });
    await read(db, 'a4', '2024-06-30T23:59:59Z', 'KCNA', { [PY]: 1 });
  });

  it('counts articles and mentions within an outlet, a range of months, or both, most named first', async () => {
    expect(figures(await listEntitiesIn(db, { outlet: 'KCNA' }))).toEqual([
      [PY, 3, 6],
      [KIM, 1, 3],
      [KIM2, 1, 2],
    ]);
    expect(figures(await listEntitiesIn(db, { from: '2024-03', to: '2024-03' }))).toEqual([
      [KIM, 2, 5],
      [KIM2, 1, 1],
      [PY, 1, 1],
    ]);
    expect(figures(await listEntitiesIn(db, { outlet: 'KCNA', from: '2024-04' }))).toEqual([
      [PY, 2, 5],
      [KIM2, 1, 2],
    ]);
    const [py] = await listEntitiesIn(db, { from: '2024-04', to: '2024-06' });
    expect(py).toMatchObject({ name: 'Pyongyang', type: 'PLACE', within: { first: '2024-05', last: '2024-06' } });
  });

  it('gives the whole table’s figures for a slice of everything', async () => {
    const whole = await listEntities(db);
    // Ties may come in another order: the whole table's is its index's.
    const byKey = (rows: (string | number)[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byKey(figures(await listEntitiesIn(db, {})))).toEqual(byKey(figures(whole)));
  });

  it('answers an outlet no article names, or months in the wrong order, with no rows', async () => {
    expect(await listEntitiesIn(db, { outlet: 'Nowhere' })).toEqual([]);
    expect(await listEntitiesIn(db, { from: '2024-06', to: '2024-03' })).toEqual([]);
  });

  it('folds merged keys into their root, counting an article that names both once, and leaves hidden ones out', async () => {
    await correctKeys(db, { kind: 'merge', key: KIM2, into: KIM });
    // a2 names both: 3 articles in all, 2 of them in March; mentions are summed (3 + 2 + 1 + 2).
    expect(figures(await listEntitiesIn(db, {}))[0]).toEqual([KIM, 3, 8]);
    expect(figures(await listEntitiesIn(db, { to: '2024-03' }))[0]).toEqual([KIM, 2, 6]);
    expect(figures(await listEntitiesIn(db, { outlet: 'Yonhap' }))).toEqual([[KIM, 1, 3]]);
    expect((await listEntitiesIn(db, {}))[0]).toMatchObject({ merged: [KIM2] });
    await correctKeys(db, { kind: 'hide', key: PY, hidden: true });
    expect(figures(await listEntitiesIn(db, { outlet: 'KCNA' }))).toEqual([[KIM, 2, 5]]);
    expect(figures(await listEntitiesIn(db, { outlet: 'KCNA' }, { hidden: true }))[0]).toEqual([PY, 3, 6]);
  });

  it('filters by type and pages through the rows', async () => {
    expect(figures(await listEntitiesIn(db, { outlet: 'KCNA' }, { type: 'PLACE' }))).toEqual([[PY, 3, 6]]);
    expect(figures(await listEntitiesIn(db, { outlet: 'KCNA' }, { offset: 1, limit: 1 }))).toEqual([[KIM, 1, 3]]);
  });

  it('follows a reading again: a changed outlet or date moves its counts', async () => {
    await read(db, 'a1', '2024-07-01T00:00:00Z', 'Yonhap', { [KIM]: 1 });
    expect(figures(await listEntitiesIn(db, { outlet: 'KCNA' }))).toEqual([
      [PY, 2, 5],
      [KIM2, 1, 2],
    ]);
    expect(figures(await listEntitiesIn(db, { from: '2024-07' }))).toEqual([[KIM, 1, 1]]);
    expect(await sliceBounds(db)).toEqual({ outlets: ['KCNA', 'Yonhap'], first: '2024-03', last: '2024-07' });
  });
});
