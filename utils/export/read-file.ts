/**
 * Reads a file the reader chose to import: a Gloss backup or a W3C Web Annotation file, told
 * apart by the backup's format tag, checked whole before anything is written. Whatever the file
 * holds (not JSON, lists nested thousands deep, the wrong kind of JSON), the answer is the file's
 * problems, never an exception.
 */
import { validateBackup } from './backup';
import type { ParseResult } from './problems';
import { withoutBom } from './read-text';
import type { LibraryImport } from './records';
import { annotationsFromW3c } from './w3c';

/** Larger files are refused before they are read (a backup of years of notes is far smaller). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export interface ReadImport {
  kind: 'backup' | 'w3c';
  data: LibraryImport;
}

/** What the file holds, or what is wrong with it and where; never throws, whatever the text. */
export function readImportFile(text: string): ParseResult<ReadImport> {
  let root: unknown;
  try {
    root = JSON.parse(withoutBom(text));
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `The file is not JSON, so neither a Gloss backup nor W3C annotations (${(error as Error).message})` }] };
  }
  try {
    if (typeof root === 'object' && root !== null && 'format' in root) {
      const backup = validateBackup(root);
      return backup.ok ? { ok: true, value: { kind: 'backup', data: backup.value } } : backup;
    }
    const annotations = annotationsFromW3c(root);
    return annotations.ok ? { ok: true, value: { kind: 'w3c', data: { annotations: annotations.value } } } : annotations;
  } catch (error) {
    // The checks walk no structure recursively; this is the last guard, so a file nobody foresaw still gets an answer.
    return { ok: false, problems: [{ path: '', message: `The file could not be read as a Gloss backup or W3C annotations (${error instanceof Error ? error.message : String(error)})` }] };
  }
}
