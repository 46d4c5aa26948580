/**
 * When an edit is refused because the highlight changed elsewhere (another tab, the popup, an
 * import), the reader's draft and the stored record are merged against the record the form was
 * opened on: a field only one side changed takes that side; tags merge as sets (what the reader
 * added or removed, applied to the stored ones); a note both changed keeps the reader's words in
 * the form, with the stored note shown beside it. Nothing is saved until the reader saves again.
 */
import type { AnnotationColor } from '@/utils/settings/color-names';
import { draftTags, type Draft } from './AnnotationForm';

export interface DraftFields {
  note: string;
  tags: readonly string[];
  color: string;
}

/** What the form shows after a refused edit: the stored text and the reader's, side by side. */
export interface Conflict {
  theirs: { note: string; tags: string[] };
  mine: { note: string; tags: string[] };
  /** Both changed the note: the form holds the reader's, to be merged by hand. */
  noteClash: boolean;
}

const key = (tag: string) => tag.toLowerCase();

export function mergeDraft(base: DraftFields, draft: Draft, theirs: DraftFields): { draft: Draft; conflict: Conflict } {
  const mine = { note: draft.note, tags: draftTags(draft), color: draft.color };
  const noteClash = mine.note !== base.note && theirs.note !== base.note && mine.note !== theirs.note;
  const note = mine.note === base.note ? theirs.note : mine.note;

  const had = new Set(base.tags.map(key));
  const kept = new Set(mine.tags.map(key));
  const removed = new Set([...had].filter((tag) => !kept.has(tag)));
  const tags = theirs.tags.filter((tag) => !removed.has(key(tag)));
  const present = new Set(tags.map(key));
  for (const tag of mine.tags) {
    if (had.has(key(tag)) || present.has(key(tag))) continue;
    tags.push(tag);
    present.add(key(tag));
  }

  const color = (mine.color === base.color ? theirs.color : mine.color) as AnnotationColor;
  return {
    draft: { color, note, tags, tagText: '' },
    conflict: { theirs: { note: theirs.note, tags: [...theirs.tags] }, mine: { note: mine.note, tags: mine.tags }, noteClash },
  };
}
