import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The lists are JSON (utils/entities/data/README.md): this checks what TypeScript cannot.
const DATA = join(__dirname, '../../utils/entities/data');
const files = readdirSync(DATA).filter((name) => name.endsWith('.json'));

/** Problems with one list: anything but sections of names or [canonical, ...aliases]. */
function problemsIn(sections: unknown, singleNames: boolean): string[] {
  if (!Array.isArray(sections)) return ['is not an array of sections'];
  const problems: string[] = [];
  sections.forEach((section: { section?: unknown; entries?: unknown }, i) => {
    if (typeof section?.section !== 'string' || !Array.isArray(section.entries)) {
      problems.push(`section ${i} has no "section" text or no "entries"`);
      return;
    }
    for (const entry of section.entries as unknown[]) {
      const names = singleNames || typeof entry === 'string' ? [entry] : entry;
      const usable = Array.isArray(names) && names.length > 0 && names.every((name) => typeof name === 'string' && name.trim() !== '');
      if (!usable) problems.push(`"${section.section}": ${JSON.stringify(entry)} is not a name${singleNames ? '' : ' or [canonical, ...aliases]'}`);
    }
  });
  return problems;
}

describe('entities/data', () => {
  it('finds the lists', () => {
    expect(files.sort()).toEqual([
      'family-names.json', 'given-names.json', 'organizations.json', 'people.json', 'places.json', 'terms-dprk.json', 'terms-policy.json',
    ]);
  });

  it.each(files)('holds sections of entries in %s', (file) => {
    const data: unknown = JSON.parse(readFileSync(join(DATA, file), 'utf8'));
    if (file === 'family-names.json') {
      expect(Object.keys(data as object)).toEqual(['korean', 'chinese', 'vietnamese', 'arabicParticles']);
      for (const list of Object.values(data as object)) expect(problemsIn(list, true)).toEqual([]);
    } else {
      expect(problemsIn(data, file === 'given-names.json')).toEqual([]);
    }
  });
});
