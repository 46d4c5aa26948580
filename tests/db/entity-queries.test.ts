import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '@/utils/article/types';
import type { CorrectionRecord } from '@/utils/corrections/correction';
import type { GlossDb } from '@/utils/db/database';
import { entityPage, listEntities, trends } from '@/utils/db/entity-queries';
import { passDue, writeMentions } from '@/utils/db/mentions-repo';
import type { ArticleMentions } from '@/utils/mentions/extract';
import { freshDb } from '../support/fresh-db';

/** Files an article naming `keys` (each once) in `db`, as a reading would: its keys on the article, its mentions. */
async function read(db: GlossDb, id: string, publishedTime: string, siteName: string, keys: string[]): Promise<void> {
  const record: ArticleRecord = {
    id, url: id, canonicalUrl: null, title: `Title of ${id}`, byline: null, siteName, publishedTime, lang: 'en', dir: null, excerpt: null, length: 100,
    firstSeenAt: 0, lastSeenAt: 0, entityKeys: [...keys].sort(),
  };
  await db.articles.put(record);
  const found: ArticleMentions[] = keys.map((key) => ({ key, type: key.split(':')[0] as ArticleMentions['type'], name: key.slice(key.indexOf(':') + 1), spellings: [key.slice(key.indexOf(':') + 1)], count: 1, snippets: [['', key, '']] }));
  await writeMentions(db, record, found);
}

