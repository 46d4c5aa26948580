/**
 * Every message between Gloss's contexts, one map per direction, one line of doc each. A
 * payload is plain data, checked against its schema on arrival; a response type is what the
 * handler's `{ ok: true, value }` carries.
 */
import * as v from 'valibot';
import type { ArticleExtract, ArticleRecord } from '../article/types';
import type { EntitySpan } from '../entities/types';
import { ANNOTATION_COLORS, type AnnotationRecord } from '../anchoring/annotation';
import { PROTOCOL_VERSION, type Envelope, type Origin } from './envelope';

export { PROTOCOL_VERSION, type Envelope, type Origin };

/** Pages larger than this are not sent for extraction (Chrome caps a message at 64 MiB). */
export const MAX_PAGE_HTML = 16 * 1024 * 1024;

interface MessageDef<Req extends v.GenericSchema, Res> {
  from: Origin;
  request: Req;
  /** Type-only: never read at run time. */
  response?: Res;
}

/** Declares a message answered with `Res`; curried so that the request schema's type is inferred. */
const def =
  <Res>() =>
  <Req extends v.GenericSchema>(from: Origin, request: Req): MessageDef<Req, Res> => ({ from, request });

const httpUrl = v.pipe(v.string(), v.maxLength(8192), v.url(), v.regex(/^https?:/i, 'must be an http(s) URL'));
// An array has no own keys either: refuse it by name.
const empty = v.pipe(
  v.custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'must be an object'),
  v.strictObject({}),
);

export interface ExtractedArticle {
  article: ArticleRecord;
  texts: string[];
  timings: ArticleExtract['timings'];
}

export interface ArticleText {
  articleId: string;
  text: string;
  /** Readability's texts found in the live page, and those that were not. */
  matched: number;
  missed: number;
  /** What the recognizer found in `text` (empty until it has answered). */
  entities: EntitySpan[];
}

export type PageState =
  | { kind: 'not-article' }
  /** The reader turned Gloss off on this site ("never on this site"). */
  | { kind: 'site-off'; site: string }
  | { kind: 'extracting'; articleId: string }
  | { kind: 'article'; articleId: string }
  | { kind: 'failed'; articleId: string | null; message: string };

/** Limits on what an annotation may hold: generous for a reader, bounded against a bad message. */
export const ANNOTATION_LIMITS = { quote: 20_000, context: 64, note: 100_000, tags: 50, tag: 64 } as const;

