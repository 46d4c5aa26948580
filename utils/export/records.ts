/**
 * What Gloss's records may hold on the way in, as valibot schemas: an import is checked against
 * these before anything is written. Annotations keep the protocol's limits (ANNOTATION_LIMITS),
 * so an imported annotation is one the page could have saved; the other limits are generous,
 * there to bound a damaged or hostile file, never to refuse what Gloss itself stored.
 */
import * as v from 'valibot';
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';
import { correctionSchema, type CorrectionRecord } from '../corrections/correction';
import { graphProblems } from '../corrections/resolve';
import { ENTITY_TYPES, type EntityType } from '../entities/types';
import { MAX_WATCHLIST_TERMS, type WatchlistRecord } from '../entities/watchlist';
import { ANNOTATION_LIMITS } from '../anchoring/annotation';
import { annotationFields, count, nonEmpty, text, timestamp } from '../messaging/protocol/annotation-schema';
import { httpUrl } from '../messaging/protocol/define';
import { cleanTags } from '../notes/tags';
import { KEEP_VERSIONS, type Settings } from '../settings/settings';
import type { VersionContent, VersionRecord } from '../versions/version';
import { MAX_KEYS } from '../mentions/extract';
import { joinPath, problemsOf, type ImportProblem, type ParseResult } from './problems';
import { formatCount } from '../text/count';

/** A stored version of an article as a backup carries it: its record and its copy, uncompressed. */
export interface VersionExport extends VersionRecord {
  content: VersionContent;
}

/** Everything a backup holds: the three tables, the settings, the stored versions unless left out, and the reader's corrections of library keys. */
export interface Library {
  annotations: AnnotationRecord[];
  articles: ArticleRecord[];
  watchlists: WatchlistRecord[];
  settings: Settings;
  versions?: VersionExport[];
  corrections?: CorrectionRecord[];
}

/** What an import brings: annotations at least (a W3C file carries nothing else). */
export interface LibraryImport {
  annotations: AnnotationRecord[];
  articles?: ArticleRecord[];
  watchlists?: WatchlistRecord[];
  settings?: Settings;
  versions?: VersionExport[];
  corrections?: CorrectionRecord[];
}

export const IMPORT_LIMITS = {
  /** Records of one kind in one file. */
  records: 1_000_000,
  /** An id (the protocol's bound for annotation ids). */
  id: 100,
  /** Article metadata (title, byline, excerpt, …) and watchlist names and notes. */
  text: 100_000,
  /** A watchlist term or alias (as term-lists.ts takes them). */
  term: 200,
  /** Host names of sites where Gloss is off. */
  sites: 100_000,
  /** A stored version's HTML or text (a page's HTML is sent for reading up to 16 MiB). */
  copy: 16 * 1024 * 1024,
} as const;


const id = nonEmpty(IMPORT_LIMITS.id);

// Tags come in as a file has them and are cleaned as the editor and every import clean them
// (" a  b " is "a b", "A" beside "a" is one tag, " " is none) before the limits apply.
const importedTags = v.pipe(
  v.array(text(IMPORT_LIMITS.text)),
  v.maxLength(IMPORT_LIMITS.term * ANNOTATION_LIMITS.tags, 'holds far more tags than an annotation can have'),
  v.transform((tags: string[]) => cleanTags(tags)),
  v.check((tags) => tags.every((tag) => tag.length <= ANNOTATION_LIMITS.tag), `holds a tag longer than ${ANNOTATION_LIMITS.tag} characters`),
  v.maxLength(ANNOTATION_LIMITS.tags, `has more than ${ANNOTATION_LIMITS.tags} tags`),
);

/** An annotation as an import brings it: what the page could have saved, its tags cleaned. */
const importedAnnotationSchema = v.strictObject({ ...annotationFields, tags: importedTags });

const metaText = v.nullable(text(IMPORT_LIMITS.text));

/** What Readability says of an article, as an article record and a stored version both keep it. */
const articleMeta = {
  url: httpUrl,
  canonicalUrl: v.nullable(httpUrl),
  title: text(IMPORT_LIMITS.text),
  byline: metaText,
  siteName: metaText,
  publishedTime: metaText,
  lang: v.nullable(text(100)),
  dir: v.nullable(v.picklist(['ltr', 'rtl'])),
};

const articleSchema = v.strictObject({
  id: httpUrl,
  ...articleMeta,
  excerpt: metaText,
  length: count,
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
  entityKeys: v.optional(v.pipe(v.array(text(IMPORT_LIMITS.term)), v.maxLength(10_000))),
  termLists: v.optional(v.pipe(v.array(text(IMPORT_LIMITS.term)), v.maxLength(10_000))),
});

