/**
 * Annotations in the W3C Web Annotation Data Model (JSON-LD), the exchange form other annotation
 * tools read: an AnnotationCollection whose first page holds every annotation. Each keeps its
 * passage (TextQuoteSelector and TextPositionSelector on the article's address), the note as a
 * commenting body in Markdown, each tag as a tagging body, and its times.
 *
 * The color goes in the target's `styleClass` ("gloss-note-yellow"), the class Gloss paints the
 * passage with, and no stylesheet comes with it. `styleClass` is the model's own term for how a
 * target is shown, so it stays in the data through JSON-LD processing, where a custom property
 * outside the anno.jsonld context would be dropped; a tool that knows nothing of Gloss ignores it.
 *
 * The importer reads such a collection back, and also a lone AnnotationPage, a bare list of
 * Annotations, or one Annotation. It tolerates what it does not use (other bodies, selectors,
 * properties); what an annotation cannot do without (its id, its type, the article's address,
 * the quote and its position) is a problem, named with its place in the file. An id that is there
 * but is no IRI Gloss keeps (`" "`, `javascript:…`) is replaced by a `urn:uuid:` made from it,
 * and a time must be ISO 8601 within 1970–9999 (see w3c-values.ts); tags are cleaned as
 * everywhere else (notes/tags.ts). The model has no place for the hash of the article's text, so
 * an imported annotation has none ('', as the schema upgrade gives older ones) and anchoring
 * reports the text as changed since it was made.
 */
import { ANNOTATION_COLORS, type AnnotationRecord } from '../anchoring/annotation';
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';
import type { ArticleRecord } from '../article/types';
import { normalizeArticleUrl } from '../article/url';
import { ANNOTATION_LIMITS } from '../messaging/protocol/define';
import { newId } from '../ids';
import { cleanTags } from '../notes/tags';
import { groupByArticle } from './order';
import { joinPath, type ImportProblem, type ParseResult } from './problems';
import { withoutBom } from './read-text';
import { annotationIri, idOfIri, isKeptTime, UUID_URN, xsdDateTime } from './w3c-values';
import { formatCount } from '../text/count';

export { annotationIri, idOfIri };

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The style class of a Gloss color: the name Gloss paints it under, too. */
const STYLE_CLASS_PREFIX = 'gloss-note-';

export interface W3cTextualBody {
  type: 'TextualBody';
  value: string;
  format?: string;
  purpose: 'commenting' | 'tagging';
}

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  motivation: 'highlighting' | 'commenting';
  /** Left out when the annotation has neither note nor tags. */
  body?: W3cTextualBody[];
  target: {
    source: string;
    styleClass: string;
    selector: [TextQuoteSelector, TextPositionSelector];
  };
}

export interface W3cCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

/** One annotation in the Web Annotation model. */
export function toW3cAnnotation(annotation: AnnotationRecord): W3cAnnotation {
  const body: W3cTextualBody[] = [];
  if (annotation.note) body.push({ type: 'TextualBody', value: annotation.note, format: 'text/markdown', purpose: 'commenting' });
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const { type: quoteType, exact, prefix, suffix } = annotation.quote;
  const { type: positionType, start, end } = annotation.position;
  return {
    id: annotationIri(annotation.id),
    type: 'Annotation',
    created: xsdDateTime(annotation.createdAt),
    modified: xsdDateTime(annotation.updatedAt),
    motivation: annotation.note ? 'commenting' : 'highlighting',
    ...(body.length ? { body } : {}),
    target: {
      source: annotation.articleId,
      styleClass: `${STYLE_CLASS_PREFIX}${annotation.color}`,
      selector: [
        { type: quoteType, exact, prefix, suffix },
        { type: positionType, start, end },
      ],
    },
  };
}

