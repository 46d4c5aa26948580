import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeTrace, type TraceEvent } from '../../../scripts/lib/trace-attribution.mjs';

// A small trace made by hand (tests/fixtures/traces/attribution.json): one of each case the
// attribution rules decide, with thread times chosen so each figure below adds up by hand.
const events = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/traces/attribution.json'), 'utf8')) as TraceEvent[];
const pageUrl = 'http://127.0.0.1:8000/shared/seed/page.html';
const extensionId = 'abcdefghijklmnopabcdefghijklmnop';
const result = attributeTrace(events, { pageUrl, extensionId, windowMs: 5_000 });
const ms = (value: number) => Math.round(value * 1000) / 1000;

describe('scripts/lib/trace-attribution', () => {
  it('counts the tasks of the page from its commit until the window ends after load', () => {
    expect(result.window).toMatchObject({ startMs: 100, loadMs: 1_000, endMs: 6_000, complete: true });
    expect(result.tasks.tasks).toBe(15);
  });

  it("gives script to its URL's owner, and microtasks to samples, to Gloss's task or measure, or to no one", () => {
    // Loader 4 - 1 forced layout; map's microtasks 2; long function 54; small function 1; 3/4 of 4 sampled.
    expect(ms(result.scriptMs.gloss)).toBe(63);
    // The page's inline script 3 and 1/4 of the sampled microtasks; Gloss's offscreen work is elsewhere.
    expect(ms(result.scriptMs.page)).toBe(4);
    expect(ms(result.scriptMs.unknown)).toBe(0.5);
    expect(Object.fromEntries(Object.entries(result.glossByEvent).map(([k, v]) => [k, ms(v)]))).toEqual({
      EvaluateScript: 4,
      RunMicrotasks: 5,
      FunctionCall: 55,
    });
  });

  it('gives style and layout to the script that forced it, or to whoever dirtied the page since the last update', () => {
    // Forced 1; update after Gloss 2 + 3; after the sampled microtasks 0.5; invalidated by a Gloss stack 0.8.
    expect(ms(result.renderMs.gloss)).toBe(7.3);
    // Update after the page's script 4; invalidated by a page stack 0.7.
    expect(ms(result.renderMs.page)).toBe(4.7);
    expect(ms(result.renderMs.shared)).toBe(2);
  });

  it("tells Gloss's long tasks from the page's own", () => {
    expect(result.longTasks.map(({ owner, wallMs, threadMs, glossMs }) => ({ owner, wallMs, threadMs, glossMs: ms(glossMs) }))).toEqual([
      { owner: 'gloss', wallMs: 60, threadMs: 55, glossMs: 54 },
      { owner: 'page', wallMs: 70, threadMs: 20, glossMs: 0 },
    ]);
  });

  it("reads Gloss's measures", () => {
    expect(result.measures).toEqual({ 'gloss:map': 3 });
    expect(result.glossMeasuredMainThreadMs).toBe(3);
  });

  it('refuses a trace without the page', () => {
    expect(() => attributeTrace(events, { pageUrl: 'http://127.0.0.1:8000/other.html' })).toThrow(/no commit/);
  });
});
