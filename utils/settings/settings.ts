/**
 * The reader's display settings, in extension storage so they persist and every open tab sees a
 * change at once: which entity types are shown and in what color, the one switch that hides them
 * all, the sites where Gloss never runs, and the sites the reader declared to be one outlet.
 */
import { browser } from 'wxt/browser';
import type { MirrorPair } from '../article/site';
import { ENTITY_TYPES, type EntityType } from '../entities/types';

export interface Settings {
  hiddenTypes: EntityType[];
  /** Hide every entity highlight (the types keep their own switches for when this is off). */
  hideAll: boolean;
  /** Host names (e.g. "www.example.com") where Gloss does not run. */
  disabledSites: string[];
  /** The reader's color (`#rrggbb`) for an entity type, in place of Gloss's own; absent for none. */
  typeColors?: Partial<Record<EntityType, string>>;
  /**
   * Pairs of sites (registrable domains, e.g. "kcna.kp" and "kcnawatch.org") the reader says
   * publish the same outlet's articles: a page on one may file itself under a canonical link
   * on the other. Absent for none.
   */
  mirrors?: MirrorPair[];
  /**
   * Which articles Gloss keeps versions of (utils/versions/): those the reader annotated or where
   * a term of their watchlists was found (absent: the default), every article read, or only
   * annotated ones.
   */
  keepVersions?: KeepVersions;
}

export const KEEP_VERSIONS = ['annotated-or-watched', 'all', 'annotated'] as const;
export type KeepVersions = (typeof KEEP_VERSIONS)[number];

export const DEFAULT_SETTINGS: Settings = { hiddenTypes: [], hideAll: false, disabledSites: [] };

/**
 * The key in `storage.local`, read and written directly by the background and Gloss's pages. An
 * article's page writes here only when the reader flips a switch in its panel; it hears the
 * settings from the background (with each analysis, and `settingsChanged`), not from storage.
 */
const KEY = 'settings';

/** The entity types to paint under `settings`. */
export function visibleTypes(settings: Settings): Set<EntityType> {
  if (settings.hideAll) return new Set();
  return new Set(ENTITY_TYPES.filter((type) => !settings.hiddenTypes.includes(type)));
}

/** Whether Gloss is switched off on the site of `url`. */
export function isSiteDisabled(settings: Settings, url: string): boolean {
  try {
    return settings.disabledSites.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Reads the settings, filling in what an older or damaged stored value lacks. */
export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return normalizeSettings(stored[KEY] ?? DEFAULT_SETTINGS);
}

/** Calls `onChange` with the new settings whenever any context changes them; returns the unwatch. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(normalizeSettings(changes[KEY]?.newValue ?? DEFAULT_SETTINGS));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export function normalizeSettings(value: unknown): Settings {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof Settings, unknown>>;
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  const colors = (raw.typeColors ?? {}) as Record<string, unknown>;
  // Only known types, only #rrggbb: the color goes into the page's stylesheet as it is.
  const typeColors = Object.fromEntries(
    ENTITY_TYPES.flatMap((type) => {
      const color = colors[type];
      return typeof color === 'string' && /^#[\da-f]{6}$/i.test(color) ? [[type, color.toLowerCase()]] : [];
    }),
  );
  const mirrors = (Array.isArray(raw.mirrors) ? raw.mirrors : []).filter(
    (pair): pair is [string, string] =>
      Array.isArray(pair) && pair.length === 2 && pair.every((site) => typeof site === 'string' && site !== '') && pair[0] !== pair[1],
  );
  const keepVersions = KEEP_VERSIONS.find((choice) => choice === raw.keepVersions && choice !== 'annotated-or-watched');
  return {
    hiddenTypes: strings(raw.hiddenTypes).filter((type): type is EntityType => (ENTITY_TYPES as string[]).includes(type)),
    hideAll: raw.hideAll === true,
    disabledSites: strings(raw.disabledSites),
    ...(Object.keys(typeColors).length ? { typeColors } : {}),
    ...(mirrors.length ? { mirrors: mirrors.map(([a, b]) => [a, b] as [string, string]) } : {}),
    ...(keepVersions ? { keepVersions } : {}),
  };
}

/** Applies `change` to the stored settings. */
export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = normalizeSettings(change(await readSettings()));
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
