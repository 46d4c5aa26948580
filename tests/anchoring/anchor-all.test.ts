import { describe, expect, it } from 'vitest';
import { anchorAll } from '@/utils/anchoring/anchor-all';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { describeText } from '@/utils/anchoring/selectors';
import { textHash } from '@/utils/text/hash';

const TEXT = 'The respected Comrade Kim Jong Un made a speech in Songchon County on Feb. 28.\nThe Party will carry out the policy.';

function stored(quote: string, id: string): AnnotationRecord {
  const start = TEXT.indexOf(quote);
  const { quote: q, position } = describeText(TEXT, start, start + quote.length);
  return { id, articleId: 'https://a.example/', quote: q, position, color: 'yellow', note: '', tags: [], createdAt: 1, updatedAt: 1, textHash: textHash(TEXT), rev: 1 };
}

describe('anchoring/anchor-all', () => {
  const kim = stored('Kim Jong Un made a speech', 'kim');
  const party = stored('The Party will carry out the policy.', 'party');

  it('places every annotation in an unchanged text, not marked changed', () => {
    const { placed, orphans } = anchorAll([kim, party], TEXT);
    expect(orphans).toEqual([]);
    expect(placed.map((p) => [p.annotation.id, TEXT.slice(p.start, p.end), p.changed])).toEqual([
      ['kim', 'Kim Jong Un made a speech', false],
      ['party', 'The Party will carry out the policy.', false],
    ]);
  });

  it('marks what it places in a changed text, and orphans what is gone', () => {
    const edited = 'A new lead paragraph.\n' + TEXT.replace('\nThe Party will carry out the policy.', '');
    const { placed, orphans } = anchorAll([kim, party], edited);
    expect(placed.map((p) => [p.annotation.id, edited.slice(p.start, p.end), p.changed])).toEqual([['kim', 'Kim Jong Un made a speech', true]]);
    expect(orphans.map((o) => o.id)).toEqual(['party']);
  });

  it('suggests, for an orphan, another copy of its words without placing it there', () => {
    const edited = TEXT.replace('\nThe Party will carry out the policy.', '\nIn short: The Party will carry out the policy. (caption)').replace('Kim Jong Un made a speech in', 'Kim Jong Un spoke in');
    const { placed, orphans, suggestions } = anchorAll([party], edited);
    expect(placed).toEqual([]);
    expect(orphans.map((o) => o.id)).toEqual(['party']);
    expect(suggestions?.map((s) => [s.id, edited.slice(s.start, s.end)])).toEqual([['party', 'The Party will carry out the policy.']]);
  });
});
