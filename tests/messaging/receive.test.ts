import { describe, expect, it, vi } from 'vitest';
import { createReceiver, originOf, type Handlers, type Sender } from '@/utils/messaging/receive';
import { PROTOCOL_VERSION, directionOf, protocol, type Direction } from '@/utils/messaging/protocol';
import type { Result } from '@/utils/messaging/result';

const options = { ownId: 'gloss-id', extensionOrigin: 'chrome-extension://gloss-id/' };
const fromContent: Sender = { id: 'gloss-id', url: 'https://news.example/a', tab: { id: 7 } };
const fromPopup: Sender = { id: 'gloss-id', url: 'chrome-extension://gloss-id/popup.html' };
const fromPopupTab: Sender = { id: 'gloss-id', url: 'chrome-extension://gloss-id/popup.html?tab=3', tab: { id: 9 } };
const fromOtherExtension: Sender = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };

const page = '<html><body><p>An article.</p></body></html>';
const annotation = {
  articleId: 'https://news.example/a',
  quote: { type: 'TextQuoteSelector', exact: 'Kim Jong Un', prefix: 'Comrade ', suffix: ' made' },
  position: { type: 'TextPositionSelector', start: 8, end: 19 },
  color: 'yellow',
  note: 'first mention',
  tags: ['speech'],
  textHash: 'abc:1',
};
const saved = { ...annotation, id: 'a1' };

