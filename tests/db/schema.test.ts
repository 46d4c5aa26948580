import { describe, expect, it } from 'vitest';
import { GlossDb } from '@/utils/db/database';
import { SCHEMA_HISTORY } from '@/utils/db/schema';

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
    ]);
  });

  it('numbers versions upward without gaps', () => {
    expect(SCHEMA_HISTORY.map((v) => v.version)).toEqual(SCHEMA_HISTORY.map((_, i) => i + 1));
  });

  it('opens at the newest version with its tables and indexes', async () => {
    const db = new GlossDb(`schema-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.length);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['annotations', 'articles', 'watchlists']);
    expect(db.annotations.schema.indexes.find((i) => i.name === 'tags')?.multi).toBe(true);
    db.close();
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
    expect(db.verno).toBe(SCHEMA_HISTORY.length);
    expect((await db.articles.get('https://a.example/1'))?.title).toBe('Kept');
    expect(await db.watchlists.count()).toBe(0);
    // Version 3 gives an old annotation the fields it lacked, and keeps what it had.
    expect(await db.annotations.get('n1')).toMatchObject({ tags: ['old'], color: 'yellow', note: '', textHash: '' });
    await db.delete();
  });
});
