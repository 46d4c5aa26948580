import { beforeEach, describe, expect, it } from 'vitest';
import type { GlossDb } from '@/utils/db/database';
import { DAY_MS, MAX_VERSIONS_PER_DAY, keepVersion, latestVersion, listVersions, readVersionContent, versionStats } from '@/utils/db/versions-repo';
import { CorruptVersionError } from '@/utils/versions/content';
import { freshDb } from '../support/fresh-db';
import { ARTICLE, reading } from '../support/versions';

describe('db/versions-repo', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    db = await freshDb(context, 'versions');
  });

  it('keeps a first reading as a version with its metadata, hash and sizes', async () => {
    const outcome = await keepVersion(db, reading('The factory was opened.'), 1000);
    expect(outcome.kind).toBe('added');
    const [version] = await listVersions(db, ARTICLE);
    expect(version).toMatchObject({
      articleId: ARTICLE,
      title: 'Kim Jong Un inspects regional factories',
      siteName: 'KCNA Watch',
      canonicalUrl: ARTICLE,
      url: `${ARTICLE}?from=rss`,
      firstSeenAt: 1000,
      lastSeenAt: 1000,
      encoding: 'gzip',
    });
    expect(version!.hash).toMatch(/^[\da-f]{64}$/);
    expect(version!.storedBytes).toBe((await db.versionBodies.get(version!.id))!.data.byteLength);
    expect(version!.rawBytes).toBeGreaterThan(0);
    expect(await readVersionContent(db, version!.id)).toEqual({ html: '<p>The factory was opened.</p>', text: 'The factory was opened.' });
  });

  it('updates only "last seen" when the text is the latest version’s', async () => {
    await keepVersion(db, reading('Same text.'), 1000);
    // The same text with other HTML or metadata is the same version: the text model is what is read.
    const again = await keepVersion(db, reading('Same text.', { html: '<p>Same <b>text</b>.</p>' }), 5000);
    expect(again).toMatchObject({ kind: 'seen', version: { firstSeenAt: 1000, lastSeenAt: 5000 } });
    expect(await db.versions.count()).toBe(1);
    expect(await db.versionBodies.count()).toBe(1);
    expect(await latestVersion(db, ARTICLE)).toMatchObject({ firstSeenAt: 1000, lastSeenAt: 5000 });
    expect((await readVersionContent(db, again.kind === 'seen' ? again.version.id : '')).html).toBe('<p>Same text.</p>');
  });

  it('adds a version when the text changes, and again when it changes back', async () => {
    await keepVersion(db, reading('First text.'), 1000);
    await keepVersion(db, reading('Edited text.'), 2000);
    await keepVersion(db, reading('First text.'), 3000);
    expect((await listVersions(db, ARTICLE)).map((v) => [v.firstSeenAt, v.lastSeenAt])).toEqual([[1000, 1000], [2000, 2000], [3000, 3000]]);
    const other = await keepVersion(db, reading('First text.', { articleId: 'https://other.example/1' }), 4000);
    expect(other.kind).toBe('added');
    expect(await listVersions(db, ARTICLE)).toHaveLength(3);
  });

  it(`keeps at most ${MAX_VERSIONS_PER_DAY} versions of an article in 24 hours (a live ticker)`, async () => {
    const start = 10 * DAY_MS;
    for (let i = 0; i < MAX_VERSIONS_PER_DAY; i++) expect((await keepVersion(db, reading(`Tick ${i}`), start + i * 60_000)).kind).toBe('added');
    const capped = await keepVersion(db, reading('Tick 24'), start + 30 * 60_000);
    expect(capped).toMatchObject({ kind: 'capped', latest: { firstSeenAt: start + 23 * 60_000 } });
    expect(await db.versions.count()).toBe(MAX_VERSIONS_PER_DAY);
    expect(await db.versionBodies.count()).toBe(MAX_VERSIONS_PER_DAY);
    // The latest text read again is still only seen.
    expect((await keepVersion(db, reading('Tick 23'), start + 31 * 60_000)).kind).toBe('seen');
    // Once the first of the day's versions is a day old, there is room for one more.
    expect((await keepVersion(db, reading('Tick 25'), start + DAY_MS)).kind).toBe('added');
    expect((await keepVersion(db, reading('Tick 26'), start + DAY_MS + 1)).kind).toBe('capped');
  });

  it('keeps versions in reading order even when the clock goes back', async () => {
    await keepVersion(db, reading('One.'), 5000);
    await keepVersion(db, reading('Two.'), 4000);
    expect((await listVersions(db, ARTICLE)).map((v) => v.firstSeenAt)).toEqual([5000, 5001]);
    expect((await latestVersion(db, ARTICLE))?.firstSeenAt).toBe(5001);
  });

  it('says a version whose copy is missing or damaged is corrupt', async () => {
    const outcome = await keepVersion(db, reading('Text.'), 1000);
    const id = outcome.kind === 'added' ? outcome.version.id : '';
    await db.versionBodies.update(id, { data: new Uint8Array([31, 139, 8, 0, 1, 2, 3]) });
    await expect(readVersionContent(db, id)).rejects.toThrow(CorruptVersionError);
    await db.versionBodies.delete(id);
    await expect(readVersionContent(db, id)).rejects.toThrow('its copy is missing');
  });

  it('counts the versions kept, of how many articles, and their bytes, without reading a copy', async () => {
    expect(await versionStats(db)).toEqual({ versions: 0, articles: 0, storedBytes: 0, rawBytes: 0 });
    await keepVersion(db, reading('One.'), 1000);
    await keepVersion(db, reading('Two.'), 2000);
    await keepVersion(db, reading('One.', { articleId: 'https://kcna.example/other' }), 3000);
    const all = await db.versions.toArray();
    await db.versionBodies.clear();
    expect(await versionStats(db)).toEqual({
      versions: 3,
      articles: 2,
      storedBytes: all.reduce((sum, v) => sum + v.storedBytes, 0),
      rawBytes: all.reduce((sum, v) => sum + v.rawBytes, 0),
    });
  });
});
