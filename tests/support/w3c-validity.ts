/**
 * A structural check of a W3C Web Annotation file, for tests: what a JSON-LD processor and the
 * model need to hold, written from the specs rather than from Gloss's exporter, so the exporter
 * cannot agree with itself. Every `id` is an absolute IRI (RFC 3987, without the bidi formatting
 * characters its §4.1 forbids), a `urn:uuid:` holds a UUID, every `created` / `modified` is an
 * `xsd:dateTime`, the `@context` is the anno.jsonld one, and each annotation's target source is
 * an http(s) address. Answers the problems found, each with its place, so a test can show them.
 */

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

// XML Schema 1.1 Part 2, dateTime's lexical space (§3.3.7), timezone optional.
const XSD_DATE_TIME =
  /^-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|(24:00:00(\.0+)?))(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$/;

/** Whether `value` is in xsd:dateTime's lexical space and names a day that exists. */
export function isXsdDateTime(value: unknown): boolean {
  if (typeof value !== 'string' || !XSD_DATE_TIME.test(value)) return false;
  const [year, month, day] = value.replace(/^-/, '').split('T')[0]!.split('-').map(Number) as [number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

// RFC 3987 §2.2: the ASCII an IRI may hold outside percent-escapes (unreserved, reserved, '%').
const IRI_ASCII = /^[A-Za-z0-9\-._~!$&'()*+,;=:/?#[\]@%]$/;
// §4.1: LRM, RLM, LRE, RLE, PDF, LRO, RLO; the isolates (Unicode 6.3, after the RFC) likewise.
const BIDI_FORMATTING = new Set([0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

function isUcsChar(code: number): boolean {
  if (code < 0xa0 || (code >= 0xd800 && code <= 0xdfff)) return false; // controls, surrogates
  if (code >= 0xfdd0 && code <= 0xfdef) return false; // noncharacters
  if ((code & 0xfffe) === 0xfffe) return false; // U+xxFFFE, U+xxFFFF
  return !BIDI_FORMATTING.has(code);
}

/** Whether `value` is an absolute IRI (RFC 3987: a scheme, then only IRI characters). */
export function isAbsoluteIri(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(.+)$/s.exec(value);
  if (!match) return false;
  const rest = match[2]!;
  for (const char of rest) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 ? !IRI_ASCII.test(char) : !isUcsChar(code)) return false;
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(rest)) return false;
  const scheme = match[1]!.toLowerCase();
  // RFC 4122's namespace holds a UUID; RFC 8141 lets any URN carry a fragment (the collection's page).
  if (scheme === 'urn' && /^uuid:/i.test(rest)) return /^uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:#.*)?$/i.test(rest);
  if (scheme === 'http' || scheme === 'https') return /^\/\/[^/?#]/.test(rest);
  return true;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every problem that keeps `file` from being a valid W3C annotation document; empty when it is one. */
export function w3cProblems(file: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(file)) return ['the file is no JSON object'];
  if (file['@context'] !== ANNO_CONTEXT) problems.push(`@context is ${JSON.stringify(file['@context'])}`);
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (!isObject(value)) return;
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key === 'id' && !isAbsoluteIri(item)) problems.push(`${at} is not an absolute IRI: ${JSON.stringify(item)}`);
      if ((key === 'created' || key === 'modified') && !isXsdDateTime(item)) problems.push(`${at} is not an xsd:dateTime: ${JSON.stringify(item)}`);
      if (key === 'source' && !(isAbsoluteIri(item) && /^https?:/i.test(item as string))) problems.push(`${at} is not an http(s) IRI: ${JSON.stringify(item)}`);
      walk(item, at);
    }
    if (value.type === 'Annotation' && (!('id' in value) || !isObject(value.target))) problems.push(`${path} lacks an id or a target`);
  };
  walk(file, '');
  return problems;
}
