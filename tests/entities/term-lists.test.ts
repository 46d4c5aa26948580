import { describe, expect, it } from 'vitest';
import { createRecognizer } from '@/utils/entities/recognizer';
import { BUILT_IN_TERM_LISTS, indexTermLists, type TermList } from '@/utils/entities/term-lists';
import { checkTerms } from '@/utils/entities/watchlist';

describe('entities/term-lists', () => {
  it('ships the two starter lists with the policy vocabulary the issue names', () => {
    const { index, problems } = indexTermLists(BUILT_IN_TERM_LISTS);
    expect(problems).toEqual([]);
    expect(index.size).toBeGreaterThan(200);
    const terms = BUILT_IN_TERM_LISTS.flatMap((list) => list.terms.flatMap((t) => [t.term, ...(t.aliases ?? [])]).map((t) => t.toLowerCase()));
    for (const term of ['regional development 20×10 policy', 'self-reliance', 'juche']) expect(terms).toContain(term);
  });

  it('reports a malformed entry by number and keeps the rest of the list', () => {
    const terms = [{ term: 'maximum pressure' }, { term: '' }, 42, { term: 'x'.repeat(500) }, { term: 'secondary sanctions', aliases: [3] }, { term: 'snapback' }];
    const { kept, problems } = checkTerms('Sanctions', terms);
    expect(kept.map((t) => t.term)).toEqual(['maximum pressure', 'snapback']);
    expect(problems.map((p) => p.message)).toEqual([
      'Entry 2 of "Sanctions" has no term',
      'Entry 3 of "Sanctions" is not an object with a "term"',
      'Entry 4 of "Sanctions" has a term longer than 200 characters',
      'Entry 5 of "Sanctions" has aliases that are not a list of short texts',
    ]);
  });

  it("matches the reader's own watchlist with its list id", () => {
    const recognizer = createRecognizer();
    const watchlist: TermList = { id: 'watchlist:w1', name: 'Mine', builtIn: false, terms: [{ term: 'snapback mechanism', aliases: ['snap-back'] }] };
    expect(recognizer.setTermLists([...BUILT_IN_TERM_LISTS, watchlist])).toEqual([]);
    const text = 'Talk of a snap-back and of the snapback mechanisms grew.';
    const spans = recognizer.recognize(text).filter((s) => s.list === 'watchlist:w1');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['snap-back', 'snapback mechanisms']);
    expect(new Set(spans.map((s) => s.key))).toEqual(new Set(['snapback mechanism']));
  });

  it('indexes a list of 50,000 terms in bounded time and still matches them', () => {
    const terms = Array.from({ length: 50_000 }, (_, i) => ({ term: `project ${i.toString(36)} initiative` }));
    const started = performance.now();
    const { index, problems } = indexTermLists([{ id: 'big', name: 'Big', builtIn: false, terms }]);
    // Bounded, not a speed target (speed is measured by the bench): a generous ceiling for CI machines.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(problems).toEqual([]);
    expect(index.size).toBe(50_000);
    const recognizer = createRecognizer();
    recognizer.setTermLists([{ id: 'big', name: 'Big', builtIn: false, terms }]);
    const text = 'The Project 1a2 Initiative was approved.';
    expect(recognizer.recognize(text).filter((s) => s.type === 'TERM').map((s) => s.key)).toEqual(['project 1a2 initiative']);
  });
});
