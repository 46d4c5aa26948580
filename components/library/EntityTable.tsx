/**
 * The entity table: every person, organization, place and term the reader's articles name, as the
 * reader's corrections show them (merged keys as one row, renamed; hidden ones on demand), with
 * spellings, articles, mentions, first and last seen; the whole library, or within one outlet and
 * a range of months (asked of the background, kept in the address: route.ts). Sorting and the
 * type filter work on the rows loaded (the most named, `TABLE_ROWS` of them); the search box asks
 * the background for names over every key (use-name-search.ts), so a name in few articles is found
 * as well, and the table then shows what it found.
 */
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { NameSearch } from '@/utils/db/name-search';
import { ENTITY_TYPE_LABELS, ENTITY_TYPE_SINGULAR, type EntityType } from '@/utils/entities/types';
import { csvTable } from '@/utils/export/csv-field';
import type { ShownEntity } from '@/utils/db/entity-groups';
import type { Slice, SlicedEntity } from '@/utils/db/sliced-entities';
import { day, download } from './download';
import type { LibraryClient } from './library-client';
import { NameSearchBox } from './NameSearchBox';
import { routeHref } from './route';
import type { LibraryBounds } from '@/utils/db/key-slices';
import { useAnswer } from './use-answer';
import { useNameSearch } from './use-name-search';
import { afterPaint, useFirstPaintMark } from '../common/first-paint';

/** Rows the table loads (most named first). */
export const TABLE_ROWS = 2_000;
/** Rows drawn at first, and more each time the reader asks: drawing 2,000 rows took most of a second. */
export const ROWS_DRAWN = 100;
/** Rows a search lists at most (the most named of the names found). */
export const SEARCHED_ROWS = 200;

const TYPES: EntityType[] = ['PERSON', 'ORG', 'PLACE', 'TERM'];
type Column = 'name' | 'type' | 'variants' | 'articles' | 'mentions' | 'firstSeen' | 'lastSeen';
const COLUMNS: { id: Column; label: string; numeric?: boolean }[] = [
  { id: 'name', label: 'Name' },
  { id: 'type', label: 'Type' },
  { id: 'variants', label: 'Spellings' },
  { id: 'articles', label: 'Articles', numeric: true },
  { id: 'mentions', label: 'Mentions', numeric: true },
  { id: 'firstSeen', label: 'First seen', numeric: true },
  { id: 'lastSeen', label: 'Last seen', numeric: true },
];

/** A row of the whole table, or of a slice (its first and last seen then known to the month). */
type EntitySummary = ShownEntity | SlicedEntity;

const isSliced = (row: EntitySummary): row is SlicedEntity => 'within' in row;

/** First or last seen as shown: a day, or a month within a slice. */
const seen = (row: EntitySummary, column: 'firstSeen' | 'lastSeen') => (isSliced(row) ? row.within[column === 'firstSeen' ? 'first' : 'last'] : day(row[column]));

const valueOf = (row: EntitySummary, column: Column): string | number =>
  column === 'variants' ? row.variants.length : (column === 'firstSeen' || column === 'lastSeen') && isSliced(row) ? seen(row, column) : row[column];

/** Rows of `type` (all for ''), no dates, sorted by `column`. */
export function visibleRows(rows: readonly EntitySummary[], { type, column, descending }: { type: EntityType | ''; column: Column; descending: boolean }): EntitySummary[] {
  const kept = rows.filter((row) => row.type !== 'DATE' && (!type || row.type === type));
  const sign = descending ? -1 : 1;
  return kept.sort((a, b) => {
    const x = valueOf(a, column);
    const y = valueOf(b, column);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.key.localeCompare(b.key);
  });
}

/** The rows shown, as CSV. */
export function entitiesCsv(rows: readonly EntitySummary[]): string {
  return csvTable([
    ['key', 'name', 'type', 'spellings', 'articles', 'mentions', 'first seen', 'last seen'],
    ...rows.map((r) => [r.key, r.name, r.type, r.variants.join('; '), r.articles, r.mentions, seen(r, 'firstSeen'), seen(r, 'lastSeen')]),
  ]);
}

/** What a search found, in words: "12 names match “kim”"; with `more`, that the most named are listed. */
export function foundWords(query: string, { rows, more, partial }: NameSearch): string {
  const asked = `“${query}”`;
  if (!rows.length) return partial ? `No name among the most named matches ${asked}: type more of it to search every name` : `No name or spelling matches ${asked}`;
  const count = `${rows.length} ${rows.length === 1 ? 'name matches' : 'names match'} ${asked}`;
  return more ? `${count} (the ${rows.length} most named of more)` : partial ? `${count} among the most named (type more of it to search every name)` : count;
}

