/**
 * utils/entities/romanized-index.json is the lists' spelling-key index made ahead (gazetteer.ts). This test
 * fails when a list or romanize.ts changed and the file was not made again; to make it again:
 *   UPDATE_ROMANIZED=1 npx vitest run tests/entities/romanized-index.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRomanizedIndex } from '@/utils/entities/gazetteer';
import { REPO } from '../../scripts/lib/paths.mjs';

const FILE = join(REPO, 'utils/entities/romanized-index.json');

describe('romanized-index.json', () => {
  const made = [...buildRomanizedIndex().entries()];
  if (process.env.UPDATE_ROMANIZED) {
    const about = 'Made by tests/entities/romanized-index.test.ts from the lists and romanize.ts: [type:spelling key, listed name]. Do not edit by hand.';
    writeFileSync(FILE, `${JSON.stringify({ _about: about, keys: made }, null, 0).replace(/\],\[/g, '],\n[')}\n`);
  }

  it('is the index the lists and romanize.ts make today', () => {
    const stored = (JSON.parse(readFileSync(FILE, 'utf8')) as { keys: [string, string][] }).keys;
    expect(stored).toEqual(made);
  });

  it('holds the Korean and Chinese names it is for', () => {
    const index = new Map(made);
    expect(index.get('PERSON:kim chonkun')).toBe('Kim Jong Un');
    expect(index.get('PLACE:pyonkyank')).toBe('Pyongyang');
    expect([...index.keys()].some((key) => key.startsWith('PERSON:chinese:'))).toBe(true);
  });
});