const versionKeys = v.pipe(v.array(text(IMPORT_LIMITS.term)), v.maxLength(MAX_KEYS));

/** A stored version: its record as Gloss keeps it, and its copy (cleaned again when shown). */
const versionSchema = v.strictObject({
  id,
  articleId: httpUrl,
  hash: v.pipe(v.string(), v.regex(/^[\da-f]{64}$/, 'is not a SHA-256 in hex')),
  ...articleMeta,
  modifiedTime: metaText,
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
  rawBytes: count,
  storedBytes: count,
  encoding: v.literal('gzip'),
  // The library keys the version names and those it dropped (utils/versions/version.ts).
  keys: v.optional(versionKeys),
  droppedKeys: v.optional(versionKeys),
  content: v.strictObject({ html: text(IMPORT_LIMITS.copy), text: text(IMPORT_LIMITS.copy) }),
});

const termSchema = v.strictObject({
  term: nonEmpty(IMPORT_LIMITS.term),
  aliases: v.optional(v.array(text(IMPORT_LIMITS.term))),
  note: v.optional(text(IMPORT_LIMITS.text)),
});

const watchlistSchema = v.strictObject({
  id,
  name: nonEmpty(IMPORT_LIMITS.text),
  terms: v.pipe(v.array(termSchema), v.maxLength(MAX_WATCHLIST_TERMS, `has more than ${formatCount(MAX_WATCHLIST_TERMS)} terms`)),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const hexColor = v.optional(v.pipe(v.string(), v.regex(/^#[\da-f]{6}$/i, 'is not a #rrggbb color')));

// Settings gain fields over time and normalizeSettings fills what an older value lacks, so a
// field this version does not know is dropped rather than refused; the known ones are strict.
export const settingsSchema = v.object({
  hiddenTypes: v.array(v.picklist(ENTITY_TYPES)),
  hideAll: v.boolean(),
  disabledSites: v.pipe(v.array(text(1000)), v.maxLength(IMPORT_LIMITS.sites)),
  typeColors: v.optional(v.object({ PERSON: hexColor, ORG: hexColor, PLACE: hexColor, DATE: hexColor, TERM: hexColor } satisfies Record<EntityType, unknown>)),
  keepVersions: v.optional(v.picklist(KEEP_VERSIONS)),
});

const records = <S extends v.GenericSchema>(schema: S) =>
  v.pipe(v.array(schema), v.maxLength(IMPORT_LIMITS.records, `holds more than ${formatCount(IMPORT_LIMITS.records)} records`));

export const recordsSchemas = {
  annotations: records(importedAnnotationSchema),
  articles: records(articleSchema),
  watchlists: records(watchlistSchema),
  versions: records(versionSchema),
  corrections: records(correctionSchema),
};

// A backup (with its format, version and date) is an import as it stands: other keys are dropped.
const libraryImportSchema = v.object({
  annotations: recordsSchemas.annotations,
  articles: v.optional(recordsSchemas.articles),
  watchlists: v.optional(recordsSchemas.watchlists),
  settings: v.optional(settingsSchema),
  versions: v.optional(recordsSchemas.versions),
  corrections: v.optional(recordsSchemas.corrections),
});

/** What is wrong with the corrections as a whole (a key corrected twice, merges that loop), each at its record. */
export const correctionProblems = (corrections: readonly CorrectionRecord[]): ImportProblem[] =>
  graphProblems(corrections).map(({ index, message }) => ({ path: joinPath(['corrections', index]), message }));

/** Records of one table that share an id, each named after the first with that id. */
export function duplicateIds(records: readonly { id: string }[], table: string): ImportProblem[] {
  const first = new Map<string, number>();
  const problems: ImportProblem[] = [];
  records.forEach((record, i) => {
    const seen = first.get(record.id);
    if (seen === undefined) first.set(record.id, i);
    else problems.push({ path: joinPath([table, i, 'id']), message: `is the id of ${table}[${seen}] too` });
  });
  return problems;
}

/** Checks what an import brings: the records' shapes, then ids that appear twice. */
export function checkLibraryImport(data: unknown): ParseResult<LibraryImport> {
  const parsed = v.safeParse(libraryImportSchema, data);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.issues) };
  const { annotations, articles = [], watchlists = [], versions = [], corrections = [] } = parsed.output;
  const problems = [
    ...duplicateIds(annotations, 'annotations'),
    ...duplicateIds(articles, 'articles'),
    ...duplicateIds(watchlists, 'watchlists'),
    ...duplicateIds(versions, 'versions'),
    ...correctionProblems(corrections),
  ];
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.output };
}
