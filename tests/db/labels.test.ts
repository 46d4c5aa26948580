import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { describeText } from '@/utils/anchoring/selectors';
import { createAnnotation, deleteAnnotation, restoreAnnotation, storedAnnotation, updateAnnotation, type NewAnnotation } from '@/utils/db/annotations-repo';
import { recordArticle } from '@/utils/db/articles-repo';
import { GlossDb, type StoredAnnotation } from '@/utils/db/database';
import { annotationsLabelled, colorTerm, commonWords, labelsOf, LIST_FROM, listedWords, listWords, PAIR_LIST_FROM, SHARDS, tagTerm, wordTerm, writeLabels } from '@/utils/db/labels';
import { SCHEMA_HISTORY } from '@/utils/db/schema';
import { importLibrary } from '@/utils/export/import-library';
import { searchTokens } from '@/utils/search/tokens';
import { outletKey, smallWordPairs } from '@/utils/search/words';
import { textHash } from '@/utils/text/hash';
import { freshDb } from '../support/fresh-db';

const TEXT = 'The Cabinet of the DPRK met in Pyongyang. Premier Pak Pong Ju spoke on the government budget.';
const ARTICLE = 'https://kcna.example/a';
const META = { title: 'Cabinet meets', byline: null, siteName: 'KCNA', publishedTime: null, lang: 'en', dir: null, excerpt: null, length: TEXT.length } as const;

function highlight(quote: string, extra: Partial<NewAnnotation> = {}): NewAnnotation {
  const start = TEXT.indexOf(quote);
  const { quote: q, position } = describeText(TEXT, start, start + quote.length);
  return { articleId: ARTICLE, quote: q, position, color: 'yellow', note: '', tags: [], textHash: textHash(TEXT), ...extra };
}

/** Every label's annotations as the table holds them: `term id` pairs, sorted (not the record of listed words). */
const allLabels = async (db: GlossDb) =>
  (await db.labels.toArray()).filter((shard) => shard.id.includes('\0')).flatMap((shard) => shard.ids.map((id) => `${shard.id.slice(0, shard.id.indexOf('\0'))} ${id}`)).sort();

/** The same pairs from the stored annotations themselves (and the words listed): what the table must hold. */
const expectedLabels = async (db: GlossDb) => {
  const listed = await listedWords(db.labels);
  return (await db.annotations.toArray()).flatMap((a) => labelsOf(a, listed).map((term) => `${term} ${a.id}`)).sort();
};

/** The pair of small words "of the" as the words store it. */
const OF_THE = smallWordPairs(searchTokens('of the'))[0]!;

/** The annotations carrying a label, sorted. */
const foundBy = async (db: GlossDb, term: string) => (await annotationsLabelled(db, term)).sort();

