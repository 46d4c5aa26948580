import { describe, expect, it } from 'vitest';
import { TIMELINE_KEY, mark, measure } from '@/utils/page/timeline';
import { TIMELINE_KEY as SCRIPTS_KEY } from '../../scripts/lib/gloss-done.mjs';

describe('page/timeline', () => {
  it("counts Gloss's steps out of the page's timeline (the shipped build writes no performance entry)", () => {
    mark('gloss:article-detected');
    measure('gloss:paint', { start: performance.now() });
    measure('gloss:paint', { start: performance.now() });
    expect((window as unknown as Record<string, unknown>)[TIMELINE_KEY]).toEqual({ 'gloss:article-detected': 1, 'gloss:paint': 2 });
    expect(performance.getEntries().filter((entry) => entry.name.startsWith('gloss'))).toEqual([]);
  });

  it('is read by the scripts under the same key', () => {
    expect(SCRIPTS_KEY).toBe(TIMELINE_KEY);
  });
});