/** The annotations as one W3C AnnotationCollection, in the order of the other exports. */
export function exportW3c(
  annotations: readonly AnnotationRecord[],
  articles: readonly ArticleRecord[] = [],
  { id = `${UUID_URN}${newId()}`, label = 'Gloss annotations' } = {},
): W3cCollection {
  const items = groupByArticle(annotations, articles).flatMap((group) => group.annotations.map(toW3cAnnotation));
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

// ——— Reading ———

type Path = (string | number)[];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
/** Whether a node has `type` (JSON-LD allows a list of types, and the `oa:` prefixed form). */
const hasType = (node: Json, type: string) => asList(node.type).some((t) => t === type || t === `oa:${type}`);
/** A value as a problem names it: short, and never by walking it (a file can nest lists thousands deep). */
function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

class Problems {
  readonly list: ImportProblem[] = [];
  add(path: Path, message: string): void {
    this.list.push({ path: joinPath(path), message });
  }
}

interface Located {
  value: unknown;
  path: Path;
}

/** The annotations of a page and of the pages embedded after it. */
function pageItems(page: Json, path: Path, problems: Problems): Located[] {
  const found: Located[] = [];
  let current: Json | undefined = page;
  let at = path;
  while (current) {
    const items: unknown = current.items;
    if (!Array.isArray(items)) {
      problems.add([...at, 'items'], items === undefined ? 'is missing: a page holds its annotations in "items"' : 'is not a list');
    } else {
      items.forEach((value, i) => found.push({ value, path: [...at, 'items', i] }));
    }
    const next: unknown = current.next;
    if (typeof next === 'string') problems.add([...at, 'next'], 'the collection goes on in pages that are not in this file');
    current = isObject(next) ? next : undefined;
    at = [...at, 'next'];
  }
  return found;
}

/** Where the annotations are in a parsed file, whichever of the accepted shapes it has. */
function locateItems(root: unknown, problems: Problems): Located[] {
  if (Array.isArray(root)) {
    // A list from another tool (a Hypothesis or Readwise export, a list of notes) is named as such
    // once, rather than as every field of every entry missing.
    if (root.length && !root.some((value) => isObject(value) && hasType(value, 'Annotation'))) {
      const entries = root.length === 1 ? 'its one entry is not' : `none of its ${formatCount(root.length)} entries is`;
      problems.add([], `is not a W3C annotation file: ${entries} an Annotation (with "type": "Annotation")`);
      return [];
    }
    return root.map((value, i) => ({ value, path: [i] }));
  }
  if (!isObject(root)) {
    problems.add([], 'is not a W3C annotation file: expected an AnnotationCollection, an AnnotationPage or a list of Annotations');
    return [];
  }
  if (hasType(root, 'AnnotationCollection')) {
    const first = root.first;
    if (isObject(first)) return pageItems(first, ['first'], problems);
    if (typeof first === 'string') problems.add(['first'], 'is a link: the annotations are not in this file');
    else if (root.total === 0 && first === undefined) return [];
    else problems.add(['first'], 'is missing: a collection holds its annotations in its first page');
    return [];
  }
  if (hasType(root, 'AnnotationPage')) return pageItems(root, [], problems);
  if (hasType(root, 'Annotation')) return [{ value: root, path: [] }];
  problems.add(['type'], `is ${shown(root.type)}: expected an AnnotationCollection, an AnnotationPage or a list of Annotations`);
  return [];
}

const ISO_DATE_TIME = /^[+-]?\d{4,6}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/i;

function readTime(node: Json, key: string, path: Path, problems: Problems): number | undefined {
  const value = node[key];
  if (value === undefined) return undefined;
  // ISO 8601 only, as xsd:dateTime is: Date.parse would also take "7" (as July 2001).
  const time = typeof value === 'string' && ISO_DATE_TIME.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(time)) {
    problems.add([...path, key], `is not a date and time: ${shown(value)}`);
    return undefined;
  }
  if (!isKeptTime(time)) {
    problems.add([...path, key], `is ${shown(value)}: Gloss keeps times from 1970 to the end of 9999`);
    return undefined;
  }
  return time;
}

