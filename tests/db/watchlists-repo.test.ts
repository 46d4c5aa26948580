import { beforeEach, describe, expect, it } from 'vitest';
import type { GlossDb } from '@/utils/db/database';
import { freshDb } from '../support/fresh-db';
import { addTerm, createWatchlist, deleteWatchlist, listWatchlists, updateWatchlist } from '@/utils/db/watchlists-repo';

describe('db/watchlists-repo', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    db = await freshDb(context, 'watchlists');
  });

  it('creates a watchlist, keeping good entries and reporting bad ones', async () => {
    const { watchlist, problems } = await createWatchlist(
      db,
      { name: ' Sanctions ', terms: [{ term: ' maximum pressure ', note: 'US policy 2017–' }, { term: '' }, { term: 'snapback', aliases: ['snap-back'] }] },
      1000,
    );
    expect(watchlist).toMatchObject({ name: 'Sanctions', createdAt: 1000, updatedAt: 1000 });
    expect(watchlist.terms).toEqual([
      { term: 'maximum pressure', note: 'US policy 2017–' },
      { term: 'snapback', aliases: ['snap-back'] },
    ]);
    expect(problems).toEqual([{ list: 'check', index: 1, message: 'Entry 2 of "Sanctions" has no term' }]);
    expect(await listWatchlists(db)).toEqual([watchlist]);
  });

  it('edits a watchlist and keeps when it was made', async () => {
    const { watchlist } = await createWatchlist(db, { name: 'Mine', terms: [{ term: 'a b' }] }, 1000);
    const { watchlist: edited } = await updateWatchlist(db, watchlist.id, { name: 'Renamed', terms: [{ term: 'c d' }] }, 2000);
    expect(edited).toMatchObject({ id: watchlist.id, name: 'Renamed', createdAt: 1000, updatedAt: 2000, terms: [{ term: 'c d' }] });
  });

  it('deletes a watchlist', async () => {
    const { watchlist } = await createWatchlist(db, { name: 'Gone', terms: [] });
    await deleteWatchlist(db, watchlist.id);
    expect(await listWatchlists(db)).toEqual([]);
  });

  it('refuses a nameless list, an unknown id, and an oversized list, and writes nothing', async () => {
    await expect(createWatchlist(db, { name: '  ', terms: [] })).rejects.toThrow('A watchlist needs a name');
    await expect(updateWatchlist(db, 'nope', { name: 'x', terms: [] })).rejects.toThrow('No watchlist nope');
    await expect(createWatchlist(db, { name: 'Huge', terms: new Array(100_001).fill({ term: 'x' }) })).rejects.toThrow('at most 100,000 terms');
    expect(await db.watchlists.count()).toBe(0);
  });

  describe('addTerm (the entity card’s “Add to a watchlist”)', () => {
    it('adds a name with its other spellings to a list the reader has', async () => {
      const { watchlist } = await createWatchlist(db, { name: 'Officials', terms: [{ term: 'Pak Pong Ju' }] }, 1000);
      const { watchlist: after, added } = await addTerm(db, { id: watchlist.id }, { term: 'Kim Jong Un', aliases: ['Kim Chŏng-ŭn'] }, 2000);
      expect(added).toBe(true);
      expect(after).toMatchObject({ id: watchlist.id, name: 'Officials', createdAt: 1000, updatedAt: 2000 });
      expect((await listWatchlists(db))[0]!.terms).toEqual([{ term: 'Pak Pong Ju' }, { term: 'Kim Jong Un', aliases: ['Kim Chŏng-ŭn'] }]);
    });

    it('does not add a name the list already holds, under any of its spellings or in another case', async () => {
      const { watchlist } = await createWatchlist(db, { name: 'Officials', terms: [{ term: 'Kim Jong Un', aliases: ['Kim Jong-un'] }] }, 1000);
      const again = await addTerm(db, { id: watchlist.id }, { term: 'KIM JONG-UN' }, 2000);
      expect(again.added).toBe(false);
      expect(again.watchlist.updatedAt).toBe(1000);
      expect((await listWatchlists(db))[0]!.terms).toHaveLength(1);
    });

    it('makes a new list for the name', async () => {
      const { watchlist, added } = await addTerm(db, { name: ' Counties ' }, { term: 'Songchon County' }, 3000);
      expect(added).toBe(true);
      expect(await listWatchlists(db)).toEqual([{ ...watchlist, name: 'Counties', terms: [{ term: 'Songchon County' }] }]);
    });

    it('refuses an entry it cannot use, a gone list, and a nameless new one, and writes nothing', async () => {
      const { watchlist } = await createWatchlist(db, { name: 'Mine', terms: [] }, 1000);
      await expect(addTerm(db, { id: watchlist.id }, { term: '   ' })).rejects.toThrow(/^Not added/);
      await expect(addTerm(db, { id: 'gone' }, { term: 'Kim Jong Un' })).rejects.toThrow('That watchlist is gone');
      await expect(addTerm(db, { name: ' ' }, { term: 'Kim Jong Un' })).rejects.toThrow('A watchlist needs a name');
      expect(await listWatchlists(db)).toEqual([watchlist]);
    });
  });
});
