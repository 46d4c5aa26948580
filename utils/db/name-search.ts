/**
 * The library's names found by what the reader types (issue 15): over every key, not only the
 * table's loaded rows, by its name or any spelling (search/name-words.ts), most named first, as
 * the reader's corrections show the keys (entity-groups.ts): a merged key's hit is its root's row,
 * a key the reader renamed is found by its new name too (the corrections are read whole anyway),
 * hidden roots are left out unless asked for.
 *
 * Never every summary: each asked word's keys come from the summaries' `words` index (at most
 * PROBE_CAP entries a word; one request each); up to a thousand found are read in one request and
 * ranked by their own summaries, more by one record of how many articles name each key (article-counts.ts) and
 * read in that order. A word too common to list (every asked word, say "k" in a large library)
 * leaves the check to the summaries: the most named are read in the order of the articles index
 * (a cursor, a third of bulkGet's cost a summary in Chromium) and checked as they come, at most
 * CHECK_CAP of them. Within an outlet and months the hits are ranked by their figures there
 * (sliced-entities.ts `rankIn`): that reads the slices the filtered table reads, and counts only
 * the hits.
 */
import type { CorrectionRecord } from '../corrections/correction';
import { resolver as resolverOf, type Resolver } from '../corrections/resolve';
import type { EntityType } from '../entities/types';
import { matchesName, nameQuery, nameWords } from '../search/name-words';
import { readArticleCounts } from './article-counts';
import { readCorrections } from './corrections-repo';
import type { GlossDb, StoredSummary } from './database';
import { shownRoot, type ShownEntity } from './entity-groups';
import { mostNamedFirst } from './entity-queries';
import { applyPending } from './mentions-repo';
import { rankIn, slicedRows, type Slice, type SlicedEntity, type Tally } from './sliced-entities';

/** Rows a search answers unless asked for fewer. */
export const SEARCH_ROWS = 200;
/** Index entries read per asked word: past this the word is too common to narrow the search by. */
export const PROBE_CAP = 5_000;
/** Asked words looked up in the index (the longest); the others are checked on the summaries read. */
export const MAX_PROBED = 4;
/** Summaries read at most to check keys the index could not vouch for, or could not list. */
export const CHECK_CAP = 2_000;
/**
 * Index entries of the narrowest asked word few enough to read their summaries whole (one request:
 * 466 took 17 ms in Chromium, against 43 ms read one by one) and rank them by what they say; more
 * found are ranked by the counts record, which grows with the library (44–100 ms at 42,000 keys,
 * a few ms at 2,000), and the rows answered are read one by one.
 */
export const READ_WHOLE = 1_000;

/** The types a search may be narrowed to (dates are not names: the table leaves them out). */
export type NameType = Exclude<EntityType, 'DATE'>;

export interface NameSearch {
  /** Most named first: the whole library's figures, or the slice's (rows carry `within`). */
  rows: (ShownEntity | SlicedEntity)[];
  /** More names match than the rows listed (the most named are). */
  more: boolean;
  /** Checking stopped at CHECK_CAP summaries before it listed `limit` names (the index could not narrow the search): less named keys may match too. */
  partial: boolean;
}

export interface NameSearchOptions {
  type?: NameType;
  limit?: number;
  hidden?: boolean;
  /** Within an outlet and months: ranked and counted there. */
  slice?: Slice;
}

/** How far a search reads (the tests try smaller bounds). */
export interface SearchBounds {
  /** Index entries per asked word. */
  probe: number;
  /** Summaries read to check keys the index could not vouch for, or could not list. */
  check: number;
  /** Index entries of the narrowest word read and ranked whole. */
  whole: number;
}

/** The names that `search` finds (see the module's note); none for a query with no letter or digit. */
export async function searchEntities(
  db: GlossDb,
  search: string,
  { type, limit = SEARCH_ROWS, hidden = false, slice }: NameSearchOptions = {},
  bounds: SearchBounds = { probe: PROBE_CAP, check: CHECK_CAP, whole: READ_WHOLE },
): Promise<NameSearch> {
  const asked = nameQuery(search);
  if (!asked.length || limit <= 0) return { rows: [], more: false, partial: false };
  await applyPending(db);
  const [records, probed] = await Promise.all([readCorrections(db), keysAsked(db, asked, bounds.probe)]);
  const hits = probed?.keys ?? null;
  const resolver = resolverOf(records);
  const shows = (root: string) => !root.startsWith('DATE:') && (!type || root.startsWith(`${type}:`)) && (hidden || !resolver.isHidden(root));
  const renamed = renamedMatches(records, resolver, asked);
  const roots = hits && new Set([...[...hits].map(resolver.rootOf), ...renamed].filter(shows));

  // Candidates most named first (in the slice, or in the whole library), then checked on their summaries.
  const known = new Map<string, StoredSummary | undefined>();
  const membersOf = (roots: Iterable<string>) => [...roots].flatMap((root) => resolver.membersOf(root));
  /** Roots most named first, a root counted over its keys (an upper bound where they share articles: the rows say exactly). */
  const byArticles = (pool: Iterable<string>, articlesOf: (key: string) => number | undefined) =>
    [...pool]
      .map((root) => [root, resolver.membersOf(root).reduce((n, key) => n + (articlesOf(key) ?? 0), 0)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([root]) => root);
  let ranked: string[];
  let tallies: Map<string, Tally> | undefined;
  let cut = false;
  if (slice) {
    const inSlice = await rankIn(db, resolver, slice, { type, hidden, only: roots ?? undefined });
    tallies = new Map(inSlice);
    ranked = inSlice.map(([root]) => root).filter(shows);
  } else if (roots && probed && probed.entries <= bounds.whole) {
    // Few: the summaries under the narrowest word, read in one request (a third of reading them one by one), ranked by what they say.
    for (const summary of await db.entities.where('words').startsWith(probed.word).limit(bounds.whole).toArray()) known.set(summary.key, summary);
    await readInto(db, known, membersOf(roots));
    ranked = byArticles(roots, (key) => known.get(key)?.articles);
  } else if (roots) {
    // Many found: ranked by the counts record (one read, which grows with the library), read in that order.
    const counts = await readArticleCounts(db);
    ranked = byArticles(roots, (key) => counts.byKey.get(key));
  } else {
    // Too common to list: the most named summaries, in the articles index's order, checked as they come.
    const walked = await mostNamed(db, resolver, asked, { type, shows, wanted: limit + 1, cap: bounds.check, known });
    const pool = new Set([...walked.roots, ...[...renamed].filter(shows)]);
    await readInto(db, known, membersOf(pool));
    ranked = byArticles(pool, (key) => known.get(key)?.articles);
    cut = !walked.done;
  }
  const { found, stopped } = await checked(db, resolver, ranked, asked, renamed, limit + 1, bounds.check, known);
  const listed = found.slice(0, limit);
  const rows = tallies
    ? await slicedRows(db, resolver, listed.map((root) => [root, tallies.get(root) as Tally]), known)
    : (await Promise.all(listed.map((root) => shownRoot(db, resolver, root, known)))).filter((row): row is ShownEntity => !!row);
  rows.sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || (a.key < b.key ? -1 : 1));
  return { rows, more: found.length > limit, partial: stopped || cut };
}

