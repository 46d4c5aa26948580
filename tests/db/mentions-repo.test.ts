import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '@/utils/article/types';
import type { GlossDb, StoredSummary } from '@/utils/db/database';
import { readArticleCounts } from '@/utils/db/article-counts';
import { applyPending, articleDate, passDue, writeMentions } from '@/utils/db/mentions-repo';
import { MOST_NAMED_ID } from '@/utils/db/most-named';
import type { ArticleMentions } from '@/utils/mentions/extract';
import { freshDb } from '../support/fresh-db';

const DAY = 86_400_000;
const article = (id: string, publishedTime: string | null, siteName = 'KCNA Watch', firstSeenAt = Date.UTC(2024, 5, 1)): ArticleRecord => ({
  id, url: id, canonicalUrl: null, title: id, byline: null, siteName, publishedTime, lang: 'en', dir: null, excerpt: null, length: 100, firstSeenAt, lastSeenAt: firstSeenAt,
});
const mention = (key: string, count: number, spellings = [key.split(':')[1] as string]): ArticleMentions => ({
  key, type: key.split(':')[0] as ArticleMentions['type'], name: key.split(':')[1] as string, spellings, count, snippets: [['before ', spellings[0] as string, ' after']],
});

describe('db/mentions-repo', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    db = await freshDb(context, 'mentions');
  });

  it('files an article’s mentions under its publication date and outlet, and sums them per key', async () => {
    await writeMentions(db, article('a1', '2024-03-10T09:00:00Z'), [mention('PERSON:Kim Jong Un', 4, ['Kim Jong Un', 'Kim Jong-un']), mention('PLACE:Songchon County', 2)]);
    await writeMentions(db, article('a2', '2024-05-02T09:00:00Z', 'Rodong Sinmun'), [mention('PERSON:Kim Jong Un', 1, ['Kim Chŏng-ŭn'])]);
    expect(await db.mentions.get('a1')).toMatchObject({ articleId: 'a1', date: Date.UTC(2024, 2, 10, 9), outlet: 'KCNA Watch', entries: [{ key: 'PERSON:Kim Jong Un', count: 4 }, { key: 'PLACE:Songchon County', count: 2 }] });
    // Queued, then counted: a reading writes two records.
    expect(await db.pendingMentions.count()).toBe(2);
    expect(await applyPending(db)).toBe(2);
    expect(await db.pendingMentions.count()).toBe(0);
    expect(await db.entities.get('PERSON:Kim Jong Un')).toEqual({
      key: 'PERSON:Kim Jong Un', type: 'PERSON', name: 'Kim Jong Un', variants: ['Kim Jong Un', 'Kim Jong-un', 'Kim Chŏng-ŭn'],
      articles: 2, mentions: 5, firstSeen: Date.UTC(2024, 2, 10, 9), lastSeen: Date.UTC(2024, 4, 2, 9),
      // What the name search finds it by: every spelling's words, folded.
      words: ['kim', 'jong', 'un', 'jongun', 'chong', 'chongun'],
    });
    expect((await db.timelines.get('PERSON:Kim Jong Un'))?.months).toEqual({
      '2024-03': { articles: 1, mentions: 4, outlets: { 'KCNA Watch': 1 } },
      '2024-05': { articles: 1, mentions: 1, outlets: { 'Rodong Sinmun': 1 } },
    });
  });

  it('keeps the words a key is found by with its spellings, when a later reading spells it anew', async () => {
    await writeMentions(db, article('a1', '2024-03-10T00:00:00Z'), [mention('PERSON:Kim Jong Un', 4, ['Kim Jong Un'])]);
    await applyPending(db);
    expect((await db.entities.get('PERSON:Kim Jong Un'))?.words).toEqual(['kim', 'jong', 'un']);
    expect(await db.entities.where('words').startsWith('chong').primaryKeys()).toEqual([]);
    // The same article read again, now spelling him in McCune–Reischauer and in Hangul.
    await writeMentions(db, article('a1', '2024-03-10T00:00:00Z'), [mention('PERSON:Kim Jong Un', 4, ['Kim Jong Un', 'Kim Chŏng-ŭn', '김정은'])]);
    await applyPending(db);
    expect((await db.entities.get('PERSON:Kim Jong Un'))?.words).toEqual(['kim', 'jong', 'un', 'chong', 'chongun', '김정', '정은', '은']);
    expect(await db.entities.where('words').startsWith('chong').primaryKeys()).toEqual(['PERSON:Kim Jong Un', 'PERSON:Kim Jong Un']);
    expect(await db.entities.where('words').equals('정은').primaryKeys()).toEqual(['PERSON:Kim Jong Un']);
    // A summary stored without its words (by an older Gloss) gains them on its next reading.
    const bare: Partial<StoredSummary> = { ...(await db.entities.get('PERSON:Kim Jong Un')) };
    delete bare.words;
    await db.entities.put(bare as StoredSummary);
    await writeMentions(db, article('a2', '2024-03-11T00:00:00Z'), [mention('PERSON:Kim Jong Un', 1, ['Kim Jong Un'])]);
    await applyPending(db);
    expect((await db.entities.get('PERSON:Kim Jong Un'))?.words).toEqual(['kim', 'jong', 'un', 'chong', 'chongun', '김정', '정은', '은']);
  });

  it('replaces what an article said on its next reading, and moves the summaries by the difference', async () => {
    await writeMentions(db, article('a1', '2024-03-10T00:00:00Z'), [mention('PERSON:Kim Jong Un', 4), mention('PLACE:Songchon County', 2)]);
    await writeMentions(db, article('a2', '2024-05-02T00:00:00Z'), [mention('PERSON:Kim Jong Un', 1)]);
    await applyPending(db);
    // The source was edited: Songchon is gone, Kim named twice now.
    await writeMentions(db, article('a1', '2024-03-10T00:00:00Z'), [mention('PERSON:Kim Jong Un', 2)]);
    await applyPending(db);
    expect(await db.entities.get('PLACE:Songchon County')).toBeUndefined();
    expect(await db.timelines.get('PLACE:Songchon County')).toBeUndefined();
    expect((await db.mentions.get('a1'))?.entries.map((e) => e.key)).toEqual(['PERSON:Kim Jong Un']);
    expect(await db.entities.get('PERSON:Kim Jong Un')).toMatchObject({ articles: 2, mentions: 3 });
    // The article moved to another month (its date was corrected): its month follows.
    await writeMentions(db, article('a1', '2024-04-01T00:00:00Z'), [mention('PERSON:Kim Jong Un', 2)]);
    await applyPending(db);
    expect((await db.timelines.get('PERSON:Kim Jong Un'))?.months).toEqual({
      '2024-04': { articles: 1, mentions: 2, outlets: { 'KCNA Watch': 1 } },
      '2024-05': { articles: 1, mentions: 1, outlets: { 'KCNA Watch': 1 } },
    });
  });

  it('keeps the earliest and latest dates true when the article that set them stops naming the key', async () => {
    await writeMentions(db, article('early', '2023-01-01T00:00:00Z'), [mention('ORG:Cabinet', 1)]);
    await writeMentions(db, article('middle', '2024-01-01T00:00:00Z'), [mention('ORG:Cabinet', 1)]);
    await writeMentions(db, article('late', '2025-01-01T00:00:00Z'), [mention('ORG:Cabinet', 1)]);
    await writeMentions(db, article('early', '2023-01-01T00:00:00Z'), []);
    await writeMentions(db, article('late', '2025-01-01T00:00:00Z'), []);
    await applyPending(db);
    expect(await db.entities.get('ORG:Cabinet')).toMatchObject({ articles: 1, firstSeen: Date.UTC(2024, 0, 1), lastSeen: Date.UTC(2024, 0, 1) });
  });

  it('keeps how many articles name each key and how many name any, as readings add, change and take away articles', async () => {
    const counts = async () => {
      const record = await readArticleCounts(db);
      return { total: record.total, byKey: Object.fromEntries(record.byKey) };
    };
    await writeMentions(db, article('a1', null), [mention('PERSON:Kim Jong Un', 1), mention('ORG:Cabinet', 1)]);
    await writeMentions(db, article('a2', null), [mention('PERSON:Kim Jong Un', 3)]);
    await applyPending(db);
    expect(await counts()).toEqual({ total: 2, byKey: { 'PERSON:Kim Jong Un': 2, 'ORG:Cabinet': 1 } });
    // a1 read again without the Cabinet, a2 now names nothing (its record goes), a3 is new.
    await writeMentions(db, article('a1', null), [mention('PERSON:Kim Jong Un', 2)]);
    await writeMentions(db, article('a2', null), []);
    await writeMentions(db, article('a3', null), [mention('ORG:Cabinet', 1)]);
    await applyPending(db);
    expect(await counts()).toEqual({ total: 2, byKey: { 'PERSON:Kim Jong Un': 1, 'ORG:Cabinet': 1 } });
    expect(await counts()).toEqual({ total: await db.mentions.count(), byKey: Object.fromEntries((await db.entities.toArray()).map((s) => [s.key, s.articles])) });
  });

  it('says a pass is due while a reading is queued or the most named keys are not kept, and not once a pass ran', async () => {
    expect(await passDue(db)).toBe(true);
    await applyPending(db);
    expect(await passDue(db)).toBe(false);
    await writeMentions(db, article('a1', null), [mention('PERSON:Kim Jong Un', 1)]);
    expect(await passDue(db)).toBe(true);
    await applyPending(db);
    expect(await passDue(db)).toBe(false);
    // Counted again (schema 14's upgrade, the bench): the record is read once more.
    await db.articleCounts.delete(MOST_NAMED_ID);
    expect(await passDue(db)).toBe(true);
  });

  it('writes nothing when a reading says the same again', async () => {
    const found = [mention('PERSON:Kim Jong Un', 4)];
    await writeMentions(db, article('a1', null), found);
    await writeMentions(db, article('a1', null), found);
    expect(await db.pendingMentions.count()).toBe(1);
    await applyPending(db);
    expect(await db.entities.get('PERSON:Kim Jong Un')).toMatchObject({ articles: 1, mentions: 4 });
  });

  it('files an article with no date, a date in the future or one before 1900 under when it was first seen', () => {
    const now = Date.UTC(2026, 10, 30);
    const seen = Date.UTC(2026, 10, 1);
    expect(articleDate({ publishedTime: null, firstSeenAt: seen }, now)).toBe(seen);
    expect(articleDate({ publishedTime: 'not a date', firstSeenAt: seen }, now)).toBe(seen);
    expect(articleDate({ publishedTime: '2031-01-01T00:00:00Z', firstSeenAt: seen }, now)).toBe(seen);
    expect(articleDate({ publishedTime: '1850-01-01T00:00:00Z', firstSeenAt: seen }, now)).toBe(seen);
    expect(articleDate({ publishedTime: '2026-11-29T00:00:00Z', firstSeenAt: seen }, now)).toBe(now - DAY);
  });

  it('files an article under its published time on the outlet’s clock, read as UTC, or its instant where the time is not ISO 8601', () => {
    const now = Date.UTC(2026, 10, 30);
    expect(articleDate({ publishedTime: '2024-03-01T08:00:00+09:00', firstSeenAt: 0 }, now)).toBe(Date.UTC(2024, 2, 1, 8));
    expect(articleDate({ publishedTime: '2024-03-31T20:00:00-04:00', firstSeenAt: 0 }, now)).toBe(Date.UTC(2024, 2, 31, 20));
    expect(articleDate({ publishedTime: 'Fri, 01 Mar 2024 08:00:00 +0900', firstSeenAt: 0 }, now)).toBe(Date.UTC(2024, 1, 29, 23));
    // Whether it is trusted is its instant's (here within two days of now); where it is filed, the outlet's clock.
    expect(articleDate({ publishedTime: '2026-12-01T23:30:00+09:00', firstSeenAt: 0 }, now)).toBe(Date.UTC(2026, 11, 1, 23, 30));
  });
});
