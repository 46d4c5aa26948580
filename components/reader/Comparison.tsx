/**
 * What changed between two stored versions, computed here in the reader page (never in a tab's
 * content script): the older version's text model string against the newer's, by paragraph then
 * word (utils/versions/diff.ts). Removed words and paragraphs are `<del>`, added ones `<ins>`,
 * each with a label a screen reader reads and a mark that is not color alone (struck through,
 * underlined); unchanged stretches are folded into a `<details>` the reader can open. The reader's
 * annotations whose passage was edited or removed are flagged where the change is, and listed.
 */
import { useMemo } from 'preact/hooks';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { countChanges, diffTexts, foldUnchanged, type ParagraphChange, type WordPiece } from '@/utils/versions/diff';
import { flagAnnotations, type AnnotationFlag, type FlagKind } from '@/utils/versions/flags';
import type { VersionRecord } from '@/utils/versions/version';
import { changeSummary } from '@/utils/versions/changes';
import { formatMoments } from '@/components/common/format';

export interface ComparisonProps {
  /** The older version and its text, then the newer. */
  older: { version: VersionRecord; text: string };
  newer: { version: VersionRecord; text: string };
  annotations: readonly AnnotationRecord[];
}

const FLAG_TEXT: Record<FlagKind, string> = {
  removed: 'its passage was removed',
  edited: 'its passage was edited',
  added: 'its passage is new in the later version',
};

/** A quote as a flag shows it: at most 80 characters. */
const shortQuote = (quote: string) => (quote.length > 80 ? `${quote.slice(0, 79)}…` : quote);

function Deleted({ text }: { text: string }) {
  return (
    <del data-testid="diff-del">
      <span class="diff-sr">deleted: </span>
      {text}
    </del>
  );
}

function Inserted({ text }: { text: string }) {
  return (
    <ins data-testid="diff-ins">
      <span class="diff-sr">added: </span>
      {text}
    </ins>
  );
}

function Words({ words }: { words: readonly WordPiece[] }) {
  return (
    <>
      {words.map((piece, i) => (piece.kind === 'same' ? piece.text : piece.kind === 'removed' ? <Deleted key={i} text={piece.text} /> : <Inserted key={i} text={piece.text} />))}
    </>
  );
}

function Flags({ flags }: { flags: readonly AnnotationFlag[] }) {
  return (
    <>
      {flags.map(({ annotation, kind }) => (
        <p key={annotation.id} class="diff-flag" data-testid="diff-flag" data-annotation={annotation.id} data-flag={kind}>
          <span aria-hidden="true">⚑ </span>Your highlight “{shortQuote(annotation.quote.exact)}”: {FLAG_TEXT[kind]}
          {annotation.note && <span class="muted"> (with a note)</span>}
        </p>
      ))}
    </>
  );
}

function Change({ change, index, flags }: { change: ParagraphChange; index: number; flags: readonly AnnotationFlag[] }) {
  const common = { id: `change-${index}`, 'data-change': change.kind };
  const flagged = flags.length > 0 && <Flags flags={flags} />;
  switch (change.kind) {
    case 'same':
      return (
        <div class="diff-para diff-same" {...common}>
          {flagged}
          <p>{change.new.text}</p>
        </div>
      );
    case 'removed':
      return (
        <div class="diff-para diff-removed" data-testid="diff-removed" {...common}>
          {flagged}
          <p class="diff-kind">Paragraph removed</p>
          <p>
            <Deleted text={change.old.text} />
          </p>
        </div>
      );
    case 'added':
      return (
        <div class="diff-para diff-added" data-testid="diff-added" {...common}>
          {flagged}
          <p class="diff-kind">Paragraph added</p>
          <p>
            <Inserted text={change.new.text} />
          </p>
        </div>
      );
    case 'edited':
      return (
        <div class="diff-para diff-edited" data-testid="diff-edited" {...common}>
          {flagged}
          <p class="diff-kind">{change.words ? 'Paragraph edited' : 'Paragraph rewritten'}</p>
          {change.words ? (
            <p>
              <Words words={change.words} />
            </p>
          ) : (
            <>
              <p>
                <Deleted text={change.old.text} />
              </p>
              <p>
                <Inserted text={change.new.text} />
              </p>
            </>
          )}
        </div>
      );
  }
}

export function Comparison({ older, newer, annotations }: ComparisonProps) {
  const changes = useMemo(() => diffTexts(older.text, newer.text), [older.text, newer.text]);
  const flags = useMemo(() => flagAnnotations(annotations, older.text, newer.text, changes), [annotations, older.text, newer.text, changes]);
  const flagsAt = useMemo(() => {
    const at = new Map<number, AnnotationFlag[]>();
    for (const flag of flags) at.set(flag.change, [...(at.get(flag.change) ?? []), flag]);
    return at;
  }, [flags]);
  const blocks = useMemo(() => foldUnchanged(changes, 1, new Set(flagsAt.keys())), [changes, flagsAt]);
  const counts = countChanges(changes);
  const summary = changeSummary(counts);
  const [olderRead, newerRead] = formatMoments([older.version.firstSeenAt, newer.version.firstSeenAt]);

  return (
    <article class="comparison" data-testid="comparison">
      <h1 class="stored-title">{newer.version.title || 'Untitled article'}</h1>
      <p class="version-meta" data-testid="comparison-between">
        What changed from the version read {olderRead} to the version read {newerRead}
      </p>
      <p class="comparison-summary" data-testid="comparison-summary" role="status">
        {summary ?? 'The two versions have the same text.'}
      </p>
      <p class="muted diff-legend">
        Removed text is <del>struck through</del>, added text is <ins>underlined</ins>; each is announced to screen readers.
      </p>
      {flags.length > 0 && (
        <section class="diff-flags" aria-label="Your highlights in changed passages" data-testid="diff-flag-list">
          <h2>Your highlights in changed passages</h2>
          <ul>
            {flags.map(({ annotation, kind, change }) => (
              <li key={annotation.id}>
                <a href={`#change-${change}`}>“{shortQuote(annotation.quote.exact)}”</a>: {FLAG_TEXT[kind]}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="diff-body" data-testid="diff-body">
        {blocks.map((block) =>
          block.kind === 'change' ? (
            <Change key={block.index} change={block.change} index={block.index} flags={flagsAt.get(block.index) ?? []} />
          ) : (
            <details key={`fold-${block.from}`} class="diff-fold" data-testid="diff-fold">
              <summary>
                {block.changes.length} unchanged paragraphs
              </summary>
              {block.changes.map((change, i) => (
                <Change key={block.from + i} change={change} index={block.from + i} flags={[]} />
              ))}
            </details>
          ),
        )}
      </div>
    </article>
  );
}
