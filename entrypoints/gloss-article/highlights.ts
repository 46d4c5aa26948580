/**
 * The entity layer of the page: paints what the recognizer found (utils/highlight/), with its
 * rules on the article's own element, and keeps the badge, the panel and the entity card in a
 * shadow root; the panel and the card are drawn by the panel's views (entrypoints/gloss-panel),
 * loaded on their first use, from the state kept here. Follows the reader's settings live, in
 * every tab; "never on this site" takes everything off the page.
 */
import type { ScriptContext } from '@/utils/page/script-context';
import { createBadge } from '@/components/page/badge';
import type { EntityCardProps } from '@/components/page/EntityCard';
import type { WatchlistActions } from '@/components/page/WatchlistPicker';
import { panelApi, sharePanelHost, type PanelView } from '@/utils/page/panel-bridge';
import { ENTITY_TYPES, type EntitySpan, type EntityType } from '@/utils/entities/types';
import type { Placement } from '@/utils/anchoring/anchor-all';
import type { EditorRequest } from '@/utils/page/editor-bridge';
import { createPainter } from '@/utils/highlight/paint';
import { SpanIndex } from '@/utils/highlight/span-index';
import { regionElement, regionSelector } from '@/utils/highlight/region-selector';
import { highlightCss, type PaintedStyles } from '@/utils/highlight/styles';
import { createShadowUi } from '@/utils/page/shadow-ui';
import panelCss from '@/components/page/panel.css?inline';
import { measure } from '@/utils/page/timeline';
import { sendToExtension } from '@/utils/messaging/send';
import { isSiteDisabled, updateSettings, visibleTypes, type Settings } from '@/utils/settings/settings';
import type { TextModel } from '@/utils/text/text-model';
import { caretAt, watchHover } from './hover';

/** Spellings sent with a name to a watchlist, at most (the message's limit). */
const MAX_ALIASES = 50;

export interface HighlightLayer {
  /**
   * Paints `entities` and the reader's placed annotations over `model` (replacing what was
   * painted), measured as `<label>paint`; the panel lists the orphans.
   */
  show(model: TextModel, entities: readonly EntitySpan[], notes: Placement, label: string, region: Node): void;
  /** The article's language when names were not looked for in it: the panel says so. */
  setNamesSkipped(lang: string | null): void;
  /** What changed since the reader annotated (null: nothing): the panel says so, with a way to the comparison. */
  setChanges(changes: { text: string; onOpen: () => void } | null): void;
  /** The reader's display settings changed: what is painted follows (nothing is done when they did not change). */
  setSettings(settings: Settings): void;
  /** The page changed: the highlight rules move with the region if it no longer sits where they point. */
  keepStyled(): void;
}

/** Adopts Gloss's highlight styles into the page; falls back to a <style> in <head>. */
function adoptStyles(doc: Document, settings: Settings, painted: PaintedStyles): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss(settings, painted));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = doc.createElement('style');
    style.textContent = highlightCss(settings, painted);
    doc.head.append(style);
    return () => style.remove();
  }
}

/**
 * Paints under `initial` settings, which the background sends with each analysis (the page reads
 * no storage: its bindings alone cost the page's thread) and then whenever they change.
 * `onTermsChanged` is told when the reader added a name to a watchlist from a card: the article
 * is read again, so that the name is marked as a term.
 */
