/**
 * The entity layer of the page: paints what the recognizer found (utils/highlight/) and shows
 * the panel (components/page/) in a shadow root. Follows the reader's settings live, in every
 * tab; "never on this site" takes everything off the page.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Panel } from '@/components/page/Panel';
import { ENTITY_TYPES, type EntitySpan, type EntityType } from '@/utils/entities/types';
import { createPainter } from '@/utils/highlight/paint';
import { highlightCss } from '@/utils/highlight/styles';
import { isSiteDisabled, readSettings, updateSettings, visibleTypes, watchSettings, type Settings } from '@/utils/settings/settings';
import type { TextModel } from '@/utils/text/text-model';

export interface HighlightLayer {
  /** Paints `entities` over `model` (replacing what was painted), measured as `<label>paint`. */
  show(model: TextModel, entities: readonly EntitySpan[], label: string): void;
}

/** Adopts Gloss's highlight styles into the page; falls back to a <style> in <head>. */
function adoptStyles(doc: Document): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss());
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = doc.createElement('style');
    style.textContent = highlightCss();
    doc.head.append(style);
    return () => style.remove();
  }
}

export async function startHighlights(ctx: ContentScriptContext): Promise<HighlightLayer> {
  const painter = createPainter(document);
  let settings = await readSettings();
  let current: { model: TextModel; entities: readonly EntitySpan[] } | null = null;
  let removeStyles: (() => void) | null = null;

  const counts = (): Record<EntityType, number> => {
    const result = Object.fromEntries(ENTITY_TYPES.map((type) => [type, 0])) as Record<EntityType, number>;
    for (const span of current?.entities ?? []) result[span.type]++;
    return result;
  };
  const change = (edit: (s: Settings) => Settings) => void updateSettings(edit);

  const ui = await createShadowRootUi(ctx, {
    name: 'gloss-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount: (container) => container,
    onRemove: (container) => container && render(null, container),
  });

  const renderPanel = () => {
    if (!current || isSiteDisabled(settings, location.href)) {
      ui.remove();
      return;
    }
    if (!ui.mounted) ui.mount();
    render(
      <Panel
        counts={counts()}
        settings={settings}
        site={location.hostname}
        onToggleType={(type) =>
          change((s) => ({
            ...s,
            hiddenTypes: s.hiddenTypes.includes(type) ? s.hiddenTypes.filter((t) => t !== type) : [...s.hiddenTypes, type],
          }))
        }
        onToggleAll={() => change((s) => ({ ...s, hideAll: !s.hideAll }))}
        onDisableSite={() => change((s) => ({ ...s, disabledSites: [...new Set([...s.disabledSites, location.hostname])] }))}
      />,
      ui.uiContainer,
    );
  };

  const paint = () => {
    if (!current || isSiteDisabled(settings, location.href)) {
      painter.clear();
      removeStyles?.();
      removeStyles = null;
    } else {
      removeStyles ??= adoptStyles(document);
      painter.paint(current.model, current.entities, visibleTypes(settings));
    }
    renderPanel();
  };

  ctx.onInvalidated(
    watchSettings((next) => {
      settings = next;
      paint();
    }),
  );
  ctx.onInvalidated(() => {
    painter.clear();
    removeStyles?.();
    ui.remove();
  });

  return {
    show(model, entities, label) {
      const start = performance.now();
      current = { model, entities };
      paint();
      performance.measure(label + 'paint', { start, end: performance.now() });
    },
  };
}
