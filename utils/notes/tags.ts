/**
 * How a tag is cleaned, wherever it comes from: typed in the note form, saved through the
 * background, read from a backup or from a W3C file. One function, so a tag the editor would
 * merge with another ("Juche" and " juche ") is merged the same way by every import, and a
 * library never holds two spellings of one tag or a tag of white space only.
 */

/** Tags as stored: inner white space collapsed to one space, trimmed, no empties, no duplicates ignoring case (the first spelling is kept). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const tag of tags) {
    const clean = tag.replace(/\s+/g, ' ').trim();
    const key = clean.toLowerCase();
    if (!clean || seen.has(key)) continue;
    seen.add(key);
    kept.push(clean);
  }
  return kept;
}
