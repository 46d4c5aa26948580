import { beforeEach, describe, expect, it } from 'vitest';
import { correctKeys } from '@/utils/db/corrections-repo';
import type { GlossDb } from '@/utils/db/database';
import { listEntities } from '@/utils/db/entity-queries';
import { applyPending } from '@/utils/db/mentions-repo';
import { MOST_NAMED_ID, MOST_NAMED_ROWS, mostNamedAfter, mostNamedFromIndex, mostNamedOrder, readMostNamed, type MostNamed } from '@/utils/db/most-named';
import { recountPeriods } from '@/utils/db/periods-from-mentions';
import type { EntitySummary } from '@/utils/mentions/types';
import { freshDb } from '../support/fresh-db';
import { readArticle } from '../support/reading';

const summary = (key: string, articles: number): EntitySummary => ({ key, type: 'PERSON', name: key.slice(7), variants: [], articles, mentions: articles, firstSeen: 0, lastSeen: 0 });
/** A full record: keys k000 (the most named) to k299, each in one article fewer than the one before. */
const full = (): MostNamed => ({ id: MOST_NAMED_ID, rows: Array.from({ length: MOST_NAMED_ROWS }, (_, i) => summary(`PERSON:k${String(i).padStart(3, '0')}`, 1_000 - i)) });
const keysOf = (record: MostNamed | null | undefined) => record?.rows.map((row) => row.key);

/** `n` keys PERSON:n000…, the i-th named in n - i articles (so the first is the most named). */
async function libraryOf(db: GlossDb, n: number): Promise<string[]> {
  const keys = Array.from({ length: n }, (_, i) => `PERSON:n${String(i).padStart(3, '0')}`);
  for (let a = 0; a < n; a++) await readArticle(db, `a${a}`, '2024-03-01T00:00:00Z', 'KCNA', Object.fromEntries(keys.slice(0, n - a).map((key) => [key, 1])));
  await applyPending(db);
  return keys;
}

describe('db/most-named', () => {
  it('orders as the articles index read backwards: more articles first, then the later key', () => {
    const rows = [summary('PERSON:a', 2), summary('PERSON:c', 5), summary('PERSON:b', 2)].sort(mostNamedOrder);
    expect(rows.map((r) => r.key)).toEqual(['PERSON:c', 'PERSON:b', 'PERSON:a']);
  });

  it('follows a pass that adds articles, brings a key in from outside and takes one out', () => {
    const after = mostNamedAfter(full(), [summary('PERSON:k150', 2_000), summary('PERSON:outside', 900)], ['PERSON:k010']);
    expect(after?.rows).toHaveLength(MOST_NAMED_ROWS);
    expect(keysOf(after)?.slice(0, 2)).toEqual(['PERSON:k150', 'PERSON:k000']);
    expect(keysOf(after)).toContain('PERSON:outside');
    expect(keysOf(after)).not.toContain('PERSON:k010');
    // One in, one out: the last row of before stays, now behind the key from outside.
    expect(keysOf(after)?.at(-1)).toBe('PERSON:k299');
    expect(mostNamedAfter(full(), [summary('PERSON:outside', 900)], [])?.rows.at(-1)?.key).toBe('PERSON:k298');
  });

  it('cannot tell a full record whose keys lost articles, as a key left out may now rank in it', () => {
    expect(mostNamedAfter(full(), [summary('PERSON:k000', 1)], [])).toBeNull();
    expect(mostNamedAfter(full(), [], ['PERSON:k000'])).toBeNull();
    // A record of fewer keys holds every key: it is never short.
    const few: MostNamed = { id: MOST_NAMED_ID, rows: [summary('PERSON:x', 3), summary('PERSON:y', 2)] };
    expect(keysOf(mostNamedAfter(few, [summary('PERSON:x', 1)], ['PERSON:y']))).toEqual(['PERSON:x']);
  });

  describe('as applyPending keeps it', () => {
    let db: GlossDb;
    beforeEach(async (context) => {
      db = await freshDb(context, 'most-named');
    });

    it('holds what the index holds, as readings add, change and take away articles', async () => {
      const keys = await libraryOf(db, MOST_NAMED_ROWS + 20);
      const fromIndex = async () => keysOf(await mostNamedFromIndex(db));
      expect(keysOf(await readMostNamed(db))).toEqual(await fromIndex());
      expect((await readMostNamed(db))?.rows[0]).not.toHaveProperty('words');
      // A key of the tail named in many more articles comes in.
      for (let a = 0; a < 40; a++) await readArticle(db, `b${a}`, '2024-04-01T00:00:00Z', 'KCNA', { [keys.at(-1) as string]: 1 });
      await applyPending(db);
      expect(keysOf(await readMostNamed(db))).toContain(keys.at(-1));
      expect(keysOf(await readMostNamed(db))).toEqual(await fromIndex());
      // The first articles read again naming one key only: the most named lose articles, the
      // record falls short and is read again.
      for (let a = 0; a < 5; a++) await readArticle(db, `a${a}`, '2024-03-01T00:00:00Z', 'KCNA', { [keys[1] as string]: 1 });
      await applyPending(db);
      expect(keysOf(await readMostNamed(db))).toEqual(await fromIndex());
    });

    it('is read from the index by the first pass that finds none, and again after the periods are counted anew', async () => {
      await libraryOf(db, 5);
      await db.articleCounts.delete(MOST_NAMED_ID);
      expect(await applyPending(db)).toBe(0);
      expect(keysOf(await readMostNamed(db))).toEqual(['PERSON:n000', 'PERSON:n001', 'PERSON:n002', 'PERSON:n003', 'PERSON:n004']);
      await recountPeriods(db);
      expect(await readMostNamed(db)).toBeUndefined();
    });

    it('gives the table the rows the index gives, with keys merged and hidden', async () => {
      const keys = await libraryOf(db, MOST_NAMED_ROWS + 20);
      await correctKeys(db, { kind: 'merge', key: keys[5] as string, into: keys[310] as string });
      await correctKeys(db, { kind: 'hide', key: keys[2] as string, hidden: true });
      const kept = await listEntities(db, { limit: 100 });
      expect(kept).toHaveLength(100);
      expect(kept.map((row) => row.key)).not.toContain(keys[2]);
      expect(kept.find((row) => row.key === keys[310])?.merged).toEqual([keys[5]]);
      // The same rows when the table asks for more than the record holds (from the index).
      expect((await listEntities(db, { limit: 310 })).slice(0, 100)).toEqual(kept);
    });
  });
});