describe('db/labels', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    db = await freshDb(context, 'labels');
  });

  it('finds an annotation by each tag whatever its spelling, its color and its outlet, not by its words', () => {
    const stored = storedAnnotation({ ...highlight('Pak Pong Ju'), id: 'a1', tags: ['Budget Talks', 'kcna', 'KCNA'], color: 'green', rev: 1, createdAt: 1, updatedAt: 1 }, META as never);
    expect(labelsOf(stored).sort()).toEqual([outletKey('KCNA'), tagTerm('budget talks'), tagTerm('KCNA'), colorTerm('green')].sort());
    expect(tagTerm('Budget  TALKS')).toBe(tagTerm('budget talks'));
  });

  it('lists a pair of small words from PAIR_LIST_FROM annotations, any other word from LIST_FROM, an outlet never', () => {
    const ofThe = smallWordPairs(searchTokens('of the'))[0]!;
    const toThe = smallWordPairs(searchTokens('to the'))[0]!;
    const counts = new Map([[ofThe, PAIR_LIST_FROM], [toThe, PAIR_LIST_FROM - 1], ['party', LIST_FROM - 1], ['government', LIST_FROM], [outletKey('KCNA'), LIST_FROM]]);
    expect(PAIR_LIST_FROM).toBeLessThan(LIST_FROM);
    expect(commonWords(counts).sort()).toEqual([ofThe, 'government'].sort());
  });

  it('takes a record stored without its words as carrying what it has, when its article changes', async () => {
    await recordArticle(db, { id: ARTICLE, url: ARTICLE, canonicalUrl: null, meta: META }, 1);
    await db.annotations.put({ ...highlight('Pak Pong Ju', { tags: ['premier'] }), id: 'raw', rev: 1, createdAt: 2, updatedAt: 2 } as unknown as StoredAnnotation);
    await recordArticle(db, { id: ARTICLE, url: ARTICLE, canonicalUrl: null, meta: { ...META, title: 'Session' } }, 3);
    expect(await foundBy(db, outletKey('KCNA'))).toEqual(['raw']);
    expect(await foundBy(db, tagTerm('premier'))).toEqual(['raw']);
  });

  it('reads a label exactly: not a longer one it starts, nor another kind of label', async () => {
    await createAnnotation(db, { ...highlight('government budget'), id: 'a1', tags: ['plan'] });
    await createAnnotation(db, { ...highlight('Cabinet'), id: 'a2', tags: ['planning'], color: 'blue' });
    await createAnnotation(db, { ...highlight('Pyongyang'), id: 'a3', tags: ['Plan', 'blue'] });
    expect(await foundBy(db, tagTerm('plan'))).toEqual(['a1', 'a3']);
    expect(await foundBy(db, tagTerm('blue'))).toEqual(['a3']);
    expect(await foundBy(db, colorTerm('blue'))).toEqual(['a2']);
    expect(await foundBy(db, colorTerm('yellow'))).toEqual(['a1', 'a3']);
  });

  it('rewrites the shards of the labels an annotation carries and leaves, and deletes a shard left empty', async () => {
    const before = storedAnnotation({ ...highlight('Pak Pong Ju'), id: 'a1', tags: ['budget', 'cabinet'], rev: 1, createdAt: 1, updatedAt: 1 }, undefined);
    const other = storedAnnotation({ ...before, id: 'a2', tags: ['cabinet'] }, undefined);
    await db.transaction('rw', db.labels, () => writeLabels(db.labels, [{ after: before }, { after: other }]));
    const after = storedAnnotation({ ...before, note: 'a note', tags: ['cabinet', 'deficit'], color: 'blue' }, undefined);
    const put = vi.spyOn(db.labels, 'bulkPut');
    const deleted = vi.spyOn(db.labels, 'bulkDelete');
    await db.transaction('rw', db.labels, () => writeLabels(db.labels, [{ before, after }]));
    // Touched: budget and yellow (a1 leaves them), cabinet, deficit and blue (a1 carries them).
    const written = put.mock.calls.flatMap(([shards]) => shards.map((shard) => shard.id!.slice(0, -2)));
    const emptied = deleted.mock.calls.flatMap(([keys]) => keys.map((key) => key.slice(0, -2)));
    expect([...written, ...emptied].sort()).toEqual([tagTerm('budget'), colorTerm('yellow'), tagTerm('cabinet'), tagTerm('deficit'), colorTerm('blue')].sort());
    expect(emptied).toContain(tagTerm('budget'));
    expect(await foundBy(db, colorTerm('yellow'))).toEqual(['a2']);
    expect(await foundBy(db, tagTerm('cabinet'))).toEqual(['a1', 'a2']);
    expect(await allLabels(db)).toEqual([...labelsOf(after).map((term) => `${term} a1`), ...labelsOf(other).map((term) => `${term} a2`)].sort());
  });

  it('splits a label shared by many annotations over its shards', async () => {
    const many = Array.from({ length: 400 }, (_, i) => storedAnnotation({ ...highlight('Cabinet'), id: `n${i}`, rev: 1, createdAt: i, updatedAt: i }, undefined));
    await db.transaction('rw', db.labels, () => writeLabels(db.labels, many.map((after) => ({ after }))));
    const shards = (await db.labels.toArray()).filter((shard) => shard.id.startsWith(colorTerm('yellow')));
    expect(shards.length).toBe(SHARDS);
    expect(Math.max(...shards.map((shard) => shard.ids.length))).toBeLessThan(60);
    expect((await foundBy(db, colorTerm('yellow'))).length).toBe(400);
  });

  it('keeps the lists what the stored annotations carry, through every way of writing them', async () => {
    await recordArticle(db, { id: ARTICLE, url: ARTICLE, canonicalUrl: null, meta: META }, 1);
    const a1 = await createAnnotation(db, { ...highlight('Pak Pong Ju'), id: 'a1', note: 'premier', tags: ['people'] }, 2);
    const a2 = await createAnnotation(db, { ...highlight('government budget'), id: 'a2', color: 'pink', tags: ['budget'] }, 3);
    await createAnnotation(db, { ...highlight('Pyongyang'), id: 'a3' }, 4);
    expect(await allLabels(db)).toEqual(await expectedLabels(db));
    expect(await foundBy(db, outletKey('KCNA'))).toEqual(['a1', 'a2', 'a3']);

    await updateAnnotation(db, 'a1', { baseRev: a1.rev, note: 'premier since 2013', tags: ['cabinet'], color: 'green' }, 5);
    expect(await foundBy(db, tagTerm('people'))).toEqual([]);
    const gone = await deleteAnnotation(db, 'a2');
    expect(await allLabels(db)).toEqual(await expectedLabels(db));
    expect(await foundBy(db, tagTerm('budget'))).toEqual([]);
    await restoreAnnotation(db, gone);
    expect(await foundBy(db, tagTerm('budget'))).toEqual(['a2']);
    // Its article's new outlet: every annotation of it is found by that instead.
    await recordArticle(db, { id: ARTICLE, url: ARTICLE, canonicalUrl: null, meta: { ...META, title: 'Assembly session', siteName: 'Rodong Sinmun' } }, 6);
    expect(await foundBy(db, tagTerm('cabinet'))).toEqual(['a1']);
    expect(await foundBy(db, outletKey('KCNA'))).toEqual([]);
    expect(await foundBy(db, outletKey('Rodong Sinmun'))).toEqual(['a1', 'a2', 'a3']);
    expect(await allLabels(db)).toEqual(await expectedLabels(db));

    // An import: one new annotation, one that replaces a stored one.
    const exported = { ...a2, tags: ['imported'], rev: 1, createdAt: 3, updatedAt: 9 };
    const fresh = { ...a2, id: 'a4', tags: ['another'], rev: 1, createdAt: 7, updatedAt: 7 };
    await importLibrary(db, { annotations: [exported, fresh] }, { onDuplicate: 'update' });
    expect(await foundBy(db, tagTerm('imported'))).toEqual(['a2']);
    expect(await foundBy(db, tagTerm('another'))).toEqual(['a4']);
    expect(await foundBy(db, tagTerm('budget'))).toEqual([]);
    expect(await allLabels(db)).toEqual(await expectedLabels(db));
  });

  it('keeps the list of a listed word and pair through every way of writing, and lists no other word', async () => {
    await recordArticle(db, { id: ARTICLE, url: ARTICLE, canonicalUrl: null, meta: META }, 1);
    const a1 = await createAnnotation(db, { ...highlight('government budget'), id: 'a1' }, 2);
    const a2 = await createAnnotation(db, { ...highlight('Cabinet'), id: 'a2', note: 'half of the budget' }, 3);
    await db.transaction('rw', db.annotations, db.labels, () => listWords(db.annotations, db.labels, ['budget', OF_THE, outletKey('KCNA')]));
    expect(await listedWords(db.labels)).toEqual(new Set(['budget', OF_THE]));
    expect(await foundBy(db, wordTerm('budget'))).toEqual(['a1', 'a2']);
    expect(await foundBy(db, wordTerm(OF_THE))).toEqual(['a2']);
    expect(await foundBy(db, wordTerm('government'))).toEqual([]);
    expect(await allLabels(db)).toEqual(await expectedLabels(db));

    await createAnnotation(db, { ...highlight('Pyongyang'), id: 'a3', note: 'none of the budget' }, 4);
    await updateAnnotation(db, 'a2', { baseRev: a2.rev, note: 'half' }, 5);
    expect(await foundBy(db, wordTerm('budget'))).toEqual(['a1', 'a3']);
    expect(await foundBy(db, wordTerm(OF_THE))).toEqual(['a3']);
    const gone = await deleteAnnotation(db, 'a1');
    expect(await foundBy(db, wordTerm('budget'))).toEqual(['a3']);
    expect(await foundBy(db, wordTerm(OF_THE))).toEqual(['a3']);
    await restoreAnnotation(db, gone);
    expect(await foundBy(db, wordTerm('budget'))).toEqual(['a1', 'a3']);
    // The article's title changes: its annotations' words are computed again.
    await recordArticle(db, { id: ARTICLE, url: ARTICLE, canonicalUrl: null, meta: { ...META, title: 'The budget' } }, 6);
    expect(await foundBy(db, wordTerm('budget'))).toEqual(['a1', 'a2', 'a3']);
    await importLibrary(db, { annotations: [{ ...a1, id: 'a4', rev: 1, createdAt: 7, updatedAt: 7 }] }, { onDuplicate: 'skip' });
    expect(await foundBy(db, wordTerm('budget'))).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(await allLabels(db)).toEqual(await expectedLabels(db));
    // Listing it again changes nothing.
    await db.transaction('rw', db.annotations, db.labels, () => listWords(db.annotations, db.labels, ['budget']));
    expect(await foundBy(db, wordTerm('budget'))).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it("lists an import's words of LIST_FROM annotations or more, with the annotations stored before", async () => {
    const stored = await createAnnotation(db, { ...highlight('Pak Pong Ju'), id: 'before' }, 1);
    const file = Array.from({ length: LIST_FROM }, (_, i) => ({ ...stored, id: `n${String(i).padStart(4, '0')}`, note: i % 2 ? 'odd' : 'even', createdAt: i + 2, updatedAt: i + 2 }));
    await importLibrary(db, { annotations: file }, { onDuplicate: 'skip' });
    const listed = await listedWords(db.labels);
    expect(listed).toContain('pak');
    expect(listed).not.toContain('odd');
    expect(listed).not.toContain(outletKey('KCNA'));
    expect((await foundBy(db, wordTerm('pak'))).length).toBe(LIST_FROM + 1);
    expect(await foundBy(db, wordTerm('pak'))).toContain('before');
    expect(await foundBy(db, wordTerm('odd'))).toEqual([]);
  });

  it('leaves the lists as they were when the write fails', async () => {
    await createAnnotation(db, { ...highlight('Pak Pong Ju'), id: 'a1', tags: ['premier'] });
    const before = await allLabels(db);
    vi.spyOn(db.labels, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(updateAnnotation(db, 'a1', { baseRev: 1, tags: ['changed'] })).rejects.toThrow('QuotaExceededError');
    expect(await allLabels(db)).toEqual(before);
    expect((await db.annotations.get('a1'))?.tags).toEqual(['premier']);
  });
});

describe('db/labels version 16', () => {
  it('fills the lists of every annotation of a version 15 database, in steps, and drops the index they replace', async () => {
    const name = `upgrade-16-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 15)) old.version(version).stores(stores);
    await old.open();
    // More annotations than one step of the fill (1,000), so every step must be read.
    const records: StoredAnnotation[] = Array.from({ length: 1203 }, (_, i) =>
      storedAnnotation({ ...highlight('Pak Pong Ju'), id: `n${String(i).padStart(5, '0')}`, note: i % 2 ? 'odd' : 'even', tags: i % 3 ? [] : ['third'], rev: 1, createdAt: i, updatedAt: i }, undefined),
    );
    await old.table('annotations').bulkPut(records);
    old.close();
    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(16);
    const listed = await listedWords(db.labels);
    expect(await allLabels(db)).toEqual(records.flatMap((a) => labelsOf(a, listed).map((term) => `${term} ${a.id}`)).sort());
    expect((await foundBy(db, tagTerm('third'))).length).toBe(401);
    expect((await foundBy(db, colorTerm('yellow'))).length).toBe(1203);
    expect(db.annotations.schema.indexes.map((index) => index.name)).not.toContain('color');
    expect(await db.annotations.count()).toBe(1203);
    await db.delete();
  });
});

describe('db/labels version 17', () => {
  it('lists the words of LIST_FROM annotations or more of a version 16 database, and keeps its labels', async () => {
    const name = `upgrade-17-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 16)) old.version(version).stores(stores);
    await old.open();
    // More than one step of the count (1,000): every step must be read.
    const records: StoredAnnotation[] = Array.from({ length: LIST_FROM + 203 }, (_, i) =>
      storedAnnotation({ ...highlight(i < LIST_FROM ? 'Pak Pong Ju' : 'Cabinet'), id: `n${String(i).padStart(5, '0')}`, note: i % 2 ? 'odd' : 'even', tags: i % 3 ? [] : ['third'], rev: 1, createdAt: i, updatedAt: i }, undefined),
    );
    await old.table('annotations').bulkPut(records);
    await old.table('labels').bulkPut([{ id: `${tagTerm('third')}\0${'0'}`, ids: ['n00000'] }]);
    old.close();
    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(17);
    const listed = await listedWords(db.labels);
    expect([...listed].sort()).toEqual(['ju', 'pak', 'pong']);
    expect((await foundBy(db, wordTerm('pak'))).length).toBe(LIST_FROM);
    expect(await foundBy(db, wordTerm('cabinet'))).toEqual([]);
    expect(await foundBy(db, tagTerm('third'))).toEqual(['n00000']);
    await db.delete();
  });
});

