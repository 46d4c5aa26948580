import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { GlossDb } from '@/utils/db/database';
import { applyPending } from '@/utils/db/mentions-repo';
import { listEntitiesIn } from '@/utils/db/sliced-entities';
import { searchEntities } from '@/utils/db/name-search';
import { entityWeeks } from '@/utils/db/entity-weeks';
import { SCHEMA_HISTORY } from '@/utils/db/schema';
import { NEWEST_SCHEMA } from '@/utils/db/schema-stores';
import { outletKey } from '@/utils/search/words';

/** The newest version (the list may skip one another branch adds: see below). */
const NEWEST = SCHEMA_HISTORY.at(-1)?.version;

describe('db/schema', () => {
  // A published schema version is never edited: this pins each one. A change belongs in a new
  // version, added below with its upgrade.
  it('keeps every published version as it was', () => {
    expect(SCHEMA_HISTORY.map(({ version, stores }) => ({ version, stores }))).toEqual([
      {
        version: 1,
        stores: {
          articles: 'id, siteName, lastSeenAt',
          annotations: 'id, articleId, createdAt, updatedAt, *tags',
        },
      },
      { version: 2, stores: { watchlists: 'id, name, updatedAt' } },
      { version: 3, stores: { annotations: 'id, articleId, createdAt, updatedAt, *tags, color' } },
      { version: 4, stores: { annotations: 'id, articleId, createdAt, updatedAt, *tags, color, *words' } },
      { version: 5, stores: { articles: 'id, siteName, lastSeenAt, *entityKeys, *termLists' } },
      { version: 6, stores: {} },
      { version: 7, stores: { versions: 'id, [articleId+firstSeenAt]', versionBodies: 'id' } },
      { version: 8, stores: { mentions: 'articleId, *keyDates', entities: 'key, articles, [type+articles]', timelines: 'key', pendingMentions: '++seq' } },
      { version: 9, stores: {} },
      { version: 10, stores: { corrections: 'key', groupOverlaps: 'root' } },
      { version: 11, stores: { articleCounts: 'id' } },
      { version: 12, stores: { keySlices: '[scope+month], scope', keyWeeks: 'key' } },
      { version: 13, stores: { entities: 'key, articles, [type+articles], *words' } },
      { version: 14, stores: { yearSlices: '[scope+year]' } },
      { version: 15, stores: { versions: 'id, [articleId+firstSeenAt], *droppedKeys' } },
      { version: 16, stores: { annotations: 'id, articleId, createdAt, updatedAt, *tags, *words', labels: 'id' } },
      { version: 17, stores: {} },
      { version: 18, stores: {} },
    ]);
  });

  it('numbers versions upward without gaps', () => {
    expect(SCHEMA_HISTORY.map((v) => v.version)).toEqual(SCHEMA_HISTORY.map((_, i) => i + 1));
  });

  it('opens at the newest version with its tables and indexes', async () => {
    const db = new GlossDb(`schema-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['annotations', 'articleCounts', 'articles', 'corrections', 'entities', 'groupOverlaps', 'keySlices', 'keyWeeks', 'labels', 'mentions', 'pendingMentions', 'timelines', 'versionBodies', 'versions', 'watchlists', 'yearSlices']);
    expect(db.annotations.schema.indexes.find((i) => i.name === 'tags')?.multi).toBe(true);
    expect(db.annotations.schema.indexes.map((i) => i.name)).toEqual(['articleId', 'createdAt', 'updatedAt', 'tags', 'words']);
    expect(db.annotations.schema.indexes.find((i) => i.name === 'words')?.multi).toBe(true);
    expect(db.entities.schema.indexes.find((i) => i.name === 'words')?.multi).toBe(true);
    db.close();
  });
});

describe('db/schema newest only', () => {
  /** Every table's keys and indexes as Dexie reads them from a declaration. */
  const shapeOf = (db: Dexie) => db.tables
    .map((t) => ({ name: t.name, primKey: t.schema.primKey.src, indexes: t.schema.indexes.map((i) => i.src).sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));

  it('declares the same tables and indexes as every version added up', async () => {
    const full = new Dexie(`history-${crypto.randomUUID()}`);
    for (const { version, stores } of SCHEMA_HISTORY) full.version(version).stores(stores);
    await full.open();
    const newest = new GlossDb(`newest-${crypto.randomUUID()}`);
    await newest.open();
    expect(NEWEST_SCHEMA.version).toBe(NEWEST);
    expect(shapeOf(newest)).toEqual(shapeOf(full));
    expect(shapeOf(newest).map((t) => t.name)).toContain('yearSlices');
    await Promise.all([full.delete(), newest.delete()]);
  });

  it('declares no older version when the stored database is at the newest, and every one when it is older', async () => {
    const name = `declared-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_HISTORY[0]!.stores);
    await old.open();
    old.close();
    const declared = vi.spyOn(Dexie.prototype, 'version');
    try {
      const upgraded = new GlossDb(name);
      await upgraded.open();
      expect(new Set(declared.mock.calls.map(([version]) => version))).toEqual(new Set(SCHEMA_HISTORY.map((v) => v.version)));
      upgraded.close();
      declared.mockClear();
      const current = new GlossDb(name);
      await current.open();
      expect(declared.mock.calls.map(([version]) => version)).toEqual([NEWEST]);
      await current.delete();
    } finally {
      declared.mockRestore();
    }
  });

  it('upgrades with the history it is given, and declares it where the stored version cannot be read', async () => {
    for (const answer of ['given', 'unreadable'] as const) {
      const name = `given-${crypto.randomUUID()}`;
      const old = new Dexie(name);
      old.version(1).stores(SCHEMA_HISTORY[0]!.stores);
      await old.open();
      await old.table('annotations').put({ id: 'n1', articleId: 'https://a.example/1', createdAt: 1, updatedAt: 1, tags: [] });
      old.close();
      const databases = answer === 'unreadable' ? vi.spyOn(indexedDB, 'databases').mockRejectedValue(new Error('no answer')) : null;
      try {
        const db = answer === 'given' ? new GlossDb(name, SCHEMA_HISTORY) : new GlossDb(name);
        await db.open();
        expect(db.verno).toBe(NEWEST);
        expect(await db.annotations.get('n1')).toMatchObject({ color: 'yellow', rev: 1 });
        await db.delete();
      } finally {
        databases?.mockRestore();
      }
    }
  });
});

