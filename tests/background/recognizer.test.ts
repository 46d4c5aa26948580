import { describe, expect, it } from 'vitest';
import { recognizerFor } from '@/entrypoints/background/recognizer';
import { createWatchlist, deleteWatchlist, updateWatchlist } from '@/utils/db/watchlists-repo';
import { freshDb } from '../support/fresh-db';

const TEXT = 'Talk of the snapback mechanism grew, and of the Kaesong complex.';
const terms = async (db: Parameters<typeof recognizerFor>[0]) =>
  (await recognizerFor(db))
    .recognize(TEXT)
    .filter((span) => span.list?.startsWith('watchlist:'))
    .map((span) => span.key);

describe('background/recognizer', () => {
  it("follows the reader's watchlists as they are made, edited and deleted", async (context) => {
    const db = await freshDb(context, 'recognizer');
    expect(await terms(db)).toEqual([]);
    const { watchlist } = await createWatchlist(db, { name: 'Mine', terms: [{ term: 'snapback mechanism' }] }, 1000);
    expect(await terms(db)).toEqual(['snapback mechanism']);
    await updateWatchlist(db, watchlist.id, { name: 'Mine', terms: [{ term: 'Kaesong complex' }] }, 2000);
    expect(await terms(db)).toEqual(['Kaesong complex']);
    await deleteWatchlist(db, watchlist.id);
    expect(await terms(db)).toEqual([]);
  });
});
