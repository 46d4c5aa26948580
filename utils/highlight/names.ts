/** The names Gloss registers its highlights under: one per entity type, one per reader color. */
import { ANNOTATION_COLORS } from '../anchoring/annotation';
import type { EntityType } from '../entities/types';

export const HIGHLIGHT_NAMES: Readonly<Record<EntityType, string>> = {
  PERSON: 'gloss-person',
  ORG: 'gloss-org',
  PLACE: 'gloss-place',
  DATE: 'gloss-date',
  TERM: 'gloss-term',
};

export const noteHighlightName = (color: string) => `gloss-note-${color}`;

export const NOTE_HIGHLIGHT_NAMES: readonly string[] = ANNOTATION_COLORS.map(noteHighlightName);

/** A stretch flashed for a moment (a highlight or a mention picked in the popup). */
export const FLASH_HIGHLIGHT = 'gloss-flash';

/** The stretch a new highlight will cover, while the reader writes its note. */
export const PENDING_HIGHLIGHT = 'gloss-pending';

/** The element the fallback wraps text in, where the Custom Highlight API is missing. */
export const FALLBACK_TAG = 'gloss-mark';
