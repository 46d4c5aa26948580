import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { GlossDb } from '@/utils/db/database';
import { droppedNames } from '@/utils/db/dropped-names';
import { keepVersion, listVersions, readVersionContent } from '@/utils/db/versions-repo';
import { createBackup, parseBackup } from '@/utils/export/backup';
import { importLibrary, readLibrary } from '@/utils/export/import-library';
import { ImportRefused, describeProblems } from '@/utils/export/problems';
import type { VersionExport } from '@/utils/export/records';
import { freshDb } from '../support/fresh-db';
import { sampleLibrary } from '../support/library';
import { ARTICLE, reading } from '../support/versions';

/** A library with two stored versions of one article, exported with them. */
async function libraryWithVersions(db: GlossDb) {
  await keepVersion(db, reading('First text of the item.', { keys: ['PERSON:Kim Jong Un', 'PERSON:Ri Pyong Chol'] }), 1000);
  await keepVersion(db, reading('Edited text of the item.', { html: '<p>Edited <em>text</em> of the item.</p>', keys: ['PERSON:Kim Jong Un'] }), 2000);
  return readLibrary(db, { versions: true });
}

describe('export/import-library (stored versions)', () => {
  let db: GlossDb;
  let other: GlossDb;
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'versions-from');
    other = await freshDb(context, 'versions-to');
  });

  it('exports the versions with their copies, and brings them into another library exactly', async () => {
    const library = await libraryWithVersions(db);
    expect(library.versions?.map((v) => v.content.text)).toEqual(['First text of the item.', 'Edited text of the item.']);
    const parsed = parseBackup(JSON.stringify(createBackup(library)));
    if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
    const report = await importLibrary(other, parsed.value, { onDuplicate: 'skip' });
    expect(report.versions).toEqual({ added: 2, updated: 0, skipped: 0, duplicates: [] });
    expect(await listVersions(other, ARTICLE)).toEqual(await listVersions(db, ARTICLE));
    const [, edited] = await listVersions(other, ARTICLE);
    // The keys each version names and dropped come along, indexed: the dropped name is found there.
    expect(edited).toMatchObject({ keys: ['PERSON:Kim Jong Un'], droppedKeys: ['PERSON:Ri Pyong Chol'] });
    expect(await droppedNames(other, ['PERSON:Ri Pyong Chol'])).toMatchObject([{ articleId: ARTICLE, dropped: { versionId: edited!.id } }]);
    expect(await readVersionContent(other, edited!.id)).toEqual({ html: '<p>Edited <em>text</em> of the item.</p>', text: 'Edited text of the item.' });
  });

  it('leaves the versions out when asked, and a damaged copy out of the export, counted', async () => {
    expect((await readLibrary(db)).versions).toBeUndefined();
    await libraryWithVersions(db);
    const [first] = await listVersions(db, ARTICLE);
    await db.versionBodies.update(first!.id, { data: new Uint8Array([1, 2, 3]) });
    const library = await readLibrary(db, { versions: true });
    expect(library.versions?.map((v) => v.content.text)).toEqual(['Edited text of the item.']);
    expect(library.damagedVersions).toBe(1);
  });

  it('refuses a copy whose text is not the one its hash names, writing nothing at all', async () => {
    const library = await libraryWithVersions(db);
    const versions = library.versions!.map((v, i): VersionExport => (i === 1 ? { ...v, content: { ...v.content, text: 'Forged text.' } } : v));
    const error = await importLibrary(other, { ...sampleLibrary(), versions }, { onDuplicate: 'skip' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect(describeProblems((error as ImportRefused).problems)).toContain('versions[1].hash: does not match the text of the copy');
    expect([await other.annotations.count(), await other.articles.count(), await other.versions.count(), await other.versionBodies.count()]).toEqual([0, 0, 0, 0]);
  });

  it('writes all or nothing: a full disk at the copies leaves the library as it was', async () => {
    const library = await libraryWithVersions(db);
    vi.spyOn(other.versionBodies, 'bulkAdd').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await expect(importLibrary(other, { ...sampleLibrary(), versions: library.versions }, { onDuplicate: 'skip' })).rejects.toThrow();
    expect([await other.annotations.count(), await other.articles.count(), await other.versions.count()]).toEqual([0, 0, 0]);
  });

  it('skips versions the library holds, or takes the file’s', async () => {
    const library = await libraryWithVersions(db);
    const again = await importLibrary(db, { annotations: [], versions: library.versions }, { onDuplicate: 'skip' });
    expect(again.versions).toMatchObject({ added: 0, skipped: 2 });
    const updated = await importLibrary(db, { annotations: [], versions: library.versions!.map((v) => ({ ...v, title: 'Retitled' })) }, { onDuplicate: 'update' });
    expect(updated.versions).toMatchObject({ added: 0, updated: 2 });
    expect((await listVersions(db, ARTICLE)).map((v) => v.title)).toEqual(['Retitled', 'Retitled']);
  });

  it('still reads a version 1 backup (made before versions were kept), and refuses versions in one', async () => {
    const v1 = { ...createBackup(sampleLibrary()), version: 1 };
    const parsed = parseBackup(JSON.stringify(v1));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect((await importLibrary(other, parsed.value, { onDuplicate: 'skip' })).annotations.added).toBe(4);
    const library = await libraryWithVersions(db);
    const mixed = parseBackup(JSON.stringify({ ...createBackup(library), version: 1 }));
    expect(!mixed.ok && describeProblems(mixed.problems)).toContain('versions: is not part of a version 1 backup');
  });

  it('refuses a stored version with a bad field, naming it', async () => {
    const library = await libraryWithVersions(db);
    const json = JSON.parse(JSON.stringify(createBackup(library)));
    json.versions[0].hash = 'abc';
    json.versions[1].url = 'javascript:alert(1)';
    json.versions[1].content.extra = 1;
    const parsed = parseBackup(JSON.stringify(json));
    const text = !parsed.ok && describeProblems(parsed.problems);
    expect(text).toContain('versions[0].hash');
    expect(text).toContain('versions[1].url');
    expect(text).toContain('versions[1].content');
  });

  it('carries the reader’s choice of which articles to keep', () => {
    const backup = createBackup({ ...sampleLibrary(), settings: { ...sampleLibrary().settings, keepVersions: 'all' } });
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok && parsed.value.settings.keepVersions).toBe('all');
  });
});
