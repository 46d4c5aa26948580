/** Articles filed as a reading would file them, for the tests of the library across articles. */
import type { ArticleRecord } from '@/utils/article/types';
import type { GlossDb } from '@/utils/db/database';
import { writeMentions } from '@/utils/db/mentions-repo';
import type { ArticleMentions } from '@/utils/mentions/extract';

/**
 * Files the article `id` in `db`: its record with its keys (first seen at `firstSeenAt`), and what
 * it said of each key of `counts` (that many mentions, spelled as `spellings` gives, else as the key
 * names it unless `spelled` is false; no passages).
 */
export async function readArticle(
  db: GlossDb,
  id: string,
  publishedTime: string | null,
  siteName: string,
  counts: Record<string, number>,
  { spelled = true, spellings = {}, firstSeenAt = 0 }: { spelled?: boolean; spellings?: Record<string, string[]>; firstSeenAt?: number } = {},
): Promise<void> {
  const keys = Object.keys(counts);
  const record: ArticleRecord = {
    id, url: id, canonicalUrl: null, title: id, byline: null, siteName, publishedTime, lang: 'en', dir: null, excerpt: null, length: 1, firstSeenAt, lastSeenAt: firstSeenAt, entityKeys: [...keys].sort(),
  };
  await db.articles.put(record);
  const found: ArticleMentions[] = keys.map((key) => {
    const name = key.slice(key.indexOf(':') + 1);
    return { key, type: key.slice(0, key.indexOf(':')) as ArticleMentions['type'], name, spellings: spellings[key] ?? (spelled ? [name] : []), count: counts[key] as number, snippets: [] };
  });
  await writeMentions(db, record, found);
}
