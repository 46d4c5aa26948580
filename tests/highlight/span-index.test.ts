import { describe, expect, it } from 'vitest';
import type { EntitySpan } from '@/utils/entities/types';
import { SpanIndex } from '@/utils/highlight/span-index';

const span = (start: number, end: number, type: EntitySpan['type'], key: string): EntitySpan => ({ start, end, type, key });

describe('highlight/span-index', () => {
  const org = span(10, 40, 'ORG', 'Juche Idea Study Group');
  const term = span(10, 20, 'TERM', 'Juche');
  const kim1 = span(50, 61, 'PERSON', 'Kim Jong Un');
  const kim2 = span(90, 93, 'PERSON', 'Kim Jong Un');
  const index = new SpanIndex([kim2, org, kim1, term]);

  it('finds the innermost span at an offset', () => {
    expect(index.at(12)).toBe(term);
    expect(index.at(25)).toBe(org);
    expect(index.at(50)).toBe(kim1);
    expect(index.at(60)).toBe(kim1);
  });

  it('finds nothing between spans or outside them', () => {
    expect(index.at(0)).toBeNull();
    expect(index.at(45)).toBeNull();
    expect(index.at(61)).toBeNull();
    expect(index.at(1000)).toBeNull();
  });

  it('lists every mention of an entity in order', () => {
    expect(index.mentionsOf(kim2)).toEqual([kim1, kim2]);
    expect(index.mentionsOf(org)).toEqual([org]);
  });

  it('stays correct on thousands of spans', () => {
    const many = Array.from({ length: 5000 }, (_, i) => span(i * 10, i * 10 + 5, 'PLACE', `p${i % 7}`));
    const big = new SpanIndex(many);
    for (let i = 0; i < 5000; i += 97) {
      expect(big.at(i * 10 + 2)).toBe(many[i]);
      expect(big.at(i * 10 + 7)).toBeNull();
    }
  });
});