/** One well-formed payload per message type, and malformed variants of it. */
const cases: { [D in Direction]: { [K in keyof (typeof protocol)[D]]: { good: unknown; bad: unknown[]; sender: Sender } } } = {
  toBackground: {
    startArticle: {
      good: {},
      bad: [undefined, null, { tabId: 3 }, 'go'],
      sender: fromContent,
    },
    extractArticle: {
      good: { html: page, url: 'https://news.example/a', canonicalUrl: null },
      bad: [
        undefined,
        null,
        'html',
        {},
        { html: page, url: 'https://news.example/a' },
        { html: '', url: 'https://news.example/a', canonicalUrl: null },
        { html: page, url: 'javascript:alert(1)', canonicalUrl: null },
        { html: page, url: 'not a url', canonicalUrl: null },
        { html: page, url: 'https://news.example/a', canonicalUrl: 'file:///etc/passwd' },
        { html: 42, url: 'https://news.example/a', canonicalUrl: null },
        { html: page, url: 'https://news.example/a', canonicalUrl: null, extra: true },
      ],
      sender: fromContent,
    },
    saveAnnotation: {
      good: saved,
      bad: [
        {},
        annotation, // no id: a retry could not be told from a new highlight
        { ...annotation, id: '' },
        { ...annotation, id: 'x'.repeat(101) },
        { ...annotation, id: 'a1', rev: 3 },
        { ...saved, color: 'octarine' },
        { ...saved, quote: { ...annotation.quote, exact: '' } },
        { ...saved, position: { type: 'TextPositionSelector', start: 9, end: 3 } },
        { ...saved, position: { type: 'TextPositionSelector', start: -1, end: 3 } },
        { ...saved, tags: Array(51).fill('t') },
        { ...saved, note: 'x'.repeat(100_001) },
        { ...saved, articleId: 'javascript:alert(1)' },
      ],
      sender: fromContent,
    },
    updateAnnotation: {
      good: { id: 'a1', baseRev: 1, note: 'edited', tags: ['t'] },
      bad: [{}, { id: '' }, { id: 'a1', note: 'no base' }, { id: 'a1', baseRev: 0 }, { id: 'a1', baseRev: 1.5 }, { id: 'a1', baseRev: 1, color: 'black' }, { id: 'a1', baseRev: 1, createdAt: 5 }],
      sender: fromContent,
    },
    reattachAnnotation: {
      good: { id: 'a1', baseRev: 2, quote: annotation.quote, position: annotation.position, textHash: 'def:2' },
      bad: [
        {},
        { id: 'a1', quote: annotation.quote, position: annotation.position, textHash: 'def:2' },
        { id: 'a1', baseRev: 0, quote: annotation.quote, position: annotation.position, textHash: 'def:2' },
        { id: '', baseRev: 2, quote: annotation.quote, position: annotation.position, textHash: 'def:2' },
        { id: 'a1', baseRev: 2, quote: annotation.quote, position: { ...annotation.position, end: 30 }, textHash: 'def:2' },
        { id: 'a1', baseRev: 2, quote: annotation.quote, position: { type: 'TextPositionSelector', start: 19, end: 8 }, textHash: 'def:2' },
        { id: 'a1', baseRev: 2, quote: { ...annotation.quote, exact: '' }, position: annotation.position, textHash: 'def:2' },
        { id: 'a1', baseRev: 2, quote: annotation.quote, position: annotation.position },
        { id: 'a1', baseRev: 2, quote: annotation.quote, position: annotation.position, textHash: 'x'.repeat(65) },
        // A reattach moves the passage only: no note, color or article rides along.
        { id: 'a1', baseRev: 2, quote: annotation.quote, position: annotation.position, textHash: 'def:2', note: 'and a note' },
        { id: 'a1', baseRev: 2, quote: annotation.quote, position: annotation.position, textHash: 'def:2', articleId: 'https://news.example/b' },
      ],
      sender: fromContent,
    },
    libraryUpdate: {
      good: { id: 'a1', baseRev: 2, note: 'edited in the popup' },
      bad: [{}, { id: 'a1', note: 'no base' }, { id: 'a1', baseRev: -1 }, { id: 'a1', baseRev: 1, articleId: 'https://news.example/b' }],
      sender: fromPopup,
    },
    libraryReattach: {
      good: { id: 'a1', baseRev: 2, quote: annotation.quote, position: annotation.position, textHash: 'def:2' },
      bad: [
        { id: 'a1', quote: annotation.quote, position: annotation.position, textHash: 'def:2' },
        { id: 'a1', baseRev: 2, quote: annotation.quote, position: { ...annotation.position, end: 30 }, textHash: 'def:2' },
        { id: 'a1', baseRev: 2, quote: { ...annotation.quote, exact: '' }, position: annotation.position, textHash: 'def:2' },
        { id: 'a1', baseRev: 2, quote: annotation.quote, position: annotation.position, textHash: 'def:2', note: 'and a note' },
      ],
      sender: fromPopup,
    },
    libraryDelete: {
      good: { id: 'a1' },
      bad: [{}, { id: 7 }, { id: 'a1', all: true }],
      sender: fromPopup,
    },
    libraryRestore: {
      good: { annotation: { ...annotation, id: 'a1', createdAt: 1, updatedAt: 2, rev: 3 } },
      bad: [{}, { annotation }, { annotation: { ...annotation, id: 'a1', createdAt: 1, updatedAt: 2, rev: 0 } }],
      sender: fromPopup,
    },
    libraryImport: {
      good: { staged: 'f1', onDuplicate: 'skip' },
      bad: [{}, { staged: 'f1' }, { staged: 'f1', onDuplicate: 'merge' }, { staged: 'x'.repeat(101), onDuplicate: 'skip' }, { staged: 'f1', onDuplicate: 'skip', text: '{}' }],
      sender: fromPopup,
    },
    deleteAnnotation: {
      good: { id: 'a1' },
      bad: [{}, { id: 7 }, { id: 'a1', all: true }],
      sender: fromContent,
    },
    restoreAnnotation: {
      good: { annotation: { ...annotation, id: 'a1', createdAt: 1, updatedAt: 2 } },
      bad: [{}, { annotation }, { annotation: { ...annotation, id: 'a1', createdAt: 'yesterday', updatedAt: 2 } }],
      sender: fromContent,
    },
    listAnnotations: {
      good: { articleId: 'https://news.example/a' },
      bad: [{}, { articleId: 'file:///etc' }, { articleId: 'https://news.example/a', limit: 5 }],
      sender: fromContent,
    },
    listTags: {
      good: {},
      bad: [undefined, { prefix: 'a' }, []],
      sender: fromContent,
    },
    listEntities: {
      good: { type: 'PERSON', limit: 100, offset: 0, hidden: true, outlet: 'KCNA', from: '2024-01', to: '2024-12' },
      bad: [
        undefined, [], { type: 'PEOPLE' }, { limit: -1 }, { limit: 1.5 }, { limit: 5_001 }, { offset: '0' }, { type: 'PERSON', sort: 'name' }, { hidden: 'yes' },
        { from: '2024-13' }, { from: '2024-1' }, { to: '24-01' }, { from: 202401 }, { from: '2024-06', to: '2024-05' }, { outlet: 7 }, { outlet: 'x'.repeat(501) },
      ],
      sender: fromPopup,
    },
    searchEntities: {
      good: { search: 'Kim Chŏng', type: 'PERSON', limit: 200, hidden: true, outlet: 'KCNA', from: '2024-01', to: '2024-12' },
      bad: [
        undefined, [], {}, { search: '' }, { search: '   ' }, { search: 7 }, { search: 'x'.repeat(201) }, { search: 'kim', type: 'DATE' }, { search: 'kim', limit: 501 },
        { search: 'kim', limit: -1 }, { search: 'kim', from: '2024-06', to: '2024-05' }, { search: 'kim', outlet: 'x'.repeat(501) }, { search: 'kim', sort: 'name' },
      ],
      sender: fromPopup,
    },
    libraryBounds: { good: {}, bad: [undefined, [], { outlet: 'KCNA' }], sender: fromPopup },
    entityWeeks: {
      good: { key: 'PERSON:Kim Jong Un' },
      bad: [undefined, {}, { key: 'Kim Jong Un' }, { key: 'PERSON:Kim', by: 'week' }],
      sender: fromPopup,
    },
    entityPage: {
      good: { key: 'PERSON:Kim Jong Un', offset: 50 },
      bad: [undefined, {}, { key: 'Kim Jong Un' }, { key: 'PERSON:' }, { key: 'NAME:Kim' }, { key: `PERSON:${'x'.repeat(500)}` }, { key: 'PERSON:Kim', limit: 201 }],
      sender: fromPopup,
    },
    correctKey: {
      good: { kind: 'merge', key: 'PERSON:Kim Jong-un', into: 'PERSON:Kim Jong Un' },
      bad: [
        undefined, {}, { kind: 'merge', key: 'PERSON:Kim Jong-un' }, { kind: 'merge', key: 'Kim', into: 'PERSON:Kim' }, { kind: 'rename', key: 'PERSON:Kim', name: ' ' },
        { kind: 'rename', key: 'PERSON:Kim', name: 'x'.repeat(201) }, { kind: 'hide', key: 'PERSON:Kim', hidden: 'yes' }, { kind: 'split', key: 'PERSON:Kim', into: 'PERSON:Kim Jong Un' }, { kind: 'delete', key: 'PERSON:Kim' },
      ],
      sender: fromPopup,
    },
    entityTrends: {
      good: { keys: ['TERM:Regional Development 20×10 Policy', 'PERSON:Kim Jong Un'] },
      bad: [undefined, {}, { keys: [] }, { keys: 'TERM:x' }, { keys: ['x'] }, { keys: Array.from({ length: 13 }, (_, i) => `TERM:t${i}`) }],
      sender: fromPopup,
    },
    termLists: {
      good: {},
      bad: [undefined, { list: 'dprk-policy' }, 'lists'],
      sender: fromPopup,
    },
    listWatchlistNames: {
      good: {},
      bad: [undefined, { all: true }, 'lists'],
      sender: fromContent,
    },
    addToWatchlist: {
      good: { target: { id: 'w1' }, term: 'Kim Jong Un', aliases: ['Kim Chŏng-ŭn', '김정은'] },
      bad: [
        {},
        { target: { id: 'w1' }, term: 'Kim Jong Un' },
        { target: { id: 'w1' }, term: '   ', aliases: [] },
        { target: { id: 'w1' }, term: 'x'.repeat(201), aliases: [] },
        { target: { id: 'w1' }, term: 'Kim Jong Un', aliases: Array(51).fill('Kim') },
        { target: { id: 'w1' }, term: 'Kim Jong Un', aliases: [''] },
        { target: { id: 'w1', name: 'both' }, term: 'Kim Jong Un', aliases: [] },
        { target: {}, term: 'Kim Jong Un', aliases: [] },
        { target: { name: 'x'.repeat(101) }, term: 'Kim Jong Un', aliases: [] },
      ],
      sender: fromContent,
    },
    loadEditor: {
      good: {},
      bad: [undefined, null, { file: '/evil.js' }],
      sender: fromContent,
    },
    loadPanel: {
      good: {},
      bad: [undefined, null, { file: '/evil.js' }],
      sender: fromContent,
    },
    openAnnotation: {
      good: { id: 'a1' },
      bad: [{}, { id: '' }, { id: 'a1', url: 'https://evil.example/' }],
      sender: fromPopup,
    },
    analyzeText: {
      good: { articleId: 'https://news.example/a', text: 'Kim Jong Un visited Songchon County.' },
      bad: [
        undefined,
        {},
        { articleId: 'https://news.example/a' },
        { articleId: 'nope', text: 'x' },
        { articleId: 'https://news.example/a', text: 42 },
        { articleId: 'https://news.example/a', text: 'x', extra: 1 },
        'Kim Jong Un',
      ],
      sender: fromContent,
    },
    recognizeStored: {
      good: { text: 'Kim Jong Un visited Songchon County.', lang: 'en' },
      bad: [undefined, {}, { text: 'x' }, { text: 5, lang: null }, { text: 'x', lang: 'x'.repeat(101) }, { text: 'x', lang: null, articleId: 'https://a.example/' }],
      sender: fromPopup,
    },
    articleChanges: {
      good: { articleId: 'https://news.example/a', text: 'Kim Jong Un visited Songchon County.' },
      bad: [undefined, {}, { articleId: 'https://news.example/a' }, { articleId: 'javascript:alert(1)', text: 'x' }, { articleId: 'https://news.example/a', text: 'x', since: 'v1' }],
      sender: fromPopup,
    },
    pruneVersions: {
      good: { keepLast: 10 },
      bad: [undefined, {}, { keepLast: 0 }, { keepLast: 2.5 }, { keepLast: '10' }, { keepLast: 1001 }, { keepLast: 5, articleId: 'https://a.example/' }],
      sender: fromPopup,
    },
    deleteArticleVersions: {
      good: { articleId: 'https://news.example/a' },
      bad: [undefined, {}, { articleId: 'not a url' }, { articleId: 'https://news.example/a', all: true }],
      sender: fromPopup,
    },
    openComparison: {
      good: { articleId: 'https://news.example/a', compare: 'v1', version: null },
      bad: [
        undefined,
        {},
        { articleId: 'https://news.example/a', compare: 'v1' },
        { articleId: 'https://news.example/a', compare: '', version: null },
        { articleId: 'https://news.example/a', compare: 'v1', version: 'x'.repeat(101) },
        { articleId: 'file:///etc/passwd', compare: 'v1', version: null },
        { articleId: 'https://news.example/a', compare: 'v1', version: null, url: 'https://evil.example/' },
      ],
      sender: fromContent,
    },
    placeAnnotations: {
      good: { articleId: 'https://news.example/a', text: 'Kim Jong Un visited Songchon County.' },
      bad: [
        undefined,
        {},
        { articleId: 'https://news.example/a' },
        { articleId: 'nope', text: 'x' },
        { articleId: 'https://news.example/a', text: 42 },
        { articleId: 'https://news.example/a', text: 'x', extra: 1 },
        { articleId: 'https://news.example/a', text: 'x', ids: 'a1' },
        { articleId: 'https://news.example/a', text: 'x', ids: [''] },
        'Kim Jong Un',
      ],
      sender: fromContent,
    },
  },
  toOffscreen: {
    parseArticle: {
      good: { html: page, url: 'https://news.example/a' },
      bad: [undefined, {}, { html: page }, { html: page, url: 'ftp://x/' }, { html: [], url: 'https://a.example/' }],
      sender: { id: 'gloss-id', url: 'chrome-extension://gloss-id/background.js' },
    },
  },
  toPages: {
    versionsChanged: {
      good: {
        articleId: 'https://news.example/a',
        changed: [
          {
            id: 'v1', articleId: 'https://news.example/a', hash: 'a'.repeat(64), title: 'T', byline: null, siteName: null, publishedTime: null,
            modifiedTime: null, lang: null, dir: null, url: 'https://news.example/a', canonicalUrl: null, firstSeenAt: 1, lastSeenAt: 2,
            rawBytes: 10, storedBytes: 5, encoding: 'gzip',
          },
        ],
      },
      bad: [undefined, {}, { articleId: 'https://news.example/a' }, { articleId: 'https://news.example/a', changed: [{ id: 'v1' }] }],
      sender: { id: 'gloss-id', url: 'chrome-extension://gloss-id/background.js' },
    },
    correctionsChanged: {
      good: { changed: [{ key: 'PERSON:Kim Jong-un', mergedInto: 'PERSON:Kim Jong Un', updatedAt: 1 }], removed: ['ORG:Cabinet'] },
      bad: [undefined, {}, { changed: [] }, { changed: [{ key: 'PERSON:Kim', hidden: false, updatedAt: 1 }], removed: [] }, { changed: [], removed: ['Cabinet'] }],
      sender: { id: 'gloss-id', url: 'chrome-extension://gloss-id/background.js' },
    },
  },
  toContent: {
    getPageState: {
      good: {},
      bad: [undefined, null, { tabId: 1 }, 'x'],
      sender: fromPopup,
    },
    getArticleText: {
      good: {},
      bad: [undefined, [], { full: true }],
      sender: fromPopup,
    },
    annotationsChanged: {
      good: { articleId: 'https://news.example/a', changed: [{ ...annotation, id: 'a1', createdAt: 1, updatedAt: 2, rev: 2 }], removed: ['a2'] },
      bad: [
        undefined,
        {},
        { articleId: 'https://news.example/a' },
        { articleId: 5, changed: [], removed: [] },
        { articleId: 'https://news.example/a', changed: [{ id: 'a1' }], removed: [] },
        { articleId: 'https://news.example/a', changed: [], removed: [7] },
      ],
      sender: { id: 'gloss-id', url: 'chrome-extension://gloss-id/background.js' },
    },
    settingsChanged: {
      good: { settings: { hiddenTypes: ['ORG'], hideAll: false, disabledSites: [] } },
      bad: [undefined, {}, { settings: null }, { settings: 'hide all' }, { settings: {}, more: 1 }],
      sender: { id: 'gloss-id', url: 'chrome-extension://gloss-id/background.js' },
    },
    revealAnnotation: {
      good: { id: 'a1' },
      bad: [undefined, {}, { id: 3 }],
      sender: fromPopup,
    },
    revealText: {
      good: { start: 4, end: 19 },
      bad: [undefined, {}, { start: -1, end: 3 }, { start: 1.5, end: 3 }, { start: 1, end: 3, scroll: true }],
      sender: fromPopup,
    },
    articleChanged: {
      good: {
        articleId: 'https://news.example/a',
        changes: { since: { versionId: 'v1', at: 1_700_000_000_000, annotated: true }, currentVersionId: null, counts: { edited: 2, removed: 1, added: 0 } },
      },
      bad: [
        undefined,
        { articleId: 'https://news.example/a' },
        { articleId: 'https://news.example/a', changes: { since: { versionId: 'v1', at: 1, annotated: true }, currentVersionId: null, counts: { edited: -1, removed: 0, added: 0 } } },
        { articleId: 'https://news.example/a', changes: { since: { versionId: 'v1', at: 1, annotated: 'yes' }, currentVersionId: null, counts: { edited: 1, removed: 0, added: 0 } } },
        { articleId: 'https://news.example/a', changes: { since: { versionId: 'v1', at: 1, annotated: true }, currentVersionId: null, counts: { edited: 1, removed: 0, added: 0 }, html: '<b>' } },
      ],
      sender: { id: 'gloss-id', url: 'chrome-extension://gloss-id/background.js' },
    },
    highlightSelection: {
      good: {},
      bad: [undefined, { text: 'x' }],
      sender: { id: 'gloss-id', url: 'chrome-extension://gloss-id/background.js' },
    },
  },
};