describe('db/schema remembered at the newest', () => {
  it('asks for the stored version until a page has opened the database at the newest, then no more', async () => {
    const name = `remembered-${crypto.randomUUID()}`;
    const databases = vi.spyOn(indexedDB, 'databases');
    try {
      const first = new GlossDb(name);
      await first.open();
      expect(databases).toHaveBeenCalledTimes(1);
      first.close();
      const again = new GlossDb(name);
      await again.annotations.count();
      expect(databases).toHaveBeenCalledTimes(1);
      expect(again.verno).toBe(NEWEST);
      await again.delete();
    } finally {
      databases.mockRestore();
    }
  });

  it('upgrades a database older than remembered with every version, and nothing is lost', async () => {
    const name = `older-than-remembered-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_HISTORY[0]!.stores);
    await old.open();
    await old.table('annotations').put({ id: 'n1', articleId: 'https://a.example/1', createdAt: 1, updatedAt: 1, tags: ['kept'] });
    old.close();
    // As if a page had opened it at the newest version: the guard is all that is left.
    localStorage.setItem(`gloss:db-version:${name}`, String(NEWEST));
    const databases = vi.spyOn(indexedDB, 'databases');
    try {
      const db = new GlossDb(name);
      await db.open();
      expect(databases).not.toHaveBeenCalled();
      expect(db.verno).toBe(NEWEST);
      // Version 3's upgrade gave it a color and version 6's a revision: every version ran.
      expect(await db.annotations.get('n1')).toMatchObject({ tags: ['kept'], color: 'yellow', rev: 1 });
      expect(await db.annotations.where('words').equals('kept').primaryKeys()).toEqual(['n1']);
      await db.delete();
    } finally {
      databases.mockRestore();
    }
  });
});

describe('db/schema upgrades', () => {
  it('opens a version 1 database at the newest version and keeps its articles', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_HISTORY[0]!.stores);
    await old.open();
    await old.table('articles').put({ id: 'https://a.example/1', title: 'Kept', lastSeenAt: 1 });
    await old.table('annotations').put({ id: 'n1', articleId: 'https://a.example/1', createdAt: 1, updatedAt: 1, tags: ['old'] });
    old.close();

    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect((await db.articles.get('https://a.example/1'))?.title).toBe('Kept');
    expect(await db.watchlists.count()).toBe(0);
    // Version 3 gives an old annotation the fields it lacked, and keeps what it had.
    expect(await db.annotations.get('n1')).toMatchObject({ tags: ['old'], color: 'yellow', note: '', textHash: '' });
    await db.delete();
  });

  it('opens a version 3 database at the newest version with search words, losing nothing', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 3)) old.version(version).stores(stores);
    await old.open();
    const article = {
      id: 'https://news.example/seoul', url: 'https://news.example/seoul', canonicalUrl: null, title: 'Talks in Seoul',
      byline: null, siteName: 'Yonhap News', publishedTime: null, lang: 'en', dir: null, excerpt: null, length: 100,
      firstSeenAt: 1, lastSeenAt: 2,
    };
    const annotation = (id: string, articleId: string, exact: string, extra: object = {}) => ({
      id, articleId, quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length }, color: 'green', note: '', tags: [],
      createdAt: 10, updatedAt: 20, textHash: 'abc:1', ...extra,
    });
    const kept = [
      annotation('a1', article.id, 'Kim Jong-un arrived', { note: 'first visit', tags: ['Diplomacy'] }),
      annotation('a2', article.id, '서울에서 회담'),
      annotation('a3', 'https://gone.example/', 'An orphan quote'),
    ];
    await old.table('articles').put(article);
    await old.table('annotations').bulkPut(kept);
    await old.table('watchlists').put({ id: 'w1', name: 'Terms', updatedAt: 5 });
    old.close();

    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    const stored = await db.annotations.orderBy('id').toArray();
    expect(stored.map(({ words: _words, ...rest }) => rest)).toEqual(kept.map((a) => ({ ...a, rev: 1 })));
    expect(stored[0]!.words).toEqual(expect.arrayContaining(['kim', 'jong', 'un', 'jongun', 'first', 'visit', 'diplomacy', 'talks', 'seoul', 'yonhap']));
    expect(stored[1]!.words).toEqual(expect.arrayContaining(['서울', '회담']));
    expect(stored[2]!.words).toEqual(['orphan', 'quote']);
    expect(await db.annotations.where('words').startsWith('yon').primaryKeys()).toEqual(['a1', 'a2']);
    expect(await db.articles.get(article.id)).toEqual(article);
    expect(await db.watchlists.get('w1')).toEqual({ id: 'w1', name: 'Terms', updatedAt: 5 });
    await db.delete();
  });

  it('opens a version 5 database at the newest version with every annotation at revision 1, losing nothing', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 5)) old.version(version).stores(stores);
    await old.open();
    const annotation = {
      id: 'a1', articleId: 'https://news.example/a', quote: { type: 'TextQuoteSelector', exact: 'Kim', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 3 }, color: 'blue', note: 'kept', tags: ['t'],
      createdAt: 10, updatedAt: 20, textHash: 'abc:1', words: ['kim', 'kept', 't'],
    };
    await old.table('annotations').bulkPut([annotation, { ...annotation, id: 'a2', note: 'second', words: ['kim', 'second'] }]);
    old.close();

    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    // Version 9 computes the words again (from the record; its article is gone): the rest is kept.
    expect(await db.annotations.get('a1')).toEqual({ ...annotation, rev: 1, words: ['kim', 'kept'] });
    expect((await db.annotations.get('a2'))?.rev).toBe(1);
    expect(await db.annotations.where('words').equals('kept').primaryKeys()).toEqual(['a1']);
    await db.delete();
  });

  it('opens a version 6 database at the newest version, losing nothing, with no versions yet', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 6)) old.version(version).stores(stores);
    await old.open();
    const article = {
      id: 'https://kcna.example/a', url: 'https://kcna.example/a', canonicalUrl: null, title: 'Kept', byline: null, siteName: 'KCNA',
      publishedTime: null, lang: 'en', dir: null, excerpt: null, length: 100, firstSeenAt: 1, lastSeenAt: 2, entityKeys: ['PERSON:kim'], termLists: [],
    };
    const annotation = {
      id: 'a1', articleId: article.id, quote: { type: 'TextQuoteSelector', exact: 'Kim', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 3 }, color: 'blue', note: 'kept', tags: ['t'],
      createdAt: 10, updatedAt: 20, textHash: 'abc:1', words: ['kim', 'kept', 't'], rev: 3,
    };
    await old.table('articles').put(article);
    await old.table('annotations').put(annotation);
    await old.table('watchlists').put({ id: 'w1', name: 'Terms', terms: [], createdAt: 1, updatedAt: 5 });
    old.close();

    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(await db.articles.get(article.id)).toEqual(article);
    expect(await db.annotations.get('a1')).toEqual({ ...annotation, words: [outletKey('KCNA'), 'kcna', 'kept', 'kim'] });
    expect(await db.watchlists.count()).toBe(1);
    expect(await db.versions.count()).toBe(0);
    expect(await db.versionBodies.count()).toBe(0);
    expect(db.versions.schema.indexes.map((index) => index.name)).toEqual(['[articleId+firstSeenAt]', 'droppedKeys']);
    await db.delete();
  });
});

describe('db/schema version 8', () => {
  it('opens a version 7 database with empty mention tables, keeping its articles', async () => {
    const name = `upgrade-8-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 7)) old.version(version).stores(stores);
    await old.open();
    await old.table('articles').put({ id: 'https://a.example/1', title: 'Kept', lastSeenAt: 1, entityKeys: ['PERSON:Kim Jong Un'] });
    old.close();
    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(await db.articles.get('https://a.example/1')).toMatchObject({ title: 'Kept' });
    expect([await db.mentions.count(), await db.entities.count()]).toEqual([0, 0]);
    await db.delete();
  });
});