export function startHighlights(ctx: ScriptContext, initial: Settings, openEditor: (request: EditorRequest) => void, onTermsChanged: () => void): HighlightLayer {
  const painter = createPainter(document);
  // Same test as createPainter's: where the API is missing, the fallback's wrappers need their rules.
  const highlightApi = 'Highlight' in window && !!globalThis.CSS?.highlights;
  let settings = initial;
  let current: { model: TextModel; entities: readonly EntitySpan[]; notes: Placement; region: Node } | null = null;
  /** The adopted highlight rules, and the element they are on (null in Firefox: bare rules). */
  let styles: { remove: () => void; on: { selector: string; element: Element | null } | null } | null = null;
  const unstyle = () => {
    styles?.remove();
    styles = null;
  };
  /** The painted spans, for hit-testing; empty when nothing is painted. */
  let index = new SpanIndex([]);
  /** The entity card's span; `focus` when the keyboard opened it (from `opener`, which gets focus back). */
  let hover: { span: EntitySpan; rect: DOMRect; pinned: boolean; focus?: boolean } | null = null;
  let opener: HTMLElement | null = null;
  let namesSkipped: string | null = null;
  let changed: { text: string; onOpen: () => void } | null = null;
  let panelOpen = false;
  /** The panel or a card has been drawn: from then on they are drawn on every change (maybe as nothing). */
  let drawn = false;

  const counts = (): Record<EntityType, number> => {
    const result = Object.fromEntries(ENTITY_TYPES.map((type) => [type, 0])) as Record<EntityType, number>;
    for (const span of current?.entities ?? []) result[span.type]++;
    return result;
  };
  const change = (edit: (s: Settings) => Settings) => void updateSettings(edit);

  // What the panel's views drew is unmounted by them (this script has no Preact).
  const ui = createShadowUi(ctx, 'gloss-panel', panelCss, { unmount: (container) => panelApi()?.draw(container, { card: null, panel: null }) });
  const setPanelOpen = (open: boolean) => {
    panelOpen = open;
    renderPanel();
    if (!open) badge.button.focus();
  };
  const badge = createBadge(document, () => setPanelOpen(!panelOpen), () => panelOpen && setPanelOpen(false));
  ui.container.after(badge.element);

  const mentionsOf = (span: EntitySpan) => index.mentionsOf(span);
  /** Pins the card on `span`, scrolled to the middle of the window. */
  const showCard = (span: EntitySpan, focus: boolean) => {
    const range = current?.model.range(span.start, span.end);
    if (!range) return;
    window.scrollBy({ top: range.getBoundingClientRect().top - window.innerHeight / 2 });
    hover = { span, rect: range.getBoundingClientRect(), pinned: true, focus };
    renderPanel();
  };
  const cycle = <T,>(items: readonly T[], item: T, by: 1 | -1) => items[(items.indexOf(item) + by + items.length) % items.length] as T;
  const step = (by: 1 | -1) => {
    if (hover) showCard(cycle(mentionsOf(hover.span), hover.span, by), !!hover.focus);
  };
  const stepEntity = (by: 1 | -1) => {
    if (!hover) return;
    const entities = index.entitiesOf(hover.span.type);
    const at = entities.find((first) => first.key === hover!.span.key) as EntitySpan;
    showCard(cycle(entities, at, by), !!hover.focus);
  };
  const browse = (type: EntityType) => {
    const first = index.entitiesOf(type)[0];
    if (!first) return;
    opener = (ui.container.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
    showCard(first, true);
  };
  const closeCard = () => {
    const back = hover?.focus ? opener : null;
    setHover(null);
    back?.focus();
  };
  /** The card for `hover`: its entity's mentions and its type's entities are read once per render. */
  const cardFor = ({ span, rect, focus }: NonNullable<typeof hover>): EntityCardProps => {
    const mentions = mentionsOf(span);
    const entities = index.entitiesOf(span.type);
    const text = current?.model.text ?? '';
    // The other spellings the article uses for the entity.
    const spellings = new Set(mentions.map((mention) => text.slice(mention.start, mention.end)));
    spellings.delete(span.key);
    const watchlists: WatchlistActions = {
      list: () => sendToExtension('toBackground', 'listWatchlistNames', {}),
      add: async (target) => {
        const aliases = [...spellings].slice(0, MAX_ALIASES);
        const result = await sendToExtension('toBackground', 'addToWatchlist', { target, term: span.key, aliases });
        if (result.ok && result.value.added) onTermsChanged();
        return result;
      },
    };
    return {
      span,
      anchor: { left: rect.left, bottom: rect.bottom },
      mention: mentions.indexOf(span) + 1,
      mentions: mentions.length,
      variants: [...spellings],
      entity: entities.findIndex((first) => first.key === span.key) + 1,
      entities: entities.length,
      focus: !!focus,
      onStep: step,
      onStepEntity: stepEntity,
      onNote: () => {
        openEditor({ kind: 'range', start: span.start, end: span.end });
        setHover(null);
      },
      onClose: closeCard,
      watchlists,
    };
  };

  /**
   * Draws `view` with the panel's views, which the background injects on their first use: what
   * is current then is drawn once they arrive (a failed load is tried again at the next draw).
   */
  let loadingViews = false;
  const draw = (view: PanelView) => {
    const views = panelApi();
    if (views) return views.draw(ui.container, view);
    if (loadingViews) return;
    loadingViews = true;
    sharePanelHost({ ready: renderPanel });
    void sendToExtension('toBackground', 'loadPanel', {}).then((result) => (loadingViews = result.ok));
  };

  const renderPanel = () => {
    if (!current || isSiteDisabled(settings, location.href)) {
      ui.remove();
      return;
    }
    if (!ui.mounted) ui.mount();
    const byType = counts();
    badge.show({ total: ENTITY_TYPES.reduce((sum, type) => sum + byType[type], 0), changed: !!changed, open: panelOpen });
    if (!panelOpen && !hover && !drawn) return;
    drawn = true;
    const { orphans } = current.notes;
    draw({
      card: hover && cardFor(hover),
      panel: panelOpen
        ? {
            counts: byType,
            orphans: orphans.length,
            namesSkipped,
            onShowOrphans: () => openEditor({ kind: 'annotations', ids: orphans.map((orphan) => orphan.id) }),
            settings,
            site: location.hostname,
            onToggleType: (type) =>
              change((s) => ({
                ...s,
                hiddenTypes: s.hiddenTypes.includes(type) ? s.hiddenTypes.filter((t) => t !== type) : [...s.hiddenTypes, type],
              })),
            onBrowse: browse,
            onToggleAll: () => change((s) => ({ ...s, hideAll: !s.hideAll })),
            onDisableSite: () => change((s) => ({ ...s, disabledSites: [...new Set([...s.disabledSites, location.hostname])] })),
            changed,
            onClose: () => setPanelOpen(false),
          }
        : null,
    });
  };

  const setHover = (next: typeof hover) => {
    if (next?.span === hover?.span && !!next === !!hover) return;
    hover = next;
    renderPanel();
  };

  // The entity under the pointer, if its painted text is really under it (not just nearest).
  const hovering = watchHover(ctx, (x, y, target) => {
    if (target === ui.host || !current) return; // over Gloss's own card or panel
    if (hover?.pinned) return;
    const caret = caretAt(x, y);
    let found: typeof hover = null;
    if (caret) {
      const offset = current.model.offsetAt(caret.node, caret.offset);
      for (const at of [offset, offset - 1]) {
        const span = index.at(at);
        const rects = span ? (current.model.range(span.start, span.end)?.getClientRects() ?? []) : [];
        const rect = [...rects].find((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
        if (span && rect) {
          found = { span, rect, pinned: false };
          break;
        }
      }
    }
    setHover(found);
  });
  ctx.addEventListener(document, 'keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape' && hover) closeCard();
  });

  /** The element the rules should sit on (null in Firefox: bare rules). */
  const ruledElement = () => (import.meta.env.FIREFOX || !current ? null : regionElement(current.region));
  /** The adopted rules still sit on the region's element (the page may have moved it, or a reading found another). */
  const stillOn = (on: NonNullable<typeof styles>['on']) => !on || (on.element === ruledElement() && !!on.element?.matches(on.selector));
  /**
   * Adopts the highlight rules for the painted `types` (anew only when they are not adopted, or
   * no longer on the region's element), on the region's element in Chromium (region-selector.ts).
   */
  const style = (types: Set<EntityType>) => {
    if (styles && stillOn(styles.on)) return;
    unstyle();
    const element = ruledElement();
    const on = import.meta.env.FIREFOX ? null : { selector: regionSelector(element), element };
    styles = { remove: adoptStyles(document, settings, { types, fallback: !highlightApi, on: on?.selector ?? '' }), on };
  };

  /** Paints what is current under the settings; answers how many ranges it painted. */
  const paint = (): number => {
    let ranges = 0;
    if (!current || isSiteDisabled(settings, location.href)) {
      painter.clear();
      unstyle();
      index = new SpanIndex([]);
    } else {
      const visible = visibleTypes(settings);
      style(visible);
      const notes = current.notes.placed.map(({ start, end, annotation }) => ({ start, end, color: annotation.color }));
      const painted = painter.paint(current.model, current.entities, visible, notes);
      ranges = Object.values(painted.counts).reduce((sum, n) => sum + n, 0) + painted.notes;
      index = new SpanIndex(current.entities.filter((span) => visible.has(span.type)));
    }
    // The card stays on its mention if that is still painted (the article read again after a
    // name was added to a watchlist), so that it can say what was done.
    const kept = hover && index.mentionsOf(hover.span).find((span) => span.start === hover!.span.start && span.end === hover!.span.end);
    hover = hover && kept ? { ...hover, span: kept } : null;
    hovering.enable(index.size > 0);
    renderPanel();
    return ranges;
  };

  ctx.onInvalidated(() => {
    painter.clear();
    unstyle();
    ui.remove();
  });

  return {
    setNamesSkipped(lang) {
      namesSkipped = lang;
    },
    setChanges(next) {
      changed = next;
      if (current) renderPanel();
    },
    setSettings(next) {
      if (JSON.stringify(next) === JSON.stringify(settings)) return;
      settings = next;
      // The type colors may have changed: paint() adopts the stylesheet afresh.
      unstyle();
      paint();
    },
    keepStyled() {
      // On every batch of the page's changes: a look at one selector, and nothing more while it holds.
      if (styles && !stillOn(styles.on)) style(visibleTypes(settings));
    },
    show(model, entities, notes, label, region) {
      const start = performance.now();
      current = { model, entities, notes, region };
      const ranges = paint();
      measure(label + 'paint', { start, end: performance.now(), detail: { ranges } });
    },
  };
}
