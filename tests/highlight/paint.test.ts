import { beforeEach, describe, expect, it } from 'vitest';
import type { EntitySpan, EntityType } from '@/utils/entities/types';
import { createPainter, type HighlightScope } from '@/utils/highlight/paint';
import { buildTextModel } from '@/utils/text/build-text-model';

const HTML = '<article><p>The respected Comrade <b>Kim Jong</b> Un visited Songchon County.</p><p>Songchon grows.</p></article>';
const ALL = new Set<EntityType>(['PERSON', 'ORG', 'PLACE', 'DATE', 'TERM']);

/** Reader highlights over the first occurrence of each quote. */
function notesFor(text: string, found: [string, string][]) {
  return found.map(([quote, color]) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, color }));
}

function spansFor(text: string, found: [EntityType, string, number?][]): EntitySpan[] {
  return found.map(([type, surface, nth = 0]) => {
    let start = -1;
    for (let i = 0; i <= nth; i++) start = text.indexOf(surface, start + 1);
    return { type, start, end: start + surface.length, key: surface };
  });
}

describe('highlight/paint', () => {
  beforeEach(() => {
    document.body.innerHTML = HTML;
  });

  describe('without the Custom Highlight API (fallback)', () => {
    it('wraps each span in a gloss-mark and restores the DOM exactly on clear', () => {
      const model = buildTextModel(document.body);
      const before = document.body.innerHTML;
      const nodesBefore = model.nodes.map((n) => n.data);
      const painter = createPainter(document);
      const result = painter.paint(
        model,
        spansFor(model.text, [['PERSON', 'Kim Jong Un'], ['PLACE', 'Songchon County'], ['PLACE', 'Songchon', 1], ['TERM', 'Songchon']]),
        ALL,
      );
      expect(result.mode).toBe('fallback');
      const marks = [...document.querySelectorAll('gloss-mark')].map((m) => `${m.getAttribute('data-gloss-type')}:${m.textContent}`);
      expect(marks).toEqual(['PERSON:Kim Jong', 'PERSON: Un', 'PLACE:Songchon County', 'PLACE:Songchon']);
      expect(document.body.textContent).toBe('The respected Comrade Kim Jong Un visited Songchon County.Songchon grows.');
      painter.clear();
      expect(document.body.innerHTML).toBe(before);
      expect(model.nodes.map((n) => n.data)).toEqual(nodesBefore);
      expect(document.querySelectorAll('p')[0]!.childNodes).toHaveLength(3);
    });

    it('wraps reader highlights that overlap entities and each other, each piece carrying both, and restores exactly', () => {
      const model = buildTextModel(document.body);
      const before = document.body.innerHTML;
      const painter = createPainter(document);
      const result = painter.paint(
        model,
        spansFor(model.text, [['PERSON', 'Kim Jong Un'], ['PLACE', 'Songchon County']]),
        ALL,
        notesFor(model.text, [
          ['Comrade Kim', 'yellow'],
          ['Jong Un visited', 'blue'],
        ]),
      );
      expect(result.notes).toBe(2);
      const marks = [...document.querySelectorAll('gloss-mark')].map(
        (m) => `${m.getAttribute('data-gloss-type') ?? '-'}/${m.getAttribute('data-gloss-note') ?? '-'}:${m.textContent}`,
      );
      // The later note wins where two overlap; the entity's type stays on every piece of it.
      expect(marks).toEqual([
        '-/yellow:Comrade ',
        'PERSON/yellow:Kim',
        'PERSON/-: ',
        'PERSON/blue:Jong',
        'PERSON/blue: Un',
        '-/blue: visited',
        'PLACE/-:Songchon County',
      ]);
      expect(document.body.textContent).toBe('The respected Comrade Kim Jong Un visited Songchon County.Songchon grows.');
      painter.clear();
      expect(document.body.innerHTML).toBe(before);
    });

    it('paints only the visible types', () => {
      const model = buildTextModel(document.body);
      const painter = createPainter(document);
      const result = painter.paint(model, spansFor(model.text, [['PERSON', 'Kim Jong Un'], ['PLACE', 'Songchon County']]), new Set(['PLACE']));
      expect(result.counts).toMatchObject({ PERSON: 0, PLACE: 1 });
      expect(document.querySelectorAll('gloss-mark[data-gloss-type="PERSON"]')).toHaveLength(0);
      painter.clear();
    });
  });

  describe('with the Custom Highlight API', () => {
    // happy-dom has no Highlight API: a registry of the same shape stands in for CSS.highlights.
    const registry = new Map<string, { ranges: AbstractRange[]; priority: number }>();
    const scope = {
      Highlight: class {
        priority = 0;
        ranges: AbstractRange[];
        constructor(...ranges: AbstractRange[]) {
          this.ranges = ranges;
        }
        get size() {
          return this.ranges.length;
        }
      },
      CSS: { highlights: registry },
      StaticRange: window.StaticRange,
    } as unknown as HighlightScope;
    beforeEach(() => registry.clear());

    it('registers one highlight per type under its gloss-* name and leaves the DOM alone', () => {
      const model = buildTextModel(document.body);
      const painter = createPainter(document, scope);
      const result = painter.paint(
        model,
        spansFor(model.text, [['PERSON', 'Kim Jong Un'], ['PLACE', 'Songchon County'], ['PLACE', 'Songchon', 1], ['TERM', 'Songchon']]),
        ALL,
      );
      expect(result).toEqual({ mode: 'highlight-api', counts: { PERSON: 1, ORG: 0, PLACE: 2, DATE: 0, TERM: 1 }, notes: 0 });
      expect([...registry.keys()].sort()).toEqual(['gloss-person', 'gloss-place', 'gloss-term']);
      const text = (range: AbstractRange) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        return live.toString();
      };
      expect(registry.get('gloss-person')!.ranges.map(text)).toEqual(['Kim Jong Un']);
      expect(registry.get('gloss-place')!.ranges.map(text)).toEqual(['Songchon County', 'Songchon']);
      expect(document.body.innerHTML).toBe(HTML);
    });

    it('registers reader highlights per color above the entities', () => {
      const model = buildTextModel(document.body);
      const painter = createPainter(document, scope);
      const result = painter.paint(
        model,
        spansFor(model.text, [['PERSON', 'Kim Jong Un']]),
        ALL,
        notesFor(model.text, [
          ['Comrade Kim', 'yellow'],
          ['Songchon grows', 'yellow'],
          ['Jong Un visited', 'blue'],
        ]),
      );
      expect(result.notes).toBe(3);
      expect(registry.get('gloss-note-yellow')!.ranges).toHaveLength(2);
      expect(registry.get('gloss-note-blue')!.priority).toBe(1);
      expect(registry.get('gloss-person')!.priority).toBe(0);
      painter.paint(model, [], ALL, []);
      expect(registry.size).toBe(0);
    });

    it('removes a type that is switched off, and everything on clear', () => {
      const model = buildTextModel(document.body);
      const painter = createPainter(document, scope);
      const spans = spansFor(model.text, [['PERSON', 'Kim Jong Un'], ['PLACE', 'Songchon County']]);
      painter.paint(model, spans, ALL);
      painter.paint(model, spans, new Set(['PLACE']));
      expect([...registry.keys()]).toEqual(['gloss-place']);
      painter.clear();
      expect(registry.size).toBe(0);
    });
  });
});
