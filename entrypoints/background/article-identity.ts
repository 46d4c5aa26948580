/**
 * Which article a page is, decided where the page cannot lie. The page's address is the one the
 * browser reports for the sending frame (`sender.url`), never one the page sends; its canonical
 * link counts only on the same outlet (same site, or a mirror the reader declared); a record
 * is only ever refreshed from a page of its own outlet; and a tab may add only a few new
 * articles a minute (a page rotating its canonical link with pushState cannot fill the library).
 */
import type { ArticleMeta, ArticleRecord } from '@/utils/article/types';
import { sameOutlet, type MirrorPair } from '@/utils/article/site';
import { articleIdFor, normalizeArticleUrl } from '@/utils/article/url';
import { getArticle, recordArticle, type ArticleVisit } from '@/utils/db/articles-repo';
import type { GlossDb } from '@/utils/db/database';
import type { Sender } from '@/utils/messaging/envelope';

/** New article records a tab may add per minute: a reader opens a few, a rotating page many. */
export const NEW_ARTICLES_PER_TAB = 4;
const WINDOW_MS = 60_000;

/** Counts the new articles each tab added in the last minute (in memory: a worker restart forgets, which only ever allows more). */
export class NewArticleLimit {
  private readonly added = new Map<number, number[]>();
  constructor(
    readonly max = NEW_ARTICLES_PER_TAB,
    readonly windowMs = WINDOW_MS,
  ) {}

  /** Takes one new article for `tabId`; false when the tab has used up its minute. */
  take(tabId: number, now = Date.now()): boolean {
    const recent = (this.added.get(tabId) ?? []).filter((at) => now - at < this.windowMs);
    const allowed = recent.length < this.max;
    if (allowed) recent.push(now);
    if (recent.length) this.added.set(tabId, recent);
    else this.added.delete(tabId);
    return allowed;
  }
}

/** The http(s) address of the sender's frame, as the browser reports it. */
export function senderPage(sender: Sender): string {
  const url = sender.url && normalizeArticleUrl(sender.url) ? sender.url : null;
  if (!url) throw new Error('This page has no http(s) address to file the article under');
  return url;
}

/** The article id of a page at `url` declaring `canonicalUrl`: the canonical link only on the same outlet. */
export function articleIdOf(url: string, canonicalUrl: string | null, mirrors: readonly MirrorPair[]): string | null {
  return articleIdFor(url, canonicalUrl, (own, canonical) => sameOutlet(own, canonical, mirrors));
}

export interface PageVisit {
  /** The sender's address (see `senderPage`). */
  url: string;
  canonicalUrl: string | null;
  meta: ArticleMeta;
}

/**
 * Files a page's article: under its canonical link when that is on the page's outlet and its
 * record (if any) was made there too; else under the page's own address. Refuses a new record
 * beyond the tab's allowance.
 */
export async function fileArticle(
  db: GlossDb,
  sender: Sender,
  visit: PageVisit,
  options: {
    mirrors: readonly MirrorPair[];
    limit: NewArticleLimit;
    now?: number;
    /** Writes the record (default `recordArticle`; the background skips a page's unchanged re-reads, see recorded.ts). */
    record?: (visit: ArticleVisit) => Promise<ArticleRecord>;
  },
): Promise<ArticleRecord> {
  const { mirrors, limit, now = Date.now(), record = (visit) => recordArticle(db, visit, now) } = options;
  const own = normalizeArticleUrl(visit.url);
  let id = articleIdOf(visit.url, visit.canonicalUrl, mirrors);
  if (!own || !id) throw new Error('This page has no http(s) address to file the article under');
  let previous = await getArticle(db, id);
  // A record made on another outlet (a mirror since removed, say) is not this page's to change.
  if (previous && !sameOutlet(previous.url, visit.url, mirrors)) {
    id = own;
    previous = await getArticle(db, id);
  }
  if (!previous) {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !limit.take(tabId, now)) {
      throw new Error(`This tab opened more than ${limit.max} new articles in a minute; Gloss will read this one when you reload it in a minute.`);
    }
  }
  // The canonical link is kept only where it names the article (not where it was refused).
  const canonicalUrl = visit.canonicalUrl && normalizeArticleUrl(visit.canonicalUrl, visit.url) === id ? visit.canonicalUrl : null;
  return record({ id, url: visit.url, canonicalUrl, meta: visit.meta });
}
