/**
 * One watchlist entry as a form: the term, its aliases (comma-separated) and an optional note.
 * Adds a term or edits one in place; the problems the watchlist check finds stay beside it.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TermEntry } from '@/utils/entities/term-lists';

export interface TermFormProps {
  initial?: TermEntry;
  submitLabel: string;
  /** Saves the entry; answers the problems that kept it from being saved (none when saved). */
  onSubmit: (entry: TermEntry) => Promise<string[]>;
  onCancel?: () => void;
}

export function TermForm({ initial, submitLabel, onSubmit, onCancel }: TermFormProps) {
  const [term, setTerm] = useState(initial?.term ?? '');
  const [aliases, setAliases] = useState(initial?.aliases?.join(', ') ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const termField = useRef<HTMLInputElement>(null);
  // Editing replaces the row's Edit button: the keyboard goes to the term.
  useEffect(() => {
    if (initial) termField.current?.focus();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!term.trim()) return setProblems(['Enter the term.']);
    const entry: TermEntry = {
      term: term.trim(),
      ...(aliases.trim() ? { aliases: [...new Set(aliases.split(',').map((alias) => alias.trim()).filter(Boolean))] } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    setSaving(true);
    try {
      const refused = await onSubmit(entry);
      setProblems(refused);
      if (!refused.length && !initial) {
        setTerm('');
        setAliases('');
        setNote('');
      }
    } catch (error) {
      setProblems([error instanceof Error ? error.message : String(error)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="term-form" onSubmit={(event) => void submit(event)} onKeyDown={(event) => event.key === 'Escape' && onCancel?.()}>
      <label for={`${id}-term`}>Term</label>
      <input id={`${id}-term`} ref={termField} name="term" value={term} maxLength={200} aria-required="true" onInput={(event) => setTerm(event.currentTarget.value)} />
      <label for={`${id}-aliases`}>Aliases (comma-separated)</label>
      <input id={`${id}-aliases`} name="aliases" value={aliases} onInput={(event) => setAliases(event.currentTarget.value)} />
      <label for={`${id}-note`}>Note (optional)</label>
      <input id={`${id}-note`} name="note" value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      {problems.length > 0 && (
        <ul class="settings-error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div class="settings-inline">
        <button type="submit" disabled={saving}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="link-button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
