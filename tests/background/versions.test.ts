import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { annotationHandlers } from '@/entrypoints/background/annotations';
import { rememberTabArticle } from '@/entrypoints/background/tab-articles';
import { versionKeeper, type VersionKeeper } from '@/entrypoints/background/versions';
import { describeText } from '@/utils/anchoring/selectors';
import type { ArticleRecord } from '@/utils/article/types';
import type { GlossDb } from '@/utils/db/database';
import type { VersionChange } from '@/utils/db/library-writer';
import { MAX_VERSIONS_PER_DAY, listVersions, readVersionContent } from '@/utils/db/versions-repo';
import type { EntitySpan } from '@/utils/entities/types';
import type { Sender } from '@/utils/messaging/envelope';
import { updateSettings } from '@/utils/settings/settings';
import { versionNotice } from '@/utils/versions/notices';
import { freshDb } from '../support/fresh-db';

const A = 'https://kcna.example/a';
const TEXT = 'Kim Jong Un visited Songchon County on Feb. 28.';
const tab: Sender = { id: 'gloss', url: A, tab: { id: 1 }, frameId: 0 };
const otherTab: Sender = { id: 'gloss', url: A, tab: { id: 2 }, frameId: 0 };
const article: ArticleRecord = {
  id: A, url: `${A}?ref=1`, canonicalUrl: A, title: 'Songchon visit', byline: 'KCNA', siteName: 'KCNA', publishedTime: '2024-02-29',
  lang: 'en', dir: null, excerpt: null, length: TEXT.length, firstSeenAt: 1, lastSeenAt: 1,
};
const copy = { html: '<p>Kim Jong Un visited Songchon County on Feb. 28.</p>', modifiedTime: '2024-03-01' };
const watched: EntitySpan[] = [{ start: 20, end: 35, type: 'TERM', key: 'songchon', list: 'watchlist:w1' }];
const builtIn: EntitySpan[] = [{ start: 20, end: 35, type: 'TERM', key: 'songchon', list: 'dprk-policy' }];

describe('background/versions', () => {
  let db: GlossDb;
  let keeper: VersionKeeper;
  let told: VersionChange[];
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'keeper');
    told = [];
    keeper = versionKeeper(db, async () => {}, async (change) => void told.push(change));
  });

  const read = (spans: EntitySpan[] = [], annotated = false, text = TEXT, sender = tab) => {
    keeper.extracted(sender, article, copy);
    return keeper.analyzed(sender, A, text, { annotated, spans });
  };

  it('by default keeps no version of an article only read, and keeps its reading when the first annotation is made', async () => {
    expect(await read()).toBeNull();
    expect(await db.versions.count()).toBe(0);
    await rememberTabArticle(tab, A);
    const handlers = annotationHandlers(db, async () => {}, (record) => keeper.annotated(record.articleId));
    const { quote, position } = describeText(TEXT, 0, 11);
    await handlers.saveAnnotation({ id: 'n1', articleId: A, quote, position, color: 'yellow', note: 'n', tags: [], textHash: 'h' }, tab);
    await vi.waitFor(async () => expect(await db.versions.count()).toBe(1));
    const [version] = await listVersions(db, A);
    expect(version).toMatchObject({ title: 'Songchon visit', modifiedTime: '2024-03-01', url: `${A}?ref=1`, canonicalUrl: A });
    expect(await readVersionContent(db, version!.id)).toEqual({ html: copy.html, text: TEXT });
    expect(told.map((change) => change.articleId)).toEqual([A]);
    // A second annotation keeps nothing more: the article's readings are kept as they come now.
    expect(await keeper.annotated(A)).toBeNull();
    expect((await read([], true))?.kind).toBe('seen');
  });

  it('records the library keys a kept version names, also when it is kept later for an annotation', async () => {
    const person: EntitySpan = { start: 0, end: 11, type: 'PERSON', key: 'Kim Jong Un' };
    const date: EntitySpan = { start: 40, end: 48, type: 'DATE', key: '2024-02-28' };
    expect((await read([person, date, ...watched]))?.kind).toBe('added');
    expect((await listVersions(db, A))[0]!.keys).toEqual(['PERSON:Kim Jong Un', 'TERM:songchon']);
    await db.versions.clear();
    await db.versionBodies.clear();
    expect(await read([person])).toBeNull();
    expect((await keeper.annotated(A))?.kind).toBe('added');
    expect((await listVersions(db, A))[0]!.keys).toEqual(['PERSON:Kim Jong Un']);
  });

  it('by default keeps an article where a term of the reader’s watchlists was found, not of a built-in list', async () => {
    expect(await read(builtIn)).toBeNull();
    expect((await read(watched))?.kind).toBe('added');
  });

  it('follows the reader’s choice: every article read, or only annotated ones', async () => {
    await updateSettings((settings) => ({ ...settings, keepVersions: 'annotated' }));
    expect(await read(watched)).toBeNull();
    expect((await read(watched, true))?.kind).toBe('added');
    await db.versions.clear();
    await updateSettings((settings) => ({ ...settings, keepVersions: 'all' }));
    expect((await read())?.kind).toBe('added');
  });

  it('keeps nothing when the text comes from a frame that sent no copy, or for another article', async () => {
    await updateSettings((settings) => ({ ...settings, keepVersions: 'all' }));
    keeper.extracted(tab, article, copy);
    expect(await keeper.analyzed(otherTab, A, TEXT, { annotated: true, spans: [] })).toBeNull();
    expect(await keeper.analyzed(tab, 'https://kcna.example/b', TEXT, { annotated: true, spans: [] })).toBeNull();
    // An extraction with no copy (no DOM to clean it) drops the one waiting.
    keeper.extracted(tab, article, undefined);
    expect(await keeper.analyzed(tab, A, TEXT, { annotated: true, spans: [] })).toBeNull();
    keeper.extracted(tab, article, copy);
    keeper.forgetTab(1);
    expect(await keeper.analyzed(tab, A, TEXT, { annotated: true, spans: [] })).toBeNull();
    expect(await db.versions.count()).toBe(0);
  });

  it('leaves a notice when the disk is full or the day’s cap is reached, and clears it when a reading is kept', async () => {
    const full = vi.spyOn(db.versionBodies, 'add').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    expect((await read(watched))?.kind).toBe('no-room');
    expect(await versionNotice(A)).toMatchObject({ kind: 'no-room' });
    full.mockRestore();
    expect((await read(watched))?.kind).toBe('added');
    expect(await versionNotice(A)).toBeNull();
    for (let i = 1; i < MAX_VERSIONS_PER_DAY; i++) await read(watched, false, `${TEXT} ${i}`);
    expect((await read(watched, false, `${TEXT} again`))?.kind).toBe('capped');
    expect(await versionNotice(A)).toMatchObject({ kind: 'capped' });
  });
});
