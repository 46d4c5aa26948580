/**
 * The card for one entity: its type, the name its mentions group under, the other spellings the
 * article uses for it ("Kim Chŏng-ŭn", "김정은"), which mention this is, buttons to step through
 * its mentions and through the other entities of its type. Opens under the pointer, or from the
 * panel by keyboard: then it takes focus, and Escape or × hands focus back. "Highlight and note"
 * makes the mention a highlight of the reader's own; "Add to a watchlist" adds its name and
 * spellings to one of the reader's watchlists (WatchlistPicker.tsx), so that it is marked as a
 * term on every page from then on.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_TYPE_SINGULAR, type EntitySpan } from '@/utils/entities/types';
import { WatchlistPicker, type WatchlistActions } from './WatchlistPicker';

export interface EntityCardProps {
  span: EntitySpan;
  /** Where to show the card: the mention's box on screen. */
  anchor: { left: number; bottom: number };
  mention: number;
  mentions: number;
  /** Spellings of this entity in the article other than its name. */
  variants: readonly string[];
  /** Which entity of its type this is (1-based), of how many. */
  entity: number;
  entities: number;
  /** Take focus when shown (opened from the keyboard). */
  focus: boolean;
  onStep: (by: 1 | -1) => void;
  onStepEntity: (by: 1 | -1) => void;
  onNote: () => void;
  onClose: () => void;
  /** Adds this entity's name and spellings to a watchlist. */
  watchlists: WatchlistActions;
}

/** What a new watchlist for an entity of this type is called unless the reader says otherwise. */
const NEW_LIST: Record<EntitySpan['type'], string> = {
  PERSON: 'People to watch',
  ORG: 'Organizations to watch',
  PLACE: 'Places to watch',
  DATE: 'Dates to watch',
  TERM: 'Terms to watch',
};

const PLURAL: Record<EntitySpan['type'], string> = {
  PERSON: 'person',
  ORG: 'organization',
  PLACE: 'place',
  DATE: 'date',
  TERM: 'policy term',
};

/** The card's width on screen (panel.css `.card`: 280 px, 10 px padding and 1 px border each side). */
const CARD_OUTER_WIDTH = 302;

export function EntityCard(props: EntityCardProps) {
  const { span, anchor, mention, mentions, variants, entity, entities, focus, onStep, onStepEntity, onNote, onClose, watchlists } = props;
  const card = useRef<HTMLElement>(null);
  const [watching, setWatching] = useState(false);
  // Focus once, as the keyboard opens the card; stepping keeps it on the button that stepped.
  useEffect(() => {
    if (focus) card.current?.focus();
  }, [focus]);
  // Kept 8 px inside the window's edges.
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - CARD_OUTER_WIDTH - 8));
  // The card's height, about: more with the watchlist picker open.
  const top = Math.min(anchor.bottom + 6, window.innerHeight - (watching ? 260 : 170));
  return (
    <section
      ref={card}
      tabIndex={-1}
      class={`card card-${span.type.toLowerCase()}`}
      role="dialog"
      aria-label={`${ENTITY_TYPE_SINGULAR[span.type]}: ${span.key}`}
      style={{ left: `${left}px`, top: `${top}px` }}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <p class="card-type">
        <span class={`swatch swatch-${span.type.toLowerCase()}`} aria-hidden="true" /> {ENTITY_TYPE_SINGULAR[span.type]}
        <button type="button" class="card-close" aria-label="Close the card" onClick={onClose}>
          ×
        </button>
      </p>
      <p class="card-name" data-testid="card-name">
        {span.key}
      </p>
      {variants.length > 0 && (
        <p class="card-variants" data-testid="card-variants">
          Also written {variants.join(' · ')}
        </p>
      )}
      <p class="card-count">
        <button type="button" aria-label="Previous mention" disabled={mentions < 2} onClick={() => onStep(-1)}>
          ‹
        </button>
        <span data-testid="card-mention">
          {mention} of {mentions} in this article
        </span>
        <button type="button" aria-label="Next mention" disabled={mentions < 2} onClick={() => onStep(1)}>
          ›
        </button>
      </p>
      {entities > 1 && (
        <p class="card-count">
          <button type="button" aria-label={`Previous ${PLURAL[span.type]}`} onClick={() => onStepEntity(-1)}>
            ‹
          </button>
          <span data-testid="card-entity">
            {PLURAL[span.type]} {entity} of {entities}
          </span>
          <button type="button" aria-label={`Next ${PLURAL[span.type]}`} onClick={() => onStepEntity(1)}>
            ›
          </button>
        </p>
      )}
      <p class="card-actions">
        <button type="button" data-testid="card-note" onClick={onNote}>
          Highlight and note
        </button>
        <button type="button" data-testid="card-watchlist" aria-expanded={watching} onClick={() => setWatching(!watching)}>
          Add to a watchlist
        </button>
      </p>
      {watching && <WatchlistPicker key={span.key} name={span.key} newListName={NEW_LIST[span.type]} actions={watchlists} />}
    </section>
  );
}
