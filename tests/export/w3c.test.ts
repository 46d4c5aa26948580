import { beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { GlossDb } from '@/utils/db/database';
import { importLibrary, readLibrary } from '@/utils/export/import-library';
import { describeProblems } from '@/utils/export/problems';
import { ANNO_CONTEXT, annotationsFromW3c, exportW3c, parseW3c, toW3cAnnotation } from '@/utils/export/w3c';
import { freshDb } from '../support/fresh-db';
import { byId, randomLibrary, sampleLibrary } from '../support/library';

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
    const second = foreign({ id: 'urn:uuid:second' });
    const result = annotationsFromW3c({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [foreign()], next: { type: 'AnnotationPage', items: [second] } } });
    expect(result.ok && result.value.map((a) => a.id)).toEqual(['11111111-2222-4333-8444-555555555555', 'second']);
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
    expect(problemsOf([foreign({ id: undefined, type: 'Note' })])).toBe('[0].type: is "Note", not "Annotation"\n[0].id: is missing');
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
    expect(problemsOf([7])).toBe('[0]: is not an object (an Annotation)');
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

    it('carries quote, position, note, tags, color, times and source through JSON-LD and into a fresh library', async () => {
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
});
