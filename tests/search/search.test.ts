import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { createAnnotation, putStoredAnnotations, storedAnnotation, updateAnnotation, type NewAnnotation } from '@/utils/db/annotations-repo';
import { recordArticle } from '@/utils/db/articles-repo';
import type { GlossDb } from '@/utils/db/database';
import { listWords, markShortPairsStored, SHORT_PAIRS } from '@/utils/db/labels';
import { LOAD_AT_MOST, searchLibrary } from '@/utils/search/search';
import { searchTokens } from '@/utils/search/tokens';
import { smallWordPairs } from '@/utils/search/words';
import { freshDb } from '../support/fresh-db';

const BBC = 'https://bbc.example/korea';
const YONHAP = 'https://yonhap.example/seoul';
const SCMP = 'https://scmp.example/beijing';
const day = (d: number) => new Date(2026, 0, d, 12).getTime();

async function article(db: GlossDb, id: string, title: string, siteName: string | null) {
  const meta = { title, byline: null, siteName, publishedTime: null, lang: 'en', dir: null, excerpt: null, length: 1000 } as const;
  await recordArticle(db, { id, url: id, canonicalUrl: null, meta }, 1);
}

function note(articleId: string, exact: string, extra: Partial<NewAnnotation> = {}): NewAnnotation {
  return {
    articleId,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    color: 'yellow',
    note: '',
    tags: [],
    textHash: 'h',
    ...extra,
  };
}

