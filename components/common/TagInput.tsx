/**
 * Tags as removable chips plus a field for the next one, suggesting the reader's existing tags
 * (a native datalist, so it is keyboard and screen-reader friendly). Enter or a comma adds the
 * typed tag; Backspace in the empty field removes the last. The typed text is the form's, so a
 * tag typed but not yet added is still saved.
 */
import { ANNOTATION_LIMITS } from '@/utils/anchoring/annotation';
import { cleanTags } from '@/utils/notes/tags';

export interface TagInputProps {
  id: string;
  tags: readonly string[];
  text: string;
  suggestions: readonly string[];
  onChange: (tags: string[], text: string) => void;
}

/** `tags` with `text` added as a tag, unless it is empty or already there (ignoring case): cleaned as every import cleans them. */
export function addTag(tags: readonly string[], text: string): string[] {
  return cleanTags([...tags, text]);
}

/** Why these tags cannot be saved, or null. */
export function tagProblem(tags: readonly string[]): string | null {
  const long = tags.find((tag) => tag.length > ANNOTATION_LIMITS.tag);
  if (long) return `A tag holds at most ${ANNOTATION_LIMITS.tag} characters ("${long.slice(0, 20)}…" is longer).`;
  if (tags.length > ANNOTATION_LIMITS.tags) return `A highlight holds at most ${ANNOTATION_LIMITS.tags} tags.`;
  return null;
}

export function TagInput({ id, tags, text, suggestions, onChange }: TagInputProps) {
  const used = new Set(tags.map((tag) => tag.toLowerCase()));
  return (
    <div class="tag-input">
      {tags.length > 0 && (
        <ul class="chips" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} class="chip">
              {tag}
              <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag), text)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        list={`${id}-suggestions`}
        value={text}
        placeholder="Add a tag"
        autocomplete="off"
        data-testid="tag-input"
        onInput={(event) => onChange([...tags], event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            onChange(addTag(tags, text), '');
          } else if (event.key === 'Backspace' && !text && tags.length) {
            onChange(tags.slice(0, -1), '');
          }
        }}
      />
      <datalist id={`${id}-suggestions`}>
        {suggestions
          .filter((tag) => !used.has(tag.toLowerCase()))
          .slice(0, 200)
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
    </div>
  );
}
