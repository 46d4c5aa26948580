/**
 * utils/entities/name-index.txt is the name lists filed by first word ahead (gazetteer.ts, in the
 * format of filed-names.ts). This test fails when a list or the filing changed and the file was
 * not made again; to make it again:
 *   UPDATE_NAME_INDEX=1 npx vitest run tests/entities/name-index.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFiledNames, readFiledNames, writeFiledNames } from '@/utils/entities/filed-names';
import { buildNameIndex, NAME_INDEX_KINDS } from '@/utils/entities/gazetteer';
import { REPO } from '../../scripts/lib/paths.mjs';

const FILE = join(REPO, 'utils/entities/name-index.txt');
const ABOUT = '# Made by tests/entities/name-index.test.ts from the name lists, in the format of utils/entities/filed-names.ts. Do not edit by hand.';

describe('name-index.txt', () => {
  const filed = buildNameIndex().filed();
  const made = writeFiledNames(ABOUT, filed, NAME_INDEX_KINDS);
  if (process.env.UPDATE_NAME_INDEX) writeFileSync(FILE, made);

  it('is the index the lists make today', () => {
    expect(readFileSync(FILE, 'utf8') === made).toBe(true);
  });

  const read = (word: string) => readFiledNames(made, findFiledNames(made, word), NAME_INDEX_KINDS);

  it('finds every first word and reads back its names with their types and keys, in match order', () => {
    for (const [first, names] of filed) expect(read(first)).toEqual(names);
  });

  it('finds no line for a word it does not file', () => {
    for (const word of ['', 'a', 'ki', 'kimz', 'kim jong', '\uffff', '0']) expect(findFiledNames(made, word)).toBe(-1);
  });

  it('files a name under its first word as the text reads it, longest first', () => {
    const kim = read('kim');
    expect(kim).toContainEqual(['Kim Jong-un', 'PERSON', 'Kim Jong Un']);
    expect(kim[0]?.[0]).toBe('Kim Il Sung Higher Party School of the WPK Central Committee');
    expect(read('u.n.')).toContainEqual(['U.N.', 'ORG', 'United Nations']);
  });
});