const quoteSelector = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1, 'the quote is empty'), v.maxLength(ANNOTATION_LIMITS.quote)),
  prefix: v.pipe(v.string(), v.maxLength(ANNOTATION_LIMITS.context)),
  suffix: v.pipe(v.string(), v.maxLength(ANNOTATION_LIMITS.context)),
});
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const positionSelector = v.pipe(
  v.strictObject({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check((position) => position.end > position.start, 'the position ends before it starts'),
);
const color = v.picklist(ANNOTATION_COLORS);
const note = v.pipe(v.string(), v.maxLength(ANNOTATION_LIMITS.note));
const tags = v.pipe(v.array(v.pipe(v.string(), v.maxLength(ANNOTATION_LIMITS.tag))), v.maxLength(ANNOTATION_LIMITS.tags));
const annotationId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const newAnnotation = {
  articleId: httpUrl,
  quote: quoteSelector,
  position: positionSelector,
  color,
  note,
  tags,
  textHash: v.pipe(v.string(), v.maxLength(64)),
};

/** Most text the recognizer takes in one message (a 5 MB article is ~5 M characters). */
export const MAX_ENTITY_TEXT = 12 * 1024 * 1024;

export interface FoundEntities {
  spans: EntitySpan[];
  /** Milliseconds the recognizer took in the background. */
  ms: number;
}

/** Messages the background answers. */
export const toBackground = {
  /**
   * The page loader found an article-like page: start Gloss's article script in that frame,
   * unless the reader turned Gloss off on this site.
   */
  startArticle: def<{ started: boolean }>()('content', empty),
  /**
   * A content script hands over its page's HTML: extract the article off-thread, record it, and
   * answer what the page needs to find it in its live DOM. Null: the page holds no article.
   */
  extractArticle: def<ExtractedArticle | null>()(
    'content',
    v.strictObject({
      html: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PAGE_HTML, 'page is too large')),
      url: httpUrl,
      canonicalUrl: v.nullable(httpUrl),
    }),
  ),
  /** Store a new annotation the reader made on the page. */
  saveAnnotation: def<AnnotationRecord>()('content', v.strictObject(newAnnotation)),
  /** Change an annotation's note, tags or color. */
  updateAnnotation: def<AnnotationRecord>()(
    'content',
    v.strictObject({ id: annotationId, note: v.optional(note), tags: v.optional(tags), color: v.optional(color) }),
  ),
  /** Delete an annotation; answers it, so the page can offer to undo. */
  deleteAnnotation: def<AnnotationRecord>()('content', v.strictObject({ id: annotationId })),
  /** Put back an annotation just deleted (undo). */
  restoreAnnotation: def<AnnotationRecord>()(
    'content',
    v.strictObject({
      annotation: v.strictObject({ ...newAnnotation, id: annotationId, createdAt: offset, updatedAt: offset }),
    }),
  ),
  /** The annotations of one article, in text order. */
  listAnnotations: def<AnnotationRecord[]>()('content', v.strictObject({ articleId: httpUrl })),
  /** Find the people, organizations, places, dates and terms in an article's text (the text model). */
  findEntities: def<FoundEntities>()(
    'content',
    v.strictObject({ text: v.pipe(v.string(), v.maxLength(MAX_ENTITY_TEXT, 'text is too long')) }),
  ),
};

/** Messages the offscreen document answers (Chrome only; Firefox parses in the background). */
export const toOffscreen = {
  /** Parse a page's HTML and run Readability on it. */
  parseArticle: def<ArticleExtract | null>()(
    'extension',
    v.strictObject({
      html: v.pipe(v.string(), v.maxLength(MAX_PAGE_HTML)),
      url: httpUrl,
    }),
  ),
};

/** Messages a tab's content script answers. */
export const toContent = {
  /** What Gloss made of this page so far. */
  getPageState: def<PageState>()('extension', empty),
  /** The article's text as Gloss reads it in the live page (the text model), with its paragraphs. */
  getArticleText: def<ArticleText | null>()('extension', empty),
};

export const protocol = { toBackground, toOffscreen, toContent };
export type Direction = keyof typeof protocol;
export type MessagesOf<D extends Direction> = (typeof protocol)[D];
export type TypeOf<D extends Direction> = keyof MessagesOf<D> & string;

type DefOf<D extends Direction, K extends TypeOf<D>> = MessagesOf<D>[K];
export type RequestOf<D extends Direction, K extends TypeOf<D>> =
  DefOf<D, K> extends MessageDef<infer Req, unknown> ? v.InferInput<Req> : never;
export type ResponseOf<D extends Direction, K extends TypeOf<D>> =
  DefOf<D, K> extends MessageDef<v.GenericSchema, infer Res> ? Res : never;

/** Builds the envelope for a message. */
export function envelope<D extends Direction, K extends TypeOf<D>>(
  _direction: D,
  type: K,
  payload: RequestOf<D, K>,
): Envelope {
  return { gloss: PROTOCOL_VERSION, type, payload };
}

/** The direction a message type belongs to, or null for a type Gloss does not know. */
export function directionOf(type: unknown): Direction | null {
  if (typeof type !== 'string') return null;
  for (const direction of Object.keys(protocol) as Direction[]) {
    if (Object.hasOwn(protocol[direction], type)) return direction;
  }
  return null;
}
