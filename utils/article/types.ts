/** What Gloss knows of an article: what Readability found, and how Gloss files it. */

/** Metadata Readability extracts from a page. */
export interface ArticleMeta {
  title: string;
  byline: string | null;
  /** The outlet, e.g. "BBC News". */
  siteName: string | null;
  /** As the page gives it (usually ISO 8601); not reinterpreted. */
  publishedTime: string | null;
  /** BCP 47 language tag from the page, e.g. "en-GB". */
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  /** Characters of article text. */
  length: number;
}

/** An article as stored: its metadata plus the keys Gloss files it under. */
export interface ArticleRecord extends ArticleMeta {
  /** The normalized article URL (see `articleIdFor`): one article, one id across visits. */
  id: string;
  /** The address it was last read at. */
  url: string;
  canonicalUrl: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
  /** What the recognizer found when the article was last read: `TYPE:key` of its entities … */
  entityKeys?: string[];
  /** … and the ids of the term lists that matched in it (filters of the library). */
  termLists?: string[];
}

/**
 * What of the article Gloss may keep as a version (utils/versions/): Readability's content,
 * sanitized, and the modified time the page states. Stays in the extension: never sent to the page.
 */
export interface ArticleCopy {
  html: string;
  modifiedTime: string | null;
}

/** What the extension gets back after running Readability on a copy of a page. */
export interface ArticleExtract {
  meta: ArticleMeta;
  /**
   * The data of each text node Readability kept, in order (white-space-only nodes left out):
   * the page finds the same nodes in its live DOM by this text.
   */
  texts: string[];
  /** The article to keep as a version; absent where no DOM could clean it. */
  copy?: ArticleCopy;
  /** Milliseconds spent off the page's thread: parsing the HTML, running Readability, cleaning the copy. */
  timings: { parseMs: number; readabilityMs: number; copyMs?: number };
}
