/**
 * The page panel, in Gloss's shadow root, above its corner badge (components/page/badge.ts), when
 * the reader opens it: per-type counts and switches, one switch to hide them all, "never on this site", and the
 * reader's highlights that could no longer be found in the article (orphans), which the editor
 * lists with their quote and note; each type's › opens the entity card on its first entity, so
 * the cards are reachable without a pointer; and, when the article changed since the version the
 * reader annotated, what changed, with a way to the reader page's comparison. Keyboard reachable,
 * labelled for screen readers; Escape closes it.
 */
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityType } from '@/utils/entities/types';
import type { Settings } from '@/utils/settings/settings';

export interface PanelProps {
  counts: Record<EntityType, number>;
  /** The reader's highlights that can no longer be found in the article. */
  orphans: number;
  /** The article's language when names were not looked for in it. */
  namesSkipped?: string | null;
  onShowOrphans: () => void;
  settings: Settings;
  site: string;
  onToggleType: (type: EntityType) => void;
  /** Opens the card on the first entity of `type`, with focus: the keyboard's way to the cards. */
  onBrowse: (type: EntityType) => void;
  onToggleAll: () => void;
  onDisableSite: () => void;
  /** What changed since the reader annotated, said plainly, and how to see it; null: nothing did. */
  changed?: { text: string; onOpen: () => void } | null;
  /** Closes the panel (its ×, or Escape inside it); focus goes back to the badge. */
  onClose: () => void;
}

export function Panel({ counts, orphans, namesSkipped, onShowOrphans, settings, site, onToggleType, onBrowse, onToggleAll, onDisableSite, changed, onClose }: PanelProps) {
  return (
    <div class="gloss gloss-above" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <section class="panel" id="gloss-panel" role="dialog" aria-label="Gloss highlights">
        <header>
          <strong>Gloss</strong>
          <button type="button" class="close" aria-label="Close the Gloss panel" onClick={onClose}>
            ×
          </button>
        </header>
        {changed && (
          <p class="changed" data-testid="article-changed">
            {changed.text}.{' '}
            <button type="button" class="link" data-testid="see-changes" onClick={changed.onOpen}>
              See what changed
            </button>
          </p>
        )}
        <ul>
          {ENTITY_TYPES.map((type) => (
            <li key={type}>
              <label>
                <input
                  type="checkbox"
                  data-type={type}
                  checked={!settings.hiddenTypes.includes(type)}
                  disabled={settings.hideAll}
                  onChange={() => onToggleType(type)}
                />
                <span class={`swatch swatch-${type.toLowerCase()}`} aria-hidden="true" />
                {ENTITY_TYPE_LABELS[type]}
                <span class="count" aria-label={`${counts[type]} found`}>
                  {counts[type]}
                </span>
              </label>
              <button
                type="button"
                class="browse"
                data-browse={type}
                aria-label={`Go through the ${ENTITY_TYPE_LABELS[type].toLowerCase()} one by one`}
                disabled={!counts[type] || settings.hideAll || settings.hiddenTypes.includes(type)}
                onClick={() => onBrowse(type)}
              >
                ›
              </button>
            </li>
          ))}
        </ul>
        {namesSkipped && (
          <p class="note" data-testid="names-skipped">
            Names are recognized in English only. This page is in another language ({namesSkipped}): dates and your terms are marked.
          </p>
        )}
        <label class="all">
          <input type="checkbox" data-role="hide-all" checked={settings.hideAll} onChange={onToggleAll} />
          Hide all highlights
        </label>
        {orphans > 0 && (
          <button type="button" class="orphans" data-testid="orphans" onClick={onShowOrphans}>
            {orphans} of your highlights no longer found: show them
          </button>
        )}
        <button type="button" class="site" onClick={onDisableSite}>
          Never on {site}
        </button>
      </section>
    </div>
  );
}