describe('search/search', () => {
  let db: GlossDb;
  let made: Record<string, AnnotationRecord>;
  const ids = (result: { annotations: AnnotationRecord[] }) => result.annotations.map((a) => a.quote.exact);

  beforeEach(async (context) => {
    db = await freshDb(context, 'search');
    await article(db, BBC, 'North Korea fires missile', 'BBC News');
    await article(db, YONHAP, 'Inter-Korean talks resume in Seoul', 'Yonhap');
    await article(db, SCMP, '北京大学 students', 'South China Morning Post');
    made = {};
    const add = async (key: string, input: NewAnnotation, when: number) => (made[key] = await createAnnotation(db, input, when));
    await add('missile', note(BBC, 'Pyongyang’s latest missile test', { tags: ['Missiles'], color: 'pink' }), day(1));
    await add('kim', note(BBC, 'Kim Jong-un watched the launch', { note: 'He smiled', tags: ['Leader', 'missiles'] }), day(3));
    await add('seoul', note(YONHAP, 'Seoul proposed talks', { color: 'green', note: 'first since 2018' }), day(5));
    await add('sao', note(YONHAP, 'A delegation from São Paulo', { color: 'green', tags: ['Trade'] }), day(7));
    await add('beijing', note(SCMP, '北京大学的学生', { color: 'blue' }), day(9));
  });

  it('lists everything newest first when the query is empty, with the total and the articles', async () => {
    const result = await searchLibrary(db, '');
    expect(ids(result)).toEqual(['北京大学的学生', 'A delegation from São Paulo', 'Seoul proposed talks', 'Kim Jong-un watched the launch', 'Pyongyang’s latest missile test']);
    expect(result.total).toBe(5);
    expect(result.articles.map((a) => a.id).sort()).toEqual([BBC, SCMP, YONHAP].sort());
    expect(result.annotations[0]).toEqual(made.beijing);
    expect(result.annotations[0]).not.toHaveProperty('words');
  });

  it('finds words, prefixes and pairs by their lists as by the index, and reads no index for a listed word', async () => {
    await createAnnotation(db, note(BBC, 'Missile talks of the week', { note: 'missiles, more missiles; the UN' }), day(11));
    await createAnnotation(db, note(YONHAP, 'Missiles of the north', { note: 'un' }), day(12));
    const queries = ['missile', 'missiles', 'mis', 'missil', 'un', 'kor', 'korean', '"of the"', '"talks of the"', 'missile tag:missiles', 'mis un'];
    const answers = async () => Promise.all(queries.map(async (query) => searchLibrary(db, query).then((result) => [query, ids(result), result.total])));
    const before = await answers();
    const ofThe = smallWordPairs(searchTokens('of the'))[0]!;
    await db.transaction('rw', db.annotations, db.labels, () => listWords(db.annotations, db.labels, ['missile', 'missiles', 'un', 'korean', ofThe]));
    expect(await answers()).toEqual(before);
    expect(before.find(([query]) => query === 'mis')?.[2]).toBe(4);

    const where = vi.spyOn(db.annotations, 'where');
    expect((await searchLibrary(db, 'un')).total).toBe(3);
    expect((await searchLibrary(db, '"of the"')).total).toBe(2);
    expect(where.mock.calls.filter(([index]) => (index as unknown) === 'words')).toEqual([]);
  });

  it('pages with limit and offset', async () => {
    const page = await searchLibrary(db, '', { limit: 2, offset: 2 });
    expect(ids(page)).toEqual(['Seoul proposed talks', 'Kim Jong-un watched the launch']);
    expect(page.total).toBe(5);
    expect(page.articles.map((a) => a.id).sort()).toEqual([BBC, YONHAP].sort());
  });

  it('matches each word as a prefix, all words required', async () => {
    expect(ids(await searchLibrary(db, 'pyong'))).toEqual(['Pyongyang’s latest missile test']);
    expect(ids(await searchLibrary(db, 'missi'))).toEqual(['Kim Jong-un watched the launch', 'Pyongyang’s latest missile test']);
    expect(ids(await searchLibrary(db, 'missile smil'))).toEqual(['Kim Jong-un watched the launch']);
    expect(ids(await searchLibrary(db, 'missile nowhere'))).toEqual([]);
  });

  it('finds by note, tag, title and outlet words, folded', async () => {
    expect(ids(await searchLibrary(db, 'smiled'))).toEqual(['Kim Jong-un watched the launch']);
    expect(ids(await searchLibrary(db, 'SAO PAULO'))).toEqual(['A delegation from São Paulo']);
    expect(ids(await searchLibrary(db, 'yonhap'))).toEqual(['A delegation from São Paulo', 'Seoul proposed talks']);
    expect(ids(await searchLibrary(db, 'inter-korean seoul'))).toEqual(['A delegation from São Paulo', 'Seoul proposed talks']);
    expect(ids(await searchLibrary(db, '大学'))).toEqual(['北京大学的学生']);
  });

  it('filters by tag, color, outlet and date', async () => {
    expect(ids(await searchLibrary(db, 'tag:MISSILES'))).toEqual(['Kim Jong-un watched the launch', 'Pyongyang’s latest missile test']);
    expect(ids(await searchLibrary(db, 'tag:missiles tag:leader'))).toEqual(['Kim Jong-un watched the launch']);
    expect(ids(await searchLibrary(db, 'color:green color:blue'))).toEqual(['北京大学的学生', 'A delegation from São Paulo', 'Seoul proposed talks']);
    expect(ids(await searchLibrary(db, 'outlet:"bbc news"'))).toEqual(['Kim Jong-un watched the launch', 'Pyongyang’s latest missile test']);
    expect(ids(await searchLibrary(db, 'outlet:BBC'))).toEqual([]);
    expect(ids(await searchLibrary(db, 'from:2026-01-03 to:2026-01-05'))).toEqual(['Seoul proposed talks', 'Kim Jong-un watched the launch']);
    expect(ids(await searchLibrary(db, 'talks color:green from:2026-01-06'))).toEqual(['A delegation from São Paulo']);
  });

  it('checks phrases word for word', async () => {
    expect(ids(await searchLibrary(db, '"Kim Jong Un"'))).toEqual(['Kim Jong-un watched the launch']);
    expect(ids(await searchLibrary(db, '"watched the launch"'))).toEqual(['Kim Jong-un watched the launch']);
    expect(ids(await searchLibrary(db, '"the launch watched"'))).toEqual([]);
    expect(ids(await searchLibrary(db, '"resume in Seoul"'))).toEqual(['A delegation from São Paulo', 'Seoul proposed talks']);
    // Only stop words: nothing to look up, every annotation is read and checked.
    expect(ids(await searchLibrary(db, '"from"'))).toEqual(['A delegation from São Paulo']);
  });

  it('looks up a phrase of small words by its pairs instead of reading every annotation', async () => {
    await createAnnotation(db, note(YONHAP, 'the end of the talks', { note: 'as of now' }), day(11));
    await createAnnotation(db, note(BBC, 'out of', { note: 'the blue' }), day(12));
    const order = (await db.annotations.orderBy('createdAt').primaryKeys()) as string[];
    const read = vi.spyOn(db.annotations, 'orderBy');
    expect(ids(await searchLibrary(db, '"of the"', { order }))).toEqual(['the end of the talks']);
    // In the note, and in the title ("resume in Seoul" has no pair; "the launch" in a quote does).
    expect(ids(await searchLibrary(db, '"as of"', { order }))).toEqual(['the end of the talks']);
    expect(ids(await searchLibrary(db, '"end of the"', { order }))).toEqual(['the end of the talks']);
    // Not across two texts (the quote's last word and the note's first).
    expect(ids(await searchLibrary(db, '"of the blue"', { order }))).toEqual([]);
    expect(ids(await searchLibrary(db, '"of the" tag:trade', { order }))).toEqual([]);
    expect(read).not.toHaveBeenCalledWith('createdAt');
    // Three small words: their pairs narrow, the phrase is checked.
    expect(ids(await searchLibrary(db, '"as of now"'))).toEqual(['the end of the talks']);
    expect(ids(await searchLibrary(db, '"of the end"'))).toEqual([]);
  });

  it('narrows a phrase with a common two-letter word by its pairs, reading only the annotations they share', async () => {
    // "up" and "to the" everywhere, "the up" in two of them: the phrase reads those two.
    for (let i = 0; i < 40; i++) await createAnnotation(db, note(BBC, i % 20 === 0 ? `went to the up country ${i}` : `to the hills, up north ${i}`), day(20) + i);
    const loaded = vi.spyOn(db.annotations, 'bulkGet');
    // Until every stored annotation has such pairs (the background's word, in a database made
    // before them), they are not asked for: the same answer, from every candidate.
    await db.labels.delete(SHORT_PAIRS);
    const before = await searchLibrary(db, '"to the up"', { limit: 100 });
    expect(ids(before).sort()).toEqual(['went to the up country 0', 'went to the up country 20']);
    expect(loaded.mock.calls.flatMap(([keys]) => keys)).toHaveLength(40);
    loaded.mockClear();
    await markShortPairsStored(db.labels);
    const found = await searchLibrary(db, '"to the up"', { limit: 100 });
    expect(ids(found)).toEqual(ids(before));
    expect(loaded.mock.calls.flatMap(([keys]) => keys)).toHaveLength(2);
    // The same answer from the phrase alone, word for word: "the US" is not "the U.S.".
    await createAnnotation(db, note(BBC, 'the U.S. and the US'), day(70));
    await createAnnotation(db, note(BBC, 'the U.S. alone'), day(71));
    expect(ids(await searchLibrary(db, '"the US"'))).toEqual(['the U.S. and the US']);
  });

  it('answers the words to mark and the issues of the query', async () => {
    const result = await searchLibrary(db, 'Seoul "proposed talks" color:black');
    expect(result.words).toEqual(['seoul', 'proposed', 'talks']);
    expect(result.issues).toEqual([{ term: 'color:black', message: expect.stringContaining('not a color') }]);
    expect(ids(result)).toEqual(['Seoul proposed talks']);
  });

  it('takes a structured filter from UI controls, with entity articles and an accept hook', async () => {
    expect(ids(await searchLibrary(db, { words: ['Talks'], outlets: ['Yonhap'], colors: ['green'] }))).toEqual([
      'A delegation from São Paulo',
      'Seoul proposed talks',
    ]);
    const entity = { key: 'place:seoul', articleIds: new Set([YONHAP, SCMP]) };
    expect(ids(await searchLibrary(db, { entity }))).toEqual(['北京大学的学生', 'A delegation from São Paulo', 'Seoul proposed talks']);
    const termList = { key: 'list:trade', accept: (a: AnnotationRecord) => a.tags.includes('Trade') };
    expect(ids(await searchLibrary(db, { entity, termList }))).toEqual(['A delegation from São Paulo']);
    expect(ids(await searchLibrary(db, { termList: { key: 'x', articleIds: [BBC] }, from: day(2) }))).toEqual(['Kim Jong-un watched the launch']);
    await expect(searchLibrary(db, { entity: { key: 'person:nobody' } })).rejects.toThrow('neither articleIds nor accept');
  });

  it('finds an annotation by its new words after an edit', async () => {
    await updateAnnotation(db, made.seoul!.id, { note: 'Unification ministry briefing', baseRev: 1 }, day(6));
    expect(ids(await searchLibrary(db, 'unification'))).toEqual(['Seoul proposed talks']);
    expect(ids(await searchLibrary(db, '2018'))).toEqual([]);
  });

  it('orders equal times by id, descending, in both ways of ordering', async () => {
    // More candidates than LOAD_AT_MOST go through the createdAt index; fewer are sorted in memory.
    const many = Array.from({ length: LOAD_AT_MOST + 10 }, (_, i) => note(BBC, `bulk quote ${i}`, { tags: i % 2 ? ['odd'] : [] }));
    const stored: AnnotationRecord[] = [];
    for (const input of many) stored.push(await createAnnotation(db, input, day(20)));
    const byId = stored.map((a) => a.id).sort().reverse();
    const all = await searchLibrary(db, 'bulk', { limit: 1000 });
    expect(all.annotations.map((a) => a.id)).toEqual(byId);
    const odd = await searchLibrary(db, 'bulk tag:odd', { limit: 1000 });
    expect(odd.annotations.map((a) => a.id)).toEqual(byId.filter((id) => stored.find((a) => a.id === id)!.tags.length));
  });

  it('intersects a large tag with a large word by their keys, loading only the page', async () => {
    // Both terms hold more than LOAD_AT_MOST: neither narrows the other on loaded records.
    const many = Array.from({ length: 2 * LOAD_AT_MOST }, (_, i) => note(BBC, `bulk quote ${i}`, { tags: i < LOAD_AT_MOST + 20 ? ['wide'] : [] }));
    const stored: AnnotationRecord[] = [];
    for (const [i, input] of many.entries()) stored.push(await createAnnotation(db, input, day(20) + i));
    const loaded = vi.spyOn(db.annotations, 'bulkGet');
    const order = (await db.annotations.orderBy('createdAt').primaryKeys()) as string[];
    const result = await searchLibrary(db, 'bulk tag:wide', { limit: 10, order });
    expect(result.total).toBe(LOAD_AT_MOST + 20);
    expect(result.annotations.map((a) => a.id)).toEqual(stored.filter((a) => a.tags.length).map((a) => a.id).reverse().slice(0, 10));
    expect(loaded.mock.calls.flatMap(([keys]) => keys)).toHaveLength(10);
  });

  it('reads the one index range left whole at once when every list is large, with the same answer', async () => {
    // A tag (a list) on more than LOAD_AT_MOST annotations; the pair "to the" (the index only) on more than that too.
    const made: AnnotationRecord[] = [];
    for (let i = 0; i < 2 * LOAD_AT_MOST + 20; i++) {
      made.push(await createAnnotation(db, note(BBC, i % 3 ? `went to the top ${i}` : `stayed ${i}`, { tags: i < LOAD_AT_MOST + 10 ? ['wide'] : [] }), day(20) + i));
    }
    const range = db.annotations.where('words').equals('x');
    const limited = vi.spyOn(Object.getPrototypeOf(range) as typeof range, 'limit');
    const found = await searchLibrary(db, '"to the" tag:wide', { limit: 1000 });
    const expected = made.filter((a) => a.tags.length && a.quote.exact.includes('to the'));
    expect(expected.length).toBeGreaterThan(LOAD_AT_MOST / 2);
    expect([...ids(found)].sort()).toEqual(expected.map((a) => a.quote.exact).sort());
    expect(found.total).toBe(expected.length);
    expect(limited).not.toHaveBeenCalled();
    limited.mockRestore();
  });

  it('pages from the kept order without counting the library, with the same answer', async () => {
    const many = Array.from({ length: LOAD_AT_MOST + 10 }, (_, i) => note(BBC, `bulk quote ${i}`));
    for (const [i, input] of many.entries()) await createAnnotation(db, input, day(20) + i);
    const order = (await db.annotations.orderBy('createdAt').primaryKeys()) as string[];
    const plain = await searchLibrary(db, 'bulk', { limit: 20, offset: 5 });
    const counted = vi.spyOn(db.annotations, 'count');
    const kept = await searchLibrary(db, 'bulk', { limit: 20, offset: 5, order });
    expect(counted).not.toHaveBeenCalled();
    expect(kept.annotations).toEqual(plain.annotations);
    expect(kept.total).toBe(LOAD_AT_MOST + 10);
  });

  it('pages through many equal times when the matches are the oldest of them', async () => {
    // 1,000 annotations made at the same moment; "alpha" only on the 400 that come last in
    // index order (lowest ids): reading newest first must cross many ties to reach them.
    const at = day(20);
    const records = Array.from({ length: 1000 }, (_, i) => {
      const id = `t${String(i).padStart(4, '0')}`;
      const exact = i < 400 ? `alpha ${i}` : `beta ${i}`;
      return storedAnnotation({ ...note(BBC, exact), id, createdAt: at, updatedAt: at, rev: 1 }, undefined);
    });
    await putStoredAnnotations(db, records);
    const alpha = records.filter((r) => r.quote.exact.startsWith('alpha')).map((r) => r.id).reverse();
    for (const [offset, limit] of [[0, 10], [5, 10], [390, 20], [0, 400]] as const) {
      const result = await searchLibrary(db, 'alpha', { offset, limit });
      expect(result.total).toBe(400);
      expect(result.annotations.map((a) => a.id)).toEqual(alpha.slice(offset, offset + limit));
    }
  });
});
