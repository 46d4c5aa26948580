/**
 * Importing a watchlist from a text file (the format is in utils/entities/watchlist-text.ts):
 * the file is read and checked first, the reader sees how many terms it holds and every problem,
 * and only "Import" writes, as a new watchlist. A file too large or not text writes nothing.
 */
import { useId, useRef, useState } from 'preact/hooks';
import type { GlossDb } from '@/utils/db/database';
import { createWatchlist } from '@/utils/db/watchlists-repo';
import type { TermEntry } from '@/utils/entities/term-lists';
import { MAX_WATCHLIST_FILE_BYTES, readWatchlistFile } from '@/utils/entities/watchlist-text';
import { formatCount } from '@/utils/text/count';

/** Problems listed in the preview; the rest are counted. */
const LISTED = 50;

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'refused'; error: string }
  | { kind: 'preview'; file: string; terms: TermEntry[]; problems: string[] }
  | { kind: 'saved'; text: string };

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function WatchlistImport({ db }: { db: GlossDb }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [name, setName] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const id = useId();

  const choose = async (file: File | undefined) => {
    if (!file) return setStep({ kind: 'idle' });
    // Refused on its size alone, before a byte is read.
    if (file.size > MAX_WATCHLIST_FILE_BYTES) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
      return setStep({ kind: 'refused', error: `${file.name} is ${mb(file.size)}; a watchlist file may be at most ${mb(MAX_WATCHLIST_FILE_BYTES)}. Nothing was imported.` });
    }
    setStep({ kind: 'reading' });
    try {
      const result = readWatchlistFile(new Uint8Array(await file.arrayBuffer()));
      if (!result.ok) return setStep({ kind: 'refused', error: `${file.name}: ${result.error} Nothing was imported.` });
      setName(file.name.replace(/\.[^.]*$/, '') || file.name);
      setStep({ kind: 'preview', file: file.name, terms: result.terms, problems: result.problems });
    } catch (error) {
      setStep({ kind: 'refused', error: `${file.name} could not be read (${String(error)}). Nothing was imported.` });
    }
  };

  const reset = () => {
    if (picker.current) picker.current.value = '';
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (step.kind !== 'preview') return;
    try {
      const { watchlist } = await createWatchlist(db, { name, terms: step.terms });
      reset();
      setStep({ kind: 'saved', text: `Imported ${plural(watchlist.terms.length, 'term', 'terms')} into “${watchlist.name}”.` });
    } catch (error) {
      setStep({ kind: 'refused', error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div class="watchlist-import">
      <label for={`${id}-file`}>Import a list from a text file</label>
      <input
        id={`${id}-file`}
        ref={picker}
        type="file"
        accept=".txt,.csv,text/plain,text/csv"
        aria-describedby={`${id}-format`}
        onChange={(event) => void choose(event.currentTarget.files?.[0])}
      />
      <p id={`${id}-format`} class="settings-note">
        One term per line, its aliases after <code>|</code> or <code>;</code> (e.g. <code>snapback | snap-back</code>). Lines
        starting with <code>#</code> are skipped. UTF-8, at most 5 MB.
      </p>
      <div aria-live="polite">
        {step.kind === 'reading' && <p class="settings-note">Reading…</p>}
        {step.kind === 'refused' && (
          <p class="settings-error" role="alert" data-testid="import-error">
            {step.error}
          </p>
        )}
        {step.kind === 'saved' && (
          <p class="settings-note" data-testid="import-done">
            {step.text}
          </p>
        )}
        {step.kind === 'preview' && (
          <form class="import-preview" data-testid="import-preview" onSubmit={(event) => void save(event)}>
            <p>
              <strong>{plural(step.terms.length, 'term', 'terms')}</strong> ready to import from {step.file}
              {step.problems.length > 0 && <>; {plural(step.problems.length, 'line', 'lines')} will be left out:</>}
            </p>
            {step.problems.length > 0 && (
              <ul class="settings-error import-problems">
                {step.problems.slice(0, LISTED).map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
                {step.problems.length > LISTED && <li>…and {plural(step.problems.length - LISTED, 'more', 'more')}</li>}
              </ul>
            )}
            <label for={`${id}-name`}>Name of the new watchlist</label>
            <input id={`${id}-name`} name="name" value={name} onInput={(event) => setName(event.currentTarget.value)} />
            <div class="settings-inline">
              <button type="submit" data-action="import" disabled={step.terms.length === 0 || !name.trim()}>
                Import
              </button>
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  reset();
                  setStep({ kind: 'idle' });
                }}
              >
                Cancel
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
