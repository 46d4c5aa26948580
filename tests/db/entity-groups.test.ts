import { describe, expect, it } from 'vitest';
import { resolver } from '@/utils/corrections/resolve';
import type { GlossDb } from '@/utils/db/database';
import { groupTotals } from '@/utils/db/entity-groups';
import { applyPending } from '@/utils/db/mentions-repo';
import { freshDb } from '../support/fresh-db';
import { readArticle } from '../support/reading';

const A = 'PERSON:Kim Jong-un';
const B = 'PERSON:Kim Jong Un';

const read = (db: GlossDb, id: string, publishedTime: string, siteName: string, found: [key: string, count: number][]) => readArticle(db, id, publishedTime, siteName, Object.fromEntries(found));

describe('db/entity-groups', () => {
  it('folds a root’s members into one summary and timeline, an article naming both counted once', async (context) => {
    const db = await freshDb(context, 'groups');
    await read(db, 'a1', '2024-05-20T00:00:00Z', 'KCNA', [[B, 3]]);
    await read(db, 'a2', '2024-06-02T00:00:00Z', 'Rodong', [[A, 2], [B, 1]]);
    await read(db, 'a3', '2024-06-18T00:00:00Z', 'Rodong', [[A, 4]]);
    await applyPending(db);
    const totals = await groupTotals(db, resolver([{ key: A, mergedInto: B, updatedAt: 1 }, { key: B, name: 'Marshal Kim', updatedAt: 1 }]), B);
    expect(totals?.summary).toMatchObject({
      key: B, name: 'Marshal Kim', recognizedName: 'Kim Jong Un', variants: ['Kim Jong Un', 'Kim Jong-un'], merged: [A],
      articles: 3, mentions: 10, firstSeen: Date.parse('2024-05-20T00:00:00Z'), lastSeen: Date.parse('2024-06-18T00:00:00Z'),
    });
    expect(totals?.timeline.months).toEqual({
      '2024-05': { articles: 1, mentions: 3, outlets: { KCNA: 1 } },
      '2024-06': { articles: 2, mentions: 7, outlets: { Rodong: 2 } },
    });
  });

  it('answers null for a root none of whose keys is named', async (context) => {
    const db = await freshDb(context, 'groups');
    expect(await groupTotals(db, resolver([{ key: A, mergedInto: B, updatedAt: 1 }]), B)).toBeNull();
  });
});
