/** The names Gloss registers its highlights under, one per entity type (reader notes: later). */
import type { EntityType } from '../entities/types';

export const HIGHLIGHT_NAMES: Readonly<Record<EntityType, string>> = {
  PERSON: 'gloss-person',
  ORG: 'gloss-org',
  PLACE: 'gloss-place',
  DATE: 'gloss-date',
  TERM: 'gloss-term',
};

/** The element the fallback wraps text in, where the Custom Highlight API is missing. */
export const FALLBACK_TAG = 'gloss-mark';