/** What a slice is, in words: "in KCNA, 2024-01 to 2024-06". */
export function sliceWords({ outlet, from, to }: Slice): string {
  const where = outlet === undefined ? '' : `in ${outlet || 'articles that name no outlet'}`;
  const when = from && to ? `${from} to ${to}` : from ? `from ${from} on` : to ? `up to ${to}` : '';
  return [where, when].filter(Boolean).join(', ');
}

/**
 * What the table asks for its rows (the keys of `slice`, or of the whole library): its first
 * screen (`ROWS_DRAWN`, the background keeps the most named as one record: db/most-named.ts), then,
 * once that is painted, every row it loads (`TABLE_ROWS`).
 */
export const tableQuestion = (slice: Slice | undefined, showHidden = false, limit = TABLE_ROWS) => ({ limit, ...(showHidden && { hidden: true }), ...slice });

export function EntityTable({ client, revision = 0, slice, onSlice = () => {} }: { client: LibraryClient; revision?: number; slice?: Slice; onSlice?: (slice: Slice | undefined) => void }) {
  const [showHidden, setShowHidden] = useState(false);
  const backwards = !!slice?.from && !!slice.to && slice.from > slice.to;
  const inputs = [client, showHidden, slice?.outlet, slice?.from, slice?.to];
  const ask = (limit: number) =>
    backwards
      ? Promise.resolve({ ok: false as const, error: { code: 'invalid-message' as const, message: `the range starts (${slice?.from}) after it ends (${slice?.to})` } })
      : client.listEntities(tableQuestion(slice, showHidden, limit));
  // The first screen, then (asked once it is painted, so that its frame waits for nothing more)
  // every row loaded and the slice filter's bounds. A later change of slice or of hidden rows asks
  // both at once; the first screen shows until every row comes.
  const head = useAnswer(() => ask(ROWS_DRAWN), inputs, revision);
  // (Before the effect below, so that the mark's task runs before the render it asks for.)
  useFirstPaintMark('gloss:entities-painted', head.state === 'ready');
  const [headPainted, setHeadPainted] = useState(false);
  useLayoutEffect(() => {
    if (head.state !== 'loading' && !headPainted) afterPaint(() => setHeadPainted(true));
  }, [head.state, headPainted]);
  const whole = useAnswer(() => (headPainted ? ask(TABLE_ROWS) : new Promise<never>(() => {})), [...inputs, headPainted], revision);
  const answer = whole.state === 'loading' ? head : whole;
  // When every row loaded is there too (the bench reads both).
  useFirstPaintMark('gloss:entities-loaded', whole.state === 'ready');
  const bounds = useAnswer(() => (headPainted ? client.libraryBounds({}) : new Promise<never>(() => {})), [client, headPainted], revision);
  const [type, setType] = useState<EntityType | ''>('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'articles', descending: true });
  const searched = useNameSearch(client, backwards ? '' : search, { limit: SEARCHED_ROWS, ...(type && type !== 'DATE' && { type }), ...(showHidden && { hidden: true }), ...slice }, revision);
  const found = searched.query && searched.found && 'value' in searched.found ? searched.found : null;
  const loaded = useMemo(() => (answer.state === 'ready' ? answer.value.filter((row) => row.type !== 'DATE') : []), [answer]);
  const complete = whole.state !== 'loading';
  const listed = searched.query ? (found?.value.rows ?? []) : loaded;
  const rows = useMemo(() => visibleRows(listed, { type, ...sort }), [listed, type, sort]);
  const [drawn, setDrawn] = useState(ROWS_DRAWN);

  const sortBy = (column: Column) =>
    setSort((now) => ({ column, descending: now.column === column ? !now.descending : !!COLUMNS.find((c) => c.id === column)?.numeric }));

  return (
    <section aria-labelledby="entities-title">
      <h2 id="entities-title">Entities and terms</h2>
      <SliceFilter slice={slice} onSlice={onSlice} bounds={bounds.state === 'ready' ? bounds.value : undefined} />
      <div class="toolbar">
        <label>
          Type{' '}
          <select value={type} onChange={(e) => setType((e.currentTarget as HTMLSelectElement).value as EntityType | '')} data-testid="type-filter">
            <option value="">All</option>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {ENTITY_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <NameSearchBox label="Search" value={search} onInput={setSearch} testId="entity-search" />
        <label>
          <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden((e.currentTarget as HTMLInputElement).checked)} data-testid="show-hidden" /> Show hidden
        </label>
        <button type="button" onClick={() => download('gloss-entities.csv', 'text/csv', entitiesCsv(rows))}>
          Export CSV
        </button>
      </div>
      {answer.state === 'loading' && <p role="status">Reading the library…</p>}
      {answer.state === 'failed' && <p role="alert">Gloss could not read the library: {answer.message}</p>}
      {searched.query && searched.found && 'error' in searched.found && <p role="alert">Gloss could not search the library: {searched.found.error}</p>}
      {answer.state === 'ready' && (<>
      <p class="muted" role="status" data-testid="table-status" aria-busy={searched.pending || !complete}>
        {searched.query
          ? found
            ? foundWords(found.query, found.value)
            : `Searching every name in the library for “${searched.query}”`
          : complete
            ? `${rows.length} of ${loaded.length} shown`
            : `The ${rows.length} most named shown; reading the rest`}
        {slice ? ` ${sliceWords(slice)} (articles and mentions counted there; first and last seen there, by month)` : ''}
        {!searched.query && loaded.length >= TABLE_ROWS ? ` (the ${TABLE_ROWS} most named are loaded; sorting applies to them, the search to every name)` : ''}
        {rows.length > drawn ? `; the first ${drawn} listed` : ''}
        {(searched.query && !found) || !complete ? '…' : '.'}
      </p>
      {loaded.length === 0 && !searched.query ? (
        <p>{slice ? 'No entities here: no article of the library falls in this outlet and these months.' : 'No entities yet: Gloss lists what it recognizes in the articles you read.'}</p>
      ) : (
        <div class="table-wrap">
          <table class="entity-table" data-testid="entity-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.id} scope="col" aria-sort={sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : undefined} class={c.numeric ? 'num' : undefined}>
                    <button type="button" class="sort" onClick={() => sortBy(c.id)}>
                      {c.label}
                      {sort.column === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, drawn).map((row) => (
                <tr key={row.key} data-key={row.key} class={row.hidden ? 'hidden-row' : undefined}>
                  <th scope="row">
                    <a href={routeHref({ view: 'entity', key: row.key })}>{row.name}</a>
                    {row.hidden && <span class="muted"> (hidden)</span>}
                  </th>
                  <td>{ENTITY_TYPE_SINGULAR[row.type]}</td>
                  <td class="variants">{row.variants.join(', ')}</td>
                  <td class="num">{row.articles}</td>
                  <td class="num">{row.mentions}</td>
                  <td class="num">{seen(row, 'firstSeen')}</td>
                  <td class="num">{seen(row, 'lastSeen')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > drawn && (
            <button type="button" onClick={() => setDrawn(drawn + ROWS_DRAWN)}>
              List {Math.min(ROWS_DRAWN, rows.length - drawn)} more
            </button>
          )}
        </div>
      )}
      </>)}
    </section>
  );
}

/**
 * The table's slice: an outlet of those the library holds, and months from and to. A change is
 * made at once (the address keeps it); a range that starts after it ends is said, not asked.
 */
function SliceFilter({ slice, onSlice, bounds }: { slice: Slice | undefined; onSlice: (slice: Slice | undefined) => void; bounds: LibraryBounds | undefined }) {
  const change = (part: Slice, drop: keyof Slice) => {
    const next: Slice = { ...slice, ...part };
    if (part[drop] === undefined) delete next[drop];
    onSlice(Object.keys(next).length ? next : undefined);
  };
  const outlets = bounds?.outlets ?? [];
  const shownOutlets = slice?.outlet !== undefined && !outlets.includes(slice.outlet) ? [...outlets, slice.outlet] : outlets;
  const month = (which: 'from' | 'to', label: string) => (
    <label>
      {label}{' '}
      <input
        type="month"
        value={slice?.[which] ?? ''}
        min={bounds?.first ?? undefined}
        max={bounds?.last ?? undefined}
        onChange={(e) => change({ [which]: (e.currentTarget as HTMLInputElement).value || undefined }, which)}
        data-testid={`slice-${which}`}
      />
    </label>
  );
  return (
    <div class="toolbar" role="group" aria-label="Which articles">
      <label>
        Outlet{' '}
        <select
          value={slice?.outlet === undefined ? '' : `o:${slice.outlet}`}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            change({ outlet: value ? value.slice(2) : undefined }, 'outlet');
          }}
          data-testid="outlet-filter"
        >
          <option value="">All outlets</option>
          {shownOutlets.map((o) => (
            <option key={o} value={`o:${o}`}>
              {o || '(no outlet)'}
            </option>
          ))}
        </select>
      </label>
      {month('from', 'From')}
      {month('to', 'To')}
      {slice && (
        <button type="button" onClick={() => onSlice(undefined)}>
          Whole library
        </button>
      )}
    </div>
  );
}
