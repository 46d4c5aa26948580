import { describe, expect, it } from 'vitest';
import { createBackup } from '@/utils/export/backup';
import { readImportFile } from '@/utils/export/read-file';
import { exportW3c } from '@/utils/export/w3c';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { sampleLibrary } from '../support/library';

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
});
