import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { describeText } from '@/utils/anchoring/selectors';
import { textHash } from '@/utils/text/hash';
import { diffTexts } from '@/utils/versions/diff';
import { flagAnnotations } from '@/utils/versions/flags';

const OLD = [
  'Reforestation campaign moves spring planting forward',
  'The ministry announced the planting season would open two weeks early this year.',
  'Officials said the change would affect nurseries in four provinces.',
  'Satellite images reviewed by independent researchers show the planted area grew.',
  'The campaign was first announced in a speech at the party plenum in March.',
].join('\n');
const NEW = OLD.replace('in four provinces', 'in six northern provinces').replace(/\nSatellite images[^\n]*/, '');

function annotationOn(text: string, quote: string, id: string): AnnotationRecord {
  const start = text.indexOf(quote);
  return { id, articleId: 'https://news.test/a', ...describeText(text, start, start + quote.length), color: 'yellow', note: '', tags: [], createdAt: 1, updatedAt: 1, textHash: textHash(text), rev: 1 };
}

describe('versions/flags', () => {
  it('flags a passage removed, a passage whose words changed, and not one left alone', () => {
    const removed = annotationOn(OLD, 'independent researchers show the planted area', 'removed');
    const edited = annotationOn(OLD, 'affect nurseries in four provinces', 'edited');
    const untouched = annotationOn(OLD, 'first announced in a speech', 'untouched');
    const changes = diffTexts(OLD, NEW);
    const flags = flagAnnotations([untouched, removed, edited], OLD, NEW, changes);
    expect(flags.map((f) => [f.annotation.id, f.kind, changes[f.change]?.kind])).toEqual([
      ['edited', 'edited', 'edited'],
      ['removed', 'removed', 'removed'],
    ]);
  });

  it('does not flag a passage beside an edit in the same paragraph', () => {
    const beside = annotationOn(OLD, 'Officials said the change', 'beside');
    expect(flagAnnotations([beside], OLD, NEW, diffTexts(OLD, NEW))).toEqual([]);
  });

  it('flags a passage of the newer text as edited when its words are new, and as added when its paragraph is', () => {
    const later = annotationOn(NEW, 'in six northern provinces', 'later');
    const added = `${NEW}\nA paragraph the first version did not have at all.`;
    const fresh = annotationOn(added, 'did not have at all', 'fresh');
    expect(flagAnnotations([later], OLD, NEW, diffTexts(OLD, NEW)).map((f) => [f.annotation.id, f.kind])).toEqual([['later', 'edited']]);
    expect(flagAnnotations([fresh], OLD, added, diffTexts(OLD, added)).map((f) => [f.annotation.id, f.kind])).toEqual([['fresh', 'added']]);
  });

  it('flags nothing between identical texts', () => {
    const note = annotationOn(OLD, 'independent researchers', 'n');
    expect(flagAnnotations([note], OLD, OLD, diffTexts(OLD, OLD))).toEqual([]);
  });
});
