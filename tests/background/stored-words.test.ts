import { beforeEach, describe, expect, it } from 'vitest';
import { storeWordsOfOlderAnnotations } from '@/entrypoints/background/stored-words';
import { describeText } from '@/utils/anchoring/selectors';
import { storedAnnotation, WORDS_STEP } from '@/utils/db/annotations-repo';
import type { GlossDb, StoredAnnotation } from '@/utils/db/database';
import { annotationsLabelled, labelsOf, listedWords, PAIR_LIST_FROM, SHORT_PAIRS, shortPairsStored, wordTerm } from '@/utils/db/labels';
import { searchLibrary } from '@/utils/search/search';
import { searchTokens } from '@/utils/search/tokens';
import { smallWordPairs } from '@/utils/search/words';
import { textHash } from '@/utils/text/hash';
import { freshDb } from '../support/fresh-db';

const TEXT = 'They went to the up country, and to the hills.';
const theUp = smallWordPairs(searchTokens('the up'))[0]!;
const toThe = smallWordPairs(searchTokens('to the'))[0]!;

/** An annotation as Gloss stored it before short words were paired: without "the up". */
function storedBefore(i: number, quote: string): StoredAnnotation {
  const start = TEXT.indexOf(quote);
  const { quote: q, position } = describeText(TEXT, start, start + quote.length);
  const made = storedAnnotation({ id: `n${String(i).padStart(5, '0')}`, articleId: 'https://kcna.example/a', quote: q, position, color: 'yellow', note: '', tags: [], textHash: textHash(TEXT), rev: 1, createdAt: i, updatedAt: i }, undefined);
  return { ...made, words: made.words.filter((word) => word !== theUp) };
}

describe('background/stored-words', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    db = await freshDb(context, 'stored-words');
    // As a database made before version 18 is: its labels say nothing of short pairs.
    await db.labels.delete(SHORT_PAIRS);
  });

  it('has nothing to do in a database made with pairs of short words', async (context) => {
    const made = await freshDb(context, 'stored-words-new');
    expect(await shortPairsStored(made.labels)).toBe(true);
    expect(await storeWordsOfOlderAnnotations(made)).toBe(0);
  });

  it('gives the annotations stored before their short words’ pairs, in steps, lists the common ones, and then lets searches ask for them', async () => {
    // More than a step; "the up" in PAIR_LIST_FROM of them (a list once they have it), "to the" in all.
    const records = Array.from({ length: PAIR_LIST_FROM + 20 }, (_, i) => storedBefore(i, i < PAIR_LIST_FROM ? 'went to the up country' : 'to the hills'));
    expect(records.length).toBeGreaterThan(WORDS_STEP);
    await db.annotations.bulkAdd(records);
    expect(await shortPairsStored(db.labels)).toBe(false);
    const before = await searchLibrary(db, '"to the up"', { limit: 1000 });

    expect(await storeWordsOfOlderAnnotations(db)).toBe(Math.ceil(records.length / WORDS_STEP) + 1);
    expect((await db.annotations.get('n00000'))?.words).toContain(theUp);
    expect((await db.annotations.get(records.at(-1)!.id))?.words).not.toContain(theUp);
    expect(await shortPairsStored(db.labels)).toBe(true);
    const listed = await listedWords(db.labels);
    expect([...listed].sort()).toEqual([theUp, toThe].sort());
    expect((await annotationsLabelled(db, wordTerm(theUp))).length).toBe(PAIR_LIST_FROM);
    // Every label the stored annotations carry is in its list.
    for (const annotation of await db.annotations.toArray()) {
      for (const term of labelsOf(annotation, listed).filter((t) => t.startsWith('\u0005'))) expect(await annotationsLabelled(db, term)).toContain(annotation.id);
    }
    const after = await searchLibrary(db, '"to the up"', { limit: 1000 });
    expect(after.total).toBe(PAIR_LIST_FROM);
    expect(after.annotations.map((a) => a.id)).toEqual(before.annotations.map((a) => a.id));
    // Done once: the next worker finds it done.
    expect(await storeWordsOfOlderAnnotations(db)).toBe(0);
  });

  it('marks an empty library done at once', async () => {
    expect(await storeWordsOfOlderAnnotations(db)).toBe(1);
    expect(await shortPairsStored(db.labels)).toBe(true);
  });
});
