import { describe, expect, it } from 'vitest';
import { anchorAll } from '@/utils/anchoring/anchor-all';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { describeText } from '@/utils/anchoring/selectors';
import { applyChange, mergePlacement } from '@/utils/page/apply-change';
import { textHash } from '@/utils/text/hash';

const TEXT = 'Kim Jong Un visited Songchon County on Feb. 28. He spoke of the 20×10 policy.';
const HASH = textHash(TEXT);

function record(quote: string, id: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  const start = TEXT.indexOf(quote);
  return { id, articleId: 'https://a.example/', ...describeText(TEXT, start, start + quote.length), color: 'yellow', note: '', tags: [], createdAt: 1, updatedAt: 1, textHash: HASH, rev: 1, ...extra };
}

describe('page/apply-change', () => {
  const kim = record('Kim Jong Un', 'kim');
  const county = record('Songchon County', 'county');
  const before = anchorAll([kim, county], TEXT);

  it('keeps an edited highlight where it is, with its new record', () => {
    const edited = { ...county, note: 'new', rev: 2 };
    const { placement, unplaced } = applyChange(before, { changed: [edited], removed: [] }, TEXT, HASH);
    expect(unplaced).toEqual([]);
    expect(placement.placed.map((p) => [p.annotation, p.start])).toEqual([
      [kim, 0],
      [edited, TEXT.indexOf('Songchon')],
    ]);
  });

  it('drops a removed one and places one made on this text where it says', () => {
    const made = record('20×10 policy', 'policy');
    const { placement, unplaced } = applyChange(before, { changed: [made], removed: ['kim'] }, TEXT, HASH);
    expect(unplaced).toEqual([]);
    expect(placement.placed.map((p) => p.annotation.id)).toEqual(['county', 'policy']);
    expect(placement).toEqual(anchorAll([county, made], TEXT));
  });

  it('leaves one made on another version of the text to the background, and merges its placement', () => {
    const elsewhere = { ...record('Feb. 28', 'feb'), textHash: 'other:1' };
    const { placement, unplaced } = applyChange(before, { changed: [elsewhere], removed: [] }, TEXT, HASH);
    expect(unplaced).toEqual([elsewhere]);
    const merged = mergePlacement(placement, anchorAll([elsewhere], TEXT));
    expect(merged.placed.map((p) => p.annotation.id)).toEqual(['kim', 'county', 'feb']);
  });

  it('keeps an orphan an orphan when only its note changed', () => {
    const lost = { ...record('Kim Jong Un', 'lost'), quote: { type: 'TextQuoteSelector' as const, exact: 'words no longer there', prefix: '', suffix: '' } };
    const withOrphan = anchorAll([kim, lost], TEXT);
    expect(withOrphan.orphans).toEqual([lost]);
    const { placement } = applyChange(withOrphan, { changed: [{ ...lost, note: 'still mine', rev: 2 }], removed: [] }, TEXT, HASH);
    expect(placement.orphans.map((o) => o.note)).toEqual(['still mine']);
  });

  it("keeps an orphan's offered copy through a change to another highlight, and drops it once the orphan is placed", () => {
    const orphan = { ...county, id: 'gone', quote: { ...county.quote, exact: 'Songchon Province' } };
    const withOffer = { ...before, orphans: [orphan], suggestions: [{ id: 'gone', start: 20, end: 35 }] };
    const kept = applyChange(withOffer, { changed: [{ ...kim, note: 'edited', rev: 2 }], removed: [] }, TEXT, HASH).placement;
    expect(kept.suggestions).toEqual([{ id: 'gone', start: 20, end: 35 }]);
    const placed = applyChange(withOffer, { changed: [record('Songchon County', 'gone', { rev: 2 })], removed: [] }, TEXT, HASH).placement;
    expect(placed.suggestions).toEqual([]);
    expect(placed.orphans).toEqual([]);
  });
});
