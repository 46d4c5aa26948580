/** A reading of an article to keep as a version, for the version tests. */
import type { VersionCopy } from '@/utils/versions/version';

export const ARTICLE = 'https://kcna.example/item/2024-05-20';

export function reading(text: string, extra: Partial<VersionCopy> = {}): VersionCopy {
  return {
    articleId: ARTICLE,
    url: `${ARTICLE}?from=rss`,
    canonicalUrl: ARTICLE,
    meta: {
      title: 'Kim Jong Un inspects regional factories',
      byline: 'KCNA',
      siteName: 'KCNA Watch',
      publishedTime: '2024-05-20T09:14:00+09:00',
      modifiedTime: null,
      lang: 'en',
      dir: null,
    },
    html: `<p>${text}</p>`,
    text,
    ...extra,
  };
}