describe('db/entity-queries', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    db = await freshDb(context, 'entity-queries');
    const kim = 'PERSON:Kim Jong Un';
    await read(db, 'a3', '2024-06-01T00:00:00Z', 'Yonhap', [kim, 'PLACE:Songchon County', 'ORG:Cabinet']);
    await read(db, 'a1', '2024-03-10T00:00:00Z', 'KCNA Watch', [kim, 'PLACE:Songchon County', 'TERM:20x10']);
    await read(db, 'a2', '2024-03-20T00:00:00Z', 'Rodong Sinmun', [kim, 'TERM:20x10', 'PLACE:Pyongyang']);
    // Pyongyang is everywhere, with or without Kim: frequent, not telling.
    for (let i = 0; i < 6; i++) await read(db, `p${i}`, '2024-04-01T00:00:00Z', 'Xinhua', ['PLACE:Pyongyang', 'ORG:Cabinet']);
  });

  it('lists entities most named first, overall and of one type', async () => {
    expect((await listEntities(db)).map((e) => [e.key, e.articles]).slice(0, 2)).toEqual([
      ['PLACE:Pyongyang', 7],
      ['ORG:Cabinet', 7],
    ]);
    expect((await listEntities(db, { type: 'PERSON' })).map((e) => e.key)).toEqual(['PERSON:Kim Jong Un']);
    // The words each summary is stored with (for the name search) stay in the database.
    expect((await listEntities(db)).filter((e) => 'words' in e)).toEqual([]);
    expect('words' in ((await entityPage(db, 'PERSON:Kim Jong Un'))?.summary ?? {})).toBe(false);
  });

  it('gives one entity’s articles in date order with their passages, and its timeline by month and outlet', async () => {
    const page = await entityPage(db, 'PERSON:Kim Jong Un');
    expect(page?.articles.map((a) => [a.articleId, a.outlet, a.title])).toEqual([
      ['a1', 'KCNA Watch', 'Title of a1'],
      ['a2', 'Rodong Sinmun', 'Title of a2'],
      ['a3', 'Yonhap', 'Title of a3'],
    ]);
    expect(page?.articles[0]?.snippets).toEqual([['', 'PERSON:Kim Jong Un', '']]);
    expect(page?.timeline).toEqual([
      { month: '2024-03', articles: 2, mentions: 2, byOutlet: { 'KCNA Watch': 1, 'Rodong Sinmun': 1 } },
      { month: '2024-06', articles: 1, mentions: 1, byOutlet: { Yonhap: 1 } },
    ]);
  });

  it('files each article under the day its outlet wrote, not the UTC day, and an untrusted date under the UTC day it stands for', async () => {
    await read(db, 'kst', '2024-06-18T08:00:00+09:00', 'KCNA Watch', ['PERSON:Pak Pong Ju']);
    await read(db, 'bad', '2999-01-01T00:00:00Z', 'KCNA Watch', ['PERSON:Pak Pong Ju']);
    const page = await entityPage(db, 'PERSON:Pak Pong Ju');
    // 08:00 in Pyongyang is 23:00 the day before in UTC; a date in the future is not trusted (first seen stands in: 0).
    expect(page?.articles.map((a) => [a.articleId, a.day])).toEqual([
      ['bad', '1970-01-01'],
      ['kst', '2024-06-18'],
    ]);
  });

  it('ranks who appears with an entity by PMI, so a name found everywhere does not lead', async () => {
    const page = await entityPage(db, 'PERSON:Kim Jong Un');
    const related = page?.related.map((r) => r.key) ?? [];
    expect(related).toContain('PLACE:Songchon County');
    // Songchon County and 20x10 are named only with Kim; Pyongyang (7 articles) and the Cabinet (7) share one each, below the minimum of 2.
    expect(related).toEqual(['PLACE:Songchon County', 'TERM:20x10']);
    expect(page?.related[0]).toMatchObject({ together: 2, type: 'PLACE' });
    expect(page?.related[0]?.pmi).toBeCloseTo(Math.log2((2 * 9) / (3 * 2)));
  });

  it('counts a term per month of publication', async () => {
    const [term, place] = await trends(db, ['TERM:20x10', 'PLACE:Songchon County']);
    expect(term).toEqual({ key: 'TERM:20x10', name: '20x10', points: [{ month: '2024-03', articles: 2, mentions: 2 }] });
    expect(place?.points).toEqual([
      { month: '2024-03', articles: 1, mentions: 1 },
      { month: '2024-06', articles: 1, mentions: 1 },
    ]);
  });

  it('pages through an entity’s articles without changing its timeline', async () => {
    const page = await entityPage(db, 'PERSON:Kim Jong Un', { offset: 1, limit: 1 });
    expect(page?.articles.map((a) => a.articleId)).toEqual(['a2']);
    expect(page?.timeline.map((m) => m.articles)).toEqual([2, 1]);
  });

  it('counts who appears with a much-named key over its latest articles only', async () => {
    // 10 old articles name Kim with the Cabinet, 200 later ones with the Party.
    for (let i = 0; i < 210; i++) {
      const month = i < 10 ? '2023-01' : `2025-${String(1 + (i % 12)).padStart(2, '0')}`;
      await read(db, `k${i}`, `${month}-15T00:00:00Z`, 'KCNA', ['PERSON:Kim Jong Un', i < 10 ? 'ORG:Cabinet' : 'ORG:Workers’ Party of Korea']);
    }
    const related = (await entityPage(db, 'PERSON:Kim Jong Un'))?.related.map((r) => r.key) ?? [];
    expect(related).toContain('ORG:Workers’ Party of Korea');
    expect(related).not.toContain('ORG:Cabinet');
  });

  it('answers null for a key it does not know', async () => {
    expect(await entityPage(db, 'PERSON:Nobody')).toBeNull();
  });

  it('answers the same from a library with nothing queued, and counts a reading queued since at once', async () => {
    const first = await entityPage(db, 'PERSON:Kim Jong Un');
    expect(await passDue(db)).toBe(false);
    expect(await entityPage(db, 'PERSON:Kim Jong Un')).toEqual(first);
    await read(db, 'a4', '2024-07-01T00:00:00Z', 'KCNA Watch', ['PERSON:Kim Jong Un', 'PLACE:Songchon County']);
    const later = await entityPage(db, 'PERSON:Kim Jong Un');
    expect(later?.summary.articles).toBe(4);
    expect(later?.articles.map((a) => a.articleId)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(later?.timeline.at(-1)).toMatchObject({ month: '2024-07', articles: 1 });
    expect(later?.related.find((r) => r.key === 'PLACE:Songchon County')?.together).toBe(3);
  });
});

