/**
 * The whole library: every annotation, newest first, flat or grouped by article; a search over
 * quotes, notes, tags, titles and outlets (utils/search/) with the matched words marked; filters;
 * a virtualized list that loads more as the reader scrolls. It follows the database live.
 * Opening an item shows the highlight in its article's tab.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/common/use-live-query';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { ArticleRecord } from '@/utils/article/types';
import { listTags } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { sendToExtension } from '@/utils/messaging/send';
import { searchLibrary } from '@/utils/search/search';
import type { ColorNames } from '@/utils/settings/color-names';
import { VirtualList } from '../VirtualList';
import { NO_CONTROLS, libraryFilter, type FilterControls } from './library-filter';
import { LibraryFilters } from './LibraryFilters';
import { LibraryItem } from './LibraryItem';

/** Results read at first (a screenful and more), then this many more each time the reader nears the end. */
const PAGE = 40;
const ITEM_HEIGHT = 104;
const HEADER_HEIGHT = 44;
const VIEWPORT = 400;

type Row = { kind: 'article'; article: ArticleRecord | undefined; articleId: string } | { kind: 'item'; annotation: AnnotationRecord };

/** What the view keeps of the library between searches (read once per change of it). */
interface Kept {
  version: string;
  /** Every annotation's id, oldest first. */
  order: readonly string[];
  /** Every tag spelling in use. */
  tags: readonly string[];
}

async function run(db: GlossDb, text: string, controls: FilterControls, limit: number, kept: Kept | undefined) {
  const start = performance.now();
  const { filter, issues } = await libraryFilter(db, text, controls);
  // The whole library's size is known from the live query below: no count for the plain list.
  const result = await searchLibrary(db, filter, { limit, order: kept?.order, tags: kept?.tags, withTotal: false });
  performance.measure('gloss:library-search', { start, end: performance.now(), detail: { total: result.total } });
  return { ...result, issues: [...issues, ...result.issues] };
}

