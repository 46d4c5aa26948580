/**
 * Reads a file the reader chose to import: a Gloss backup or a W3C Web Annotation file, told
 * apart by the backup's format tag, checked whole before anything is written.
 */
import { validateBackup } from './backup';
import type { ParseResult } from './problems';
import type { LibraryImport } from './records';
import { annotationsFromW3c } from './w3c';

/** Larger files are refused before they are read (a backup of years of notes is far smaller). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export interface ReadImport {
  kind: 'backup' | 'w3c';
  data: LibraryImport;
}

/** What the file holds, or what is wrong with it and where. */
export function readImportFile(text: string): ParseResult<ReadImport> {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `The file is not JSON, so neither a Gloss backup nor W3C annotations (${(error as Error).message})` }] };
  }
  if (typeof root === 'object' && root !== null && 'format' in root) {
    const backup = validateBackup(root);
    return backup.ok ? { ok: true, value: { kind: 'backup', data: backup.value } } : backup;
  }
  const annotations = annotationsFromW3c(root);
  return annotations.ok ? { ok: true, value: { kind: 'w3c', data: { annotations: annotations.value } } } : annotations;
}
