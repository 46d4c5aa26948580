/**
 * Gives the annotations stored before words found only whole ("up", "us") were paired with their
 * small neighbours their words as search/words.ts stores them now, one step per task a while after
 * the worker starts, then lets searches ask for those pairs (db/labels.ts `shortPairsStored`).
 * Until then a search asks only for the pairs every annotation has: the same answers, read from
 * more candidates. A worker stopped halfway starts again from the first (a step already done
 * writes nothing). What changes is the search index only: nothing the reader sees, so nothing is
 * announced.
 */
import { finishStoringWords, storeWordsAgain } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { shortPairsStored } from '@/utils/db/labels';
import { nextTask } from '@/utils/text/work-budget';

/** How long after the worker starts the words are brought up to date (pages opened with the browser come first). */
export const STORE_WORDS_AFTER_MS = 10_000;

/** Brings every annotation's words up to date, unless that was done; answers the steps taken. */
export async function storeWordsOfOlderAnnotations(db: GlossDb): Promise<number> {
  if (await shortPairsStored(db.labels)) return 0;
  let steps = 0;
  let after: string | null = null;
  do {
    await nextTask();
    after = await storeWordsAgain(db, after);
    steps += 1;
  } while (after !== null);
  await finishStoringWords(db);
  return steps;
}

/** Starts it STORE_WORDS_AFTER_MS after now; a failure is only logged (the next worker tries again). */
export function scheduleStoredWords(db: GlossDb): void {
  setTimeout(() => {
    void storeWordsOfOlderAnnotations(db).catch((error: unknown) => console.warn('Gloss: bringing the search words up to date failed:', String(error)));
  }, STORE_WORDS_AFTER_MS);
}
