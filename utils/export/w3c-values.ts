/**
 * What an annotation's id and times must be in a W3C (JSON-LD) file, and how Gloss's own values
 * become them and back. An `id` there is an absolute IRI; Gloss writes `urn:uuid:<id>` for its own
 * ids (UUIDs) and keeps another tool's id when it is an IRI of a scheme that names a thing rather
 * than runs one: `urn:uuid:`, `http(s):` and `tag:`. Anything else a file calls an id (`" "`,
 * `"javascript:alert(1)"`, a relative path, an IRI holding spaces or bidi controls, one past the
 * 100 characters Gloss stores) is replaced by a `urn:uuid:` made from it.
 *
 * That replacement is derived from the old id (a hash, as a version-8 UUID), not drawn at random:
 * the id is how an import finds the annotations the library already holds, so the same file
 * imported twice must give the same ids, and two annotations that shared an id in the file
 * still do (and are refused as such). A version-8 UUID never equals a version-4 one, so a made-up
 * id cannot land on an annotation Gloss made. Gloss's own ids round-trip unchanged.
 *
 * Times are `xsd:dateTime` as `toISOString` writes them; Gloss keeps times from 1970 to the end
 * of 9999 (MAX_TIME), the range that has a four-digit year.
 */
import { MAX_TIME } from '../messaging/protocol/annotation-schema';
import { IMPORT_LIMITS } from './records';

export const UUID_URN = 'urn:uuid:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What RFC 3987 keeps out of an IRI: controls, white space, the delimiters <>"{}|\^` and (§4.1)
// the bidi formatting characters; and lone surrogates, which are no characters at all.
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const NOT_IN_IRI = /[\u0000-\u0020\u007f-\u009f\u00a0<>"{}|\\^`\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/u;
// RFC 4151: tag:<domain or e-mail>,<date>:<specific>.
const TAG_URI = /^tag:(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|[^\s@,:]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*),\d{4}(?:-\d{2}){0,2}:/i;

export const isUuid = (text: string): boolean => UUID.test(text);

/** Whether `iri` is an id Gloss keeps as it is: an absolute `urn:uuid:`, `http(s):` or `tag:` IRI it can store. */
export function isKeptIri(iri: string): boolean {
  if (iri.length > IMPORT_LIMITS.id || NOT_IN_IRI.test(iri)) return false;
  const lower = iri.toLowerCase();
  if (lower.startsWith(UUID_URN)) return isUuid(iri.slice(UUID_URN.length));
  if (lower.startsWith('tag:')) return TAG_URI.test(iri);
  if (!/^https?:\/\/[^/?#]/i.test(iri)) return false;
  try {
    return Boolean(new URL(iri).host);
  } catch {
    return false;
  }
}

const SEEDS = [0x811c9dc5, 0x050c5d1f, 0x2b1f7a4d, 0x6d2b79f5];
const MULTIPLIERS = [0x01000193, 0x5bd1e995, 0x27d4eb2f, 0x165667b1];

/** A 128-bit hash of `text` (four 32-bit FNV-1a-like lanes, each with its own seed and multiplier, then mixed): stable, not secret. */
function hash128(text: string): number[] {
  const lanes = [...SEEDS];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    for (let lane = 0; lane < 4; lane++) lanes[lane] = Math.imul(lanes[lane]! ^ code, MULTIPLIERS[lane]!);
  }
  // Each lane alone is weak on short texts: fold every lane into the others and avalanche (MurmurHash3's finalizer).
  return lanes.map((_, lane) => {
    let h = lanes[lane]! ^ Math.imul(lanes[(lane + 1) % 4]!, 0x9e3779b1) ^ Math.imul(lanes[(lane + 2) % 4]!, 0x85ebca77) ^ (lanes[(lane + 3) % 4]! >>> 7);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  });
}

/** The UUID (version 8, RFC 9562) that stands for a file's id that cannot be kept. */
export function uuidFor(id: string): string {
  const hex = hash128(id).map((word) => word.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The Gloss id of a file's annotation id: the UUID of a `urn:uuid:` (or a bare UUID), a kept IRI itself, else a UUID made from it. */
export function idOfIri(iri: string): string {
  if (iri.toLowerCase().startsWith(UUID_URN) && isUuid(iri.slice(UUID_URN.length))) return iri.slice(UUID_URN.length);
  if (isUuid(iri)) return iri;
  return isKeptIri(iri) ? iri : uuidFor(iri);
}

/** The IRI of a Gloss annotation id: `urn:uuid:<id>` for a UUID, a kept IRI as it is, else the `urn:uuid:` made from it (so `idOfIri` reads back what it wrote). */
export function annotationIri(id: string): string {
  const uuid = idOfIri(id);
  if (isUuid(uuid)) return `${UUID_URN}${uuid}`;
  return uuid;
}

/** Whether a time can be written as an `xsd:dateTime` with a four-digit year and stored by Gloss. */
export const isKeptTime = (time: number): boolean => Number.isInteger(time) && time >= 0 && time <= MAX_TIME;

/**
 * A stored time as an `xsd:dateTime`. Stored times are checked on the way in, but a library
 * written before the 9999 bound may hold a later one: it is written as the last time that has
 * the form rather than as text no reader of the format accepts.
 */
export const xsdDateTime = (time: number): string => new Date(Math.min(Math.max(time, 0), MAX_TIME)).toISOString();
