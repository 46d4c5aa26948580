import { beforeEach, describe, expect, it } from 'vitest';
import { putStoredAnnotations, storedAnnotation } from '@/utils/db/annotations-repo';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { GlossDb } from '@/utils/db/database';
import { importLibrary, readLibrary } from '@/utils/export/import-library';
import { ImportRefused } from '@/utils/export/problems';
import { DEFAULT_SETTINGS, readSettings } from '@/utils/settings/settings';
import { freshDb } from '../support/fresh-db';
import { byId, GONE, OLDER, sampleLibrary, SPEECH } from '../support/library';

describe('export/import-library', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'import');
  });

  /** The library as stored, sorted so that two readings compare. */
  const snapshot = async () => {
    const { annotations, articles, watchlists } = await readLibrary(db);
    return { annotations: byId(annotations), articles: byId(articles), watchlists: byId(watchlists) };
  };

  it('reads every table and the settings', async () => {
    const library = sampleLibrary();
    await putStoredAnnotations(db, library.annotations.map((a) => storedAnnotation(a, undefined)));
    await db.articles.bulkAdd(library.articles);
    await db.watchlists.bulkAdd(library.watchlists);
    const read = await readLibrary(db);
    expect(byId(read.annotations)).toEqual(byId(library.annotations));
    expect(byId(read.articles)).toEqual(byId(library.articles));
    expect(read.watchlists).toEqual(library.watchlists);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('adds what is new and gives the article it lacks a minimal record', async () => {
    const library = sampleLibrary();
    const report = await importLibrary(db, library, { onDuplicate: 'skip' });
    expect(report).toEqual({
      annotations: { added: 4, updated: 0, skipped: 0, duplicates: [] },
      articles: { added: 3, updated: 0, skipped: 0, duplicates: [] },
      watchlists: { added: 1, updated: 0, skipped: 0, duplicates: [] },
      versions: { added: 0, updated: 0, skipped: 0, duplicates: [] },
      corrections: { added: 0, updated: 0, skipped: 0, duplicates: [] },
      settings: 'kept',
    });
    expect(await db.articles.get(GONE)).toEqual({
      id: GONE,
      url: GONE,
      canonicalUrl: null,
      title: GONE,
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: null,
      dir: null,
      excerpt: null,
      length: 0,
      firstSeenAt: 0,
      lastSeenAt: 1,
    });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('never puts a minimal record over an article the library or the file has', async () => {
    const [speech] = sampleLibrary().articles;
    await db.articles.add({ ...speech!, title: 'As stored' });
    const { annotations } = sampleLibrary();
    const report = await importLibrary(db, { annotations, articles: [sampleLibrary().articles[1]!] }, { onDuplicate: 'update' });
    expect(report.articles).toEqual({ added: 2, updated: 0, skipped: 0, duplicates: [] });
    expect((await db.articles.get(SPEECH))!.title).toBe('As stored');
    expect((await db.articles.get(OLDER))!.title).toBe('An older piece');
    expect((await db.articles.get(GONE))!.title).toBe(GONE);
  });

  it('skips records the library already holds, and reports their ids', async () => {
    const library = sampleLibrary();
    await importLibrary(db, library, { onDuplicate: 'skip' });
    const edited = sampleLibrary();
    edited.annotations[0]!.note = 'edited elsewhere';
    edited.watchlists[0]!.name = 'Renamed';
    const before = await snapshot();
    const report = await importLibrary(db, edited, { onDuplicate: 'skip' });
    expect(report.annotations).toEqual({ added: 0, updated: 0, skipped: 4, duplicates: library.annotations.map((a) => a.id) });
    // The minimal record of GONE is not in the file: it is neither skipped nor made again.
    expect(report.articles).toEqual({ added: 0, updated: 0, skipped: 2, duplicates: [SPEECH, OLDER] });
    expect(report.watchlists).toEqual({ added: 0, updated: 0, skipped: 1, duplicates: ['w1'] });
    expect(await snapshot()).toEqual(before);
  });

  it("updates records the library already holds with the file's, and adds the rest", async () => {
    const library = sampleLibrary();
    await importLibrary(db, { ...library, annotations: library.annotations.slice(0, 2) }, { onDuplicate: 'skip' });
    const edited = sampleLibrary();
    edited.annotations[0]!.note = 'edited elsewhere';
    edited.watchlists[0]!.name = 'Renamed';
    const report = await importLibrary(db, edited, { onDuplicate: 'update' });
    expect(report.annotations).toEqual({ added: 2, updated: 2, skipped: 0, duplicates: library.annotations.slice(0, 2).map((a) => a.id) });
    expect(report.watchlists).toEqual({ added: 0, updated: 1, skipped: 0, duplicates: ['w1'] });
    expect((await db.annotations.get(library.annotations[0]!.id))!.note).toBe('edited elsewhere');
    expect((await db.watchlists.get('w1'))!.name).toBe('Renamed');
    expect(await db.annotations.count()).toBe(4);
  });

  it('refuses bad data before writing anything, naming where it is', async () => {
    const library = sampleLibrary();
    await db.watchlists.add({ ...library.watchlists[0]!, id: 'kept' });
    const before = await snapshot();
    const bad = sampleLibrary();
    (bad.annotations[2] as { position: unknown }).position = { type: 'TextPositionSelector', start: -1, end: 4 };
    bad.annotations.push({ ...bad.annotations[0]! });
    const refused = await importLibrary(db, bad, { onDuplicate: 'update', settings: 'replace' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as ImportRefused).problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['annotations[2].position.start: is negative']);
    expect((refused as Error).message).toBe('Nothing was imported:\nannotations[2].position.start: is negative');
    expect(await snapshot()).toEqual(before);
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);

    const twice = sampleLibrary();
    twice.annotations.push({ ...twice.annotations[0]! });
    await expect(importLibrary(db, twice, { onDuplicate: 'skip' })).rejects.toThrow('annotations[4].id: is the id of annotations[0] too');
    expect(await snapshot()).toEqual(before);
  });

  it('writes all or nothing: a failure midway leaves the library as it was', async () => {
    const library = sampleLibrary();
    await db.articles.add({ ...library.articles[0]!, title: 'As stored' });
    const before = await snapshot();
    const failing = library.annotations[3]!.id;
    db.annotations.hook('creating', (_key, annotation) => {
      if (annotation.id === failing) throw new Error('disk full');
    });
    await expect(importLibrary(db, library, { onDuplicate: 'update', settings: 'replace' })).rejects.toThrow('disk full');
    expect(await snapshot()).toEqual(before);
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it("replaces the reader's settings only when asked, after the library is written", async () => {
    const library = sampleLibrary();
    expect((await importLibrary(db, library, { onDuplicate: 'skip' })).settings).toBe('kept');
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await importLibrary(db, library, { onDuplicate: 'skip', settings: 'replace' })).settings).toBe('replaced');
    expect(await readSettings()).toEqual(library.settings);
  });

  it('imports watchlists alone, touching only their table', async () => {
    const { watchlists } = sampleLibrary();
    const report = await importLibrary(db, { annotations: [], watchlists }, { onDuplicate: 'skip' });
    expect(report.watchlists.added).toBe(1);
    expect(await snapshot()).toEqual({ annotations: [], articles: [], watchlists });
  });

  it('does nothing for an empty import', async () => {
    const report = await importLibrary(db, { annotations: [] }, { onDuplicate: 'skip' });
    expect(report.annotations).toEqual({ added: 0, updated: 0, skipped: 0, duplicates: [] });
    expect(await snapshot()).toEqual({ annotations: [], articles: [], watchlists: [] });
  });

  it('brings the corrections of library keys, a key already corrected skipped or updated as asked', async () => {
    const merge = { key: 'PERSON:Kim Jong-un', mergedInto: 'PERSON:Kim Jong Un', updatedAt: 5 };
    await db.corrections.put({ key: 'ORG:Cabinet', hidden: true, updatedAt: 1 });
    const renamed = { key: 'ORG:Cabinet', name: 'The Cabinet', updatedAt: 6 };
    const first = await importLibrary(db, { annotations: [], corrections: [merge, renamed] }, { onDuplicate: 'skip' });
    expect(first.corrections).toEqual({ added: 1, updated: 0, skipped: 1, duplicates: ['ORG:Cabinet'] });
    expect(await db.corrections.get('ORG:Cabinet')).toEqual({ key: 'ORG:Cabinet', hidden: true, updatedAt: 1 });
    await importLibrary(db, { annotations: [], corrections: [renamed] }, { onDuplicate: 'update' });
    expect(await db.corrections.toArray()).toEqual([renamed, merge]);
  });

  it('refuses corrections whose merges loop with the reader’s own, writing nothing of the import', async () => {
    await db.corrections.put({ key: 'PERSON:Kim Jong-un', mergedInto: 'PERSON:Kim Jong Un', updatedAt: 1 });
    const library = { ...sampleLibrary(), corrections: [{ key: 'PERSON:Kim Jong Un', mergedInto: 'PERSON:Kim Jong-un', updatedAt: 2 }] };
    await expect(importLibrary(db, library, { onDuplicate: 'skip' })).rejects.toThrow(/corrections: with the corrections you have, a key’s merges loop/);
    expect([await db.annotations.count(), await db.articles.count(), await db.corrections.count()]).toEqual([0, 0, 1]);
  });
});