describe('db/schema version 9', () => {
  it('opens a version 8 database with pairs of small words among every annotation\'s words', async () => {
    const name = `upgrade-9-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 8)) old.version(version).stores(stores);
    await old.open();
    const annotation = {
      id: 'a1', articleId: 'https://a.example/1', quote: { type: 'TextQuoteSelector', exact: 'the end of the war', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 18 }, color: 'blue', note: '', tags: [],
      createdAt: 10, updatedAt: 20, textHash: 'abc:1', words: ['end', 'war'], rev: 2,
    };
    await old.table('annotations').put(annotation);
    old.close();
    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(await db.annotations.get('a1')).toEqual({ ...annotation, words: ['end', 'war', '\u0002of the'] });
    expect(await db.annotations.where('words').equals('\u0002of the').primaryKeys()).toEqual(['a1']);
    await db.delete();
  });
});

describe('db/schema version 10', () => {
  it('opens a version 9 database with no corrections, keeping its library across articles as it was', async () => {
    const name = `upgrade-10-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 9)) old.version(version).stores(stores);
    await old.open();
    const summary = { key: 'PERSON:Kim Jong Un', type: 'PERSON', name: 'Kim Jong Un', variants: ['Kim Jong Un'], articles: 3, mentions: 9, firstSeen: 1, lastSeen: 2 };
    await old.table('entities').put(summary);
    await old.table('mentions').put({ articleId: 'https://a.example/1', date: 1, outlet: 'KCNA', entries: [], keyDates: ['PERSON:Kim Jong Un\u000000000000000001'] });
    old.close();
    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    // Version 13 adds the words it is found by.
    expect(await db.entities.get('PERSON:Kim Jong Un')).toEqual({ ...summary, words: ['kim', 'jong', 'un'] });
    expect(await db.mentions.where('keyDates').startsWith('PERSON:Kim Jong Un').primaryKeys()).toEqual(['https://a.example/1']);
    expect(await db.corrections.count()).toBe(0);
    await db.corrections.put({ key: 'PERSON:Kim Jong-un', mergedInto: 'PERSON:Kim Jong Un', updatedAt: 1 });
    expect(await db.corrections.get('PERSON:Kim Jong-un')).toMatchObject({ mergedInto: 'PERSON:Kim Jong Un' });
    await db.delete();
  });
});

