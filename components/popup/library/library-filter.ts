/**
 * The library's search as the reader sets it: the search box's text (words, "phrases", and
 * `tag:` `color:` `outlet:` `from:` `to:` filters, see utils/search/query.ts) together with the
 * filter controls. Entities and term lists are matched by article, through what the recognizer
 * found in each (`entityKeys`, `termLists` on the article records).
 */
import type { GlossDb } from '@/utils/db/database';
import { parseQuery, type LibraryFilter, type QueryIssue } from '@/utils/search/query';

export interface FilterControls {
  tag: string;
  color: string;
  outlet: string;
  /** `yyyy-mm-dd` from date inputs, local days; empty for none. */
  from: string;
  to: string;
  /** An entity key as articles keep it, `TYPE:name`. */
  entity: string;
  /** A term list id. */
  termList: string;
}

export const NO_CONTROLS: FilterControls = { tag: '', color: '', outlet: '', from: '', to: '', entity: '', termList: '' };

/** Local midnight of a `yyyy-mm-dd` day, or undefined. */
function dayStart(day: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime() : undefined;
}

/** The filter for `text` and `controls`, with what of the text was left out and why. */
export async function libraryFilter(db: GlossDb, text: string, controls: FilterControls): Promise<{ filter: LibraryFilter; issues: QueryIssue[] }> {
  const { filter, issues } = parseQuery(text);
  const from = dayStart(controls.from);
  const to = dayStart(controls.to);
  const byArticles = async (index: 'entityKeys' | 'termLists', key: string) =>
    key ? { key, articleIds: (await db.articles.where(index).equals(key).primaryKeys()) as string[] } : undefined;
  return {
    filter: {
      ...filter,
      tags: controls.tag ? [...filter.tags, controls.tag] : filter.tags,
      colors: controls.color ? [...filter.colors, controls.color] : filter.colors,
      outlets: controls.outlet ? [...filter.outlets, controls.outlet] : filter.outlets,
      ...(from !== undefined && { from: Math.max(from, filter.from ?? -Infinity) }),
      // The "to" day is included: the search takes times before the next midnight.
      ...(to !== undefined && { before: Math.min(to + 86_400_000, filter.before ?? Infinity) }),
      entity: await byArticles('entityKeys', controls.entity),
      termList: await byArticles('termLists', controls.termList),
    },
    issues,
  };
}
