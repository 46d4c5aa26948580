/**
 * A full Gloss backup: every annotation, article and watchlist, the settings and (unless the
 * reader leaves them out) the stored versions of articles with their copies, in one JSON file that
 * Gloss reads back exactly, with the reader's corrections of library keys (version 3). Versions 1
 * (before versions were kept) and 2 (before corrections) are still read. The parser is strict: every record must have the shape
 * and the limits Gloss stores (see records.ts), and each problem is named by its path
 * (`annotations[12].color: …`). A backup from a newer Gloss is refused, not half read.
 */
import * as v from 'valibot';
import { correctionProblems, duplicateIds, recordsSchemas, settingsSchema, type Library } from './records';
import { problemsOf, type ImportProblem, type ParseResult } from './problems';
import { withoutBom } from './read-text';

export const BACKUP_FORMAT = 'gloss-backup';
/** The version this Gloss writes and the newest it reads (2: stored versions of articles; 3: corrections of library keys). */
export const BACKUP_VERSION = 3;
/** Backups this Gloss reads: version 1 holds no stored versions, 1 and 2 no corrections. */
const READ_VERSIONS: readonly number[] = [1, 2, 3];

export interface GlossBackup extends Library {
  format: typeof BACKUP_FORMAT;
  version: 1 | 2 | typeof BACKUP_VERSION;
  /** When the backup was made, ISO 8601. */
  exportedAt: string;
}

const backupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.picklist([1, 2, BACKUP_VERSION]),
  exportedAt: v.pipe(
    v.string(),
    v.check((text) => Number.isFinite(Date.parse(text)), 'is not a date and time'),
  ),
  annotations: recordsSchemas.annotations,
  articles: recordsSchemas.articles,
  watchlists: recordsSchemas.watchlists,
  settings: settingsSchema,
  versions: v.optional(recordsSchemas.versions),
  corrections: v.optional(recordsSchemas.corrections),
});

/** The backup of `library`, made at `now`. */
export function createBackup(library: Library, now = Date.now()): GlossBackup {
  // Only the library's own parts: whatever else the caller's object carries stays out of the file.
  const { annotations, articles, watchlists, settings, versions, corrections } = library;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    annotations,
    articles,
    watchlists,
    settings,
    ...(versions && { versions }),
    ...(corrections && { corrections }),
  };
}

const refuse = (path: string, message: string): ParseResult<GlossBackup> => ({ ok: false, problems: [{ path, message }] });

/** The backup in a parsed JSON value, or every problem with it and where it is. */
export function validateBackup(value: unknown): ParseResult<GlossBackup> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse('', 'This is not a Gloss backup: the file holds no JSON object');
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) {
    return refuse('format', `is ${format === undefined ? 'missing' : JSON.stringify(format)}: this is not a Gloss backup (expected "${BACKUP_FORMAT}")`);
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return refuse('version', `is ${version}: this backup was made by a newer Gloss, and this one reads version ${BACKUP_VERSION} at most. Update Gloss, then import it again.`);
  }
  if (!READ_VERSIONS.includes(version as number)) {
    return refuse('version', `is ${version === undefined ? 'missing' : JSON.stringify(version)}: expected a whole number, ${BACKUP_VERSION} for this Gloss`);
  }
  if (version === 1 && 'versions' in value) return refuse('versions', 'is not part of a version 1 backup');
  if (version !== BACKUP_VERSION && 'corrections' in value) return refuse('corrections', `is not part of a version ${String(version)} backup`);
  const parsed = v.safeParse(backupSchema, value);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.issues) };
  const backup = parsed.output;
  const problems: ImportProblem[] = [
    ...duplicateIds(backup.annotations, 'annotations'),
    ...duplicateIds(backup.articles, 'articles'),
    ...duplicateIds(backup.watchlists, 'watchlists'),
    ...duplicateIds(backup.versions ?? [], 'versions'),
    ...correctionProblems(backup.corrections ?? []),
  ];
  return problems.length ? { ok: false, problems } : { ok: true, value: backup };
}

/** The backup in a file's text, or every problem with it and where it is. */
export function parseBackup(text: string): ParseResult<GlossBackup> {
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(text));
  } catch (error) {
    return refuse('', `This is not a Gloss backup: the file is not JSON (${(error as Error).message})`);
  }
  return validateBackup(value);
}