describe('db/schema version 11', () => {
  it('counts, from a version 10 database, how many articles name each key and how many name any, leaving queued readings to be counted', async () => {
    const name = `upgrade-11-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 10)) old.version(version).stores(stores);
    await old.open();
    const summary = (key: string, articles: number) => ({ key, type: 'PERSON', name: key.slice(7), variants: [], articles, mentions: articles, firstSeen: 1, lastSeen: 2 });
    await old.table('entities').bulkPut([summary('PERSON:Kim Jong Un', 2), summary('PERSON:Pak Pong Ju', 1)]);
    const record = (id: string) => ({ articleId: id, date: 1, outlet: 'KCNA', entries: [], keyDates: [] });
    // Two articles counted in the summaries, a third read since and still queued.
    await old.table('mentions').bulkPut([record('a1'), record('a2'), record('a3')]);
    const part = { key: 'PERSON:Kim Jong Un', type: 'PERSON', name: 'Kim Jong Un', count: 1, spellings: [], date: 1, outlet: 'KCNA' };
    await old.table('pendingMentions').add({ articleId: 'a3', removed: [], added: [part] });
    old.close();
    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(await db.articleCounts.get('articles')).toEqual({ id: 'articles', total: 2, byKey: new Map([['PERSON:Kim Jong Un', 2], ['PERSON:Pak Pong Ju', 1]]) });
    await applyPending(db);
    expect(await db.articleCounts.get('articles')).toEqual({ id: 'articles', total: 3, byKey: new Map([['PERSON:Kim Jong Un', 3], ['PERSON:Pak Pong Ju', 1]]) });
    await db.delete();
  });
});

describe('db/schema version 12', () => {
  it('counts, from a version 11 database, the slices by month and outlet and each key’s weeks as the summaries hold them, leaving queued readings to be counted', async () => {
    const name = `upgrade-12-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 11)) old.version(version).stores(stores);
    await old.open();
    const KIM = 'PERSON:Kim Jong Un';
    const entry = (count: number) => ({ key: KIM, type: 'PERSON', name: 'Kim Jong Un', count, spellings: ['Kim Jong Un'], snippets: [] });
    const june = Date.parse('2024-06-17T08:00:00Z');
    const july = Date.parse('2024-07-02T08:00:00Z');
    const record = (id: string, date: number, outlet: string, count: number) => ({ articleId: id, date, outlet, entries: [entry(count)], keyDates: [`${KIM}\u0000${date}`] });
    // a1 and a2 counted in the summaries; a2 read again since (moved to July, Yonhap) and a3 read, both still queued.
    await old.table('mentions').bulkPut([record('a1', june, 'KCNA', 3), record('a2', july, 'Yonhap', 1), record('a3', july, 'KCNA', 2)]);
    const part = (date: number, outlet: string, count: number) => ({ key: KIM, type: 'PERSON', name: 'Kim Jong Un', count, spellings: [], date, outlet });
    await old.table('entities').put({ key: KIM, type: 'PERSON', name: 'Kim Jong Un', variants: [], articles: 2, mentions: 7, firstSeen: june, lastSeen: june });
    await old.table('timelines').put({ key: KIM, months: { '2024-06': { articles: 2, mentions: 7, outlets: { KCNA: 1, Rodong: 1 } } } });
    await old.table('pendingMentions').bulkAdd([
      { articleId: 'a2', removed: [part(june, 'Rodong', 4)], added: [part(july, 'Yonhap', 1)] },
      { articleId: 'a3', removed: [], added: [part(july, 'KCNA', 2)] },
    ]);
    old.close();
    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    const slices = await db.keySlices.toArray();
    expect(slices.map((s) => [s.scope, s.month, Object.fromEntries(s.articles), Object.fromEntries(s.mentions)])).toEqual([
      ['all', '2024-06', { [KIM]: 2 }, { [KIM]: 7 }],
      ['outlet:KCNA', '2024-06', { [KIM]: 1 }, { [KIM]: 3 }],
      ['outlet:Rodong', '2024-06', { [KIM]: 1 }, { [KIM]: 4 }],
    ]);
    expect(await db.keyWeeks.get(KIM)).toEqual({ key: KIM, weeks: { '2024-W25': { articles: 2, mentions: 7, outlets: { KCNA: 1, Rodong: 1 } } } });
    // The queued readings are then counted once, as the summaries count them.
    expect((await listEntitiesIn(db, { outlet: 'KCNA' })).map((r) => [r.key, r.articles, r.mentions])).toEqual([[KIM, 2, 5]]);
    expect((await listEntitiesIn(db, { from: '2024-07' })).map((r) => [r.key, r.articles, r.mentions])).toEqual([[KIM, 2, 3]]);
    expect((await entityWeeks(db, KIM))?.map((w) => [w.week, w.articles, w.mentions])).toEqual([
      ['2024-W25', 1, 3],
      ['2024-W27', 2, 3],
    ]);
    await db.delete();
  });
});

