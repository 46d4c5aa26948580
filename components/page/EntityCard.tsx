/**
 * The card for the entity under the pointer: its type, the name its mentions group under, which
 * mention this is, and buttons to step through the others. "Highlight and note" makes the
 * mention a highlight of the reader's own; "Add to a watchlist" arrives with the popup's
 * watchlists (shown, not yet enabled).
 */
import type { EntitySpan } from '@/utils/entities/types';

export interface EntityCardProps {
  span: EntitySpan;
  /** Where to show the card: the mention's box on screen. */
  anchor: { left: number; bottom: number };
  mention: number;
  mentions: number;
  onStep: (by: 1 | -1) => void;
  onNote: () => void;
  onClose: () => void;
}

const SINGULAR: Record<EntitySpan['type'], string> = {
  PERSON: 'Person',
  ORG: 'Organization',
  PLACE: 'Place',
  DATE: 'Date',
  TERM: 'Policy term',
};

export function EntityCard({ span, anchor, mention, mentions, onStep, onNote, onClose }: EntityCardProps) {
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - 280));
  const top = Math.min(anchor.bottom + 6, window.innerHeight - 150);
  return (
    <section
      class={`card card-${span.type.toLowerCase()}`}
      role="dialog"
      aria-label={`${SINGULAR[span.type]}: ${span.key}`}
      style={{ left: `${left}px`, top: `${top}px` }}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <p class="card-type">
        <span class={`swatch swatch-${span.type.toLowerCase()}`} aria-hidden="true" /> {SINGULAR[span.type]}
      </p>
      <p class="card-name" data-testid="card-name">
        {span.key}
      </p>
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
      <p class="card-actions">
        <button type="button" data-testid="card-note" onClick={onNote}>
          Highlight and note
        </button>
        <button type="button" disabled title="Comes with watchlists in the popup">
          Add to a watchlist
        </button>
      </p>
    </section>
  );
}
