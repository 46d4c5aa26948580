/**
 * A stored version of an article: what the reader's copy of it was at one reading, defined once
 * (a valibot schema and the types inferred from it). The metadata lives in the `versions` table,
 * listed without reading any copy; the copy itself (sanitized HTML and the text model's string),
 * compressed, in `versionBodies` under the same id (see content.ts).
 */
import * as v from 'valibot';
import { MAX_KEYS } from '../mentions/extract';

const text = v.nullable(v.string());

/** The longest library key a version names that is kept. */
const MAX_KEY_LENGTH = 1_000;
const keyList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_KEY_LENGTH))), v.maxLength(MAX_KEYS));

/** What the outlet said of the article when this version was read. */
export const versionMetaSchema = v.object({
  title: v.string(),
  byline: text,
  siteName: text,
  /** As the page gives them (usually ISO 8601); not reinterpreted. */
  publishedTime: text,
  modifiedTime: text,
  lang: text,
  dir: v.nullable(v.picklist(['ltr', 'rtl'])),
});
export type VersionMeta = v.InferOutput<typeof versionMetaSchema>;

export const versionSchema = v.object({
  id: v.string(),
  /** The article's id (its normalized URL). */
  articleId: v.string(),
  /** SHA-256 (hex) of the text model's string: two readings with the same text are one version. */
  hash: v.pipe(v.string(), v.regex(/^[\da-f]{64}$/)),
  ...versionMetaSchema.entries,
  /** Where it was read, and the canonical address the page named. */
  url: v.string(),
  canonicalUrl: text,
  /** The first and the last reading that found this text. */
  firstSeenAt: v.number(),
  lastSeenAt: v.number(),
  /** Bytes of the copy as UTF-8, and as stored (compressed). */
  rawBytes: v.number(),
  storedBytes: v.number(),
  encoding: v.literal('gzip'),
  /**
   * The library keys (`TYPE:key`, as utils/mentions/extract.ts makes them) this version's text
   * names, indexed: which versions of an article named someone. Absent on versions kept before
   * Gloss recorded them.
   */
  keys: v.optional(keyList),
  /**
   * Keys the version before named and this one does not (indexed: the articles that stopped
   * naming someone); absent where either version's keys are not known.
   */
  droppedKeys: v.optional(keyList),
});
export type VersionRecord = v.InferOutput<typeof versionSchema>;

/** A copy as the reader page shows it: the sanitized article HTML and the text model's string. */
export const versionContentSchema = v.strictObject({ html: v.string(), text: v.string() });
export type VersionContent = v.InferOutput<typeof versionContentSchema>;

/** A version's copy as stored: its id and the compressed content. */
export interface VersionBody {
  id: string;
  data: Uint8Array;
}

/** What one reading of an article gives to keep as a version. */
export interface VersionCopy extends VersionContent {
  articleId: string;
  url: string;
  canonicalUrl: string | null;
  meta: VersionMeta;
  /** The library keys its text names (see `VersionRecord.keys`), when the reading was analyzed. */
  keys?: string[];
}
