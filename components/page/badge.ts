/**
 * The page panel's corner badge: the number of highlights, a ring when the article changed since
 * the reader annotated, and the button that opens and closes the panel (components/page/Panel.tsx).
 * Plain DOM rather than a component: it shows on every article, and rendering it with Preact ran
 * Preact's code for the first time on every article, about a tenth of Gloss's script on the page
 * (docs/FINDINGS.md); Preact now runs only when the reader opens the panel or a card.
 */

export interface BadgeState {
  total: number;
  /** The article changed since the reader annotated. */
  changed: boolean;
  /** The panel is open. */
  open: boolean;
}

export interface Badge {
  /** The corner that holds the badge (`.gloss`). */
  element: HTMLElement;
  button: HTMLButtonElement;
  show(state: BadgeState): void;
}

/** What a screen reader says of the badge. */
function badgeLabel({ total, changed, open }: BadgeState): string {
  return `Gloss: ${total} highlights.${changed ? ' The article changed since you annotated.' : ''} ${open ? 'Close' : 'Open'} the panel`;
}

/** `onToggle` runs on the badge's click; `onEscape` on Escape while focus is on it. */
export function createBadge(doc: Document, onToggle: () => void, onEscape: () => void): Badge {
  const element = doc.createElement('div');
  element.className = 'gloss';
  const button = element.appendChild(doc.createElement('button'));
  button.type = 'button';
  button.setAttribute('aria-controls', 'gloss-panel');
  button.addEventListener('click', onToggle);
  button.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onEscape();
  });
  let shown = '';
  return {
    element,
    button,
    show(state) {
      // A paint that changes nothing the badge says leaves its DOM alone.
      const key = `${state.total}|${state.changed}|${state.open}`;
      if (key === shown) return;
      shown = key;
      button.className = state.changed ? 'badge badge-changed' : 'badge';
      button.setAttribute('aria-expanded', String(state.open));
      button.setAttribute('aria-label', badgeLabel(state));
      button.textContent = String(state.total);
    },
  };
}
