/**
 * Gloss's steps on a page (the loader's readerable check, the article script's reading,
 * recognizing, painting), kept where the page cannot see them. `performance` marks and measures
 * land on the page's own timeline, which any page script can read (and one of them said the
 * reader had turned Gloss off on the site), so the shipped build writes none: only the bench's
 * build does (`GLOSS_MEASURES=1`, see wxt.config.ts and scripts/bench.mjs). Each step is also
 * counted on the isolated world's `window` (which page scripts cannot see), where browser tests
 * and `npm start` ask, through the extension, whether Gloss is done with a page
 * (scripts/lib/gloss-done.mjs).
 */
import { worldSlot } from './world-slot';

/** Key of the step counts on the isolated world's `window`. */
export const TIMELINE_KEY = '__glossTimeline';

/** Whether this build leaves `performance` entries on the page's timeline (the bench's build only). */
const MEASURES = import.meta.env.GLOSS_MEASURES === true;

const counts = worldSlot<Record<string, number>>(TIMELINE_KEY);

function count(name: string): void {
  const steps = counts.get() ?? {};
  steps[name] = (steps[name] ?? 0) + 1;
  counts.set(steps);
}

/** A step that happened (e.g. `gloss:article-detected`). */
export function mark(name: string): void {
  count(name);
  if (MEASURES) performance.mark(name);
}

/** A step that took time (`start`, and `end` or `duration`, as for `performance.measure`). */
export function measure(name: string, options: { start: number; end?: number; duration?: number; detail?: unknown }): void {
  count(name);
  if (MEASURES) performance.measure(name, options);
}