describe('db/schema version 13', () => {
  it('computes, from a version 12 database, the words each summary is found by, which the name search reads', async () => {
    const name = `upgrade-13-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 12)) old.version(version).stores(stores);
    await old.open();
    const summary = (key: string, variants: string[], articles: number) => ({ key, type: key.slice(0, key.indexOf(':')), name: key.slice(key.indexOf(':') + 1), variants, articles, mentions: articles, firstSeen: 1, lastSeen: 2 });
    const kim = summary('PERSON:Kim Jong Un', ['Kim Jong Un', 'Kim Chŏng-ŭn', '김정은'], 3);
    const songchon = summary('PLACE:Songchon County', ['Songchon County'], 1);
    await old.table('entities').bulkPut([kim, songchon]);
    await old.table('articleCounts').put({ id: 'articles', total: 3, byKey: new Map([[kim.key, 3], [songchon.key, 1]]) });
    old.close();
    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.length);
    expect(await db.entities.get(kim.key)).toEqual({ ...kim, words: ['kim', 'jong', 'un', 'chong', 'chongun', '김정', '정은', '은'] });
    expect(await db.entities.get(songchon.key)).toEqual({ ...songchon, words: ['songchon', 'county'] });
    expect(await db.entities.where('words').startsWith('chon').primaryKeys()).toEqual([kim.key, kim.key]);
    expect((await searchEntities(db, 'Songch')).rows.map((r) => r.key)).toEqual([songchon.key]);
    expect((await searchEntities(db, '정은')).rows.map((r) => r.key)).toEqual([kim.key]);
    await db.delete();
  });
});
