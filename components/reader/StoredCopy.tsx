/**
 * A stored version's text, shown: its HTML cleaned once more (whatever the database holds is
 * treated as hostile) and imported from DOMPurify's inert document, links opening in a new tab
 * without a referrer. Under the headline, it is read as one text model; the reader's annotations
 * are anchored in it with the same code as on the live page, the background's recognizer finds
 * its entities and terms, and both are painted as on the page (Highlight API, else wrapped), in
 * the reader's settings; what is placed and what is orphaned goes up to the notes beside it.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useSettings } from '@/components/popup/settings/use-settings';
import { anchorAll, type Placement } from '@/utils/anchoring/anchor-all';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { EntitySpan } from '@/utils/entities/types';
import { createPainter } from '@/utils/highlight/paint';
import { highlightCss } from '@/utils/highlight/styles';
import { sendToExtension } from '@/utils/messaging/send';
import { visibleTypes } from '@/utils/settings/settings';
import { buildTextModel } from '@/utils/text/build-text-model';
import type { TextModel } from '@/utils/text/text-model';
import { sanitizedFragment } from '@/utils/versions/sanitize';
import { markAfterPaint } from '../common/first-paint';

/** Marked once the copy is first painted with the reader's highlights (read by the bench). */
const PAINTED = 'gloss:reader-painted';

export interface StoredCopyProps {
  title: string;
  html: string;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  annotations: readonly AnnotationRecord[];
  /** The text model read from what is shown and where each annotation stands in it. */
  onPlaced: (model: TextModel, placement: Placement) => void;
}

/** The page's highlight rules (a constructed sheet: the page's policy allows no inline `<style>`). */
function adoptStyles(doc: Document, css: string): () => void {
  if (!('adoptedStyleSheets' in doc)) return () => {};
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

export function StoredCopy({ title, html, lang, dir, annotations, onPlaced }: StoredCopyProps) {
  const article = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [model, setModel] = useState<TextModel | null>(null);
  const [entities, setEntities] = useState<EntitySpan[]>([]);
  const settings = useSettings();

  useLayoutEffect(() => {
    const root = article.current;
    const holder = body.current;
    if (!root || !holder) return;
    const doc = root.ownerDocument;
    const shown = doc.importNode(sanitizedFragment(html, doc.defaultView ?? window), true);
    for (const link of Array.from(shown.querySelectorAll('a[href]'))) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
      link.setAttribute('referrerpolicy', 'no-referrer');
    }
    holder.replaceChildren(shown);
    setModel(buildTextModel(root));
    setEntities([]);
  }, [html]);

  // The entities come from the background, where the lists are; none if it cannot answer.
  useLayoutEffect(() => {
    if (!model?.text) return;
    let live = true;
    void sendToExtension('toBackground', 'recognizeStored', { text: model.text, lang }).then((result) => live && result.ok && setEntities(result.value.spans));
    return () => {
      live = false;
    };
  }, [model, lang]);

  const placement = useMemo(() => model && anchorAll(annotations, model.text), [model, annotations]);
  useLayoutEffect(() => {
    if (model && placement) onPlaced(model, placement);
  }, [model, placement]);

  useLayoutEffect(() => {
    const doc = article.current?.ownerDocument;
    if (!doc || !model || !placement || !settings) return;
    const painter = createPainter(doc);
    const visible = visibleTypes(settings);
    const notes = placement.placed.map(({ start, end, annotation }) => ({ start, end, color: annotation.color }));
    const { mode } = painter.paint(model, entities, visible, notes);
    const removeStyles = adoptStyles(doc, highlightCss(settings, { types: visible, fallback: mode === 'fallback' }));
    // The copy with the reader's highlights on it, first time: the bench's first paint.
    markAfterPaint(PAINTED);
    return () => {
      removeStyles();
      painter.clear();
    };
  }, [model, placement, entities, settings]);

  return (
    <article class="stored-copy" ref={article} lang={lang ?? undefined} dir={dir ?? undefined} data-testid="stored-copy">
      <h1 class="stored-title">{title || 'Untitled article'}</h1>
      <div class="stored-body" ref={body} data-testid="stored-body" />
    </article>
  );
}
