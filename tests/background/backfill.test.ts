import { describe, expect, it, vi } from 'vitest';
import { READ_LATELY_MS, articlesToFill, fillFromVersions, keyVersions } from '@/entrypoints/background/backfill';
import { libraryWriter } from '@/utils/db/library-writer';
import type { VersionChange } from '@/utils/db/library-writer';
import { recordArticle, recordFindings } from '@/utils/db/articles-repo';
import { keepVersion, listVersions } from '@/utils/db/versions-repo';
import type { GlossDb } from '@/utils/db/database';
import type { EntitySpan } from '@/utils/entities/types';
import { freshDb } from '../support/fresh-db';
import { reading } from '../support/versions';

const TEXT = 'Kim Jong Un visited Songchon County on Monday.';
const meta = { title: 'T', byline: null, siteName: 'KCNA Watch', publishedTime: '2024-05-20T09:14:00+09:00', lang: 'en', dir: null, excerpt: null, length: 40 };

/** An article read before the library kept mentions: its record and a stored version, no mentions. */
async function readBefore(db: GlossDb, id: string, text = TEXT) {
  await recordArticle(db, { id, url: id, canonicalUrl: null, meta });
  await keepVersion(db, reading(text, { articleId: id, url: id, canonicalUrl: id }));
}

/** A stand-in recognizer: every known name in the text, by its place. */
const recognize = vi.fn(async (text: string): Promise<EntitySpan[]> =>
  [
    ['PERSON', 'Kim Jong Un'],
    ['PLACE', 'Songchon County'],
  ].flatMap(([type, name]) => {
    const start = text.indexOf(name as string);
    return start < 0 ? [] : [{ type: type as EntitySpan['type'], key: name as string, start, end: start + (name as string).length }];
  }),
);

describe('background/backfill', () => {
  it('fills in the library from the latest stored copy of each article read before it, and counts them', async (context) => {
    const db = await freshDb(context, 'backfill');
    await readBefore(db, 'https://a.example/1');
    await readBefore(db, 'https://a.example/2', 'Songchon County was named alone.');
    // Read since: it has its mentions already and is left alone.
    await readBefore(db, 'https://a.example/3');
    await recordFindings(db, 'https://a.example/3', await recognize(TEXT), TEXT);

    expect((await articlesToFill(db)).sort()).toEqual(['https://a.example/1', 'https://a.example/2']);
    recognize.mockClear();
    // An article read lately is left to its own reading (it may be open in a tab).
    expect(await fillFromVersions(db, await articlesToFill(db), recognize, new Set(), Date.now())).toEqual({ filled: 0, passed: 2 });
    expect(recognize).not.toHaveBeenCalled();
    const report = await fillFromVersions(db, await articlesToFill(db), recognize, new Set(), Date.now() + READ_LATELY_MS);
    expect(report).toEqual({ filled: 2, passed: 0 });
    expect(recognize).toHaveBeenCalledTimes(2);
    expect((await db.mentions.get('https://a.example/1'))?.entries.map((e) => e.key)).toEqual(['PERSON:Kim Jong Un', 'PLACE:Songchon County']);
    // Counted into the summaries at the end, under the article's publication date (09:14 on the outlet's clock).
    expect(await db.entities.get('PLACE:Songchon County')).toMatchObject({ articles: 3 });
    expect(await db.entities.get('PERSON:Kim Jong Un')).toMatchObject({ articles: 2, firstSeen: Date.parse('2024-05-20T09:14:00Z') });
    expect(await articlesToFill(db)).toEqual([]);
  });

  it('passes over a copy that names nothing or cannot be read, trying it once, and loses nothing', async (context) => {
    const db = await freshDb(context, 'backfill-bad');
    await readBefore(db, 'https://a.example/empty', 'Nothing known is named here.');
    await readBefore(db, 'https://a.example/broken');
    const [broken] = await listVersions(db, 'https://a.example/broken');
    await db.versionBodies.put({ id: broken!.id, data: new Uint8Array([1, 2, 3]) });
    const tried = new Set<string>();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const report = await fillFromVersions(db, await articlesToFill(db, tried), recognize, tried, Date.now() + READ_LATELY_MS);
    expect(report).toEqual({ filled: 0, passed: 2 });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    // Not tried again in this worker's life; the article, its versions and copies are as they were.
    expect(await articlesToFill(db, tried)).toEqual([]);
    expect(await db.articles.count()).toBe(2);
    expect(await db.versions.count()).toBe(2);
    expect(await db.mentions.count()).toBe(0);
  });

  it('teaches stored versions kept without keys the keys their copies name, through the writer, once', async (context) => {
    const db = await freshDb(context, 'backfill-keys');
    const id = 'https://a.example/edited';
    await readBefore(db, id);
    await keepVersion(db, reading('Kim Jong Un visited alone.', { articleId: id, url: id, canonicalUrl: id }), Date.now() + 1000);
    await readBefore(db, 'https://a.example/broken');
    const [broken] = await listVersions(db, 'https://a.example/broken');
    await db.versionBodies.put({ id: broken!.id, data: new Uint8Array([1, 2, 3]) });
    const told: VersionChange[] = [];
    const writer = libraryWriter(db, async () => {}, async (change) => void told.push(change));
    const tried = new Set<string>();
    expect(await keyVersions(db, writer.learnVersionKeys, recognize, tried)).toEqual({ keyed: 2, passed: 1 });
    const [before, after] = await listVersions(db, id);
    expect(before).toMatchObject({ keys: ['PERSON:Kim Jong Un', 'PLACE:Songchon County'] });
    expect(after).toMatchObject({ keys: ['PERSON:Kim Jong Un'], droppedKeys: ['PLACE:Songchon County'] });
    // Announced with the records as stored now; the damaged copy is left as it is, and not read again.
    expect(told).toEqual([{ articleId: id, changed: [before, after] }]);
    expect((await listVersions(db, 'https://a.example/broken'))[0]!.keys).toBeUndefined();
    recognize.mockClear();
    expect(await keyVersions(db, writer.learnVersionKeys, recognize, tried)).toEqual({ keyed: 0, passed: 0 });
    expect(recognize).not.toHaveBeenCalled();
  });
});
