import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { GlossDb } from '@/utils/db/database';
import { loadResolver } from '@/utils/db/corrections-repo';
import { groupTotals } from '@/utils/db/entity-groups';
import { keyWithPossessive } from '@/utils/db/possessive-keys';
import { SCHEMA_HISTORY } from '@/utils/db/schema';
import { summaryWords } from '@/utils/search/name-words';

const summary = (key: string, variants: string[], articles = 2) => {
  const made = { key, type: key.slice(0, key.indexOf(':')), name: key.slice(key.indexOf(':') + 1), variants, articles, mentions: 3 * articles, firstSeen: 10, lastSeen: 20 };
  return { ...made, words: summaryWords(made) };
};

describe('db/possessive-keys', () => {
  it('gives a name filed without its inner possessive the key it has now, and no other name one', () => {
    expect(keyWithPossessive(summary('ORG:People Army', ['People’s Army']) as never)).toBe("ORG:People's Army");
    expect(keyWithPossessive(summary('ORG:Workers Party of Chosun', ['Workers’ Party of  Chosun']) as never)).toBe("ORG:Workers' Party of Chosun");
    expect(keyWithPossessive(summary('ORG:Children Union', ['the Children’s Union', 'Children’s Union']) as never)).toBe("ORG:Children's Union");
    // Already with its apostrophe, a possessive at the end (outside any name), another name, a term.
    expect(keyWithPossessive(summary("ORG:People's Army", ['People’s Army']) as never)).toBeNull();
    expect(keyWithPossessive(summary('PERSON:Kim Jong Un', ['Kim Jong Un’s']) as never)).toBeNull();
    expect(keyWithPossessive(summary('ORG:Army', ['People’s Army']) as never)).toBeNull();
    expect(keyWithPossessive(summary('TERM:people first', ['people’s first']) as never)).toBeNull();
  });

  it('shows, from a version 17 database, each such key as its new one, leaving the reader’s own corrections', async () => {
    const name = `upgrade-18-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_HISTORY.slice(0, 17)) old.version(version).stores(stores);
    await old.open();
    await old.table('entities').bulkPut([
      summary('ORG:People Army', ['People’s Army', "People's Army"], 4),
      summary('ORG:Children Union', ['Children’s Union']),
      summary('PERSON:Kim Jong Un', ['Kim Jong Un']),
    ]);
    await old.table('corrections').put({ key: 'ORG:Children Union', hidden: true, updatedAt: 5 });
    old.close();
    const db = new GlossDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)?.version);
    expect(await db.corrections.toArray()).toEqual([
      { key: 'ORG:Children Union', hidden: true, updatedAt: 5 },
      { key: 'ORG:People Army', mergedInto: "ORG:People's Army", updatedAt: expect.any(Number) },
    ]);
    const resolver = await loadResolver(db);
    expect(resolver.rootOf('ORG:People Army')).toBe("ORG:People's Army");
    // The row the library shows: the new key's name, the articles read before.
    const shown = await groupTotals(db, resolver, "ORG:People's Army", { timeline: false });
    expect(shown?.summary).toMatchObject({ key: "ORG:People's Army", name: "People's Army", articles: 4, mentions: 12 });
    await db.delete();
  });
});
