/** Messages the background answers: one line of doc each. */
import * as v from 'valibot';
import type { AnnotationRecord } from '../../anchoring/annotation';
import { annotationFields, annotationSchema, revision } from './annotation-schema';
import { MAX_ENTITY_TEXT, MAX_LIBRARY_ROWS, MAX_PAGE_HTML, MAX_SEARCH_ROWS, MAX_TREND_KEYS, def, empty, httpUrl, optionalFields } from './define';
import type { Placement } from '../../anchoring/anchor-all';
import type { CorrectionChange, EntityLibraryPage, ExtractedArticle, ImportSummary, KeyTrend, StoredRecognition, TextAnalysis, WatchlistName } from './types';
import type { ShownEntity } from '../../db/entity-groups';
import type { TimelineWeek } from '../../db/entity-weeks';
import type { LibraryBounds } from '../../db/key-slices';
import type { NameSearch } from '../../db/name-search';
import type { SlicedEntity } from '../../db/sliced-entities';
import type { TermListCounts } from '../../db/term-list-counts';
import { correctionEditSchema, entityKey } from '../../corrections/correction';
import { MAX_TERM_LENGTH } from '../../entities/term-limits';
import { MAX_NAME_QUERY } from '../../search/name-limits';
import type { ArticleChanges } from '../../versions/changes';

const { id: annotationId, articleId, quote, position, color, note, tags, textHash } = annotationFields;
// A new annotation comes with the id its writer made, so that sending it again cannot duplicate it.
const newAnnotation = { id: annotationId, articleId, quote, position, color, note, tags, textHash };

/** An article's text as a page reads it (the text model). */
const articleText = v.strictObject({ articleId: httpUrl, text: v.pipe(v.string(), v.maxLength(MAX_ENTITY_TEXT, 'text is too long')) });

const versionId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const count = (most: number, what: string) => v.pipe(v.number(), v.integer(`${what} must be a whole number`), v.minValue(0, `${what} must not be negative`), v.maxValue(most, `${what} is at most ${most}`));

