import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { GlossDb } from '@/utils/db/database';
import { BACKUP_VERSION, createBackup, parseBackup, validateBackup } from '@/utils/export/backup';
import { importLibrary, readLibrary } from '@/utils/export/import-library';
import { describeProblem, describeProblems } from '@/utils/export/problems';
import { freshDb } from '../support/fresh-db';
import { byId, randomLibrary, sampleLibrary } from '../support/library';

const NOW = Date.UTC(2024, 4, 1);

/** The problems of a backup's JSON value, one line each. */
function problems(value: unknown): string[] {
  const result = validateBackup(value);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map(describeProblem);
}

/** A sample backup as parsed JSON, to break in one place. */
const sampleJson = () => JSON.parse(JSON.stringify(createBackup(sampleLibrary(), NOW)));

describe('export/backup', () => {
  it('holds the whole library under a format tag, a version and the time it was made', () => {
    const library = sampleLibrary();
    expect(createBackup(library, NOW)).toEqual({ format: 'gloss-backup', version: 3, exportedAt: '2024-05-01T00:00:00.000Z', ...library });
  });

  it('carries the reader’s corrections of library keys, and still reads a version 2 backup, which has none', () => {
    const corrections = [{ key: 'PERSON:Kim Jong-un', mergedInto: 'PERSON:Kim Jong Un', updatedAt: 5 }, { key: 'ORG:Cabinet', hidden: true as const, name: 'The Cabinet', updatedAt: 6 }];
    const backup = createBackup({ ...sampleLibrary(), corrections }, NOW);
    expect(parseBackup(JSON.stringify(backup))).toEqual({ ok: true, value: backup });
    const older = { ...sampleJson(), version: 2 };
    expect(validateBackup(older)).toMatchObject({ ok: true, value: { version: 2 } });
    expect(problems({ ...older, corrections })).toEqual(['corrections: is not part of a version 2 backup']);
  });

  it('refuses corrections whose merges loop, or that correct a key twice, naming the record', () => {
    const merged = (key: string, into: string) => ({ key, mergedInto: into, updatedAt: 1 });
    expect(problems({ ...sampleJson(), corrections: [merged('PERSON:A', 'PERSON:B'), merged('PERSON:B', 'PERSON:C'), merged('PERSON:C', 'PERSON:A')] })).toEqual([
      'corrections[0]: its merges loop or chain more than 16 times',
      'corrections[1]: its merges loop or chain more than 16 times',
      'corrections[2]: its merges loop or chain more than 16 times',
    ]);
    expect(problems({ ...sampleJson(), corrections: [merged('PERSON:A', 'PERSON:B'), { key: 'PERSON:A', hidden: true, updatedAt: 1 }] })).toEqual(['corrections[1]: corrects PERSON:A a second time']);
    expect(problems({ ...sampleJson(), corrections: [{ key: 'PERSON:A', hidden: false, updatedAt: 1 }] })[0]).toMatch(/^corrections\[0\]\.hidden: /);
  });

  it('reads back exactly what it wrote', () => {
    const backup = createBackup(sampleLibrary(), NOW);
    expect(parseBackup(JSON.stringify(backup))).toEqual({ ok: true, value: backup });
  });

  it('refuses what is not JSON, or not a Gloss backup', () => {
    const notJson = parseBackup('{"format": "gloss-backup",');
    expect(!notJson.ok && describeProblems(notJson.problems)).toMatch(
      /^This is not a Gloss backup: the file is not JSON \(.+\)$/,
    );
    expect(problems([1, 2])).toEqual(['This is not a Gloss backup: the file holds no JSON object']);
    expect(problems({ ...sampleJson(), format: 'hypothesis-export' })).toEqual([
      'format: is "hypothesis-export": this is not a Gloss backup (expected "gloss-backup")',
    ]);
    expect(problems({ annotations: [] })).toEqual(['format: is missing: this is not a Gloss backup (expected "gloss-backup")']);
  });

  it('refuses a backup from a newer Gloss, saying so', () => {
    expect(problems({ ...sampleJson(), version: BACKUP_VERSION + 1 })).toEqual([
      'version: is 4: this backup was made by a newer Gloss, and this one reads version 3 at most. Update Gloss, then import it again.',
    ]);
    expect(problems({ ...sampleJson(), version: '1' })).toEqual(['version: is "1": expected a whole number, 3 for this Gloss']);
    expect(problems({ ...sampleJson(), version: undefined })).toEqual(['version: is missing: expected a whole number, 3 for this Gloss']);
  });

  it('names the path of every bad field, however deep', () => {
    const json = JSON.parse(JSON.stringify(createBackup(randomLibrary(5, { articles: 5, annotations: 20, watchlists: 3 }), NOW)));
    json.annotations[12].color = 'red';
    json.annotations[3].quote.prefix = 'x'.repeat(65);
    json.annotations[4].position.end = json.annotations[4].position.start;
    json.annotations[5].tags = ['ok', 7];
    json.annotations[6].createdAt = 1.5;
    json.annotations[7].articleId = 'javascript:alert(1)';
    delete json.annotations[8].note;
    json.annotations[9].extra = true;
    json.articles[1].dir = 'up';
    json.watchlists[2].terms = [{ term: '' }];
    json.settings.hiddenTypes = ['PERSON', 'GHOST'];
    json.settings.typeColors = { PERSON: 'red' };
    json.exportedAt = 'soon';
    expect(problems(json)).toEqual([
      'exportedAt: is not a date and time',
      'annotations[3].quote.prefix: is longer than 64 characters',
      'annotations[4].position: ends before it starts',
      'annotations[5].tags[1]: Invalid type: Expected string but received 7',
      'annotations[6].createdAt: is not a whole number',
      'annotations[7].articleId: must be an http(s) URL',
      'annotations[8].note: Invalid key: Expected "note" but received undefined',
      'annotations[9].extra: Invalid key: Expected never but received "extra"',
      'annotations[12].color: Invalid type: Expected ("yellow" | "green" | "blue" | "pink" | "purple") but received "red"',
      'articles[1].dir: Invalid type: Expected ("ltr" | "rtl") but received "up"',
      'watchlists[2].terms[0].term: is empty',
      'settings.hiddenTypes[1]: Invalid type: Expected ("PERSON" | "ORG" | "PLACE" | "DATE" | "TERM") but received "GHOST"',
      'settings.typeColors.PERSON: is not a #rrggbb color',
    ]);
  });

  it('keeps times whose ISO form has a four-digit year, and refuses a later one by name', () => {
    const json = sampleJson();
    json.annotations[0].createdAt = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    json.annotations[0].updatedAt = json.annotations[0].createdAt;
    expect(validateBackup(json).ok).toBe(true);
    json.annotations[1].updatedAt = 8.64e15;
    json.articles[0].lastSeenAt = Date.UTC(10000, 0, 1);
    expect(problems(json)).toEqual(['annotations[1].updatedAt: is after the year 9999', 'articles[0].lastSeenAt: is after the year 9999']);
  });

  it('cleans tags as the editor does, then holds them to the limits', () => {
    const json = sampleJson();
    json.annotations[0].tags = [' ', '  a  ', 'A', 'a', ` ${'t'.repeat(64)} `];
    const read = validateBackup(json);
    expect(read.ok && read.value.annotations[0]!.tags).toEqual(['a', 't'.repeat(64)]);
    json.annotations[0].tags = ['t'.repeat(65)];
    expect(problems(json)).toEqual(['annotations[0].tags: holds a tag longer than 64 characters']);
    json.annotations[0].tags = Array.from({ length: 51 }, (_, i) => `tag ${i}`);
    expect(problems(json)).toEqual(['annotations[0].tags: has more than 50 tags']);
    json.annotations[0].tags = Array.from({ length: 51 }, (_, i) => (i % 2 ? `TAG ${i % 10}` : `tag ${i % 10}`));
    expect(validateBackup(json).ok).toBe(true);
  });

  it('refuses two records of one kind with the same id', () => {
    const json = sampleJson();
    json.annotations[3].id = json.annotations[1].id;
    json.watchlists.push({ ...json.watchlists[0] });
    expect(problems(json)).toEqual(['annotations[3].id: is the id of annotations[1] too', 'watchlists[1].id: is the id of watchlists[0] too']);
  });

  it('lists the first few of many problems and counts the rest', () => {
    const json = sampleJson();
    json.annotations = Array.from({ length: 25 }, () => ({ ...json.annotations[0], color: 'red' }));
    const result = validateBackup(json);
    expect(result.ok).toBe(false);
    const message = describeProblems(!result.ok ? result.problems : []);
    expect(message.split('\n')).toHaveLength(11);
    expect(message).toMatch(/^annotations\[0\]\.color: .*\n[\s\S]*\n… and 15 more$/);
  });

  describe('round trip of random libraries', () => {
    let db: GlossDb;
    beforeEach(async (context) => {
      fakeBrowser.reset();
      db = await freshDb(context, 'backup');
    });

    // 2,000 annotations through IndexedDB: seconds on a loaded machine.
    it('exports, wipes, imports and finds every record and the settings as they were', { timeout: 60_000 }, async () => {
      const library = randomLibrary(1789);
      // Corrections too: a chain of merges, a name, a key hidden.
      library.corrections = [
        { key: 'PERSON:Kim Jong-un', mergedInto: 'PERSON:Kim Jong Un', updatedAt: 3 },
        { key: 'PERSON:Kim Jong Un', mergedInto: 'PERSON:Marshal Kim', name: 'Kim Jong Un', updatedAt: 4 },
        { key: 'ORG:Cabinet', hidden: true, updatedAt: 5 },
      ];
      expect(library.annotations.length).toBeGreaterThanOrEqual(2000);
      expect(library.annotations.some((a) => a.note.length >= 50_000)).toBe(true);
      const notes = library.annotations.map((a) => a.note).join('');
      for (const hostile of ['👩‍👩‍👧', '조선중앙통신', 'مرحبا', '\n', '"', ',', '\uD800']) expect(notes).toContain(hostile);
      const tags = new Set(library.annotations.flatMap((a) => a.tags));
      for (const odd of ['<b>x</b>', '#a', 'a,b']) expect(tags).toContain(odd);
      const text = JSON.stringify(createBackup(library, NOW));

      const parsed = parseBackup(text);
      if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
      const report = await importLibrary(db, parsed.value, { onDuplicate: 'skip', settings: 'replace' });
      expect(report).toEqual({
        annotations: { added: library.annotations.length, updated: 0, skipped: 0, duplicates: [] },
        articles: { added: library.articles.length, updated: 0, skipped: 0, duplicates: [] },
        watchlists: { added: library.watchlists.length, updated: 0, skipped: 0, duplicates: [] },
        versions: { added: 0, updated: 0, skipped: 0, duplicates: [] },
        corrections: { added: 3, updated: 0, skipped: 0, duplicates: [] },
        settings: 'replaced',
      });

      const restored = await readLibrary(db);
      expect(byId(restored.annotations)).toEqual(byId(library.annotations));
      expect(byId(restored.articles)).toEqual(byId(library.articles));
      expect(byId(restored.watchlists)).toEqual(byId(library.watchlists));
      expect(restored.settings).toEqual(library.settings);
      const byKey = (records: typeof library.corrections = []) => [...records].sort((a, b) => (a.key < b.key ? -1 : 1));
      expect(restored.corrections).toEqual(byKey(library.corrections));
      expect(JSON.stringify(createBackup({ ...restored, annotations: byId(restored.annotations), articles: byId(restored.articles), watchlists: byId(restored.watchlists), corrections: byKey(restored.corrections) }, NOW))).toBe(
        JSON.stringify(createBackup({ ...library, annotations: byId(library.annotations), articles: byId(library.articles), watchlists: byId(library.watchlists), corrections: byKey(library.corrections) }, NOW)),
      );
    });
  });
});
