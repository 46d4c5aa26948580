/**
 * The reader page: a stored version of an article (the latest unless one is named) with its
 * outlet, dates and source, the reader's highlights anchored on it and their notes beside, and the
 * other versions to switch to. A version whose copy is damaged says so; the others stay listed.
 * With `compare`, what changed between that version and the one shown (the older of the two
 * compared with the newer, whichever order they are named in), computed here.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ReaderNotes } from '@/components/reader/ReaderNotes';
import { Comparison } from '@/components/reader/Comparison';
import { ExportVersion } from '@/components/reader/ExportVersion';
import { StoredCopy } from '@/components/reader/StoredCopy';
import { useStoredArticle, useVersionContent, type EarlyReads } from '@/components/reader/use-stored-article';
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
  /** A version to compare the shown one with; null: none. */
  compareId?: string | null;
  /** The page's first reads, started before it rendered (see `readEarly`). */
  early?: EarlyReads;
}

/** The reader page's address for a version of an article, compared with another when `compareId` is given. */
export const readerHref = (articleId: string, versionId: string, compareId?: string | null) =>
  `?${new URLSearchParams({ article: articleId, ...(compareId && { compare: compareId }), version: versionId }).toString()}`;

export function ReaderApp({ db, articleId, versionId: asked, compareId: askedCompare = null, early }: ReaderAppProps) {
  const stored = useStoredArticle(db, articleId, early?.stored);
  const [chosen, setChosen] = useState<string | null>(asked);
  const [comparing, setComparing] = useState<string | null>(askedCompare);
  const versions = stored.state === 'ready' ? stored.value.versions : [];
  const shown = versions.find((version) => version.id === chosen) ?? (chosen ? null : (versions.at(-1) ?? null));
  const other = comparing ? (versions.find((version) => version.id === comparing) ?? null) : null;
  const content = useVersionContent(db, shown?.id ?? null, early?.content);
  const otherContent = useVersionContent(db, other?.id ?? null);
  const [placed, setPlaced] = useState<{ model: TextModel; placement: Placement } | null>(null);

  useEffect(() => {
    document.title = shown ? `${shown.title || 'Untitled article'} (${comparing ? 'what changed' : 'stored'}) · Gloss` : 'Gloss: stored article';
  }, [shown, comparing]);

  const choose = useCallback(
    (id: string, compare: string | null = null) => {
      setChosen(id);
      setComparing(compare);
      setPlaced(null);
      history.replaceState(null, '', readerHref(articleId, id, compare));
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
        {comparing && shown && !other && (
          <p class="notice" role="alert" data-testid="reader-error">
            The version to compare with is not stored: choose one of those listed.
          </p>
        )}
        {shown && other && otherContent?.state === 'failed' && (
          <p class="notice" role="alert" data-testid="reader-error">
            {otherContent.message} It cannot be compared.
          </p>
        )}
        {shown && other && content?.state === 'ready' && otherContent?.state === 'ready' && (
          <Comparison
            key={`${other.id}:${shown.id}`}
            {...(other.firstSeenAt <= shown.firstSeenAt
              ? { older: { version: other, text: otherContent.value.text }, newer: { version: shown, text: content.value.text } }
              : { older: { version: shown, text: content.value.text }, newer: { version: other, text: otherContent.value.text } })}
            annotations={annotations}
          />
        )}
        {shown && !comparing && content?.state === 'ready' && (
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
          hrefOf={(id, compare) => readerHref(articleId, id, compare)}
          comparingId={comparing}
        />
        {placed && !comparing && <ReaderNotes placement={placed.placement} onReveal={reveal} />}
        {shown && !comparing && content?.state === 'ready' && <ExportVersion version={shown} content={content.value} annotations={annotations} />}
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
