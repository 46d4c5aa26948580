/**
 * Fills in the library across articles (issue 15) for articles it holds no mentions of: read
 * before Gloss kept them, or brought by a backup (which carries stored versions, not mentions).
 * Each such article with a stored version is recognized from its latest version's text, as a
 * reading would be, and recorded the same way (articles-repo.ts `recordFindings`), one article per
 * task a while after the worker starts, so pages asking the background are never held up for long.
 */
import { recordFindings } from '@/utils/db/articles-repo';
import type { GlossDb } from '@/utils/db/database';
import { applyPending } from '@/utils/db/mentions-repo';
import { articlesWithVersions, latestVersion, readVersionContent } from '@/utils/db/versions-repo';
import type { EntitySpan } from '@/utils/entities/types';
import { nextTask } from '@/utils/text/work-budget';

/** How long after the worker starts the filling begins (pages opened with the browser come first). */
export const BACKFILL_AFTER_MS = 20_000;
/**
 * An article read this lately is left to its own reading: it may be open in a tab, and writing its
 * record under the page disturbed the page (a browser test's open cards closed under it).
 */
export const READ_LATELY_MS = 60 * 60_000;

export type RecognizeText = (text: string, lang: string | null) => Promise<EntitySpan[]>;

export interface BackfillReport {
  /** Articles that now have a record of mentions. */
  filled: number;
  /** Articles whose copy named nothing, or could not be read (a corrupt copy: the reader page says so). */
  passed: number;
}

/** Articles with a stored version and no record of mentions, except those in `tried`. */
export async function articlesToFill(db: GlossDb, tried: ReadonlySet<string> = new Set()): Promise<string[]> {
  const [versioned, recorded] = await Promise.all([articlesWithVersions(db), db.mentions.toCollection().primaryKeys()]);
  for (const id of recorded) versioned.delete(id);
  return [...versioned].filter((id) => !tried.has(id));
}

/**
 * Recognizes each of `ids` from its latest stored version and records what it says; one article
 * per task. Each id is added to `tried` first, so a copy that names nothing is not read again in
 * this worker's life. The summaries are brought up to date at the end.
 */
export async function fillFromVersions(db: GlossDb, ids: readonly string[], recognize: RecognizeText, tried: Set<string> = new Set(), now = Date.now()): Promise<BackfillReport> {
  const report: BackfillReport = { filled: 0, passed: 0 };
  for (const id of ids) {
    tried.add(id);
    await nextTask();
    const filled = await fillOne(db, id, recognize, now).catch((error: unknown) => {
      console.warn('Gloss: filling in the library from a stored copy:', String(error));
      return false;
    });
    if (filled) report.filled += 1;
    else report.passed += 1;
  }
  if (report.filled) await applyPending(db);
  return report;
}

async function fillOne(db: GlossDb, id: string, recognize: RecognizeText, now: number): Promise<boolean> {
  const [article, version] = await Promise.all([db.articles.get(id), latestVersion(db, id)]);
  if (!article || !version || now - article.lastSeenAt < READ_LATELY_MS || (await db.mentions.get(id))) return false;
  const { text } = await readVersionContent(db, version.id);
  await recordFindings(db, id, await recognize(text, version.lang ?? article.lang), text);
  return !!(await db.mentions.get(id));
}

/** What this worker has tried already (a copy naming nothing is read once per worker life). */
const tried = new Set<string>();

/** Starts the filling BACKFILL_AFTER_MS after now; a failure is only logged (the next worker tries again). */
export function scheduleBackfill(db: GlossDb, recognize: RecognizeText): void {
  setTimeout(() => {
    void articlesToFill(db, tried)
      .then((ids) => fillFromVersions(db, ids, recognize, tried))
      .catch((error: unknown) => console.warn('Gloss: filling in the library from stored copies failed:', String(error)));
  }, BACKFILL_AFTER_MS);
}
