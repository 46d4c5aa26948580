import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TABLE_ROWS } from '@/components/library/EntityTable';
import { correctKeys } from '@/utils/db/corrections-repo';
import { GlossDb } from '@/utils/db/database';
import { listEntities } from '@/utils/db/entity-queries';
import { PROBE_CAP, searchEntities, type NameSearch } from '@/utils/db/name-search';
import { freshDb } from '../support/fresh-db';
import { readArticle } from '../support/reading';

const KIM = 'PERSON:Kim Jong Un';
const JO = 'PERSON:Jo Yong Won';
const TOK = 'PERSON:Kim Tok Hun';
const filler = (i: number) => `ORG:Kaesong Kosong Kumgang ${i}`;

const keys = (found: NameSearch) => found.rows.map((row) => row.key);
const figures = (found: NameSearch) => found.rows.map((r) => [r.key, r.articles, r.mentions]);

describe('db/name-search over a library larger than the table loads', () => {
  let db: GlossDb;
  beforeAll(async () => {
    db = new GlossDb(`name-search-${crypto.randomUUID()}`);
    await db.open();
    // More keys named in two articles each than the table loads, three words starting with "k" each
    // (so "k" is too common for the index: PROBE_CAP entries); Kim in three; two names in one.
    const fillers = Object.fromEntries(Array.from({ length: TABLE_ROWS }, (_, i) => [filler(i), 1]));
    expect(TABLE_ROWS * 3).toBeGreaterThanOrEqual(PROBE_CAP);
    await readArticle(db, 'f1', '2024-01-10T00:00:00Z', 'KCNA', { ...fillers, [KIM]: 2 });
    await readArticle(db, 'f2', '2024-02-10T00:00:00Z', 'KCNA', { ...fillers, [KIM]: 1 });
    await readArticle(db, 'a1', '2024-06-02T00:00:00Z', 'NK News', { [KIM]: 4, [JO]: 2, [TOK]: 1 }, {
      spellings: { [JO]: ['Jo Yong-won', 'Cho Yong-wŏn', '조용원'], [KIM]: ['Kim Jong Un', 'Kim Chŏng-ŭn', '김정은'] },
    });
  }, 60_000);
  afterAll(() => db.delete());

  it('finds a key the table does not load by its name, a spelling, the start of a word, with diacritics folded', async () => {
    const loaded = (await listEntities(db, { limit: TABLE_ROWS })).map((row) => row.key);
    expect(loaded).toHaveLength(TABLE_ROWS);
    expect(loaded).not.toContain(JO);
    for (const query of ['Jo Yong Won', 'jo yong-won', 'yongwon', 'Cho Yong-wŏn', 'cho yong won', 'WON', 'Yon', '조용', '용원', '조용원']) {
      expect(keys(await searchEntities(db, query)), query).toEqual([JO]);
    }
    expect(figures(await searchEntities(db, 'jo yong'))).toEqual([[JO, 1, 2]]);
    // "jo" begins Kim's "Jong" too: he is named in more articles.
    const jo = await searchEntities(db, 'jo');
    expect(keys(jo)).toEqual([KIM, JO]);
    expect(jo.rows[1]).toMatchObject({ name: 'Jo Yong Won', variants: ['Jo Yong-won', 'Cho Yong-wŏn', '조용원'] });
  });

  it('lists the most named first, with Kim’s spellings found as his', async () => {
    expect(keys(await searchEntities(db, 'kim'))).toEqual([KIM, TOK]);
    expect(keys(await searchEntities(db, 'Chŏng'))).toEqual([KIM]);
    expect(keys(await searchEntities(db, '정은'))).toEqual([KIM]);
    expect(figures(await searchEntities(db, 'kim jong'))).toEqual([[KIM, 3, 7]]);
  });

  it('answers at most the limit asked, saying more match', async () => {
    const found = await searchEntities(db, 'kumgang 19', { limit: 5 });
    // "19" begins 19, 190–199 and 1900–1999: 111 names, the five most named listed (ties by key).
    expect(keys(found)).toEqual([filler(19), filler(190), filler(1900), filler(1901), filler(1902)]);
    expect([found.more, found.partial]).toEqual([true, false]);
    expect((await searchEntities(db, 'kumgang 1999')).more).toBe(false);
    // Found in 2,000 keys: read from the most named down, not all of them.
    const kaesong = await searchEntities(db, 'kaesong');
    expect([kaesong.rows.length, kaesong.rows.every((r) => r.articles === 2), kaesong.more, kaesong.partial]).toEqual([200, true, true, false]);
  });

  it('checks a word too common for the index on the summaries, most named first', async () => {
    // "k" begins 6,000 words: the index lists none of them, the most named keys are read and checked.
    const k = await searchEntities(db, 'k');
    expect(k.rows).toHaveLength(200);
    expect(k.rows[0]?.key).toBe(KIM);
    expect([k.more, k.partial]).toEqual([true, false]);
    // With a narrower word beside it, the index narrows by that one, and "k" is checked on the few it gives.
    expect(keys(await searchEntities(db, 'k jo'))).toEqual([KIM]);
    expect(keys(await searchEntities(db, 'k hun'))).toEqual([TOK]);
  });

  it('answers a query of punctuation, or a word nothing begins, with no rows', async () => {
    for (const query of ['', '   ', '?!…—“”', '#@$%^&*()']) expect(await searchEntities(db, query)).toEqual({ rows: [], more: false, partial: false });
    expect(keys(await searchEntities(db, 'zzz'))).toEqual([]);
  });

  it('reads a query of 1,000 characters in bounded time', async () => {
    const started = performance.now();
    expect(keys(await searchEntities(db, 'kim '.repeat(250)))).toEqual([KIM, TOK]);
    expect(keys(await searchEntities(db, 'x'.repeat(1_000)))).toEqual([]);
    expect(keys(await searchEntities(db, Array.from({ length: 200 }, (_, i) => `k${i}`).join(' ')))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('db/name-search', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    db = await freshDb(context, 'name-search');
    await readArticle(db, 'a1', '2024-03-10T00:00:00Z', 'KCNA', { [KIM]: 3, 'PERSON:Kim Jong-un': 1, 'PLACE:Songchon County': 2, 'ORG:Songchon Cooperative Farm': 1 });
    await readArticle(db, 'a2', '2024-03-20T00:00:00Z', 'Yonhap', { 'PERSON:Kim Jong-un': 2, 'PLACE:Songchon County': 1 });
    await readArticle(db, 'a3', '2024-05-02T00:00:00Z', 'KCNA', { [KIM]: 1, 'PLACE:Pyongyang': 4 });
  });

  it('finds a merged key as its root, under the root’s name and figures', async () => {
    expect(keys(await searchEntities(db, 'kim jong'))).toEqual([KIM, 'PERSON:Kim Jong-un']);
    await correctKeys(db, { kind: 'merge', key: 'PERSON:Kim Jong-un', into: KIM });
    await correctKeys(db, { kind: 'rename', key: KIM, name: 'Marshal Kim' });
    // Found by either key's words; one row, the articles counted once (a1 names both).
    for (const query of ['jongun', 'jong-un', 'kim jong']) {
      expect((await searchEntities(db, query)).rows.map((r) => [r.key, r.name, r.articles, r.merged])).toEqual([[KIM, 'Marshal Kim', 3, ['PERSON:Kim Jong-un']]]);
    }
  });

  it('finds a renamed key by its new name and by the recognizer’s', async () => {
    await correctKeys(db, { kind: 'rename', key: 'PLACE:Pyongyang', name: 'P’yŏngyang Capital City' });
    expect((await searchEntities(db, 'capital')).rows.map((r) => [r.key, r.name, r.recognizedName])).toEqual([['PLACE:Pyongyang', 'P’yŏngyang Capital City', 'Pyongyang']]);
    expect(keys(await searchEntities(db, 'pyong'))).toEqual(['PLACE:Pyongyang']);
    // A name given to a key merged into another is not what it is shown as: not found by it.
    await correctKeys(db, { kind: 'rename', key: 'PERSON:Kim Jong-un', name: 'Dear Leader' });
    await correctKeys(db, { kind: 'merge', key: 'PERSON:Kim Jong-un', into: KIM });
    expect(keys(await searchEntities(db, 'dear leader'))).toEqual([]);
  });

  it('leaves hidden keys out unless asked for them', async () => {
    await correctKeys(db, { kind: 'hide', key: 'PLACE:Songchon County', hidden: true });
    expect(keys(await searchEntities(db, 'songchon'))).toEqual(['ORG:Songchon Cooperative Farm']);
    const all = await searchEntities(db, 'songchon', { hidden: true });
    expect(all.rows.map((r) => [r.key, r.hidden])).toEqual([['PLACE:Songchon County', true], ['ORG:Songchon Cooperative Farm', undefined]]);
  });

  it('narrows to one type', async () => {
    expect(keys(await searchEntities(db, 'songchon', { type: 'ORG' }))).toEqual(['ORG:Songchon Cooperative Farm']);
    expect(keys(await searchEntities(db, 'songchon', { type: 'TERM' }))).toEqual([]);
  });

  it('ranks and counts within an outlet and months', async () => {
    expect(figures(await searchEntities(db, 'kim', { slice: { outlet: 'Yonhap' } }))).toEqual([['PERSON:Kim Jong-un', 1, 2]]);
    expect(figures(await searchEntities(db, 'kim', { slice: { outlet: 'KCNA', from: '2024-04' } }))).toEqual([[KIM, 1, 1]]);
    const songchon = await searchEntities(db, 'songchon', { slice: { from: '2024-03', to: '2024-03' } });
    expect(songchon.rows.map((r) => [r.key, r.articles, 'within' in r && r.within])).toEqual([
      ['PLACE:Songchon County', 2, { first: '2024-03', last: '2024-03' }],
      ['ORG:Songchon Cooperative Farm', 1, { first: '2024-03', last: '2024-03' }],
    ]);
    await correctKeys(db, { kind: 'merge', key: 'PERSON:Kim Jong-un', into: KIM });
    expect(figures(await searchEntities(db, 'jongun', { slice: { outlet: 'KCNA' } }))).toEqual([[KIM, 2, 5]]);
    expect(figures(await searchEntities(db, 'kim', { slice: { outlet: 'Nowhere' } }))).toEqual([]);
  });

  it('finds a key named 100,000 times in an article, and never hands out the words it is stored with', async () => {
    await readArticle(db, 'long', '2024-06-01T00:00:00Z', 'KCNA', { 'TERM:Juche': 100_000 });
    const [juche] = (await searchEntities(db, 'juch')).rows;
    expect([juche?.key, juche?.mentions]).toEqual(['TERM:Juche', 100_000]);
    expect(juche && 'words' in juche).toBe(false);
  });

  it('says when it stopped checking before it listed what it wanted', async () => {
    // Bounds smaller than the library: "songchon" is too common for the index, and two summaries are checked (the two most named, Kim's).
    const found = await searchEntities(db, 'songchon', { limit: 5 }, { probe: 1, check: 2, whole: 400 });
    expect([found.partial, found.rows.length < 2]).toEqual([true, true]);
    expect((await searchEntities(db, 'songchon', { limit: 5 }, { probe: 1, check: 100, whole: 400 })).rows).toHaveLength(2);
  });

  it('ranks more keys found than it reads whole by the counts record, reading the most named first', async () => {
    // Two found, more than it reads whole here: the most named is read first (not the first by key).
    const one = await searchEntities(db, 'songchon', { limit: 5 }, { probe: 100, check: 1, whole: 1 });
    expect([keys(one), one.partial]).toEqual([['PLACE:Songchon County'], true]);
    const both = await searchEntities(db, 'songchon', { limit: 5 }, { probe: 100, check: 100, whole: 1 });
    expect([keys(both), both.partial]).toEqual([['PLACE:Songchon County', 'ORG:Songchon Cooperative Farm'], false]);
  });
});
