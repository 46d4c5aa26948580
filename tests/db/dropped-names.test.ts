import { beforeEach, describe, expect, it } from 'vitest';
import { correctKeys } from '@/utils/db/corrections-repo';
import type { GlossDb } from '@/utils/db/database';
import { MAX_DROPPED, droppedNames } from '@/utils/db/dropped-names';
import { entityPage } from '@/utils/db/entity-queries';
import { keepVersion, learnVersionKeys, listVersions, versionsWithoutKeys } from '@/utils/db/versions-repo';
import { freshDb } from '../support/fresh-db';
import { readArticle } from '../support/reading';
import { ARTICLE, reading } from '../support/versions';

const RI = 'PERSON:Ri Pyong Chol';
const KIM = 'PERSON:Kim Jong Un';
const PAK = 'PERSON:Pak Jong Chon';

describe('db/dropped-names', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    db = await freshDb(context, 'dropped');
  });

  it('records on each new version the keys it names and those the version before named and it does not', async () => {
    await keepVersion(db, reading('Kim Jong Un and Ri Pyong Chol.', { keys: [KIM, RI] }), 1000);
    await keepVersion(db, reading('Kim Jong Un alone.', { keys: [KIM] }), 2000);
    const [first, second] = await listVersions(db, ARTICLE);
    expect(first).toMatchObject({ keys: [KIM, RI] });
    expect(first!.droppedKeys).toBeUndefined();
    expect(second).toMatchObject({ keys: [KIM], droppedKeys: [RI] });
  });

  it('lists an article whose latest version no longer names the key, with the versions either side of the edit', async () => {
    await keepVersion(db, reading('Ri Pyong Chol spoke.', { keys: [KIM, RI] }), 1000);
    await keepVersion(db, reading('Ri Pyong Chol spoke again.', { keys: [KIM, RI] }), 2000);
    await keepVersion(db, reading('Someone spoke.', { keys: [KIM] }), 3000);
    await keepVersion(db, reading('Someone spoke, at length.', { keys: [KIM] }), 4000);
    const versions = await listVersions(db, ARTICLE);
    const [dropped] = await droppedNames(db, [RI]);
    expect(dropped).toMatchObject({
      articleId: ARTICLE,
      title: 'Kim Jong Un inspects regional factories',
      outlet: 'KCNA Watch',
      named: { versionId: versions[1]!.id, seenAt: 2000 },
      dropped: { versionId: versions[2]!.id, seenAt: 3000 },
      versions: 4,
    });
    expect(await droppedNames(db, [KIM])).toEqual([]);
  });

  it('does not list an article whose latest version names the key again', async () => {
    await keepVersion(db, reading('Ri spoke.', { keys: [RI] }), 1000);
    await keepVersion(db, reading('Nobody spoke.', { keys: [] }), 2000);
    expect(await droppedNames(db, [RI])).toHaveLength(1);
    await keepVersion(db, reading('Ri spoke once more.', { keys: [RI] }), 3000);
    expect(await droppedNames(db, [RI])).toEqual([]);
  });

  it('cannot tell a drop where the version before has no keys (kept before Gloss recorded them)', async () => {
    await keepVersion(db, reading('Ri spoke.'), 1000);
    await keepVersion(db, reading('Nobody spoke.', { keys: [] }), 2000);
    expect((await listVersions(db, ARTICLE))[1]!.droppedKeys).toBeUndefined();
    expect(await droppedNames(db, [RI])).toEqual([]);
  });

  it('learns the keys of versions kept without them, and what each then dropped, never overwriting keys it had', async () => {
    await keepVersion(db, reading('Ri and Pak spoke.'), 1000);
    await keepVersion(db, reading('Ri spoke.'), 2000);
    await keepVersion(db, reading('Nobody spoke.', { keys: [KIM] }), 3000);
    const [first, second, third] = await listVersions(db, ARTICLE);
    expect([...(await versionsWithoutKeys(db)).values()].map((list) => list.map((v) => v.id))).toEqual([[first!.id, second!.id]]);
    expect(await versionsWithoutKeys(db, new Set([first!.id, second!.id]))).toEqual(new Map());
    // Only the first is learned: the second stays unknown, so neither drop can be told yet.
    const changed = await learnVersionKeys(db, ARTICLE, new Map([[first!.id, [RI, PAK]], [third!.id, [RI]]]));
    expect(changed.map((v) => v.id)).toEqual([first!.id]);
    expect((await listVersions(db, ARTICLE)).map((v) => [v.keys, v.droppedKeys])).toEqual([[[RI, PAK], undefined], [undefined, undefined], [[KIM], undefined]]);
    // The second learned: its drop from the first, and the third's from it (the third keeps its own keys).
    await learnVersionKeys(db, ARTICLE, new Map([[second!.id, [RI]]]));
    expect((await listVersions(db, ARTICLE)).map((v) => [v.keys, v.droppedKeys])).toEqual([[[RI, PAK], undefined], [[RI], [PAK]], [[KIM], [RI]]]);
    expect((await droppedNames(db, [PAK])).map((d) => d.dropped.versionId)).toEqual([second!.id]);
    expect(await versionsWithoutKeys(db)).toEqual(new Map());
  });

  it('teaches a version kept without keys its keys when the same text is read again', async () => {
    await keepVersion(db, reading('Ri spoke.'), 1000);
    const again = await keepVersion(db, reading('Ri spoke.', { keys: [RI] }), 2000);
    expect(again).toMatchObject({ kind: 'seen', version: { keys: [RI], lastSeenAt: 2000 } });
    expect((await listVersions(db, ARTICLE))[0]).toMatchObject({ keys: [RI] });
    await keepVersion(db, reading('Nobody spoke.', { keys: [] }), 3000);
    expect(await droppedNames(db, [RI])).toHaveLength(1);
  });

  it('counts keys merged into one as one name: a version naming another member still names it', async () => {
    const other = 'PERSON:Ri Pyong-chol';
    await keepVersion(db, reading('Ri Pyong Chol spoke.', { keys: [RI] }), 1000);
    await keepVersion(db, reading('Ri Pyong-chol spoke.', { keys: [other] }), 2000);
    expect(await droppedNames(db, [RI])).toHaveLength(1);
    expect(await droppedNames(db, [RI, other])).toEqual([]);
  });

  it('lists the latest drops first, at most MAX_DROPPED articles', async () => {
    for (let i = 0; i < MAX_DROPPED + 5; i++) {
      const articleId = `https://kcna.example/item/${i}`;
      await keepVersion(db, reading('Ri spoke.', { articleId, keys: [RI] }), 1000 + i * 10);
      await keepVersion(db, reading('Nobody spoke.', { articleId, keys: [] }), 1005 + i * 10);
    }
    const dropped = await droppedNames(db, [RI]);
    expect(dropped).toHaveLength(MAX_DROPPED);
    expect(dropped[0]!.articleId).toBe(`https://kcna.example/item/${MAX_DROPPED + 4}`);
    expect(dropped.map((d) => d.dropped.seenAt)).toEqual([...dropped.map((d) => d.dropped.seenAt)].sort((a, b) => b - a));
  });

  it("puts the drops on the entity's page, as corrected, and keeps a page for a name every article dropped", async () => {
    await readArticle(db, 'https://kcna.example/other', '2024-05-01T00:00:00Z', 'KCNA Watch', { [KIM]: 2 });
    await keepVersion(db, reading('Ri and Kim.', { keys: [KIM, RI] }), 1000);
    await keepVersion(db, reading('Kim.', { keys: [KIM] }), 2000);
    expect((await entityPage(db, KIM))!.dropped).toEqual([]);
    // Ri is named by no article's latest reading: no summary, but the page shows where he went.
    const gone = await entityPage(db, RI);
    expect(gone).toMatchObject({ summary: { key: RI, name: 'Ri Pyong Chol', articles: 0 }, articles: [], dropped: [{ articleId: ARTICLE }] });
    expect(await entityPage(db, PAK)).toBeNull();
    // Renamed by the reader: the page keeps the drop under the new name.
    await correctKeys(db, { kind: 'rename', key: RI, name: 'Ri Pyong-chol (purged)' });
    expect((await entityPage(db, RI))!.summary.name).toBe('Ri Pyong-chol (purged)');
  });
});
