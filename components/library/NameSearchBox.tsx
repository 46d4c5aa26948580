/**
 * The box a library name search is typed in (the entity table's, the merge choices'): its label,
 * the query's length limit and placeholder, the text kept by the caller (see use-name-search.ts).
 */
import type { ComponentChildren } from 'preact';
import { MAX_NAME_QUERY } from '@/utils/search/name-limits';

export function NameSearchBox({ label, value, onInput, testId }: { label: ComponentChildren; value: string; onInput: (text: string) => void; testId: string }) {
  return (
    <label>
      {label}{' '}
      <input
        type="search"
        value={value}
        maxLength={MAX_NAME_QUERY}
        placeholder="Name or spelling"
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        data-testid={testId}
      />
    </label>
  );
}
