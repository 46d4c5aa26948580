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
    formatFold('all 13 pages', all),
  ].join('\n');

  it('prints the figures per fold', () => {
    console.log(table);
    expect(scores).toHaveLength(4);
  });

  it('reaches micro F1 ≥ 0.85 on the held-out folds', () => {
    expect(f1Of(heldOut.micro), table).toBeGreaterThanOrEqual(0.85);
  });

  it.each(NAME_TYPES)('finds %s on the held-out folds with precision ≥ 0.85 and recall ≥ 0.75', (type) => {
    const tally = heldOut.byType[type] as Tally;
    expect(precisionOf(tally), table).toBeGreaterThanOrEqual(0.85);
    expect(recallOf(tally), table).toBeGreaterThanOrEqual(0.75);
  });
});
