/**
 * A stored version's text, shown: its HTML cleaned once more (whatever the database holds is
 * treated as hostile) and imported from DOMPurify's inert document, links opening in a new tab
 * without a referrer. Under the headline, it is read as one text model, the reader's annotations
 * are anchored in it with the same code as on the live page, and painted (Highlight API, else
 * wrapped); what is placed and what is orphaned goes up to the notes beside it.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { anchorAll, type Placement } from '@/utils/anchoring/anchor-all';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { createPainter } from '@/utils/highlight/paint';
import { highlightCss } from '@/utils/highlight/styles';
import { buildTextModel } from '@/utils/text/build-text-model';
import type { TextModel } from '@/utils/text/text-model';
import { sanitizedFragment } from '@/utils/versions/sanitize';

export interface StoredCopyProps {
  title: string;
  html: string;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  annotations: readonly AnnotationRecord[];
  /** The text model read from what is shown and where each annotation stands in it. */
  onPlaced: (model: TextModel, placement: Placement) => void;
}

let styles: CSSStyleSheet | null = null;

/** The note colors' rules, adopted once (a constructed sheet: the page's policy allows no inline `<style>`). */
function adoptNoteStyles(doc: Document): void {
  if (styles || !('adoptedStyleSheets' in doc)) return;
  styles = new CSSStyleSheet();
  styles.replaceSync(highlightCss(undefined, { types: [] }));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, styles];
}

export function StoredCopy({ title, html, lang, dir, annotations, onPlaced }: StoredCopyProps) {
  const article = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);

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
    adoptNoteStyles(doc);
    const model = buildTextModel(root);
    const placement = anchorAll(annotations, model.text);
    const painter = createPainter(doc);
    painter.paint(
      model,
      [],
      new Set(),
      placement.placed.map(({ start, end, annotation }) => ({ start, end, color: annotation.color })),
    );
    onPlaced(model, placement);
    return () => painter.clear();
  }, [html, annotations]);

  return (
    <article class="stored-copy" ref={article} lang={lang ?? undefined} dir={dir ?? undefined} data-testid="stored-copy">
      <h1 class="stored-title">{title || 'Untitled article'}</h1>
      <div class="stored-body" ref={body} data-testid="stored-body" />
    </article>
  );
}
