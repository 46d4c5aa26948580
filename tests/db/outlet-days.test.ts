import { describe, expect, it } from 'vitest';
import { correctKeys } from '@/utils/db/corrections-repo';
import { GlossDb } from '@/utils/db/database';
import { entityPage, listEntities, trends } from '@/utils/db/entity-queries';
import { entityWeeks } from '@/utils/db/entity-weeks';
import { sliceBounds } from '@/utils/db/key-slices';
import { applyPending } from '@/utils/db/mentions-repo';
import { MOST_NAMED_ID, readMostNamed } from '@/utils/db/most-named';
import { SCHEMA_HISTORY } from '@/utils/db/schema';
import { listEntitiesIn } from '@/utils/db/sliced-entities';
import { freshDb } from '../support/fresh-db';
import { readArticle } from '../support/reading';

const KIM = 'PERSON:Kim Jong Un';
const KIM2 = 'PERSON:Kim Jong-un';
const PY = 'PLACE:Pyongyang';

/** KCNA at 08:00 in Pyongyang on 1 March: 23:00 UTC on 29 February. */
const KCNA_MARCH_1 = '2024-03-01T08:00:00+09:00';
/** A Monday morning in Pyongyang, the Sunday before in UTC (another ISO week). */
const KCNA_MONDAY = '2024-03-04T07:30:00+09:00';

const months = (points: { month: string; articles: number }[] | undefined) => points?.map((p) => [p.month, p.articles]);
const keysOf = (rows: { key: string }[]) => rows.map((r) => r.key);

describe('db/outlet-days: the library by the outlet’s day', () => {
  it('counts a KCNA item of 08:00 in Pyongyang on 1 March in March: timeline, weeks, slices, the month filter, trends, bounds', async (context) => {
    const db = await freshDb(context, 'outlet-days');
    await readArticle(db, 'k1', KCNA_MARCH_1, 'KCNA', { [KIM]: 2 });
    await readArticle(db, 'k2', KCNA_MONDAY, 'KCNA', { [KIM]: 1 });
    const page = await entityPage(db, KIM);
    expect(page?.timeline).toEqual([{ month: '2024-03', articles: 2, mentions: 3, byOutlet: { KCNA: 2 } }]);
    expect(page?.articles.map((a) => [a.articleId, a.day])).toEqual([
      ['k1', '2024-03-01'],
      ['k2', '2024-03-04'],
    ]);
    expect(months((await trends(db, [KIM]))[0]?.points)).toEqual([['2024-03', 2]]);
    // Friday 1 March is in week 9 either way; Monday 4 March opens week 10 (in UTC it was Sunday, week 9).
    expect((await entityWeeks(db, KIM))?.map((w) => [w.week, w.articles])).toEqual([
      ['2024-W09', 1],
      ['2024-W10', 1],
    ]);
    expect((await db.keySlices.toArray()).map((s) => [s.scope, s.month, s.articles.get(KIM)])).toEqual([
      ['all', '2024-03', 2],
      ['outlet:KCNA', '2024-03', 2],
    ]);
    expect(keysOf(await listEntitiesIn(db, { outlet: 'KCNA', from: '2024-03', to: '2024-03' }))).toEqual([KIM]);
    expect(await listEntitiesIn(db, { to: '2024-02' })).toEqual([]);
    expect((await listEntitiesIn(db, { from: '2024-01', to: '2024-12' }))[0]).toMatchObject({ articles: 2, within: { first: '2024-03', last: '2024-03' } });
    expect(await sliceBounds(db)).toEqual({ outlets: ['KCNA'], first: '2024-03', last: '2024-03' });
    const [summary] = await listEntities(db);
    expect(new Date(summary?.firstSeen as number).toISOString().slice(0, 10)).toBe('2024-03-01');
  });

  it('files an article without a published time under the UTC day it was first seen, and one whose time is not ISO 8601 under its instant', async (context) => {
    const db = await freshDb(context, 'outlet-days');
    await readArticle(db, 'seen', null, 'Yonhap', { [PY]: 1 }, { firstSeenAt: Date.parse('2024-02-29T23:30:00Z') });
    await readArticle(db, 'rfc', 'Fri, 01 Mar 2024 08:00:00 +0900', 'KCNA', { [PY]: 1 });
    await readArticle(db, 'iso', KCNA_MARCH_1, 'KCNA', { [PY]: 1 });
    expect(months((await trends(db, [PY]))[0]?.points)).toEqual([
      ['2024-02', 2],
      ['2024-03', 1],
    ]);
    expect((await entityPage(db, PY))?.articles.map((a) => [a.articleId, a.day])).toEqual([
      ['rfc', '2024-02-29'],
      ['seen', '2024-02-29'],
      ['iso', '2024-03-01'],
    ]);
    expect(keysOf(await listEntitiesIn(db, { outlet: 'Yonhap', to: '2024-02' }))).toEqual([PY]);
  });
});

/** Tables the library keeps from its records, compared between an upgraded library and one read afresh. */
const KEPT = ['mentions', 'pendingMentions', 'entities', 'timelines', 'keyWeeks', 'keySlices', 'yearSlices', 'groupOverlaps', 'articleCounts'] as const;

