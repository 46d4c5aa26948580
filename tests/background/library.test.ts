import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LIBRARY_COMMAND, LIBRARY_MENU_ID, libraryHandlers, watchLibraryCommand } from '@/entrypoints/background/library';
import { describeText } from '@/utils/anchoring/selectors';
import type { ArticleRecord } from '@/utils/article/types';
import { createAnnotation } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { libraryWriter } from '@/utils/db/library-writer';
import { writeMentions } from '@/utils/db/mentions-repo';
import { createWatchlist } from '@/utils/db/watchlists-repo';
import { BUILT_IN_TERM_LISTS } from '@/utils/entities/term-lists';
import type { ArticleMentions } from '@/utils/mentions/extract';
import { fakeEvent } from '../support/fake-event';
import { freshDb } from '../support/fresh-db';

const KIM = 'PERSON:Kim Jong Un';
const TERM = 'TERM:Regional Development 20×10 Policy';

/** Files an article as a reading would: the record with its keys, and its mentions (spelled as given). */
async function read(db: GlossDb, id: string, publishedTime: string, found: [key: string, spelling: string, count: number][]) {
  const record: ArticleRecord = {
    id, url: id, canonicalUrl: null, title: `Title of ${id}`, byline: null, siteName: 'KCNA Watch', publishedTime, lang: 'en', dir: null, excerpt: null, length: 100,
    firstSeenAt: 0, lastSeenAt: 0, entityKeys: found.map(([key]) => key).sort(),
  };
  await db.articles.put(record);
  const mentions: ArticleMentions[] = found.map(([key, spelling, count]) => ({
    key, type: key.split(':')[0] as ArticleMentions['type'], name: key.slice(key.indexOf(':') + 1), spellings: [spelling], count, snippets: [['Comrade ', spelling, ' said']],
  }));
  await writeMentions(db, record, mentions);
}

async function highlight(db: GlossDb, articleId: string, text: string, quote: string, note = '') {
  const start = text.indexOf(quote);
  const { quote: q, position } = describeText(text, start, start + quote.length);
  return createAnnotation(db, { articleId, quote: q, position, color: 'yellow', note, tags: [], textHash: 'h:1' });
}

