/**
 * The popup's "This article" section: the tab's article (header), the reader's highlights in it
 * (editable in place), and what Gloss found in it; or why there is no article.
 */
import { useMemo } from 'preact/hooks';
import { useLiveQuery } from '@/components/common/use-live-query';
import { listArticleAnnotations, listTags } from '@/utils/db/annotations-repo';
import { getArticle } from '@/utils/db/articles-repo';
import type { GlossDb } from '@/utils/db/database';
import { sendToTab } from '@/utils/messaging/send';
import type { ColorNames } from '@/utils/settings/color-names';
import { updateSettings } from '@/utils/settings/settings';
import { ArticleEntities } from './ArticleEntities';
import { ArticleHeader } from './ArticleHeader';
import { ArticleNotes } from './ArticleNotes';
import { ChangedSince } from './ChangedSince';
import { noteActions } from './note-actions';
import { PageMessage } from './PageMessage';
import { StoredVersions } from './StoredVersions';
import { useArticleText } from './use-article-text';
import type { TabView } from './use-page-state';

export function ArticleView({ db, tabId, view, colorNames }: { db: GlossDb; tabId: number | null; view: TabView; colorNames: ColorNames }) {
  const articleId = 'articleId' in view ? view.articleId : null;
  const article = useLiveQuery(() => (articleId ? getArticle(db, articleId) : undefined), [db, articleId]);
  const annotations = useLiveQuery(() => (articleId ? listArticleAnnotations(db, articleId) : []), [db, articleId]);
  const reading = useArticleText(tabId, view.kind === 'article' ? view.articleId : null);
  const watchlists = useLiveQuery(() => db.watchlists.toArray(), [db]);
  const tags = useLiveQuery(() => listTags(db), [db]);
  const actions = useMemo(() => noteActions(), []);
  const watchlistNames = Object.fromEntries((watchlists.status === 'ready' ? watchlists.value : []).map((w) => [`watchlist:${w.id}`, w.name]));
  const reveal = (start: number, end: number) => tabId !== null && void sendToTab(tabId, 'revealText', { start, end });

  if (!(article.status === 'ready' && article.value)) return <Status view={view} dbError={article.status === 'error' ? article.message : null} />;
  return (
    <>
      <ArticleHeader article={article.value} />
      <StoredVersions db={db} articleId={article.value.id} />
      {reading && annotations.status === 'ready' && (
        <ChangedSince
          articleId={article.value.id}
          text={reading.text}
          annotationsKey={annotations.value.map((annotation) => `${annotation.id}@${annotation.rev}`).join(' ')}
        />
      )}
      {annotations.status === 'ready' && (
        <ArticleNotes
          annotations={annotations.value}
          text={reading?.text ?? null}
          colorNames={colorNames}
          onReveal={reveal}
          actions={actions}
          suggestions={tags.status === 'ready' ? tags.value : []}
        />
      )}
      {reading && <ArticleEntities entities={reading.entities} text={reading.text} watchlistNames={watchlistNames} onReveal={reveal} />}
    </>
  );
}

function Status({ view, dbError }: { view: TabView; dbError: string | null }) {
  if (dbError) return <PageMessage title="Gloss can't open its library" detail={dbError} />;
  switch (view.kind) {
    case 'loading':
      return <PageMessage title="Looking at this page…" />;
    case 'restricted':
      return <PageMessage title="Gloss can't run on this page" detail="Browser pages and stores are off limits to extensions." />;
    case 'needs-reload':
      return <PageMessage title="Reload this page to use Gloss" detail="It was open before Gloss was installed or updated." />;
    case 'not-article':
      return <PageMessage title="No article found on this page" />;
    case 'extracting':
    case 'article':
      return <PageMessage title="Reading the article…" />;
    case 'failed':
      return <PageMessage title="Gloss couldn't read this article" detail={view.message} />;
    case 'site-off':
      return (
        <PageMessage title={`Gloss is off on ${view.site}`} detail="You chose “Never on this site” in the page panel.">
          <button
            type="button"
            data-testid="site-on"
            onClick={() => void updateSettings((s) => ({ ...s, disabledSites: s.disabledSites.filter((site) => site !== view.site) }))}
          >
            Turn Gloss back on here
          </button>
        </PageMessage>
      );
  }
}
