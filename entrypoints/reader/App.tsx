/**
 * The reader page: a stored version of an article (the latest unless one is named) with its
 * outlet, dates and source, the reader's highlights anchored on it and their notes beside, and the
 * other versions to switch to. A version whose copy is damaged says so; the others stay listed.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ReaderNotes } from '@/components/reader/ReaderNotes';
import { StoredCopy } from '@/components/reader/StoredCopy';
import { useStoredArticle, useVersionContent } from '@/components/reader/use-stored-article';
import { VersionHeader } from '@/components/reader/VersionHeader';
import { VersionSwitcher } from '@/components/reader/VersionSwitcher';
import type { Placement } from '@/utils/anchoring/anchor-all';
import type { GlossDb } from '@/utils/db/database';
import type { TextModel } from '@/utils/text/text-model';

export interface ReaderAppProps {
  db: GlossDb;
  articleId: string;
  /** The version asked for; null for the latest. */
  versionId: string | null;
}

/** The reader page's address for a version of an article. */
export const readerHref = (articleId: string, versionId: string) =>
  `?${new URLSearchParams({ article: articleId, version: versionId }).toString()}`;

export function ReaderApp({ db, articleId, versionId: asked }: ReaderAppProps) {
  const stored = useStoredArticle(db, articleId);
  const [chosen, setChosen] = useState<string | null>(asked);
  const versions = stored.state === 'ready' ? stored.value.versions : [];
  const shown = versions.find((version) => version.id === chosen) ?? (chosen ? null : (versions.at(-1) ?? null));
  const content = useVersionContent(db, shown?.id ?? null);
  const [placed, setPlaced] = useState<{ model: TextModel; placement: Placement } | null>(null);

  useEffect(() => {
    document.title = shown ? `${shown.title || 'Untitled article'} (stored) · Gloss` : 'Gloss: stored article';
  }, [shown]);

  const choose = useCallback(
    (id: string) => {
      setChosen(id);
      setPlaced(null);
      history.replaceState(null, '', readerHref(articleId, id));
    },
    [articleId],
  );
  const onPlaced = useCallback((model: TextModel, placement: Placement) => setPlaced({ model, placement }), []);
  const reveal = (start: number, end: number) => {
    const range = placed?.model.range(start, end);
    const target = range?.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center' });
  };

  if (!articleId) return <Message text="No article named: open a stored copy from Gloss's popup." />;
  if (stored.state === 'loading') return <Message text="Opening the stored copy…" />;
  if (stored.state === 'failed') return <Message text={stored.message} />;
  const { article, damaged, annotations } = stored.value;
  if (!versions.length) {
    return <Message text={damaged ? 'The stored copies of this article are damaged.' : `Gloss keeps no copy of ${article?.title ? `“${article.title}”` : 'this article'}.`} />;
  }

  return (
    <div class="reader">
      <main class="reader-main">
        {!shown && (
          <p class="notice" role="alert" data-testid="reader-error">
            That version is not stored: choose one of those listed.
          </p>
        )}
        {shown && <VersionHeader version={shown} />}
        {shown && content?.state === 'failed' && (
          <p class="notice" role="alert" data-testid="reader-error">
            {content.message}
            {/[.!?]$/.test(content.message) ? ' ' : '. '}Choose another version.
          </p>
        )}
        {shown && content?.state === 'ready' && (
          <StoredCopy
            key={shown.id}
            title={shown.title}
            html={content.value.html}
            lang={shown.lang}
            dir={shown.dir}
            annotations={annotations}
            onPlaced={onPlaced}
          />
        )}
      </main>
      <div class="reader-side">
        <VersionSwitcher
          versions={versions}
          shownId={shown?.id ?? null}
          damaged={damaged}
          onChoose={choose}
          hrefOf={(id) => readerHref(articleId, id)}
        />
        {placed && <ReaderNotes placement={placed.placement} onReveal={reveal} />}
      </div>
    </div>
  );
}

function Message({ text }: { text: string }) {
  return (
    <p class="reader-message" role="status" data-testid="reader-message">
      {text}
    </p>
  );
}
