/**
 * How entity highlights look. Each type has its own underline style as well as its own hue, so
 * types stay apart for readers who do not tell the hues apart; the translucent tints read on
 * light and dark pages alike. The same rules style the fallback's wrapper elements; the reader's
 * own colors are a marker-pen fill above them.
 */
import type { EntityType } from '../entities/types';
import { FALLBACK_TAG, HIGHLIGHT_NAMES, noteHighlightName } from './names';

const LOOK: Record<EntityType, { tint: string; line: string; style: string }> = {
  PERSON: { tint: 'rgba(230, 120, 20, 0.20)', line: '#d9660a', style: 'solid' },
  ORG: { tint: 'rgba(40, 110, 230, 0.18)', line: '#2563d9', style: 'double' },
  PLACE: { tint: 'rgba(20, 160, 110, 0.20)', line: '#0f9668', style: 'dotted' },
  DATE: { tint: 'rgba(140, 90, 220, 0.18)', line: '#7c4fd6', style: 'dashed' },
  TERM: { tint: 'rgba(210, 40, 110, 0.16)', line: '#c9246a', style: 'wavy' },
};

const declarations = (type: EntityType) => {
  const { tint, line, style } = LOOK[type];
  return `background-color: ${tint} !important; text-decoration: underline ${style} ${line} !important; text-decoration-thickness: 2px !important; text-underline-offset: 2px;`;
};

/** The reader's colors: a marker-pen fill, strong enough to read above an entity's tint. */
export const NOTE_FILLS: Record<string, string> = {
  yellow: 'rgba(255, 214, 0, 0.55)',
  green: 'rgba(80, 220, 100, 0.45)',
  blue: 'rgba(80, 160, 255, 0.45)',
  pink: 'rgba(255, 110, 170, 0.45)',
  purple: 'rgba(170, 110, 255, 0.45)',
};

/** The stylesheet Gloss adopts into the page. */
export function highlightCss(): string {
  const entities = (Object.keys(LOOK) as EntityType[]).map((type) => {
    const rule = declarations(type);
    return `::highlight(${HIGHLIGHT_NAMES[type]}) { ${rule} }\n${FALLBACK_TAG}[data-gloss-type="${type}"] { ${rule} }`;
  });
  // After the entity rules: on a fallback wrapper carrying both, the reader's color wins.
  const notes = Object.entries(NOTE_FILLS).map(
    ([color, fill]) =>
      `::highlight(${noteHighlightName(color)}), ${FALLBACK_TAG}[data-gloss-note="${color}"] { background-color: ${fill} !important; }`,
  );
  const flash = '::highlight(gloss-flash) { background-color: rgba(255, 140, 0, 0.55) !important; }';
  return [...entities, ...notes, flash].join('\n');
}
