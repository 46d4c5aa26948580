/**
 * The names the reader gives Gloss's five highlight colors ("claim", "evidence", "question"…),
 * kept in extension storage under their own key so the article script, which never shows them,
 * does not carry them. The color ids stored with annotations never change; only names do.
 */
import { browser } from 'wxt/browser';
import { ANNOTATION_COLORS } from '../anchoring/annotation';

export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];
export type ColorNames = Record<AnnotationColor, string>;

export const DEFAULT_COLOR_NAMES: ColorNames = {
  yellow: 'highlight',
  green: 'evidence',
  blue: 'question',
  pink: 'claim',
  purple: 'follow up',
};

export const MAX_COLOR_NAME = 40;

const KEY = 'colorNames';

/** Stored names, with defaults for any missing, empty or damaged one. */
export function normalizeColorNames(value: unknown): ColorNames {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const names = { ...DEFAULT_COLOR_NAMES };
  for (const color of ANNOTATION_COLORS) {
    const name = raw[color];
    if (typeof name === 'string' && name.trim()) names[color] = name.replace(/\s+/g, ' ').trim().slice(0, MAX_COLOR_NAME);
  }
  return names;
}

export async function readColorNames(): Promise<ColorNames> {
  return normalizeColorNames((await browser.storage.local.get(KEY))[KEY]);
}

/** Renames one color (an empty name puts the default back). */
export async function renameColor(color: AnnotationColor, name: string): Promise<ColorNames> {
  const next = normalizeColorNames({ ...(await readColorNames()), [color]: name.trim() || DEFAULT_COLOR_NAMES[color] });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Calls `onChange` whenever any context renames a color; returns the unwatch. */
export function watchColorNames(onChange: (names: ColorNames) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(normalizeColorNames(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
