/**
 * utils/entities/name-index.json is the name lists filed by first word ahead (gazetteer.ts). This
 * test fails when a list or the filing changed and the file was not made again; to make it again:
 *   UPDATE_NAME_INDEX=1 npx vitest run tests/entities/name-index.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNameIndex } from '@/utils/entities/gazetteer';
import type { FiledNames } from '@/utils/entities/phrase-index';
import { REPO } from '../../scripts/lib/paths.mjs';

const FILE = join(REPO, 'utils/entities/name-index.json');

describe('name-index.json', () => {
  const made = buildNameIndex().filed(['PERSON', 'ORG', 'PLACE']);
  if (process.env.UPDATE_NAME_INDEX) {
    const about = 'Made by tests/entities/name-index.test.ts from the name lists: FiledNames in phrase-index.ts. Do not edit by hand.';
    writeFileSync(FILE, `${JSON.stringify({ _about: about, ...made }).replace(/"\],\["/g, '"],\n["')}\n`);
  }

  it('is the index the lists make today', () => {
    const { size, types, names } = JSON.parse(readFileSync(FILE, 'utf8')) as FiledNames;
    expect({ size, types, names }).toEqual(made);
  });

  it('files a name under its first word as the text reads it', () => {
    const filed = new Map(made.names);
    expect(filed.get('kim')?.split('#')[0]?.split(';')).toContain('Kim Jong-un|Kim Jong Un');
    expect(filed.get('u.n.')?.split('#')[1]?.split(';')).toContain('U.N.|United Nations');
  });
});
