/**
 * The reader's highlights on one entity's page (issue 15): those in the page's articles whose
 * quote holds one of the key's spellings (its variants, and what each article used),
 * case-insensitively. One indexed read for the page's articles, asked beside their titles.
 */
import type { GlossDb } from './database';

export interface EntityHighlight {
  id: string;
  articleId: string;
  quote: string;
  note: string;
  color: string;
}

/** The highlights in `articles` that quote one of their spellings or `variants`, in the articles' order and then the text's. */
export async function highlightsNaming(db: GlossDb, articles: readonly { articleId: string; spellings: readonly string[] }[], variants: readonly string[]): Promise<EntityHighlight[]> {
  const ids = articles.map((a) => a.articleId);
  if (!ids.length) return [];
  const spellingsOf = new Map(articles.map((a) => [a.articleId, [...new Set([...variants, ...a.spellings].map((s) => s.toLowerCase()))].filter(Boolean)]));
  const annotations = await db.annotations.where('articleId').anyOf(ids).toArray();
  return annotations
    .filter((a) => {
      const quote = a.quote.exact.toLowerCase();
      return (spellingsOf.get(a.articleId) ?? []).some((s) => quote.includes(s));
    })
    .sort((a, b) => ids.indexOf(a.articleId) - ids.indexOf(b.articleId) || a.position.start - b.position.start)
    .map(({ id, articleId, quote, note, color }) => ({ id, articleId, quote: quote.exact, note, color }));
}
