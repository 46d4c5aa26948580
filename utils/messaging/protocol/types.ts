/** The shapes messages answer with (types only). */
import type { Settings } from '../../settings/settings';
import type { ArticleExtract, ArticleRecord } from '../../article/types';
import type { EntitySpan } from '../../entities/types';
import type { Placement } from '../../anchoring/anchor-all';
import type { EntityPage } from '../../db/entity-queries';

export type { KeyTrend } from '../../db/entity-queries';

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
  /** The reader's annotations placed in `text`, and the ids of those that could not be. */
  notes: { id: string; start: number; end: number; changed: boolean }[];
  orphans: string[];
}

export type PageState =
  | { kind: 'not-article' }
  /** The reader turned Gloss off on this site ("never on this site"). */
  | { kind: 'site-off'; site: string }
  | { kind: 'extracting'; articleId: string }
  | { kind: 'article'; articleId: string }
  | { kind: 'failed'; articleId: string | null; message: string };

export interface TextAnalysis {
  spans: EntitySpan[];
  /** Milliseconds the recognizer took in the background. */
  ms: number;
  /** The reader's annotations of the article, placed in the text or orphaned. */
  placement: Placement;
  /** An annotation to scroll to once painted (the tab was opened from the library to show it). */
  reveal?: string;
  /** The article's language when names were not looked for in it (names are read in English only). */
  namesSkipped?: string;
  /** The reader's display settings: the page learns them from the background, not from storage. */
  settings: Settings;
}

/** What the recognizer found in a stored copy's text (see `recognizeStored`). */
export interface StoredRecognition {
  spans: EntitySpan[];
  /** The copy's language when names were not looked for in it. */
  namesSkipped?: string;
}

/** What an import did, as the popup shows it. */
export interface ImportSummary {
  file: string;
  annotations: { added: number; updated: number; skipped: number };
  /** Stored versions of articles the backup brought. */
  versions?: { added: number; updated: number; skipped: number };
}

/** One of the reader's watchlists, as the entity card names it. */
export interface WatchlistName {
  id: string;
  name: string;
}

/** A highlight of the reader's in one of an entity's articles whose quote holds one of its spellings. */
export type { EntityHighlight } from '../../db/entity-highlights';

/** One entity's page as the library shows it (see `entityPage`), the reader's highlights in its articles with it. */
export type EntityLibraryPage = EntityPage;

/** What a correction changed (see `correctKey`): the records as stored now, and the keys whose record went. */
export type { CorrectionChange } from '../../corrections/resolve';
