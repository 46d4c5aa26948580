import { beforeEach, describe, expect, it } from 'vitest';
import type { GlossDb } from '@/utils/db/database';
import { freshDb } from '../support/fresh-db';
import { createWatchlist, deleteWatchlist, listWatchlists, updateWatchlist } from '@/utils/db/watchlists-repo';

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
});
