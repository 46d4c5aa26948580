import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntitySpan, EntityType } from '@/utils/entities/types';
import { SEED_PATH, SHARED } from '../../scripts/lib/paths.mjs';
import { scoreType, type Gold } from '../support/gold-score';
import { startGloss, waitForGloss, waitForStep, type GlossBrowser } from './support/gloss-browser';

/** The highlight each type is painted under. */
const HIGHLIGHTS: Record<EntityType, string> = {
  PERSON: 'gloss-person',
  ORG: 'gloss-org',
  PLACE: 'gloss-place',
  DATE: 'gloss-date',
  TERM: 'gloss-term',
};

/** The texts painted under each highlight, read through live Ranges (the registered ones are static). */
function paintedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate((names) => {
    const texts: Record<string, string[]> = {};
    for (const name of names) {
      texts[name] = [...(CSS.highlights.get(name) ?? [])].map((range) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        return live.toString();
      });
    }
    return texts;
  }, Object.values(HIGHLIGHTS));
}

/** The painted texts as spans over one string, so the gold file's own scoring reads them. */
function asSpans(painted: Record<string, string[]>): { text: string; spans: EntitySpan[] } {
  let text = '';
  const spans: EntitySpan[] = [];
  for (const [type, name] of Object.entries(HIGHLIGHTS) as [EntityType, string][]) {
    for (const surface of painted[name] ?? []) {
      spans.push({ start: text.length, end: text.length + surface.length, type, key: surface });
      text += surface + '\n';
    }
  }
  return { text, spans };
}

describe('e2e/seed-entities: what Chromium paints on the seed, against its gold labels', () => {
  let gloss: GlossBrowser;
  beforeAll(async () => {
    gloss = await startGloss();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it.each(['PERSON', 'ORG', 'PLACE', 'DATE', 'TERM'] as EntityType[])('paints %s with precision and recall ≥ 0.95', async (type) => {
    const page = await gloss.openPage(`${SEED_PATH}#${type}`);
    await waitForGloss(page);
    await waitForStep(page, 'gloss:paint');
    const gold = JSON.parse(readFileSync(join(SHARED, 'gold/kcna-songchon-speech.json'), 'utf8')) as Gold;
    const { text, spans } = asSpans(await paintedTexts(page));
    const score = scoreType(text, spans, gold, type);
    const detail = `${type}: P=${score.precision.toFixed(3)} R=${score.recall.toFixed(3)} extra=${JSON.stringify(score.extra)} missed=${JSON.stringify(score.missed)}`;
    expect(score.precision, detail).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, detail).toBeGreaterThanOrEqual(0.95);
    await page.close();
  });
});
