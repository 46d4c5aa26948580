import { describe, expect, it } from 'vitest';
import { createRecognizer } from '@/utils/entities/recognizer';
import { FOLDS, NAME_TYPES, TUNING_FOLDS, f1Of, formatFold, loadPage, precisionOf, recallOf, scorePages, type Tally } from './folds';

const recognizer = createRecognizer();
const recognize = (text: string, lang: string | null) => recognizer.recognize(text, { lang });

describe('entities on corpus pages, by fold (tests/entities/folds.ts)', () => {
  const folds = FOLDS.map((fold) => fold.map(loadPage));
  const scores = folds.map((pages) => scorePages(pages, recognize));
  const heldOut = scorePages(
    folds.filter((_, k) => !TUNING_FOLDS.includes(k)).flat(),
    recognize,
  );
  const all = scorePages(folds.flat(), recognize);
  const table = [
    ...scores.map((s, k) => formatFold(`fold ${k + 1}${TUNING_FOLDS.includes(k) ? ' (tuning)' : ' (held out)'}`, s)),
    formatFold('held-out folds', heldOut),
    formatFold(`all ${all.pages.length} pages`, all),
  ].join('\n');

  it('prints the figures per fold', () => {
    console.log(table);
    // Every fold has labels to score (a missing or empty gold file would make its figure vacuous).
    for (const score of scores) expect(score.micro.gold, table).toBeGreaterThan(20);
  });

  // Issue 12's targets on pages never used for tuning: micro F1 ≥ 0.85; PERSON, ORG and PLACE
  // each with precision ≥ 0.85 and recall ≥ 0.75. Held out, folds 17 and 18 (sh2-*): as they came
  // in session 7 after tuning on folds 1 to 15, micro F1 0.85 (PERSON 0.91/0.80, ORG 0.95/0.75,
  // PLACE 0.85/0.89); after tuning on folds 1 to 16 (their errors never read), micro F1 0.87
  // (P 0.92, R 0.83), PERSON 0.91/0.82, ORG 0.95/0.75, PLACE 0.85/0.89: every target met, ORG
  // recall and PLACE precision at the line.
  const meetsTarget = () =>
    f1Of(heldOut.micro) >= 0.85 &&
    NAME_TYPES.every((type) => precisionOf(heldOut.byType[type] as Tally) >= 0.85 && recallOf(heldOut.byType[type] as Tally) >= 0.75);
  it('reaches issue 12’s targets on the held-out folds', () => {
    expect(meetsTarget(), table).toBe(true);
  });

  /** The held-out figures as measured at the end of session 7 (rounded down): no change may lose them. */
  const FLOORS = { micro: 0.86, PERSON: [0.9, 0.82], ORG: [0.94, 0.75], PLACE: [0.85, 0.89] } as const;
  it('keeps micro F1 on the held-out folds at or above its floor', () => {
    expect(f1Of(heldOut.micro), table).toBeGreaterThanOrEqual(FLOORS.micro);
  });

  it.each(NAME_TYPES)('keeps %s precision and recall on the held-out folds at or above their floors', (type) => {
    const tally = heldOut.byType[type] as Tally;
    const [precision, recall] = FLOORS[type as keyof typeof FLOORS] as readonly [number, number];
    expect(precisionOf(tally), table).toBeGreaterThanOrEqual(precision);
    expect(recallOf(tally), table).toBeGreaterThanOrEqual(recall);
  });
});
