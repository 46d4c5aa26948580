/**
 * Shared entry type for the entity-recognizer gazetteers in this folder.
 *
 * An entry is either a bare name, or a readonly tuple whose first element is
 * the canonical name and whose remaining elements are aliases / spelling
 * variants that should resolve to that canonical name.
 */
export type Entry = string | readonly [string, ...string[]];
