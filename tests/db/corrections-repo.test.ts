import { describe, expect, it } from 'vitest';
import { CorrectionRefused } from '@/utils/corrections/resolve';
import { correctKeys, loadResolver, readCorrections } from '@/utils/db/corrections-repo';
import { freshDb } from '../support/fresh-db';

const A = 'PERSON:Kim Jong-un';
const B = 'PERSON:Kim Jong Un';

describe('db/corrections-repo', () => {
  it('keeps a merge, and refuses the merge back (a loop) writing nothing', async (context) => {
    const db = await freshDb(context, 'corrections');
    expect(await correctKeys(db, { kind: 'merge', key: A, into: B }, 7)).toEqual({ changed: [{ key: A, mergedInto: B, updatedAt: 7 }], removed: [] });
    await expect(correctKeys(db, { kind: 'merge', key: B, into: A })).rejects.toThrow(CorrectionRefused);
    await expect(correctKeys(db, { kind: 'merge', key: B, into: A })).rejects.toThrow(/would make a loop/);
    expect(await readCorrections(db)).toEqual([{ key: A, mergedInto: B, updatedAt: 7 }]);
    expect((await loadResolver(db)).rootOf(A)).toBe(B);
  });

  it('splits a merge back out, leaving no empty record', async (context) => {
    const db = await freshDb(context, 'corrections');
    await correctKeys(db, { kind: 'merge', key: A, into: B });
    expect(await correctKeys(db, { kind: 'split', key: A })).toEqual({ changed: [], removed: [A] });
    expect(await db.corrections.count()).toBe(0);
  });
});
