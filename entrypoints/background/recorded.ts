/**
 * What each page (a document in a tab's frame) last had recorded: a page read again with the same
 * text (a re-render, a mutation that changed nothing the reader sees) is not recorded again. A
 * new document (a reload, another page in the tab) records, as does the same one after a while,
 * so that "last read" stays true. Kept in the worker's memory only: after a restart a page is
 * recorded once more, which is harmless.
 */
import type { ArticleRecord } from '@/utils/article/types';
import { getArticle, recordArticle, recordFindings, type ArticleVisit } from '@/utils/db/articles-repo';
import type { GlossDb } from '@/utils/db/database';
import { applyPending } from '@/utils/db/mentions-repo';
import type { EntitySpan } from '@/utils/entities/types';
import type { Sender } from '@/utils/messaging/envelope';
import { textHash } from '@/utils/text/hash';

export type RecordKind = 'article' | 'findings';

/** After this long, the same page records again (where the browser names no document, a reload is only told apart by time). */
export const RECORD_AGAIN_MS = 10 * 60_000;

const last = new Map<string, { value: string; at: number }>();
const keyOf = (sender: Sender, kind: RecordKind) => `${sender.tab?.id ?? 'none'}:${sender.frameId ?? 0}:${kind}`;
/** Chrome names each document a message comes from. */
const documentOf = (sender: Sender) => (sender as { documentId?: unknown }).documentId ?? '';

/**
 * True when the sender's page had `fingerprint` (of `articleId`) recorded lately; else remembers
 * it as recorded now and answers false. A sender outside a tab always records.
 */
export function alreadyRecorded(sender: Sender, kind: RecordKind, articleId: string, fingerprint: string, now = Date.now()): boolean {
  if (sender.tab?.id === undefined) return false;
  const key = keyOf(sender, kind);
  const value = `${String(documentOf(sender))}\n${articleId}\n${fingerprint}`;
  const known = last.get(key);
  if (known?.value === value && now - known.at < RECORD_AGAIN_MS) return true;
  last.set(key, { value, at: now });
  return false;
}

/** Forgets what a frame recorded (its record failed, so the next reading must record again). */
export function forgetRecorded(sender: Sender, kind: RecordKind): void {
  last.delete(keyOf(sender, kind));
}

/** Forgets a closed tab. */
export function forgetRecordedTab(tabId: number): void {
  for (const key of last.keys()) if (key.startsWith(`${tabId}:`)) last.delete(key);
}

/** Records the article a page read (`recordArticle`), unless this page recorded the same lately. */
export async function recordArticleOnce(db: GlossDb, sender: Sender, visit: ArticleVisit, texts: readonly string[]): Promise<ArticleRecord> {
  const fingerprint = textHash(`${visit.url}\n${visit.canonicalUrl ?? ''}\n${JSON.stringify(visit.meta)}\n${texts.join('\n')}`);
  const known = alreadyRecorded(sender, 'article', visit.id, fingerprint) ? await getArticle(db, visit.id) : undefined;
  if (known) return known;
  try {
    return await recordArticle(db, visit);
  } catch (error) {
    forgetRecorded(sender, 'article');
    throw error;
  }
}

/** Records what the recognizer found and what the text said of each key (`recordFindings`), unless this page recorded it for the same text and lists lately. */
export async function recordFindingsOnce(
  db: GlossDb,
  sender: Sender,
  articleId: string,
  text: string,
  listsVersion: string,
  spans: readonly EntitySpan[],
): Promise<void> {
  if (alreadyRecorded(sender, 'findings', articleId, `${listsVersion}\n${textHash(text)}`)) return;
  try {
    await recordFindings(db, articleId, spans, text);
  } catch (error) {
    forgetRecorded(sender, 'findings');
    throw error;
  }
  countMentionsSoon(db);
}

/** Readings are counted into the library's summaries a while after the last one, off the reading's path (a question counts any left first). */
export const COUNT_MENTIONS_AFTER_MS = 3_000;
let counting: ReturnType<typeof setTimeout> | undefined;
function countMentionsSoon(db: GlossDb): void {
  clearTimeout(counting);
  counting = setTimeout(() => void applyPending(db).catch((error: unknown) => console.warn('Gloss: counting mentions failed; the next question counts them', error)), COUNT_MENTIONS_AFTER_MS);
}
