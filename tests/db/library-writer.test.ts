import { beforeEach, describe, expect, it, vi } from 'vitest';
import { describeText } from '@/utils/anchoring/selectors';
import type { GlossDb } from '@/utils/db/database';
import type { CorrectionChange } from '@/utils/corrections/resolve';
import { isQuotaError, libraryWriter, type VersionChange } from '@/utils/db/library-writer';
import { createAnnotation, updateAnnotation } from '@/utils/db/annotations-repo';
import { MAX_VERSIONS_PER_DAY, keepVersion } from '@/utils/db/versions-repo';
import { textHash } from '@/utils/text/hash';
import { freshDb } from '../support/fresh-db';
import { ARTICLE, reading } from '../support/versions';

const TEXT = 'The respected Comrade Kim Jong Un made a speech in Songchon County.';

describe('db/library-writer versions', () => {
  let db: GlossDb;
  let told: VersionChange[];
  beforeEach(async (context) => {
    db = await freshDb(context, 'writer');
    told = [];
  });
  const writer = () =>
    libraryWriter(db, async () => {}, async (change) => void told.push(change));

  it('prunes each article to its first and last versions, and deletes an article’s copies, announcing the ids removed', async () => {
    const other = 'https://kcna.example/item/other';
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const outcome = await writer().keepVersion(reading(`${TEXT} ${i}`));
      if (outcome.kind === 'added') ids.push(outcome.version.id);
    }
    await writer().keepVersion(reading(TEXT, { articleId: other }));
    expect(await writer().pruneVersions(2)).toEqual({ removed: 2 });
    expect((await db.versions.toArray()).filter((v) => v.articleId === ARTICLE).map((v) => v.id).sort()).toEqual([ids[0], ids[3], ids[4]].sort());
    expect(await db.versionBodies.bulkGet([ids[1]!, ids[2]!])).toEqual([undefined, undefined]);
    expect(told.at(-1)).toEqual({ articleId: ARTICLE, changed: [], removed: [ids[1], ids[2]] });
    expect(await writer().pruneVersions(2)).toEqual({ removed: 0 });
    expect(() => writer().pruneVersions(0)).toThrow(RangeError);

    expect(await writer().deleteArticleVersions(ARTICLE)).toEqual({ removed: 3 });
    expect((await db.versions.toArray()).map((v) => v.articleId)).toEqual([other]);
    expect(await db.versionBodies.count()).toBe(1);
  });

  it('keeps, when pruning, every version the reader annotated or edited an annotation on', async () => {
    const ids: string[] = [];
    const seenAt = (i: number) => 1_000 * (i + 1);
    for (let i = 0; i < 6; i++) {
      const outcome = await keepVersion(db, reading(`${TEXT} ${i}`), seenAt(i));
      if (outcome.kind === 'added') ids.push(outcome.version.id);
    }
    const { quote, position } = describeText(TEXT, 24, 35);
    // Made while version 1 was on screen, edited while version 2 was.
    const made = await createAnnotation(db, { articleId: ARTICLE, quote, position, color: 'yellow', note: '', tags: [], textHash: 'h' }, seenAt(1) + 10);
    await updateAnnotation(db, made.id, { note: 'edited', baseRev: made.rev }, seenAt(2) + 10);
    expect(await writer().pruneVersions(1)).toEqual({ removed: 2 });
    expect((await db.versions.orderBy('[articleId+firstSeenAt]').toArray()).map((v) => v.id)).toEqual([ids[0], ids[1], ids[2], ids[5]]);
  });

  it('announces a new version and a version seen again, with the records as stored', async () => {
    const first = await writer().keepVersion(reading(TEXT));
    const again = await writer().keepVersion(reading(TEXT));
    expect([first.kind, again.kind]).toEqual(['added', 'seen']);
    expect(told).toHaveLength(2);
    expect(told[1]).toEqual({ articleId: ARTICLE, changed: [await db.versions.get(told[0]!.changed[0]!.id)] });
  });

  it('announces nothing when the day’s cap stops a version', async () => {
    for (let i = 0; i <= MAX_VERSIONS_PER_DAY; i++) await writer().keepVersion(reading(`${TEXT} ${i}`));
    expect(told).toHaveLength(MAX_VERSIONS_PER_DAY);
  });

  it('skips a version on a full disk, writes none of it, and keeps the annotation made before it', async () => {
    const { quote, position } = describeText(TEXT, 24, 35);
    const annotation = await writer().create({ articleId: ARTICLE, quote, position, color: 'yellow', note: 'kept', tags: [], textHash: textHash(TEXT) });
    const full = vi.spyOn(db.versionBodies, 'add').mockRejectedValue(new DOMException('The disk is full', 'QuotaExceededError'));
    expect(await writer().keepVersion(reading(TEXT))).toEqual({ kind: 'no-room', articleId: ARTICLE });
    expect(full).toHaveBeenCalled();
    expect(await db.versions.count()).toBe(0);
    expect(told).toEqual([]);
    expect(await db.annotations.get(annotation.id)).toMatchObject({ note: 'kept' });
    // With room again, the next reading is kept.
    full.mockRestore();
    expect((await writer().keepVersion(reading(TEXT))).kind).toBe('added');
  });

  it('lets any other failure through', async () => {
    vi.spyOn(db.versionBodies, 'add').mockRejectedValue(new Error('broken'));
    await expect(writer().keepVersion(reading(TEXT))).rejects.toThrow('broken');
  });

  it('knows a quota error however Dexie wraps it', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'X' } })).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe('db/library-writer corrections', () => {
  it('announces each correction with the records as stored now, and nothing for a refused one', async (context) => {
    const db = await freshDb(context, 'writer-corrections');
    const told: CorrectionChange[] = [];
    const writer = libraryWriter(db, async () => {}, async () => {}, async (change) => void told.push(change));
    await writer.correct({ kind: 'merge', key: 'PERSON:Kim Jong-un', into: 'PERSON:Kim Jong Un' });
    await expect(writer.correct({ kind: 'merge', key: 'PERSON:Kim Jong Un', into: 'PERSON:Kim Jong-un' })).rejects.toThrow(/would make a loop/);
    await writer.correct({ kind: 'split', key: 'PERSON:Kim Jong-un' });
    expect(told).toEqual([
      { changed: [{ key: 'PERSON:Kim Jong-un', mergedInto: 'PERSON:Kim Jong Un', updatedAt: expect.any(Number) }], removed: [] },
      { changed: [], removed: ['PERSON:Kim Jong-un'] },
    ]);
  });

  it('keeps a correction when no library page is there to hear of it', async (context) => {
    const db = await freshDb(context, 'writer-corrections');
    const writer = libraryWriter(db, async () => {}, async () => {}, () => Promise.reject(new Error('no page')));
    await writer.correct({ kind: 'hide', key: 'ORG:Cabinet', hidden: true });
    expect(await db.corrections.get('ORG:Cabinet')).toMatchObject({ hidden: true });
  });
});