export function LibraryView({ db, colorNames }: { db: GlossDb; colorNames: ColorNames }) {
  const [text, setText] = useState('');
  const [controls, setControls] = useState<FilterControls>(NO_CONTROLS);
  const [grouped, setGrouped] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [openError, setOpenError] = useState<string | null>(null);
  // Searches run as plain reads (a live query would track every key they touch, which costs a
  // large library dearly); a cheap live query of the library's size and latest edit re-runs the
  // search when anything changes, in any context.
  // (It starts once the first page is on screen: the first read has the database to itself.)
  const [painted, setPainted] = useState(false);
  const changes = useLiveQuery(
    () => (painted ? Promise.all([db.annotations.orderBy('createdAt').count(), db.annotations.orderBy('updatedAt').lastKey()]) : undefined),
    [db, painted],
  );
  const version = changes.status === 'ready' && changes.value ? changes.value.join(':') : '';
  // The first answer of that live query only says what the library is: the search already
  // running reads the same. Only a later change of it runs the search again.
  const firstVersion = useRef<string | null>(null);
  if (version && firstVersion.current === null) firstVersion.current = version;
  const changedSince = version !== firstVersion.current ? version : '';
  // The library's order and tags, read once per change and after the first paint: a search then
  // reads only the page of results it shows, however many match.
  const [kept, setKept] = useState<Kept | null>(null);
  useEffect(() => {
    if (!version || !painted) return;
    let stale = false;
    void Promise.all([db.annotations.orderBy('createdAt').primaryKeys(), listTags(db)]).then(
      ([order, tags]) => !stale && setKept({ version, order, tags }),
    );
    return () => {
      stale = true;
    };
  }, [db, version, painted]);
  // The last answer stays on screen while the next is on its way: no flash of emptiness.
  const [shown, setShown] = useState<Awaited<ReturnType<typeof run>> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // A layout effect: the search starts as soon as the box changes, not a frame later.
  useLayoutEffect(() => {
    let stale = false;
    run(db, text, controls, limit, kept?.version === version ? kept : undefined).then(
      (result) => {
        if (stale) return;
        setShown(result);
        setFailure(null);
      },
      (error: unknown) => !stale && setFailure(String(error)),
    );
    return () => {
      stale = true;
    };
  }, [db, text, controls, limit, changedSince, kept]);
  useEffect(() => {
    if (shown && !painted) {
      setPainted(true);
      performance.mark('gloss:library-painted');
    }
  }, [shown]);

  const total = shown && (Number.isNaN(shown.total) ? (changes.status === 'ready' && changes.value ? changes.value[0] : null) : shown.total);
  const articles = useMemo(() => new Map((shown?.articles ?? []).map((a) => [a.id, a])), [shown]);
  const rows = useMemo<Row[]>(() => {
    const annotations = shown?.annotations ?? [];
    if (!grouped) return annotations.map((annotation) => ({ kind: 'item', annotation }));
    const byArticle = new Map<string, AnnotationRecord[]>();
    for (const annotation of annotations) byArticle.set(annotation.articleId, [...(byArticle.get(annotation.articleId) ?? []), annotation]);
    return [...byArticle].flatMap(([articleId, items]): Row[] => [
      { kind: 'article', articleId, article: articles.get(articleId) },
      ...items.map((annotation) => ({ kind: 'item' as const, annotation })),
    ]);
  }, [shown, grouped, articles]);

  const open = async (annotation: AnnotationRecord) => {
    const result = await sendToExtension('toBackground', 'openAnnotation', { id: annotation.id });
    setOpenError(result.ok ? null : result.error.message);
  };
  const reset = (change: () => void) => {
    change();
    setLimit(PAGE);
  };

  return (
    <section class="library" aria-label="Library">
      <div class="library-bar">
        <input
          type="search"
          class="library-search"
          aria-label="Search quotes, notes, tags, titles and outlets"
          placeholder='Search… (tag:x color:green outlet:"BBC News" from:2026-01-01)'
          value={text}
          data-testid="library-search"
          onInput={(event) => reset(() => setText(event.currentTarget.value))}
        />
        <label class="library-group">
          <input type="checkbox" checked={grouped} onChange={() => setGrouped(!grouped)} /> By article
        </label>
      </div>
      <LibraryFilters db={db} controls={controls} colorNames={colorNames} onChange={(next) => reset(() => setControls(next))} />
      <p class="library-count" role="status" data-testid="library-count">
        {typeof total === 'number' ? `${total.toLocaleString()} ${total === 1 ? 'highlight' : 'highlights'}` : ' '}
        {shown?.issues.map((issue) => (
          <span key={issue.term} class="library-issue">
            {' '}
            “{issue.term}”: {issue.message}
          </span>
        ))}
      </p>
      {openError && (
        <p class="error" role="alert">
          {openError}
        </p>
      )}
      {failure && (
        <p class="error" role="alert">
          The search failed: {failure}
        </p>
      )}
      {total === 0 && (
        <p class="notes-empty" data-testid="library-empty">
          {text.trim() || Object.values(controls).some(Boolean)
            ? 'Nothing in the library matches.'
            : 'No highlights yet: select text in an article to make your first.'}
        </p>
      )}
      <VirtualList
        rows={rows}
        viewport={VIEWPORT}
        label="Highlights"
        height={(row) => (row.kind === 'article' ? HEADER_HEIGHT : ITEM_HEIGHT)}
        onNearEnd={() => shown && !(shown.annotations.length >= (total ?? Infinity)) && limit <= shown.annotations.length && setLimit(limit + PAGE)}
        render={(row) =>
          row.kind === 'article' ? (
            <h3 class="library-article-head" title={row.article?.url ?? row.articleId}>
              {row.article?.title || row.articleId}
              {row.article?.siteName && <span> · {row.article.siteName}</span>}
            </h3>
          ) : (
            <LibraryItem
              annotation={row.annotation}
              article={articles.get(row.annotation.articleId)}
              words={shown?.words ?? []}
              colorNames={colorNames}
              grouped={grouped}
              onOpen={(annotation) => void open(annotation)}
            />
          )
        }
      />
    </section>
  );
}
