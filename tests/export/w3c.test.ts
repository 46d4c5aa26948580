import { beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { GlossDb } from '@/utils/db/database';
import { importLibrary, readLibrary } from '@/utils/export/import-library';
import { describeProblems } from '@/utils/export/problems';
import { ANNO_CONTEXT, annotationsFromW3c, exportW3c, parseW3c, toW3cAnnotation } from '@/utils/export/w3c';
import { isKeptIri } from '@/utils/export/w3c-values';
import { MAX_TIME } from '@/utils/messaging/protocol/annotation-schema';
import { freshDb } from '../support/fresh-db';
import { hostileId, hostileTags, hostileText, seededRandom } from '../support/hostile';
import { byId, randomLibrary, sampleLibrary } from '../support/library';
import { isAbsoluteIri, isXsdDateTime, w3cProblems } from '../support/w3c-validity';

const [tagged, plain] = sampleLibrary().annotations as [AnnotationRecord, AnnotationRecord];

/** A minimal foreign annotation, as another tool might write it. */
const foreign = (extra: Record<string, unknown> = {}) => ({
  id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
  type: 'Annotation',
  target: {
    source: 'https://news.example/a',
    selector: [
      { type: 'TextQuoteSelector', exact: 'quoted words' },
      { type: 'TextPositionSelector', start: 3, end: 15 },
    ],
  },
  ...extra,
});

function problemsOf(value: unknown): string {
  const result = annotationsFromW3c(value, { now: 0 });
  if (result.ok) throw new Error('expected problems');
  return describeProblems(result.problems);
}

describe('export/w3c', () => {
  it('writes an AnnotationCollection whose first page holds every annotation', () => {
    const { annotations, articles } = sampleLibrary();
    const collection = exportW3c(annotations, articles, { id: 'urn:uuid:c' });
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:c', type: 'AnnotationCollection', total: 4 });
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    expect(collection.first.items.map((item) => item.id)).toEqual([
      'urn:uuid:00000000-0000-4000-8000-000000000002',
      'urn:uuid:00000000-0000-4000-8000-000000000001',
      'urn:uuid:00000000-0000-4000-8000-000000000003',
      'urn:uuid:00000000-0000-4000-8000-000000000004',
    ]);
    expect(ANNO_CONTEXT).toBe('http://www.w3.org/ns/anno.jsonld');
  });

  it('writes the note as a Markdown commenting body, each tag as a tagging body, the color as the style class', () => {
    expect(toW3cAnnotation(tagged)).toEqual({
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      type: 'Annotation',
      created: '2024-03-01T12:00:00.000Z',
      modified: '2024-03-02T12:00:00.000Z',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: 'First **public** speech.\n\n## Not a heading', format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: 'speech', purpose: 'tagging' },
        { type: 'TextualBody', value: 'self reliance', purpose: 'tagging' },
        { type: 'TextualBody', value: 'a,b', purpose: 'tagging' },
        { type: 'TextualBody', value: '#a', purpose: 'tagging' },
        { type: 'TextualBody', value: '<b>x</b>', purpose: 'tagging' },
      ],
      target: {
        source: 'https://news.example/2024/kim-speech',
        styleClass: 'gloss-note-green',
        selector: [
          { type: 'TextQuoteSelector', exact: 'made a speech', prefix: 'before ', suffix: ' after' },
          { type: 'TextPositionSelector', start: 50, end: 63 },
        ],
      },
    });
  });

  it('writes a bare highlight with no body', () => {
    const item = toW3cAnnotation(plain);
    expect(item.motivation).toBe('highlighting');
    expect('body' in item).toBe(false);
  });

  it('reads back what it writes', () => {
    const { annotations, articles } = sampleLibrary();
    const result = parseW3c(JSON.stringify(exportW3c(annotations, articles)));
    expect(result.ok && byId(result.value)).toEqual(byId(annotations.map((a) => ({ ...a, textHash: '' }))));
  });

  it('reads a collection, a lone page, a bare list and a single annotation', () => {
    const expected = [{ id: '11111111-2222-4333-8444-555555555555', articleId: 'https://news.example/a', note: '', tags: [], color: 'yellow' }];
    for (const file of [
      { '@context': ANNO_CONTEXT, type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [foreign()] } },
      { type: 'AnnotationPage', items: [foreign()] },
      [foreign()],
      foreign(),
    ]) {
      const result = annotationsFromW3c(file, { now: 0 });
      expect(result.ok && result.value).toMatchObject(expected);
    }
  });

  it('follows pages embedded one after another', () => {
    const second = foreign({ id: 'https://anno.example/second' });
    const result = annotationsFromW3c({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [foreign()], next: { type: 'AnnotationPage', items: [second] } } });
    expect(result.ok && result.value.map((a) => a.id)).toEqual(['11111111-2222-4333-8444-555555555555', 'https://anno.example/second']);
  });

  it('tolerates what it does not use and fills in what a foreign file leaves out', () => {
    const result = annotationsFromW3c(
      [
        foreign({
          '@context': ANNO_CONTEXT,
          type: ['oa:Annotation'],
          creator: { type: 'Person', name: 'someone' },
          created: '2024-03-01T09:00:00+09:00',
          bodyValue: 'a plain note',
          body: [
            'https://elsewhere.example/body',
            { type: 'SpecificResource', source: 'https://x.example/' },
            { type: 'TextualBody', value: 'second part' },
            { type: 'TextualBody', value: '  Tag  one ', purpose: ['tagging'] },
            { type: 'TextualBody', value: 'tag ONE', purpose: 'tagging' },
          ],
          target: {
            source: 'https://news.example/a?utm_source=feed#section',
            styleClass: 'something-else',
            selector: [
              { type: 'CssSelector', value: 'p:nth-child(3)' },
              { type: 'TextQuoteSelector', exact: 'quoted words', prefix: 'p'.repeat(100), suffix: 's'.repeat(100), extra: true },
              { type: 'TextPositionSelector', start: 3, end: 15 },
            ],
          },
        }),
      ],
      { now: 42 },
    );
    if (!result.ok) throw new Error(describeProblems(result.problems));
    expect(result.value).toEqual([
      {
        id: '11111111-2222-4333-8444-555555555555',
        articleId: 'https://news.example/a',
        quote: { type: 'TextQuoteSelector', exact: 'quoted words', prefix: 'p'.repeat(64), suffix: 's'.repeat(64) },
        position: { type: 'TextPositionSelector', start: 3, end: 15 },
        color: 'yellow',
        note: 'a plain note\n\nsecond part',
        tags: ['Tag one'],
        createdAt: Date.UTC(2024, 2, 1),
        updatedAt: Date.UTC(2024, 2, 1),
        textHash: '',
        rev: 1,
      },
    ]);
    const undated = annotationsFromW3c(foreign(), { now: 42 });
    expect(undated.ok && undated.value[0]).toMatchObject({ createdAt: 42, updatedAt: 42 });
  });

  it('says what is wrong and where', () => {
    const page = (items: unknown[]) => ({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } });
    const noQuote = foreign({ target: { source: 'https://news.example/a', selector: [{ type: 'TextPositionSelector', start: 1, end: 2 }] } });
    expect(problemsOf(page([foreign(), foreign({ id: 'urn:uuid:b' }), foreign({ id: 'urn:uuid:c' }), noQuote]))).toBe(
      'first.items[3].target.selector: no TextQuoteSelector',
    );
    expect(problemsOf([foreign(), foreign({ id: undefined, type: 'Note' })])).toBe('[1].type: is "Note", not "Annotation"\n[1].id: is missing');
    expect(problemsOf([foreign({ created: 'last Tuesday' })])).toBe('[0].created: is not a date and time: "last Tuesday"');
    expect(problemsOf([foreign({ target: 'https://news.example/a' })])).toBe('[0].target: is only a link: the quoted passage (its selectors) is not there');
    expect(problemsOf([foreign({ target: { source: 'ftp://x.example/', selector: foreign().target.selector } })])).toBe(
      '[0].target.source: is "ftp://x.example/", not an http(s) address',
    );
    expect(problemsOf([foreign({ target: { source: 'https://x.example/' } })])).toBe(
      '[0].target.selector: is missing: no TextQuoteSelector\n[0].target.selector: is missing: no TextPositionSelector',
    );
    expect(
      problemsOf([
        foreign({
          target: { source: 'https://x.example/', selector: [{ type: 'TextQuoteSelector', exact: '' }, { type: 'TextPositionSelector', start: 9, end: 2.5 }] },
        }),
      ]),
    ).toBe('[0].target.selector[0].exact: is empty\n[0].target.selector[1].end: is 2.5, not a whole number of characters');
    expect(problemsOf([foreign({ body: [{ type: 'TextualBody', value: 7 }] })])).toBe('[0].body[0].value: is 7, not text');
    expect(problemsOf([foreign({ body: { type: 'TextualBody', purpose: 'tagging', value: 'x'.repeat(65) } })])).toBe(
      '[0].body.value: is a tag longer than 64 characters',
    );
    expect(problemsOf([foreign(), foreign()])).toBe('[1].id: is the id of [0] too');
    expect(problemsOf({ type: 'AnnotationCollection', first: 'https://x.example/page1' })).toBe('first: is a link: the annotations are not in this file');
    expect(problemsOf({ type: 'AnnotationPage' })).toBe('items: is missing: a page holds its annotations in "items"');
    expect(problemsOf({ hello: 'world' })).toBe('type: is missing: expected an AnnotationCollection, an AnnotationPage or a list of Annotations');
    expect(problemsOf('text')).toBe('is not a W3C annotation file: expected an AnnotationCollection, an AnnotationPage or a list of Annotations');
    expect(problemsOf([foreign(), 7])).toBe('[1]: is not an object (an Annotation)');
    // A list from another tool is named once, not field by field.
    const hypothesis = { id: 'AbC123', uri: 'https://news.example/a', text: 'note', tags: ['x'], target: [{ source: 'https://news.example/a', selector: [] }] };
    expect(problemsOf([hypothesis, hypothesis, hypothesis])).toBe('is not a W3C annotation file: none of its 3 entries is an Annotation (with "type": "Annotation")');
    expect(problemsOf([7])).toBe('is not a W3C annotation file: its one entry is not an Annotation (with "type": "Annotation")');
  });

  it('refuses a file that is not JSON', () => {
    const result = parseW3c('{"type": "AnnotationCollection",');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.message).toMatch(/^The file is not JSON/);
  });

  describe('round trip of random libraries', () => {
    let db: GlossDb;
    beforeEach(async (context) => {
      db = await freshDb(context, 'w3c');
    });

    // 2,000 annotations through IndexedDB: seconds on a loaded machine.
    it('carries quote, position, note, tags, color, times and source through JSON-LD and into a fresh library', { timeout: 60_000 }, async () => {
      const library = randomLibrary(2024);
      const text = JSON.stringify(exportW3c(library.annotations, library.articles));
      const parsed = parseW3c(text, { now: 0 });
      if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
      // W3C carries no revision: a record comes in at its first.
      const carried = byId(library.annotations.map((a) => ({ ...a, textHash: '', rev: 1 })));
      expect(byId(parsed.value)).toEqual(carried);

      const report = await importLibrary(db, { annotations: parsed.value }, { onDuplicate: 'skip' });
      const sources = new Set(library.annotations.map((a) => a.articleId));
      expect(report.annotations).toEqual({ added: library.annotations.length, updated: 0, skipped: 0, duplicates: [] });
      expect(report.articles.added).toBe(sources.size);
      const stored = await readLibrary(db);
      expect(byId(stored.annotations)).toEqual(carried);
      expect(new Set(stored.articles.map((a) => a.id))).toEqual(sources);
    });
  });
  describe('exports that validate', () => {
    const random = seededRandom(2026);
    const KEPT_SCHEME = /^(?:urn:uuid:|https?:|tag:)/i;
    const TIMES = [0, 1, 1_700_000_000_000, MAX_TIME - 1, MAX_TIME];

    /** An annotation as a hostile file or an old library could have stored it: any id, any kept time, hostile text. */
    const hostileRecord = (n: number): AnnotationRecord => {
      const exact = hostileText(random).trim() || 'x';
      const createdAt = random.pick(TIMES);
      return {
        id: hostileId(random) || `id-${n}`,
        articleId: `https://news.example/${n}?q=${encodeURIComponent(hostileText(random, 2))}`,
        quote: { type: 'TextQuoteSelector', exact, prefix: hostileText(random, 2).slice(-64), suffix: hostileText(random, 2).slice(0, 64) },
        position: { type: 'TextPositionSelector', start: n, end: n + exact.length },
        color: 'yellow',
        note: random.chance(0.5) ? hostileText(random, 12) : '',
        tags: [],
        createdAt,
        // Also the latest time a library from before the 9999 bound may hold.
        updatedAt: random.chance(0.05) ? 8.64e15 : Math.max(createdAt, random.pick(TIMES)),
        rev: 1,
        textHash: '',
      };
    };

    it('gives every annotation an absolute IRI of a kept scheme and every time an xsd:dateTime (random hostile annotations)', () => {
      const annotations = Array.from({ length: 400 }, (_, n) => hostileRecord(n));
      const file = JSON.parse(JSON.stringify(exportW3c(annotations)));
      expect(w3cProblems(file)).toEqual([]);
      for (const item of file.first.items) {
        expect(item.id).toMatch(KEPT_SCHEME);
        expect(isAbsoluteIri(item.id)).toBe(true);
        expect(isXsdDateTime(item.created) && isXsdDateTime(item.modified)).toBe(true);
      }
      expect(isAbsoluteIri(file.id)).toBe(true);
    });

    it('turns the ids it cannot keep into urn:uuid ids, the same on every import, and keeps the ids it can', () => {
      const file = (id: string) => [foreign({ id })];
      for (const id of [' ', 'javascript:alert(1)', 'urn:uuid:not-a-uuid', 'https://e.example/\u202eevil', 'a'.repeat(101)]) {
        const once = annotationsFromW3c(file(id), { now: 0 });
        const again = annotationsFromW3c(file(id), { now: 0 });
        if (!once.ok || !again.ok) throw new Error(`${JSON.stringify(id)} was refused`);
        expect(once.value[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(again.value[0]!.id).toBe(once.value[0]!.id);
        expect(toW3cAnnotation(once.value[0]!).id).toBe(`urn:uuid:${once.value[0]!.id}`);
      }
      const hypothesis = annotationsFromW3c(file('https://hypothes.is/a/AbC123'), { now: 0 });
      expect(hypothesis.ok && toW3cAnnotation(hypothesis.value[0]!).id).toBe('https://hypothes.is/a/AbC123');
      // Two annotations that shared an id in the file still do, and are refused as such.
      expect(problemsOf([foreign({ id: ' ' }), foreign({ id: ' ' })])).toBe('[1].id: is the id of [0] too');
      expect(problemsOf([foreign({ id: 7 })])).toBe('[0].id: is 7, not an IRI');
    });

    it('refuses a time outside 1970–9999 and reads the last one that has a four-digit year', () => {
      expect(problemsOf([foreign({ created: '+275760-09-13T00:00:00.000Z' })])).toBe(
        '[0].created: is "+275760-09-13T00:00:00.000Z": Gloss keeps times from 1970 to the end of 9999',
      );
      expect(problemsOf([foreign({ modified: '10000-01-01T00:00:00Z' })])).toMatch(/^\[0\]\.modified: is (?:not a date and time|"10000-01-01T00:00:00Z": Gloss keeps)/);
      expect(problemsOf([foreign({ created: '1969-12-31T23:59:59Z' })])).toBe('[0].created: is "1969-12-31T23:59:59Z": Gloss keeps times from 1970 to the end of 9999');
      const last = annotationsFromW3c([foreign({ created: '9999-12-31T23:59:59.999Z' })], { now: 0 });
      if (!last.ok) throw new Error(describeProblems(last.problems));
      expect(last.value[0]!.createdAt).toBe(MAX_TIME);
      expect(toW3cAnnotation(last.value[0]!).created).toBe('9999-12-31T23:59:59.999Z');
    });

    describe('round trips', () => {
      let db: GlossDb;
      beforeEach(async (context) => {
        db = await freshDb(context, 'w3c-valid');
      });

      /** A foreign file of annotations with hostile ids, times Gloss keeps, and hostile tags. */
      const hostileFile = (count: number) => {
        const ids = new Set<string>();
        const items: unknown[] = [];
        while (items.length < count) {
          const id = hostileId(random);
          if (ids.has(id)) continue;
          ids.add(id);
          const time = new Date(random.pick(TIMES)).toISOString();
          const tags = hostileTags(random).map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }));
          items.push(foreign({ id, created: time, modified: time, body: [{ type: 'TextualBody', value: hostileText(random) }, ...tags] }));
        }
        return { '@context': ANNO_CONTEXT, type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } };
      };

      it("exports what it imported as valid JSON-LD, and a re-import of its own export adds nothing", { timeout: 60_000 }, async () => {
        const file = hostileFile(150);
        const imported = annotationsFromW3c(file, { now: 0 });
        if (!imported.ok) throw new Error(describeProblems(imported.problems));
        // Distinct bad ids stay distinct: nothing was merged or lost.
        expect(new Set(imported.value.map((a) => a.id)).size).toBe(150);
        expect(imported.value.every((a) => isKeptIri(a.id) || /^[0-9a-f-]{36}$/i.test(a.id))).toBe(true);
        expect((await importLibrary(db, { annotations: imported.value }, { onDuplicate: 'skip' })).annotations.added).toBe(150);

        const exported = JSON.parse(JSON.stringify(exportW3c((await readLibrary(db)).annotations)));
        expect(w3cProblems(exported)).toEqual([]);
        const reread = annotationsFromW3c(exported, { now: 0 });
        if (!reread.ok) throw new Error(describeProblems(reread.problems));
        expect(byId(reread.value)).toEqual(byId(imported.value));
        expect((await importLibrary(db, { annotations: reread.value }, { onDuplicate: 'skip' })).annotations).toMatchObject({ added: 0, skipped: 150 });
        // The foreign file itself, imported a second time, finds its annotations too.
        const again = annotationsFromW3c(file, { now: 0 });
        expect(again.ok && (await importLibrary(db, { annotations: again.value }, { onDuplicate: 'skip' })).annotations.added).toBe(0);
      });
    });
  });
});
