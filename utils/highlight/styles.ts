/**
 * How entity highlights look. Each type has its own underline style as well as its own hue, so
 * types stay apart for readers who do not tell the hues apart; the translucent tints read on
 * light and dark pages alike. The same rules style the fallback's wrapper elements; the reader's
 * own colors are a marker-pen fill above them.
 */
import type { EntityType } from '../entities/types';
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

/** The stylesheet Gloss adopts into the page, in the reader's type colors where they chose one. */
export function highlightCss(settings?: Pick<Settings, 'typeColors'>): string {
  const entities = (Object.keys(ENTITY_LOOK) as EntityType[]).map((type) => {
    const rule = declarations(entityLook(type, settings));
    return `::highlight(${HIGHLIGHT_NAMES[type]}) { ${rule} }\n${FALLBACK_TAG}[data-gloss-type="${type}"] { ${rule} }`;
  });
  // After the entity rules: on a fallback wrapper carrying both, the reader's color wins.
  const notes = Object.entries(NOTE_FILLS).map(
    ([color, fill]) =>
      `::highlight(${noteHighlightName(color)}), ${FALLBACK_TAG}[data-gloss-note="${color}"] { background-color: ${fill} !important; }`,
  );
  const marks = [
    `::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 140, 0, 0.55) !important; }`,
    `::highlight(${PENDING_HIGHLIGHT}) { background-color: rgba(37, 99, 217, 0.25) !important; }`,
  ];
  return [...entities, ...notes, ...marks].join('\n');
}
