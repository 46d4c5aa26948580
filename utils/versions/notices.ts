/**
 * What the reader must be told about an article's versions: a reading that could not be kept
 * because the disk is full, or because the article changed more often than the day's cap. Kept in
 * `storage.local` by the background (one key for all, bounded), shown by the popup for the article,
 * and cleared for an article when one of its readings is kept again.
 */
import { browser } from 'wxt/browser';

export type VersionNoticeKind = 'no-room' | 'capped';

export interface VersionNotice {
  kind: VersionNoticeKind;
  at: number;
}

const KEY = 'versionNotices';
/** Articles with a notice kept at most: the oldest go first. */
export const MAX_NOTICES = 50;

type Notices = Record<string, VersionNotice>;

async function readAll(): Promise<Notices> {
  const value = (await browser.storage.local.get(KEY))[KEY];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Notices) : {};
}

/** The notice for an article, if any. */
export async function versionNotice(articleId: string): Promise<VersionNotice | null> {
  const notice = (await readAll())[articleId];
  return notice && (notice.kind === 'no-room' || notice.kind === 'capped') && typeof notice.at === 'number' ? notice : null;
}

/** Records a notice for an article (`null`: clears its notice). Writes only on change. */
export async function setVersionNotice(articleId: string, kind: VersionNoticeKind | null, now = Date.now()): Promise<void> {
  const all = await readAll();
  if (kind === null) {
    if (!(articleId in all)) return;
    delete all[articleId];
  } else {
    if (all[articleId]?.kind === kind) return;
    all[articleId] = { kind, at: now };
    const oldest = Object.entries(all).sort((a, b) => a[1].at - b[1].at);
    for (const [id] of oldest.slice(0, Math.max(0, oldest.length - MAX_NOTICES))) delete all[id];
  }
  await browser.storage.local.set({ [KEY]: all });
}

/** What the popup says for a notice. */
export function noticeText(notice: VersionNotice, cap: number): string {
  return notice.kind === 'no-room'
    ? 'Gloss could not keep a copy of this version of the article: the disk is full. Your notes are saved.'
    : `This article changed more than ${cap} times in a day: Gloss keeps at most ${cap} versions of an article in 24 hours.`;
}
