/**
 * utils/entities/term-index.txt is the built-in term lists filed by first word ahead (term-lists.ts,
 * in the format of filed-names.ts). This test fails when a list or the filing changed and the file
 * was not made again; to make it again:
 *   UPDATE_TERM_INDEX=1 npx vitest run tests/entities/term-index.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFiledNames, readFiledNames, writeFiledNames } from '@/utils/entities/filed-names';
import { BUILT_IN_TERM_LISTS, indexTermLists, TERM_INDEX_KINDS, type TermList } from '@/utils/entities/term-lists';
import { tokenize } from '@/utils/entities/tokenize';
import { REPO } from '../../scripts/lib/paths.mjs';

const FILE = join(REPO, 'utils/entities/term-index.txt');
const ABOUT = '# Made by tests/entities/term-index.test.ts from the built-in term lists, in the format of utils/entities/filed-names.ts. Do not edit by hand.';

describe('term-index.txt', () => {
  const { index: added, problems } = indexTermLists(BUILT_IN_TERM_LISTS, false);
  const filed = added.filed();
  const made = writeFiledNames(ABOUT, filed, TERM_INDEX_KINDS);
  if (process.env.UPDATE_TERM_INDEX) writeFileSync(FILE, made);

  it('is the index the built-in lists make today, which have no unusable entry', () => {
    expect(problems).toEqual([]);
    expect(readFileSync(FILE, 'utf8') === made).toBe(true);
  });

  it('reads back every first word with its terms, keys and lists, in match order', () => {
    for (const [first, names] of filed) expect(readFiledNames(made, findFiledNames(made, first), TERM_INDEX_KINDS)).toEqual(names);
  });

  it('matches as the lists added one by one do, with a reader list before them', () => {
    const mine: TermList = { id: 'watchlist:w1', name: 'Mine', builtIn: false, terms: [{ term: 'Juche idea' }, { term: 'sanctions relief' }, { term: 'self-reliance' }] };
    const lists = [...BUILT_IN_TERM_LISTS, mine];
    const ahead = indexTermLists(lists).index;
    const oneByOne = indexTermLists(lists, false).index;
    expect(ahead.size).toBe(oneByOne.size);
    const text = 'The Juche idea and self-reliance, sanctions relief and the sanctions, the 20×10 regional development policies.';
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.count; i++) {
      const a = ahead.match(tokens, i);
      const b = oneByOne.match(tokens, i);
      expect([a?.length, a?.phrase.key, a?.phrase.list]).toEqual([b?.length, b?.phrase.key, b?.phrase.list]);
    }
  });
});
