import { describe, expect, it, vi } from 'vitest';
import { COUNT_MENTIONS_AFTER_MS, recordFindingsOnce } from '@/entrypoints/background/recorded';
import { recordArticle } from '@/utils/db/articles-repo';
import { freshDb } from '../support/fresh-db';

describe('background/recorded', () => {
  it('counts a reading into the library’s summaries a while after it is recorded, off the reading’s path', async (context) => {
    const db = await freshDb(context, 'recorded');
    const meta = { title: 'T', byline: null, siteName: 'KCNA', publishedTime: null, lang: 'en', dir: null, excerpt: null, length: 40 };
    await recordArticle(db, { id: 'https://a.example/1', url: 'https://a.example/1', canonicalUrl: null, meta });
    const sender = { tab: { id: 7 }, frameId: 0 } as Parameters<typeof recordFindingsOnce>[1];
    const text = 'Kim Jong Un visited Songchon County.';
    await recordFindingsOnce(db, sender, 'https://a.example/1', text, 'v1', [{ type: 'PERSON', key: 'Kim Jong Un', start: 0, end: 11 }]);
    // Recorded and queued, not yet counted.
    expect(await db.pendingMentions.count()).toBe(1);
    expect(await db.entities.count()).toBe(0);
    await vi.waitFor(async () => expect(await db.entities.get('PERSON:Kim Jong Un')).toMatchObject({ articles: 1 }), { timeout: COUNT_MENTIONS_AFTER_MS + 3000, interval: 200 });
    expect(await db.pendingMentions.count()).toBe(0);
  }, 10_000);
});