describe('background/library', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    db = await freshDb(context, 'library');
    await read(db, 'https://b.example/2', '2024-06-02T00:00:00Z', [[KIM, 'Kim Jong-un', 2], [TERM, 'Regional Development 20×10 Policy', 1]]);
    await read(db, 'https://a.example/1', '2024-05-20T00:00:00Z', [[KIM, 'Kim Jong Un', 3], [TERM, 'Regional Development 20×10 Policy', 4], ['PLACE:Songchon County', 'Songchon County', 2]]);
  });

  it('answers the entity table, of one type or all', async () => {
    const handlers = libraryHandlers(db, libraryWriter(db, async () => {}));
    const all = (await handlers.listEntities({}, {})).map((e) => [e.key, e.articles, e.mentions]);
    // Most named first (Kim and the term tie at two articles).
    expect(all.slice(0, 2)).toEqual(expect.arrayContaining([[KIM, 2, 5], [TERM, 2, 5]]));
    expect(all.slice(2)).toEqual([['PLACE:Songchon County', 1, 2]]);
    expect((await handlers.listEntities({ type: 'PLACE', limit: 10 }, {})).map((e) => e.key)).toEqual(['PLACE:Songchon County']);
    expect(await handlers.listEntities({ type: 'PERSON', offset: 1 }, {})).toEqual([]);
  });

  it('answers the name search over the whole library, or ranked and counted within an outlet and months', async () => {
    const handlers = libraryHandlers(db, libraryWriter(db, async () => {}));
    const figures = (rows: { key: string; articles: number; mentions: number }[]) => rows.map((e) => [e.key, e.articles, e.mentions]);
    const whole = await handlers.searchEntities({ search: 'Jong-un' }, {});
    expect([figures(whole.rows), whole.more]).toEqual([[[KIM, 2, 5]], false]);
    expect(figures((await handlers.searchEntities({ search: 'kim', from: '2024-06' }, {})).rows)).toEqual([[KIM, 1, 2]]);
    expect(figures((await handlers.searchEntities({ search: 'kim', outlet: 'Yonhap' }, {})).rows)).toEqual([]);
    expect(figures((await handlers.searchEntities({ search: 'songch', type: 'PLACE', limit: 1 }, {})).rows)).toEqual([['PLACE:Songchon County', 1, 2]]);
    expect((await handlers.searchEntities({ search: '20×10', type: 'PERSON' }, {})).rows).toEqual([]);
  });

  it("answers one entity's page with the reader's highlights that quote one of its spellings, in article order", async () => {
    const text = 'The respected Comrade Kim Jong Un made a speech. KIM JONG UN smiled. The weather was fine.';
    const onName = await highlight(db, 'https://a.example/1', text, 'Comrade Kim Jong Un made', 'first');
    await highlight(db, 'https://a.example/1', text, 'The weather was fine');
    const otherSpelling = await highlight(db, 'https://b.example/2', 'Then Kim Jong-un left.', 'Kim Jong-un left');
    const upperCase = await highlight(db, 'https://a.example/1', text, 'KIM JONG UN smiled');
    // An article that does not name him: its highlight of his name is not his page's.
    await highlight(db, 'https://c.example/3', text, 'Comrade Kim Jong Un made');

    const page = await libraryHandlers(db, libraryWriter(db, async () => {})).entityPage({ key: KIM }, {});
    expect(page?.articles.map((a) => a.articleId)).toEqual(['https://a.example/1', 'https://b.example/2']);
    expect(page?.highlights.map((h) => [h.id, h.quote, h.note])).toEqual([
      [onName.id, 'Comrade Kim Jong Un made', 'first'],
      [upperCase.id, 'KIM JONG UN smiled', ''],
      [otherSpelling.id, 'Kim Jong-un left', ''],
    ]);
    // A page further on: the later article only, and its highlight only.
    const later = await libraryHandlers(db, libraryWriter(db, async () => {})).entityPage({ key: KIM, offset: 1, limit: 1 }, {});
    expect(later?.articles.map((a) => a.articleId)).toEqual(['https://b.example/2']);
    expect(later?.highlights.map((h) => h.id)).toEqual([otherSpelling.id]);
  });

  it('answers null for a key the library does not hold', async () => {
    expect(await libraryHandlers(db, libraryWriter(db, async () => {})).entityPage({ key: 'PERSON:Nobody' }, {})).toBeNull();
  });

  it('corrects a key through the writer, and refuses a merge that would make a loop with the reason', async () => {
    const handlers = libraryHandlers(db, libraryWriter(db, async () => {}));
    await handlers.correctKey({ kind: 'merge', key: 'PLACE:Songchon County', into: KIM }, {});
    expect((await handlers.entityTrends({ keys: ['PLACE:Songchon County'] }, {}))[0]).toMatchObject({ key: KIM, name: 'Kim Jong Un' });
    await expect(handlers.correctKey({ kind: 'merge', key: KIM, into: 'PLACE:Songchon County' }, {})).rejects.toMatchObject({
      error: { code: 'refused', message: expect.stringMatching(/“Songchon County” is already shown as “Kim Jong Un”: merging “Kim Jong Un” into it would make a loop/) },
    });
  });

  it('answers trends in the order asked, an unknown key with no name and no months', async () => {
    const answer = await libraryHandlers(db, libraryWriter(db, async () => {})).entityTrends({ keys: ['PERSON:Nobody', TERM] }, {});
    expect(answer).toEqual([
      { key: 'PERSON:Nobody', name: null, points: [] },
      {
        key: TERM,
        name: 'Regional Development 20×10 Policy',
        points: [
          { month: '2024-05', articles: 1, mentions: 4 },
          { month: '2024-06', articles: 1, mentions: 1 },
        ],
      },
    ]);
  });

  it('answers every term of the built-in lists and of the reader’s watchlists, with the articles naming each', async () => {
    await createWatchlist(db, { name: 'Missiles', terms: [{ term: 'Hwasong-18' }] });
    const lists = await libraryHandlers(db, libraryWriter(db, async () => {})).termLists({}, {});
    expect(lists.map((l) => [l.id, l.builtIn])).toEqual([...BUILT_IN_TERM_LISTS.map((l) => [l.id, true]), [expect.stringMatching(/^watchlist:/), false]]);
    const dprk = lists.find((l) => l.id === 'dprk-policy');
    expect(dprk?.total).toBe(BUILT_IN_TERM_LISTS.find((l) => l.id === 'dprk-policy')?.terms.length);
    expect(dprk?.found).toBe(1);
    expect(dprk?.terms[0]).toEqual({ key: TERM, name: 'Regional Development 20×10 Policy', articles: 2 });
    expect(lists.at(-1)).toMatchObject({ name: 'Missiles', total: 1, found: 0, terms: [{ key: 'TERM:Hwasong-18', name: 'Hwasong-18', articles: 0 }] });
  });

  it('opens the library page in a new tab on its keyboard command, and on no other', async () => {
    const command = fakeEvent();
    Object.assign(fakeBrowser.commands, { onCommand: command });
    Object.assign(fakeBrowser.contextMenus, { create: vi.fn(), onClicked: fakeEvent() });
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    watchLibraryCommand();
    await command.trigger('highlight-selection');
    expect(create).not.toHaveBeenCalled();
    await command.trigger(LIBRARY_COMMAND);
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/library\.html$/) });
  });

  it("adds 'Open the Gloss library' to the toolbar button's menu, which opens it", async () => {
    const create = vi.fn();
    const clicked = fakeEvent();
    Object.assign(fakeBrowser.commands, { onCommand: fakeEvent() });
    Object.assign(fakeBrowser.contextMenus, { create, onClicked: clicked });
    const open = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    watchLibraryCommand();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(create).toHaveBeenCalledWith({ id: LIBRARY_MENU_ID, title: 'Open the Gloss library', contexts: ['action'] });
    await clicked.trigger({ menuItemId: 'gloss-highlight' }, { id: 3 });
    expect(open).not.toHaveBeenCalled();
    await clicked.trigger({ menuItemId: LIBRARY_MENU_ID }, { id: 3 });
    expect(open).toHaveBeenCalledWith({ url: expect.stringMatching(/\/library\.html$/) });
  });
});
