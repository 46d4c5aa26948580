import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { createBackup } from '@/utils/export/backup';
import { importLibrary, readLibrary } from '@/utils/export/import-library';
import { describeProblems } from '@/utils/export/problems';
import { readImportFile } from '@/utils/export/read-file';
import { exportW3c } from '@/utils/export/w3c';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { freshDb } from '../support/fresh-db';
import { HOSTILE_TAGS, hostileTags, seededRandom } from '../support/hostile';
import { byId, sampleLibrary } from '../support/library';

/** The same annotations as a Gloss backup and as a W3C file, each carrying `tags[i]` exactly as given. */
function bothFiles(tags: string[][]): { backup: string; w3c: string } {
  const base = sampleLibrary().annotations[1]!;
  const annotations: AnnotationRecord[] = tags.map((list, i) => ({ ...base, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, tags: list, textHash: '' }));
  const w3c = exportW3c(annotations);
  // The exporter writes what it is given; a file from elsewhere may carry any tag.
  return { backup: JSON.stringify(createBackup({ ...sampleLibrary(), annotations, settings: DEFAULT_SETTINGS })), w3c: JSON.stringify(w3c) };
}

const tagsOf = (text: string) => {
  const read = readImportFile(text);
  if (!read.ok) throw new Error(describeProblems(read.problems));
  return byId(read.value.data.annotations).map((a) => a.tags);
};