function receive(direction: Direction, message: unknown, sender: Sender, answerUnknown = false) {
  const handler = vi.fn(async () => 'handled');
  const handlers = Object.fromEntries(Object.keys(protocol[direction]).map((type) => [type, handler]));
  const listener = createReceiver(direction, protocol[direction], handlers as unknown as Handlers<typeof direction>, {
    ...options,
    isKnownType: answerUnknown ? (type: string) => directionOf(type) !== null : undefined,
  });
  let answer: Result<unknown> | undefined;
  const answered = new Promise<Result<unknown>>((resolve) => {
    const keptOpen = listener(message, sender, (result) => {
      answer = result;
      resolve(result);
    });
    if (!keptOpen && answer === undefined) resolve(undefined as unknown as Result<unknown>);
  });
  return { handler, answered };
}

const envelope = (type: string, payload: unknown) => ({ gloss: PROTOCOL_VERSION, type, payload });

describe('messaging/receive', () => {
  for (const direction of Object.keys(cases) as Direction[]) {
    for (const [type, { good, bad, sender }] of Object.entries(cases[direction])) {
      it(`hands a well-formed "${type}" to its handler and answers its value`, async () => {
        const { handler, answered } = receive(direction, envelope(type, good), sender);
        expect(await answered).toEqual({ ok: true, value: 'handled' });
        expect(handler).toHaveBeenCalledOnce();
      });

      it.each(bad.map((payload) => [JSON.stringify(payload) ?? 'undefined', payload]))(
        `refuses "${type}" with payload %s and calls no handler`,
        async (_label, payload) => {
          const { handler, answered } = receive(direction, envelope(type, payload), sender);
          expect(await answered).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
          expect(handler).not.toHaveBeenCalled();
        },
      );

      it(`refuses "${type}" from another extension`, async () => {
        const { handler, answered } = receive(direction, envelope(type, good), fromOtherExtension);
        expect(await answered).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
        expect(handler).not.toHaveBeenCalled();
      });

      it(`refuses "${type}" from the wrong kind of Gloss context`, async () => {
        const wrong = sender === fromContent ? fromPopup : fromContent;
        const { handler, answered } = receive(direction, envelope(type, good), wrong);
        expect(await answered).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
        expect(handler).not.toHaveBeenCalled();
      });
    }
  }

  it('leaves messages of other directions to their own receivers', () => {
    const { handler, answered } = receive('toOffscreen', envelope('extractArticle', {}), fromContent);
    return answered.then((answer) => {
      expect(answer).toBeUndefined();
      expect(handler).not.toHaveBeenCalled();
    });
  });

  it.each([
    ['not an object', 'hello'],
    ['no envelope', { type: 'extractArticle', payload: {} }],
    ['another protocol version', { gloss: 99, type: 'extractArticle', payload: {} }],
    ['an unknown type', envelope('dropTables', {})],
    ['a prototype key as type', envelope('constructor', {})],
  ])('answers %s with an error when it is the catch-all', async (_label, message) => {
    const { handler, answered } = receive('toBackground', message, fromContent, true);
    expect(await answered).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('ignores foreign messages when it is not the catch-all', async () => {
    const { answered } = receive('toContent', { hello: 1 }, fromPopup);
    expect(await answered).toBeUndefined();
  });

  it('turns a handler that throws into a "failed" answer', async () => {
    const handlers = Object.fromEntries(Object.keys(protocol.toBackground).map((type) => [type, () => null]));
    const listener = createReceiver(
      'toBackground',
      protocol.toBackground,
      {
        ...(handlers as unknown as Handlers<'toBackground'>),
        extractArticle: () => {
          throw new Error('QuotaExceededError: the disk is full');
        },
      },
      options,
    );
    const answer = await new Promise<Result<unknown>>((resolve) => {
      listener(envelope('extractArticle', cases.toBackground.extractArticle.good), fromContent, resolve);
    });
    expect(answer).toEqual({ ok: false, error: { code: 'failed', message: 'QuotaExceededError: the disk is full' } });
  });

  describe('originOf', () => {
    it('tells content scripts from extension pages, even a popup opened in a tab', () => {
      expect(originOf(fromContent, options)).toBe('content');
      expect(originOf(fromPopup, options)).toBe('extension');
      expect(originOf(fromPopupTab, options)).toBe('extension');
      expect(originOf(fromOtherExtension, options)).toBeNull();
      expect(originOf({ id: 'gloss-id' }, options)).toBeNull();
    });
  });
});