/**
 * The roots of the most named summaries (of one type or all) that the search finds, read in the
 * order of the articles index until `wanted` roots are found or `cap` summaries are read; `done`
 * when those are the most named (or every summary was read).
 */
async function mostNamed(
  db: GlossDb,
  resolver: Resolver,
  asked: readonly string[],
  { type, shows, wanted, cap, known }: { type?: NameType; shows: (root: string) => boolean; wanted: number; cap: number; known: Map<string, StoredSummary | undefined> },
): Promise<{ roots: string[]; done: boolean }> {
  const roots = new Set<string>();
  let read = 0;
  let stopped = false;
  await mostNamedFirst(db, type)
    .until(() => (stopped = roots.size >= wanted || read >= cap))
    .each((summary) => {
      read++;
      known.set(summary.key, summary);
      const root = resolver.rootOf(summary.key);
      if (shows(root) && matchesName(summary.words ?? [], asked)) roots.add(root);
    });
  return { roots: [...roots], done: roots.size >= wanted || !stopped };
}

/** Roots the reader renamed whose new name the search finds. */
function renamedMatches(records: readonly CorrectionRecord[], resolver: Resolver, asked: readonly string[]): Set<string> {
  return new Set(records.filter((r) => r.name !== undefined && resolver.rootOf(r.key) === r.key && matchesName(nameWords([r.name]), asked)).map((r) => r.key));
}

/**
 * The keys whose words hold every asked word the index could list (the longest MAX_PROBED), with
 * the narrowest of those words and how many index entries it has; null when each is too common to
 * list (`cap` entries or more).
 */
async function keysAsked(db: GlossDb, asked: readonly string[], cap: number): Promise<{ keys: Set<string>; word: string; entries: number } | null> {
  const probed = asked.slice(0, MAX_PROBED);
  const listed = await Promise.all(probed.map((word) => db.entities.where('words').startsWith(word).limit(cap).primaryKeys()));
  const complete = listed.flatMap((list, i) => (list.length < cap ? [{ word: probed[i] as string, entries: list.length, keys: new Set(list) }] : []));
  const [first, ...others] = complete.sort((a, b) => a.entries - b.entries);
  return first ? { word: first.word, entries: first.entries, keys: new Set([...first.keys].filter((key) => others.every((other) => other.keys.has(key)))) } : null;
}

/** Roots read at least per request while checking (each request reads as many as are still wanted). */
const MIN_CHUNK = 25;

/**
 * The first `wanted` of `ranked` whose name or a spelling of one of their keys holds every asked
 * word (or whose new name does), reading their keys' summaries in order (those not in `known`
 * yet), at most `cap` of them.
 */
async function checked(
  db: GlossDb,
  resolver: Resolver,
  ranked: readonly string[],
  asked: readonly string[],
  renamed: ReadonlySet<string>,
  wanted: number,
  cap: number,
  known: Map<string, StoredSummary | undefined>,
) {
  const found: string[] = [];
  let read = 0;
  let next = 0;
  while (found.length < wanted && next < ranked.length && read < cap) {
    const chunk = ranked.slice(next, next + Math.min(Math.max(wanted - found.length, MIN_CHUNK), cap - read));
    next += chunk.length;
    read += await readInto(db, known, chunk.flatMap((root) => resolver.membersOf(root)));
    for (const root of chunk) {
      const matched = renamed.has(root) || resolver.membersOf(root).some((key) => matchesName(known.get(key)?.words ?? [], asked));
      if (matched && found.length < wanted) found.push(root);
    }
  }
  // Stopped at the cap before listing all it wanted or every candidate: more may match further down.
  return { found, stopped: found.length < wanted && next < ranked.length };
}

/** Reads into `known` the summaries of `keys` it does not hold yet; answers how many it read. */
async function readInto(db: GlossDb, known: Map<string, StoredSummary | undefined>, keys: readonly string[]): Promise<number> {
  const missing = [...new Set(keys)].filter((key) => !known.has(key));
  if (!missing.length) return 0;
  const stored = await db.entities.bulkGet(missing);
  missing.forEach((key, i) => known.set(key, stored[i]));
  return missing.length;
}
