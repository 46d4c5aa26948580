import { describe, expect, it } from 'vitest';
import { recognizeInSlices, recognizerFor, slicesOf } from '@/entrypoints/background/recognizer';
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

describe('background/recognizer in slices', () => {
  it('cuts a long text at paragraph breaks, else at spaces, into slices no longer than asked', () => {
    expect(slicesOf('aaaa\nbbbb\ncccc', 9)).toEqual([[0, 9], [9, 14]]);
    expect(slicesOf('aaa bbb ccc', 5)).toEqual([[0, 3], [3, 7], [7, 11]]);
    expect(slicesOf('abcdefghij', 4)).toEqual([[0, 4], [4, 8], [8, 10]]);
    expect(slicesOf('short', 9)).toEqual([[0, 5]]);
  });

  it('finds in a long text, slice by slice, what it finds in each paragraph, at the right offsets', async (context) => {
    const db = await freshDb(context, 'recognizer-slices');
    const recognizer = await recognizerFor(db);
    const paragraph = 'Kim Jong Un visited Pyongyang on Feb. 28, 2024, and spoke of the Kaesong complex.';
    const text = Array.from({ length: 2000 }, () => paragraph).join('\n');
    const { spans } = await recognizeInSlices(recognizer, text);
    const one = recognizer.recognize(paragraph);
    expect(one.length).toBeGreaterThan(1);
    expect(spans.length).toBe(one.length * 2000);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(paragraph.slice(...offsetIn(span.start, span.end)));
  });
});

/** Where a span of the repeated text falls within its own paragraph. */
const offsetIn = (start: number, end: number): [number, number] => {
  const length = 'Kim Jong Un visited Pyongyang on Feb. 28, 2024, and spoke of the Kaesong complex.'.length + 1;
  return [start % length, (start % length) + (end - start)];
};