const snapshot = async (db: GlossDb, { mostNamed = true } = {}) =>
  Object.fromEntries(
    await Promise.all(KEPT.map(async (name) => [name, (await db.table(name).toArray()).filter((record: { id?: string }) => mostNamed || record.id !== MOST_NAMED_ID)] as const)),
  );

/** The articles of the upgrade test: id, published time, outlet, counts, first seen. */
const ARTICLES: [string, string | null, string, Record<string, number>, number?][] = [
  ['k1', KCNA_MARCH_1, 'KCNA', { [KIM]: 2, [KIM2]: 1, [PY]: 1 }],
  ['k2', KCNA_MONDAY, 'KCNA', { [KIM]: 1 }],
  // 20:00 in New York on 31 March is 1 April in UTC.
  ['r1', '2024-03-31T20:00:00-04:00', 'Reuters', { [KIM2]: 3, [PY]: 2 }],
  ['y1', null, 'Yonhap', { [KIM]: 1 }, Date.parse('2024-02-29T23:30:00Z')],
  ['z1', '2024-05-10T12:00:00Z', 'Yonhap', { [PY]: 1 }],
];

/**
 * Reads ARTICLES into `db` with their published times as `timeOf` gives them, merges two keys,
 * counts, then queues two readings: k2 again (one more mention, the same time) and a KCNA item
 * of 07:00 in Pyongyang on New Year's Day 2025 (31 December in UTC).
 */
async function library(db: GlossDb, timeOf: (time: string | null) => string | null): Promise<void> {
  for (const [id, time, outlet, counts, firstSeenAt] of ARTICLES) await readArticle(db, id, timeOf(time), outlet, counts, { firstSeenAt });
  await correctKeys(db, { kind: 'merge', key: KIM2, into: KIM });
  await applyPending(db);
  await readArticle(db, 'k2', timeOf(KCNA_MONDAY), 'KCNA', { [KIM]: 2 });
  await readArticle(db, 'n1', timeOf('2025-01-01T07:00:00+09:00'), 'KCNA', { [KIM]: 1, [KIM2]: 1 });
}

describe('db/outlet-days: schema 14', () => {
  it('dates again the records and queued readings of a library filed by the UTC instant, and counts every period again, as a library read afresh holds them', async (context) => {
    // The library as Gloss left it before: articles filed under the instant their time names
    // (a time written in UTC gives the same), copied into a database of the versions before 14.
    const before = await freshDb(context, 'outlet-days-before');
    await library(before, (time) => time && new Date(time).toISOString());
    const name = `outlet-days-old-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    const older = SCHEMA_HISTORY.filter((v) => v.version < 14);
    for (const { version, stores } of older) old.version(version).stores(stores);
    await old.open();
    const tables = new Set(older.flatMap((v) => Object.keys(v.stores)));
    for (const table of tables) await old.table(table).bulkPut(await before.table(table).toArray());
    // Each article's time as the page gave it.
    for (const [id, time] of ARTICLES) await old.table('articles').update(id, { publishedTime: time });
    await old.table('articles').update('n1', { publishedTime: '2025-01-01T07:00:00+09:00' });
    // k1 and y1 in February (k1 at 23:00 UTC), k2 in March.
    expect(Object.entries((await old.table('timelines').get(KIM)).months).map(([month, count]) => [month, (count as { articles: number }).articles]).sort()).toEqual([
      ['2024-02', 2],
      ['2024-03', 1],
    ]);
    old.close();

    const upgraded = new GlossDb(name);
    context.onTestFinished(() => upgraded.delete());
    await upgraded.open();
    expect(upgraded.verno).toBe(SCHEMA_HISTORY.at(-1)?.version);
    const fresh = await freshDb(context, 'outlet-days-fresh');
    await library(fresh, (time) => time);
    // The most named keys' record held first and last seen as they were: it is read again at the next pass.
    expect(await snapshot(upgraded, { mostNamed: false })).toEqual(await snapshot(fresh, { mostNamed: false }));
    expect(await readMostNamed(upgraded)).toBeUndefined();
    expect((await upgraded.mentions.get('k1'))?.date).toBe(Date.parse('2024-03-01T08:00:00Z'));
    expect((await upgraded.mentions.get('y1'))?.date).toBe(Date.parse('2024-02-29T23:30:00Z'));
    expect(Object.entries((await upgraded.timelines.get(KIM))?.months ?? {}).map(([month, count]) => [month, count.articles]).sort()).toEqual([
      ['2024-02', 1],
      ['2024-03', 2],
    ]);
    expect((await upgraded.groupOverlaps.get(KIM))?.months).toEqual({ '2024-03': { articles: 1, outlets: { KCNA: 1 } } });
    // The queued readings are then counted as in the library read afresh: New Year's Day in 2025.
    await applyPending(upgraded);
    await applyPending(fresh);
    expect(await snapshot(upgraded)).toEqual(await snapshot(fresh));
    expect((await listEntitiesIn(upgraded, { from: '2025-01' })).map((r) => [r.key, r.articles])).toEqual([[KIM, 1]]);
    expect((await upgraded.yearSlices.toArray()).map((s) => [s.scope, s.year])).toEqual([
      ['all', '2024'],
      ['all', '2025'],
      ['outlet:KCNA', '2024'],
      ['outlet:KCNA', '2025'],
      ['outlet:Reuters', '2024'],
      ['outlet:Yonhap', '2024'],
    ]);
  });
});
