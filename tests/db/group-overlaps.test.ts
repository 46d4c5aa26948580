import { describe, expect, it } from 'vitest';
import { correctKeys } from '@/utils/db/corrections-repo';
import type { GlossDb } from '@/utils/db/database';
import { entityPage } from '@/utils/db/entity-queries';
import { measureOverlap } from '@/utils/db/group-overlaps';
import { applyPending } from '@/utils/db/mentions-repo';
import { freshDb } from '../support/fresh-db';
import { readArticle } from '../support/reading';

const A = 'PERSON:Kim Jong-un';
const B = 'PERSON:Kim Jong Un';

const read = (db: GlossDb, id: string, publishedTime: string, siteName: string, keys: string[]) => readArticle(db, id, publishedTime, siteName, Object.fromEntries(keys.map((key) => [key, 1])));

describe('db/group-overlaps', () => {
  it('measures what merged keys share when they merge, keeps it up to date with readings, and forgets it on a split', async (context) => {
    const db = await freshDb(context, 'overlaps');
    await read(db, 'a1', '2024-05-20T00:00:00Z', 'KCNA', [A, B]);
    await read(db, 'a2', '2024-06-02T00:00:00Z', 'Rodong', [A]);
    await correctKeys(db, { kind: 'merge', key: A, into: B });
    expect(await db.groupOverlaps.get(B)).toEqual({ root: B, members: [B, A], articles: 1, months: { '2024-05': { articles: 1, outlets: { KCNA: 1 } } }, weeks: { '2024-W21': { articles: 1, outlets: { KCNA: 1 } } } });

    // A later reading naming both, and one read again naming only one: counted as they are applied.
    await read(db, 'a3', '2024-06-18T00:00:00Z', 'Rodong', [A, B]);
    await read(db, 'a1', '2024-05-20T00:00:00Z', 'KCNA', [B]);
    await applyPending(db);
    const kept = await db.groupOverlaps.get(B);
    expect(kept).toEqual(await measureOverlap(db, B, [B, A]));
    expect(kept).toMatchObject({ articles: 1, months: { '2024-06': { articles: 1, outlets: { Rodong: 1 } } } });
    expect((await entityPage(db, A))?.timeline.map((m) => [m.month, m.articles, m.byOutlet])).toEqual([
      ['2024-05', 1, { KCNA: 1 }],
      ['2024-06', 2, { Rodong: 2 }],
    ]);

    await correctKeys(db, { kind: 'split', key: A });
    expect(await db.groupOverlaps.count()).toBe(0);
  });
});