describe('db/entity-queries, as the reader corrected the keys', () => {
  let db: GlossDb;
  const split = 'PERSON:Kim Jong-un';
  const kim = 'PERSON:Kim Jong Un';
  beforeEach(async (context) => {
    db = await freshDb(context, 'entity-queries-corrected');
    await read(db, 'a1', '2024-03-10T00:00:00Z', 'KCNA Watch', [kim, 'PLACE:Songchon County', 'TERM:20x10']);
    await read(db, 'a2', '2024-03-20T00:00:00Z', 'Rodong Sinmun', [split, 'PLACE:Songchon County', 'ORG:Cabinet']);
    await read(db, 'a3', '2024-06-01T00:00:00Z', 'Yonhap', [split, kim, 'ORG:Cabinet']);
    await read(db, 'a4', '2024-06-02T00:00:00Z', 'Yonhap', ['ORG:Cabinet', 'PLACE:Pyongyang']);
  });
  const correct = (records: CorrectionRecord[]) => db.corrections.bulkPut(records);

  it('lists a merged key once, as its root, with the articles of both counted once, and leaves a hidden one out', async () => {
    await correct([{ key: split, mergedInto: kim, updatedAt: 1 }, { key: 'ORG:Cabinet', hidden: true, updatedAt: 1 }]);
    const rows = await listEntities(db);
    expect(rows.map((e) => [e.key, e.articles])).toEqual([
      [kim, 3],
      ['PLACE:Songchon County', 2],
      ['TERM:20x10', 1],
      ['PLACE:Pyongyang', 1],
    ]);
    expect(rows[0]).toMatchObject({ merged: [split], mentions: 4 });
    expect((await listEntities(db, { type: 'PERSON' })).map((e) => e.key)).toEqual([kim]);
    expect((await listEntities(db, { hidden: true })).find((e) => e.key === 'ORG:Cabinet')).toMatchObject({ hidden: true, articles: 3 });
    expect((await listEntities(db, { limit: 2 })).map((e) => e.key)).toEqual([kim, 'PLACE:Songchon County']);
  });

  it('gives a merged key’s page as its root’s: every article once in date order, the timeline, and who appears with it as corrected', async () => {
    await correct([{ key: split, mergedInto: kim, updatedAt: 1 }, { key: 'PLACE:Songchon County', name: 'Songchon', updatedAt: 1 }]);
    // Asked with nothing queued (the first reads, made as for a key alone, are made again for the group).
    await listEntities(db);
    const page = await entityPage(db, split);
    expect(page?.summary).toMatchObject({ key: kim, articles: 3 });
    expect(page?.articles.map((a) => [a.articleId, a.count])).toEqual([['a1', 1], ['a2', 1], ['a3', 2]]);
    expect(page?.articles[2]?.snippets).toHaveLength(2);
    expect(page?.timeline.map((m) => [m.month, m.articles, m.byOutlet])).toEqual([
      ['2024-03', 2, { 'KCNA Watch': 1, 'Rodong Sinmun': 1 }],
      ['2024-06', 1, { Yonhap: 1 }],
    ]);
    expect((await entityPage(db, kim, { offset: 1, limit: 1 }))?.articles.map((a) => a.articleId)).toEqual(['a2']);
    // Songchon County (renamed) shares two of the three articles; the Cabinet two too.
    expect(page?.related.map((r) => [r.key, r.name, r.together])).toEqual([
      ['PLACE:Songchon County', 'Songchon', 2],
      ['ORG:Cabinet', 'Cabinet', 2],
    ]);
    await correct([{ key: 'ORG:Cabinet', hidden: true, updatedAt: 1 }]);
    expect((await entityPage(db, kim))?.related.map((r) => r.key)).toEqual(['PLACE:Songchon County']);
    // The other side: Songchon County appears with the merged Kim (in both its articles), never
    // with the key merged in, nor with the hidden Cabinet.
    expect((await entityPage(db, 'PLACE:Songchon County'))?.related.map((r) => [r.key, r.together])).toEqual([['TERM:20x10', 1], [kim, 2]]);
  });

  it('charts a merged key as its root, and counts a later reading of the merged key under the root', async () => {
    await correct([{ key: split, mergedInto: kim, updatedAt: 1 }]);
    expect(await trends(db, [split])).toEqual([{ key: kim, name: 'Kim Jong Un', points: [{ month: '2024-03', articles: 2, mentions: 2 }, { month: '2024-06', articles: 1, mentions: 2 }] }]);
    await read(db, 'a5', '2024-07-01T00:00:00Z', 'KCNA Watch', [split]);
    expect((await trends(db, [kim]))[0]?.points.at(-1)).toEqual({ month: '2024-07', articles: 1, mentions: 1 });
    expect((await listEntities(db, { type: 'PERSON' })).map((e) => [e.key, e.articles])).toEqual([[kim, 4]]);
    // Split back out: each key is its own again.
    await db.corrections.clear();
    expect((await listEntities(db, { type: 'PERSON' })).map((e) => [e.key, e.articles])).toEqual([[split, 3], [kim, 2]]);
  });
});
