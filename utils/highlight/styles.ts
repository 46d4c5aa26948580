/**
 * How entity highlights look. Each type has its own underline style as well as its own hue, so
 * types stay apart for readers who do not tell the hues apart; the translucent tints read on
 * light and dark pages alike. The same rules style the fallback's wrapper elements; the reader's
 * own colors are a marker-pen fill above them.
 */
import { ENTITY_TYPES, type EntityType } from '../entities/types';
import type { Settings } from '../settings/settings';
import { FALLBACK_TAG, FLASH_HIGHLIGHT, HIGHLIGHT_NAMES, PENDING_HIGHLIGHT, noteHighlightName } from './names';

/** Gloss's own look per type: the fill's `r, g, b` (drawn at `alpha`), the underline's color and style. */
export const ENTITY_LOOK: Readonly<Record<EntityType, { tint: string; alpha: number; line: string; style: string }>> = {
  PERSON: { tint: '230, 120, 20', alpha: 0.2, line: '#d9660a', style: 'solid' },
  ORG: { tint: '40, 110, 230', alpha: 0.18, line: '#2563d9', style: 'double' },
  PLACE: { tint: '20, 160, 110', alpha: 0.2, line: '#0f9668', style: 'dotted' },
  DATE: { tint: '140, 90, 220', alpha: 0.18, line: '#7c4fd6', style: 'dashed' },
  TERM: { tint: '210, 40, 110', alpha: 0.16, line: '#c9246a', style: 'wavy' },
};

/**
 * How `type` looks under the reader's settings: their color (`#rrggbb`, checked by
 * normalizeSettings) replaces both the tint, at Gloss's alpha for the type, and the line.
 */
export function entityLook(type: EntityType, settings?: Pick<Settings, 'typeColors'>): { tint: string; line: string; style: string } {
  const { tint, alpha, line, style } = ENTITY_LOOK[type];
  const color = settings?.typeColors?.[type];
  const rgb = color ? [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)).join(', ') : tint;
  return { tint: `rgba(${rgb}, ${alpha})`, line: color ?? line, style };
}

const declarations = (look: { tint: string; line: string; style: string }) =>
  `background-color: ${look.tint} !important; text-decoration: underline ${look.style} ${look.line} !important; text-decoration-thickness: 2px !important; text-underline-offset: 2px;`;

/** The reader's colors: a marker-pen fill, strong enough to read above an entity's tint. */
export const NOTE_FILLS: Record<string, string> = {
  yellow: 'rgba(255, 214, 0, 0.55)',
  green: 'rgba(80, 220, 100, 0.45)',
  blue: 'rgba(80, 160, 255, 0.45)',
  pink: 'rgba(255, 110, 170, 0.45)',
  purple: 'rgba(170, 110, 255, 0.45)',
};

/** What the adopted stylesheet is for: the entity types painted, and whether the fallback's wrappers are. */
export interface PaintedStyles {
  types?: Iterable<EntityType>;
  fallback?: boolean;
  /**
   * The element the rules are on, as a selector, whose descendants' highlights inherit them
   * (Chromium's highlight inheritance): the article's region (region-selector.ts) or `:root`.
   * Adopting a bare `::highlight()` rule restyles every element of the page (the rule could match
   * any): 10-35 ms of style recalculation on the corpus' big pages, the largest piece of Gloss's
   * style cost (issue 16); on `:root` about a third less; on one element inside the body about
   * what an empty stylesheet costs. Firefox 153 does not inherit highlight styles (nothing is
   * painted): there the rules stay bare (`''`, the default).
   */
  on?: string;
}

/**
 * The stylesheet Gloss adopts into the page, in the reader's type colors where they chose one.
 * The page can read it (`document.adoptedStyleSheets`), so it carries only what painting needs:
 * rules for the types painted now (none for types the reader turned off, so neither their
 * colors), the fallback's wrapper rules only where the fallback paints, and no names of the
 * reader's (settings, color names). The colors of painted types must be there to be painted.
 */
export function highlightCss(settings?: Pick<Settings, 'typeColors'>, { types = ENTITY_TYPES, fallback = true, on = '' }: PaintedStyles = {}): string {
  const painted = new Set(types);
  const entities = ENTITY_TYPES.filter((type) => painted.has(type)).map((type) => {
    const rule = declarations(entityLook(type, settings));
    const api = `${on}::highlight(${HIGHLIGHT_NAMES[type]}) { ${rule} }`;
    return fallback ? `${api}\n${FALLBACK_TAG}[data-gloss-type="${type}"] { ${rule} }` : api;
  });
  // After the entity rules: on a fallback wrapper carrying both, the reader's color wins.
  const notes = Object.entries(NOTE_FILLS).map(
    ([color, fill]) =>
      `${on}::highlight(${noteHighlightName(color)})${fallback ? `, ${FALLBACK_TAG}[data-gloss-note="${color}"]` : ''} { background-color: ${fill} !important; }`,
  );
  const marks = [
    `${on}::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 140, 0, 0.55) !important; }`,
    `${on}::highlight(${PENDING_HIGHLIGHT}) { background-color: rgba(37, 99, 217, 0.25) !important; }`,
  ];
  return [...entities, ...notes, ...marks].join('\n');
}
