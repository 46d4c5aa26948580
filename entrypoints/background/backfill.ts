/**
 * Fills in the library across articles (issue 15) for articles it holds no mentions of: read
 * before Gloss kept them, or brought by a backup (which carries stored versions, not mentions).
 * Each such article with a stored version is recognized from its latest version's text, as a
 * reading would be, and recorded the same way (articles-repo.ts `recordFindings`), one article per
 * task a while after the worker starts, so pages asking the background are never held up for long.
 * Then the stored versions kept before versions recorded the keys they name learn them from their
 * copies, so that an entity's page lists the articles whose later versions stopped naming it.
 */
import { recordFindings } from '@/utils/db/articles-repo';
import type { GlossDb } from '@/utils/db/database';
import { applyPending } from '@/utils/db/mentions-repo';
import type { LibraryWriter } from '@/utils/db/library-writer';
import { articlesWithVersions, latestVersion, readVersionContent, versionsWithoutKeys } from '@/utils/db/versions-repo';
import type { EntitySpan } from '@/utils/entities/types';
import { mentionKeys } from '@/utils/mentions/extract';
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

export type LearnKeys = LibraryWriter['learnVersionKeys'];

/**
 * Recognizes the copy of each stored version whose keys are not known (except those in `tried`)
 * and has the library writer record them, with what each version dropped from the one before; one
 * version per task. A copy that cannot be read is passed over (the reader page says it is
 * damaged), and tried once per worker life, as every version is.
 */
export async function keyVersions(db: GlossDb, learn: LearnKeys, recognize: RecognizeText, tried: Set<string> = new Set()): Promise<{ keyed: number; passed: number }> {
  const report = { keyed: 0, passed: 0 };
  for (const [articleId, versions] of await versionsWithoutKeys(db, tried)) {
    const learned = new Map<string, string[]>();
    for (const version of versions) {
      tried.add(version.id);
      await nextTask();
      const keys = await readVersionContent(db, version.id).then(
        async ({ text }) => mentionKeys(text, await recognize(text, version.lang)),
        () => null,
      );
      if (keys) learned.set(version.id, keys);
      else report.passed += 1;
    }
    if (learned.size) await learn(articleId, learned);
    report.keyed += learned.size;
  }
  return report;
}

/** What this worker has tried already (a copy naming nothing is read once per worker life). */
const tried = new Set<string>();
/** The versions this worker has tried to learn the keys of. */
const triedVersions = new Set<string>();

/** Starts the filling BACKFILL_AFTER_MS after now; a failure is only logged (the next worker tries again). */
export function scheduleBackfill(db: GlossDb, recognize: RecognizeText, learn: LearnKeys): void {
  setTimeout(() => {
    void articlesToFill(db, tried)
      .then((ids) => fillFromVersions(db, ids, recognize, tried))
      .then(() => keyVersions(db, learn, recognize, triedVersions))
      .catch((error: unknown) => console.warn('Gloss: filling in the library from stored copies failed:', String(error)));
  }, BACKFILL_AFTER_MS);
}