const isOffset = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function readSelectors(target: Json, path: Path, problems: Problems): Pick<AnnotationRecord, 'quote' | 'position'> | null {
  const at = [...path, 'selector'];
  const selectors = asList(target.selector);
  const listed = Array.isArray(target.selector);
  const index = (type: string) => selectors.findIndex((s) => isObject(s) && hasType(s, type));
  const q = index('TextQuoteSelector');
  const p = index('TextPositionSelector');
  if (q < 0) problems.add(at, target.selector === undefined ? 'is missing: no TextQuoteSelector' : 'no TextQuoteSelector');
  if (p < 0) problems.add(at, target.selector === undefined ? 'is missing: no TextPositionSelector' : 'no TextPositionSelector');
  if (q < 0 || p < 0) return null;
  const quote = selectors[q] as Json;
  const position = selectors[p] as Json;
  const quoteAt = listed ? [...at, q] : at;
  const positionAt = listed ? [...at, p] : at;
  let ok = true;
  const { exact, prefix = '', suffix = '' } = quote;
  if (typeof exact !== 'string' || !exact) {
    problems.add([...quoteAt, 'exact'], exact === '' ? 'is empty' : `is ${shown(exact)}, not the quoted text`);
    ok = false;
  } else if (exact.length > ANNOTATION_LIMITS.quote) {
    problems.add([...quoteAt, 'exact'], `is longer than ${formatCount(ANNOTATION_LIMITS.quote)} characters`);
    ok = false;
  }
  for (const [key, value] of [['prefix', prefix], ['suffix', suffix]] as const) {
    if (typeof value !== 'string') {
      problems.add([...quoteAt, key], `is ${shown(value)}, not text`);
      ok = false;
    }
  }
  const { start, end } = position;
  for (const [key, value] of [['start', start], ['end', end]] as const) {
    if (!isOffset(value)) {
      problems.add([...positionAt, key], `is ${shown(value)}, not a whole number of characters`);
      ok = false;
    }
  }
  if (isOffset(start) && isOffset(end) && end <= start) {
    problems.add([...positionAt, 'end'], `is ${end}: the position ends before it starts (${start})`);
    ok = false;
  }
  if (!ok) return null;
  // Gloss keeps 32 characters of context; other tools may keep more, and the nearest ones suffice.
  const limit = ANNOTATION_LIMITS.context;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: exact as string,
      prefix: (prefix as string).slice(-limit),
      suffix: (suffix as string).slice(0, limit),
    },
    position: { type: 'TextPositionSelector', start: start as number, end: end as number },
  };
}

function readTarget(annotation: Json, path: Path, problems: Problems) {
  let target = annotation.target;
  let at = [...path, 'target'];
  if (Array.isArray(target)) {
    if (target.length !== 1) {
      problems.add(at, `holds ${target.length} targets: a Gloss annotation has one`);
      return null;
    }
    target = target[0];
    at = [...at, 0];
  }
  if (target === undefined) return problems.add(at, 'is missing'), null;
  if (typeof target === 'string') return problems.add(at, 'is only a link: the quoted passage (its selectors) is not there'), null;
  if (!isObject(target)) return problems.add(at, 'is not an object'), null;
  const source = target.source;
  const articleId = typeof source === 'string' && source.length <= 8192 ? normalizeArticleUrl(source) : null;
  if (!articleId) problems.add([...at, 'source'], source === undefined ? 'is missing: the address of the article' : `is ${shown(source)}, not an http(s) address`);
  const selectors = readSelectors(target, at, problems);
  const styleClass = asList(target.styleClass).find((c): c is string => typeof c === 'string' && c.startsWith(STYLE_CLASS_PREFIX));
  const named = styleClass?.slice(STYLE_CLASS_PREFIX.length);
  const color = ANNOTATION_COLORS.find((c) => c === named) ?? ANNOTATION_COLORS[0];
  return articleId && selectors ? { articleId, color, ...selectors } : null;
}

