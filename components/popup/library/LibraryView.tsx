/**
 * The whole library: every annotation, newest first, flat or grouped by article; a search over
 * quotes, notes, tags, titles and outlets (utils/search/) with the matched words marked; filters;
 * a virtualized list that loads more as the reader scrolls. It follows the database live.
 * Opening an item shows the highlight in its article's tab; an article Gloss keeps a copy of
 * also offers that copy (the reader page).
 */
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useTableRead } from '@/components/common/use-table-read';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { ArticleRecord } from '@/utils/article/types';
import type { GlossDb } from '@/utils/db/database';
import { articlesWithVersions } from '@/utils/db/versions-repo';
import { readerPath } from '@/utils/versions/reader-path';
import { sendToExtension } from '@/utils/messaging/send';
import type { ColorNames } from '@/utils/settings/color-names';
import { VirtualList } from '../VirtualList';
import { NO_CONTROLS, type FilterControls } from './library-filter';
import { LibraryFilters } from './LibraryFilters';
import { LibraryItem } from './LibraryItem';
import { PAGE, useLibrarySearch, type FirstSearch } from './use-library-search';
import { formatCount } from '@/utils/text/count';

const ITEM_HEIGHT = 104;
const HEADER_HEIGHT = 44;
const VIEWPORT = 400;

type Row = { kind: 'article'; article: ArticleRecord | undefined; articleId: string } | { kind: 'item'; annotation: AnnotationRecord };

export function LibraryView({ db, colorNames, firstSearch }: { db: GlossDb; colorNames: ColorNames; firstSearch?: FirstSearch }) {
  const [text, setText] = useState('');
  const [controls, setControls] = useState<FilterControls>(NO_CONTROLS);
  const [grouped, setGrouped] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [openError, setOpenError] = useState<string | null>(null);
  const { shown, total, failure } = useLibrarySearch(db, text, controls, limit, firstSearch);
  const articles = useMemo(() => new Map((shown?.articles ?? []).map((a) => [a.id, a])), [shown]);
  // Which articles have stored copies: asked once the first results are shown, not beside their read.
  const firstShown = shown !== null && shown !== undefined;
  const stored = useTableRead(db, ['versions'], () => (firstShown ? articlesWithVersions(db) : new Set<string>()), [firstShown]);
  const storedIds = stored.status === 'ready' ? stored.value : null;
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
        {typeof total === 'number' ? `${formatCount(total)} ${total === 1 ? 'highlight' : 'highlights'}` : ' '}
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
              storedCopy={storedIds?.has(row.annotation.articleId) ? browser.runtime.getURL(readerPath(row.annotation.articleId)) : undefined}
            />
          )
        }
      />
    </section>
  );
}
