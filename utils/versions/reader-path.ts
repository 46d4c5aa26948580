/**
 * The reader page's address (from the extension's root): an article's stored copy, the latest
 * unless a version is named, or the comparison of `compareId` with the version (the latest when
 * none is named). A plain module: the pages and the background that link there need no database.
 */
export function readerPath(articleId: string, versionId?: string | null, compareId?: string): `/reader.html${string}` {
  return `/reader.html?${new URLSearchParams({ article: articleId, ...(compareId && { compare: compareId }), ...(versionId && { version: versionId }) }).toString()}`;
}