function readBodies(annotation: Json, path: Path, problems: Problems): { note: string; tags: string[] } {
  const notes = typeof annotation.bodyValue === 'string' ? [annotation.bodyValue] : [];
  const tags: string[] = [];
  const listed = Array.isArray(annotation.body);
  asList(annotation.body).forEach((body, i) => {
    const at = listed ? [...path, 'body', i] : [...path, 'body'];
    if (typeof body === 'string') return; // A link to a body elsewhere: nothing to read here.
    if (!isObject(body)) return problems.add(at, 'is not an object');
    if (!hasType(body, 'TextualBody') && !('value' in body)) return; // Another kind of body.
    if (typeof body.value !== 'string') return problems.add([...at, 'value'], `is ${shown(body.value)}, not text`);
    if (asList(body.purpose).includes('tagging')) {
      // Measured as it will be stored: cleaned as every import and the editor clean tags.
      if ((cleanTags([body.value])[0]?.length ?? 0) > ANNOTATION_LIMITS.tag) problems.add([...at, 'value'], `is a tag longer than ${ANNOTATION_LIMITS.tag} characters`);
      tags.push(body.value);
    } else {
      notes.push(body.value);
    }
  });
  const note = notes.join('\n\n');
  if (note.length > ANNOTATION_LIMITS.note) problems.add([...path, 'body'], `holds a note longer than ${formatCount(ANNOTATION_LIMITS.note)} characters`);
  const cleaned = cleanTags(tags);
  if (cleaned.length > ANNOTATION_LIMITS.tags) problems.add([...path, 'body'], `holds ${cleaned.length} tags: at most ${ANNOTATION_LIMITS.tags}`);
  return { note, tags: cleaned };
}

function readAnnotation({ value, path }: Located, now: number, problems: Problems): AnnotationRecord | null {
  if (!isObject(value)) return problems.add(path, 'is not an object (an Annotation)'), null;
  const before = problems.list.length;
  if (!hasType(value, 'Annotation')) problems.add([...path, 'type'], `is ${shown(value.type)}, not "Annotation"`);
  const iri = value.id;
  // An id that is no IRI Gloss keeps is replaced (see w3c-values.ts); only a missing one is a problem.
  const id = typeof iri === 'string' ? idOfIri(iri) : '';
  if (typeof iri !== 'string') problems.add([...path, 'id'], iri === undefined ? 'is missing' : `is ${shown(iri)}, not an IRI`);
  const created = readTime(value, 'created', path, problems);
  const modified = readTime(value, 'modified', path, problems);
  const target = readTarget(value, path, problems);
  const { note, tags } = readBodies(value, path, problems);
  if (!target || problems.list.length > before) return null;
  const createdAt = created ?? now;
  return { id, ...target, note, tags, createdAt, updatedAt: modified ?? createdAt, textHash: '', rev: 1 };
}

/** The annotations of a parsed W3C file, or what is wrong and where; `now` stands in for a missing `created`. */
export function annotationsFromW3c(root: unknown, { now = Date.now() } = {}): ParseResult<AnnotationRecord[]> {
  const problems = new Problems();
  const located = locateItems(root, problems);
  const annotations: AnnotationRecord[] = [];
  const firstPath = new Map<string, Path>();
  for (const item of located) {
    const annotation = readAnnotation(item, now, problems);
    if (!annotation) continue;
    const seen = firstPath.get(annotation.id);
    if (seen) problems.add([...item.path, 'id'], `is the id of ${joinPath(seen) || 'the annotation'} too`);
    else firstPath.set(annotation.id, item.path);
    annotations.push(annotation);
  }
  return problems.list.length ? { ok: false, problems: problems.list } : { ok: true, value: annotations };
}

/** The annotations of a W3C JSON-LD file's text, or what is wrong with it and where. */
export function parseW3c(text: string, options: { now?: number } = {}): ParseResult<AnnotationRecord[]> {
  let root: unknown;
  try {
    root = JSON.parse(withoutBom(text));
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `The file is not JSON (${(error as Error).message})` }] };
  }
  return annotationsFromW3c(root, options);
}
