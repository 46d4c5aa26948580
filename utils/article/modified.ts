/**
 * When the outlet says it last changed an article: Readability reads the published time, not
 * this. From the page's metadata (Open Graph, schema.org microdata, Dublin Core) or its JSON-LD,
 * as the page gives it; not reinterpreted.
 */

const META = [
  'meta[property="article:modified_time"]',
  'meta[property="og:updated_time"]',
  'meta[itemprop="dateModified"]',
  'meta[name="dcterms.modified"]',
  'meta[name="last-modified"]',
];

/** Longest value kept: a date, not a paragraph a page put there. */
const MAX_LENGTH = 64;

/** The article's modified time as the page states it, or null. */
export function modifiedTimeOf(doc: Document): string | null {
  for (const selector of META) {
    const value = clean(doc.querySelector(selector)?.getAttribute('content'));
    if (value) return value;
  }
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const value = clean(dateModifiedIn(JSON.parse(script.textContent ?? ''), 0));
      if (value) return value;
    } catch {
      // a page's broken JSON-LD says nothing
    }
  }
  return null;
}

function dateModifiedIn(value: unknown, depth: number): unknown {
  if (depth > 3 || typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = dateModifiedIn(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  return typeof record.dateModified === 'string' ? record.dateModified : dateModifiedIn(record['@graph'], depth + 1);
}

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text && text.length <= MAX_LENGTH ? text : null;
}
