import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecognizer } from '@/utils/entities/recognizer';
import type { EntityType } from '@/utils/entities/types';
import { REPO, SHARED } from '../../scripts/lib/paths.mjs';
import { microF1, scoreType, type Gold } from '../support/gold-score';

const recognizer = createRecognizer();

/** The seed's scored text, as its gold file's `_meta.source` defines it. */
function seedText(): string {
  const full = readFileSync(join(SHARED, 'seed/kcna-songchon-speech.txt'), 'utf8');
  const from = full.indexOf('Respected Comrade Kim Jong Un Makes Speech');
  const last = 'Forward for our sacred struggle!';
  return full.slice(from, full.indexOf(last, from) + last.length);
}

const report = (name: string, type: string, score: ReturnType<typeof scoreType>) =>
  `${name} ${type}: P=${score.precision.toFixed(3)} R=${score.recall.toFixed(3)} extra=${JSON.stringify(score.extra)} missed=${JSON.stringify(score.missed)}`;

describe('entities/quality', () => {
  describe('on the seed article (../shared/gold)', () => {
    const text = seedText();
    const gold = JSON.parse(readFileSync(join(SHARED, 'gold/kcna-songchon-speech.json'), 'utf8')) as Gold;
    const spans = recognizer.recognize(text);

    it('reads the scored text the gold file describes (18,745 characters)', () => {
      expect(text.length).toBe(18_745);
    });

    it.each(['PERSON', 'ORG', 'PLACE', 'DATE', 'TERM'] as EntityType[])('finds %s with precision and recall ≥ 0.95', (type) => {
      const score = scoreType(text, spans, gold, type);
      expect(score.precision, report('seed', type, score)).toBeGreaterThanOrEqual(0.95);
      expect(score.recall, report('seed', type, score)).toBeGreaterThanOrEqual(0.95);
    });
  });

  describe('on hand-labelled corpus pages (tests/fixtures/gold)', () => {
    const pages = ['bbc-1', 'nytimes-1', 'wapo-1', 'telegraph'].map((name) => {
      const text = readFileSync(join(REPO, `tests/fixtures/gold/${name}.body.txt`), 'utf8');
      const gold = JSON.parse(readFileSync(join(REPO, `tests/fixtures/gold/${name}.json`), 'utf8')) as Gold;
      return { name, text, gold, spans: recognizer.recognize(text) };
    });
    const types: EntityType[] = ['PERSON', 'ORG', 'PLACE', 'DATE'];

    it('reaches micro F1 ≥ 0.80 over PERSON, ORG, PLACE and DATE', () => {
      const details = pages.flatMap((page) => types.map((type) => report(page.name, type, scoreType(page.text, page.spans, page.gold, type))));
      const { f1 } = microF1(pages, types);
      expect(f1, details.join('\n')).toBeGreaterThanOrEqual(0.8);
    });
  });
});
