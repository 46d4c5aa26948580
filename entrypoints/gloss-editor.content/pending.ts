/**
 * Marks the stretch a new highlight will cover while the reader writes its note (the page's
 * selection goes away when the focus moves into the form). Highlight API only: without it the
 * form still works, the stretch is just not marked.
 */
import type { HighlightScope } from '@/utils/highlight/paint';
import type { TextModel } from '@/utils/text/text-model';

const NAME = 'gloss-pending';

export function pendingMarker(doc: Document) {
  const scope = doc.defaultView as unknown as HighlightScope;
  let sheet: CSSStyleSheet | null = null;
  return {
    show(model: TextModel | null, stretch: { start: number; end: number } | null) {
      const registry = scope.CSS?.highlights;
      if (!registry || !scope.Highlight) return;
      const range = stretch && model?.range(stretch.start, stretch.end);
      if (!range) {
        registry.delete(NAME);
        return;
      }
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(`::highlight(${NAME}) { background-color: rgba(37, 99, 217, 0.25) !important; }`);
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      }
      registry.set(NAME, new scope.Highlight(range));
    },
  };
}