describe('export/read-file', () => {
  it('tells a Gloss backup from a W3C file and reads each', () => {
    const library = sampleLibrary();
    const backup = readImportFile(JSON.stringify(createBackup({ ...library, settings: DEFAULT_SETTINGS })));
    expect(backup.ok && backup.value.kind).toBe('backup');
    expect(backup.ok && backup.value.data.annotations.length).toBe(library.annotations.length);
    const w3c = readImportFile(JSON.stringify(exportW3c(library.annotations, library.articles)));
    expect(w3c.ok && w3c.value.kind).toBe('w3c');
    expect(w3c.ok && w3c.value.data.annotations.map((a) => a.id).sort()).toEqual(library.annotations.map((a) => a.id).sort());
  });

  it('says what is wrong and where: not JSON, a damaged backup, a newer backup, something else entirely', () => {
    const notJson = readImportFile('<html>not json</html>');
    expect(!notJson.ok && notJson.problems[0]!.message).toMatch(/not JSON/);
    const backup = createBackup({ ...sampleLibrary(), settings: DEFAULT_SETTINGS });
    (backup.annotations[0] as unknown as Record<string, unknown>).color = 'octarine';
    const damaged = readImportFile(JSON.stringify(backup));
    expect(!damaged.ok && damaged.problems.map((p) => p.path)).toContain('annotations[0].color');
    const newer = readImportFile(JSON.stringify({ ...backup, version: 99 }));
    expect(!newer.ok && newer.problems[0]!.message).toMatch(/newer/);
    expect(readImportFile('{"hello": "world"}').ok).toBe(false);
  });

  it('never throws: lists nested deep, a byte-order mark, the wrong kind of JSON, an empty file', () => {
    const depth = 200_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const deepId = readImportFile(`[{"type":"Annotation","id":${nested}}]`);
    expect(!deepId.ok && deepId.problems.map((p) => `${p.path}: ${p.message}`)).toContain('[0].id: is a list, not an IRI');
    const deepBackup = readImportFile(`{"format":"gloss-backup","version":1,"annotations":${nested}}`);
    expect(deepBackup.ok).toBe(false);
    const bom = readImportFile(`\ufeff${JSON.stringify(exportW3c(sampleLibrary().annotations))}`);
    expect(bom.ok && bom.value.data.annotations.length).toBe(4);
    for (const text of ['', 'null', '"text"', '42', '{}', '[[]]', JSON.stringify({ rows: [{ id: 1, uri: 'https://x.example/' }] })]) {
      const read = readImportFile(text);
      expect(read.ok, text).toBe(false);
      expect(!read.ok && read.problems.length).toBeGreaterThan(0);
    }
  });

  it('reads only ISO 8601 times and safe offsets from a W3C file', () => {
    const item = (extra: Record<string, unknown>) => ({
      id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
      type: 'Annotation',
      target: { source: 'https://news.example/a', selector: [{ type: 'TextQuoteSelector', exact: 'words' }, { type: 'TextPositionSelector', start: 3, end: 8 }] },
      ...extra,
    });
    const problem = (extra: Record<string, unknown>) => {
      const read = readImportFile(JSON.stringify([item(extra)]));
      return read.ok ? null : read.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    };
    // Date.parse alone reads "7" as July 2001.
    expect(problem({ created: '7' })).toBe('[0].created: is not a date and time: "7"');
    expect(problem({ created: 'Fri, 01 Mar 2024 09:00:00 GMT' })).toBe('[0].created: is not a date and time: "Fri, 01 Mar 2024 09:00:00 GMT"');
    expect(problem({ created: '2024-03-01' })).toBeNull();
    expect(problem({ created: '2024-03-01T09:00:00.5+09:00' })).toBeNull();
    expect(problem({ target: { source: 'https://news.example/a', selector: [{ type: 'TextQuoteSelector', exact: 'w' }, { type: 'TextPositionSelector', start: 1e300, end: 1e301 }] } })).toBe(
      '[0].target.selector[1].start: is 1e+300, not a whole number of characters\n[0].target.selector[1].end: is 1e+301, not a whole number of characters',
    );
  });

  describe('tags', () => {
    it('are cleaned the same way from a backup and from a W3C file', () => {
      const { backup, w3c } = bothFiles([[' ', '  a  ', 'A', 'a'], ['Juche', ' juche', 'self \n reliance', ''], HOSTILE_TAGS]);
      expect(tagsOf(backup)).toEqual([['a'], ['Juche', 'self reliance'], tagsOf(w3c)[2]]);
      expect(tagsOf(w3c)).toEqual(tagsOf(backup));
    });

    it('are cleaned the same way from both files (random hostile tags)', () => {
      const random = seededRandom(99);
      const tags = Array.from({ length: 300 }, () => hostileTags(random));
      const { backup, w3c } = bothFiles(tags);
      const fromBackup = tagsOf(backup);
      expect(tagsOf(w3c)).toEqual(fromBackup);
      for (const list of fromBackup) {
        expect(list.every((tag) => tag === tag.trim() && tag !== '' && !/\s\s/.test(tag))).toBe(true);
        expect(new Set(list.map((tag) => tag.toLowerCase())).size).toBe(list.length);
      }
    });

    it('measure a tag as it will be stored, in both files', () => {
      const padded = `   ${'t'.repeat(64)}   `;
      const { backup, w3c } = bothFiles([[padded]]);
      expect(tagsOf(backup)).toEqual([['t'.repeat(64)]]);
      expect(tagsOf(w3c)).toEqual([['t'.repeat(64)]]);
      const long = bothFiles([['t'.repeat(65)]]);
      expect(readImportFile(long.backup).ok).toBe(false);
      expect(readImportFile(long.w3c).ok).toBe(false);
    });

    describe('stored', () => {
      beforeEach(() => fakeBrowser.reset());

      it('end up the same in the library whichever file brought them', async (context) => {
        const random = seededRandom(7);
        const { backup, w3c } = bothFiles(Array.from({ length: 40 }, () => hostileTags(random)));
        const stored = async (text: string, name: string) => {
          const db = await freshDb(context, name);
          const read = readImportFile(text);
          if (!read.ok) throw new Error(describeProblems(read.problems));
          await importLibrary(db, read.value.data, { onDuplicate: 'skip' });
          return byId((await readLibrary(db)).annotations).map((a) => a.tags);
        };
        expect(await stored(w3c, 'tags-w3c')).toEqual(await stored(backup, 'tags-backup'));
      });
    });
  });
});
