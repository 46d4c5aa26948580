/**
 * The shape of the list files in this folder (README.md says how to edit them): sections of
 * entries, each entry a name or its canonical name followed by aliases and spelling variants.
 */

/** A name on its own, or [canonical, ...aliases]. */
export type Entry = string | readonly [string, ...string[]];

/** A heading for people who edit the list (the recognizer ignores it) and the entries under it. */
export interface Section {
  section: string;
  entries: readonly (string | readonly string[])[];
}

/**
 * A list's entries, section after section. JSON cannot say that an alias array is never empty:
 * tests/entities/data.test.ts checks every file, so the cast holds.
 */
export function entriesOf(sections: readonly Section[]): readonly Entry[] {
  return sections.flatMap((section) => section.entries) as readonly Entry[];
}

/** A list of single names (given or family names), section after section. */
export function namesOf(sections: readonly Section[]): readonly string[] {
  return sections.flatMap((section) => section.entries) as readonly string[];
}