const MAX_OUTLET = 500;
/** A month 'YYYY-MM' (the table's date range is in months, as the library counts them). */
const month = (what: string) => v.pipe(v.string(`${what} must be a month, YYYY-MM`), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${what} must be a month, YYYY-MM`));

const annotationEdit = v.strictObject({ id: annotationId, baseRev: revision, note: v.optional(note), tags: v.optional(tags), color: v.optional(color) });

/** An orphan's new passage: the copy of its words the reader accepted, described in the text the popup read. */
const reattachment = v.pipe(
  v.strictObject({ id: annotationId, baseRev: revision, quote, position, textHash }),
  v.check(({ quote, position }) => position.end - position.start === quote.exact.length, 'the quote is not as long as its position says'),
);

/** A name to watch, as the entity card offers it: the name and the other spellings the article used. */
const spelling = v.pipe(v.string(), v.trim(), v.minLength(1, 'the term is empty'), v.maxLength(MAX_TERM_LENGTH));
const watchedName = v.strictObject({
  /** A watchlist the reader has, or a new one of this name. */
  target: v.union([v.strictObject({ id: v.pipe(v.string(), v.maxLength(100)) }), v.strictObject({ name: v.pipe(v.string(), v.maxLength(100)) })]),
  term: spelling,
  aliases: v.pipe(v.array(spelling), v.maxLength(50)),
});

export const toBackground = {
  /**
   * The page loader found an article-like page: start Gloss's article script in that frame,
   * unless the reader turned Gloss off on this site.
   */
  startArticle: def<{ started: boolean }>()('content', empty),
  /**
   * A content script hands over its page's HTML: extract the article off-thread, record it, and
   * answer what the page needs to find it in its live DOM. Null: the page holds no article.
   * `url` is informative only: the background files the page under the address the browser
   * reports for the sending frame (a page cannot pose as another address).
   */
  extractArticle: def<ExtractedArticle | null>()(
    'content',
    v.strictObject({
      html: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PAGE_HTML, 'page is too large')),
      url: httpUrl,
      canonicalUrl: v.nullable(httpUrl),
    }),
  ),
  /** Store a new annotation the reader made on the page (again with the same id: the stored one is answered). */
  saveAnnotation: def<AnnotationRecord>()('content', v.strictObject(newAnnotation)),
  /** Change an annotation's note, tags or color, based on revision `baseRev` (else a 'conflict' with the stored one). */
  updateAnnotation: def<AnnotationRecord>()('content', annotationEdit),
  /**
   * Attach an orphan to the copy of its words the page's orphan card offered and the reader
   * accepted (as `libraryReattach`, for the article the frame shows; the card acts on trusted clicks only).
   */
  reattachAnnotation: def<AnnotationRecord>()('content', reattachment),
  /** Delete an annotation; answers it, so the page can offer to undo. */
  deleteAnnotation: def<AnnotationRecord>()('content', v.strictObject({ id: annotationId })),
  /** Put back an annotation just deleted (undo). */
  restoreAnnotation: def<AnnotationRecord>()(
    'content',
    v.strictObject({ annotation: annotationSchema }),
  ),
  /** The annotations of one article, in text order. */
  listAnnotations: def<AnnotationRecord[]>()('content', v.strictObject({ articleId: httpUrl })),
  /** Every tag the reader has used, for autocomplete. */
  listTags: def<string[]>()('content', empty),
  /** Start the highlight editor (toolbar and cards) in the sender's frame, on first use. */
  loadEditor: def<{ loaded: boolean }>()('content', empty),
  /** Start the panel's views (the open panel, the entity card) in the sender's frame, on first use. */
  loadPanel: def<{ loaded: boolean }>()('content', empty),
  /**
   * Show an annotation in its article: the tab already showing it, else a new tab, which scrolls
   * to it once its annotations are placed (the library's "open").
   */
  openAnnotation: def<{ tabId: number }>()('extension', v.strictObject({ id: annotationId })),
  /** The popup edits an annotation (as `updateAnnotation`, for any article): the background writes and announces it. */
  libraryUpdate: def<AnnotationRecord>()('extension', annotationEdit),
  /**
   * The popup attaches an orphan to the copy of its words Gloss offered: its quote, position and
   * text fingerprint replaced, based on revision `baseRev` (else a 'conflict'); announced like an edit.
   */
  libraryReattach: def<AnnotationRecord>()('extension', reattachment),
  /** The popup deletes an annotation; answers it, for undo. */
  libraryDelete: def<AnnotationRecord>()('extension', v.strictObject({ id: annotationId })),
  /** The popup puts back an annotation it just deleted (undo). */
  libraryRestore: def<AnnotationRecord>()('extension', v.strictObject({ annotation: annotationSchema })),
  /**
   * Import the file the popup staged (utils/export/staged-import.ts) in the background, where
   * closing the popup cannot abort it; progress goes to `storage.session` (import-progress.ts).
   */
  libraryImport: def<ImportSummary>()(
    'extension',
    v.strictObject({
      staged: v.pipe(v.string(), v.maxLength(100)),
      onDuplicate: v.picklist(['skip', 'update']),
      settings: v.optional(v.picklist(['keep', 'replace'])),
    }),
  ),
  /**
   * The library page's entity table: entities and terms, most named first, of one type or all, as
   * the reader's corrections show them (merged keys as one, renamed); hidden ones only with `hidden`.
   */
  listEntities: def<(ShownEntity | SlicedEntity)[]>()(
    'extension',
    v.pipe(
      optionalFields({
        type: v.optional(v.picklist(['PERSON', 'ORG', 'PLACE', 'DATE', 'TERM'], 'type must be PERSON, ORG, PLACE, DATE or TERM')),
        limit: v.optional(count(MAX_LIBRARY_ROWS, 'limit')),
        offset: v.optional(count(Number.MAX_SAFE_INTEGER, 'offset')),
        hidden: v.optional(v.boolean('hidden must be true or false')),
        // With any of these, the table within that slice (rows carry `within`): an outlet no article names gives no rows.
        outlet: v.optional(v.pipe(v.string('outlet must be a string'), v.maxLength(MAX_OUTLET, `an outlet is at most ${MAX_OUTLET} characters`))),
        from: v.optional(month('from')),
        to: v.optional(month('to')),
      }),
      v.check(({ from, to }) => !from || !to || from <= to, 'from must not be after to'),
    ),
  ),
  /**
   * The library page's name search over every key, not only the rows the table loaded: by name or
   * any spelling, folded, each word typed the start of one of the key's words; most named first,
   * as corrected, at most `limit` (more: the answer says so); within an outlet and months when
   * given, ranked and counted there. A search of only punctuation finds nothing.
   */
  searchEntities: def<NameSearch>()(
    'extension',
    v.pipe(
      v.strictObject({
        search: v.pipe(
          v.string('search must be a string'),
          v.maxLength(MAX_NAME_QUERY, `the search is longer than ${MAX_NAME_QUERY} characters`),
          v.trim(),
          v.minLength(1, 'the search is empty: ask listEntities for the table'),
        ),
        type: v.optional(v.picklist(['PERSON', 'ORG', 'PLACE', 'TERM'], 'type must be PERSON, ORG, PLACE or TERM')),
        limit: v.optional(count(MAX_SEARCH_ROWS, 'limit')),
        hidden: v.optional(v.boolean('hidden must be true or false')),
        outlet: v.optional(v.pipe(v.string('outlet must be a string'), v.maxLength(MAX_OUTLET, `an outlet is at most ${MAX_OUTLET} characters`))),
        from: v.optional(month('from')),
        to: v.optional(month('to')),
      }),
      v.check(({ from, to }) => !from || !to || from <= to, 'from must not be after to'),
    ),
  ),
  /** The outlets the library's articles name and its first and last month: what the table's filters offer. */
  libraryBounds: def<LibraryBounds>()('extension', empty),
  /**
   * The reader corrects a key on the library page: merge it into another, split it back out,
   * rename or hide it. A merge that would make a loop is refused with the reason; every change is
   * announced to Gloss's pages (`correctionsChanged`).
   */
  correctKey: def<CorrectionChange>()('extension', correctionEditSchema),
  /**
   * One entity's page in the library: a page of its articles in date order with their passages,
   * its timeline, who appears with it, and the reader's highlights in those articles that quote
   * one of its spellings. Null: the library does not name it.
   */
  entityPage: def<EntityLibraryPage | null>()(
    'extension',
    v.strictObject({ key: entityKey, offset: v.optional(count(Number.MAX_SAFE_INTEGER, 'offset')), limit: v.optional(count(200, 'limit')) }),
  ),
  /** One key's articles and mentions per ISO week, as corrected (the entity page's timeline by week). Null: the library does not name it. */
  entityWeeks: def<TimelineWeek[] | null>()('extension', v.strictObject({ key: entityKey })),
  /** Articles and mentions per month for each key (the terms view's chart), in the order asked. */
  entityTrends: def<KeyTrend[]>()(
    'extension',
    v.strictObject({ keys: v.pipe(v.array(entityKey), v.minLength(1, 'name at least one key'), v.maxLength(MAX_TREND_KEYS, `compare at most ${MAX_TREND_KEYS} keys`)) }),
  ),
  /** Every term of every list (built-in and the reader's), with the articles naming each: what the terms view offers. */
  termLists: def<TermListCounts[]>()('extension', empty),
  /** The reader's watchlists, by name: where the entity card can add a name. */
  listWatchlistNames: def<WatchlistName[]>()('content', empty),
  /**
   * Add a name to one of the reader's watchlists, or to a new one: the reader chose it on the
   * entity card (the page cannot send this; the card acts on trusted clicks only).
   */
  addToWatchlist: def<WatchlistName & { added: boolean }>()('content', watchedName),
  /**
   * Read an article's text (the text model) in the background, where the lists and the
   * annotations live: its people, organizations, places, dates and terms, and where the reader's
   * annotations stand in it now. One message, so the page encodes the text once.
   */
  analyzeText: def<TextAnalysis>()('content', articleText),
  /**
   * The reader page shows a stored copy of an article: the people, organizations, places, dates
   * and terms in its text (as for a page; names only where `lang` is English or unknown).
   */
  recognizeStored: def<StoredRecognition>()(
    'extension',
    v.strictObject({
      text: v.pipe(v.string(), v.maxLength(MAX_ENTITY_TEXT, 'text is too long')),
      lang: v.nullable(v.pipe(v.string(), v.maxLength(100))),
    }),
  ),
  /**
   * The popup asks what changed in the article its tab shows (the text the tab read) since the
   * version the reader annotated, or the first kept, by paragraph; null: nothing did.
   */
  articleChanges: def<ArticleChanges | null>()('extension', articleText),
  /** Settings: keep each article's first and last `keepLast` stored versions, removing the others. */
  pruneVersions: def<{ removed: number }>()(
    'extension',
    v.strictObject({ keepLast: v.pipe(v.number(), v.integer('is not a whole number'), v.minValue(1, 'must keep at least one'), v.maxValue(1000)) }),
  ),
  /** The popup: remove every stored version of an article (the reader confirmed it). */
  deleteArticleVersions: def<{ removed: number }>()('extension', v.strictObject({ articleId: httpUrl })),
  /**
   * Open the reader page's comparison of two stored versions of the article the frame shows (the
   * panel's "See what changed", on a trusted click); `version` null: the latest.
   */
  openComparison: def<{ opened: boolean }>()(
    'content',
    v.strictObject({ articleId: httpUrl, compare: versionId, version: v.nullable(versionId) }),
  ),
  /**
   * Place the reader's annotations of an article in its text again (they changed): the entities
   * found in the same text are still right, so the recognizer does not run.
   */
  placeAnnotations: def<Placement>()(
    'content',
    v.strictObject({
      ...articleText.entries,
      /** Only these (records a change announced that the page could not place itself). */
      ids: v.optional(v.pipe(v.array(annotationId), v.maxLength(10_000))),
    }),
  ),
};

