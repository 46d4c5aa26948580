/**
 * Marks the stretch a new highlight will cover while the reader writes its note (the page's
 * selection goes away when the focus moves into the form). Its look is in the stylesheet the
 * article script adopts (utils/highlight/styles.ts). Highlight API only: without it the form
 * still works, the stretch is just not marked.
 */
import { PENDING_HIGHLIGHT } from '@/utils/highlight/names';
import type { HighlightScope } from '@/utils/highlight/paint';
import type { TextModel } from '@/utils/text/text-model';

export function pendingMarker(doc: Document) {
  const scope = doc.defaultView as unknown as HighlightScope;
  return {
    show(model: TextModel | null, stretch: { start: number; end: number } | null) {
      const registry = scope.CSS?.highlights;
      if (!registry || !scope.Highlight) return;
      const range = stretch && model?.range(stretch.start, stretch.end);
      if (range) registry.set(PENDING_HIGHLIGHT, new scope.Highlight(range));
      else registry.delete(PENDING_HIGHLIGHT);
    },
  };
}
