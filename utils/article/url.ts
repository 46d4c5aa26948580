/**
 * Article identity. One article read through a share link, a newsletter link or its canonical
 * address must file under one id: the normalized URL — scheme, host and path, the query
 * parameters that choose content (sorted), no tracking parameters and no fragment. A page's
 * canonical link names its article only where the caller trusts it: the background lets a page
 * claim only its own outlet's articles (entrypoints/background/article-identity.ts).
 */

/** Query parameters that track the reader instead of choosing the content. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid',
  'mc_cid', 'mc_eid', '_ga', '_gl', 'ocid', 'cmpid', 'smid', 'smtyp', 'ref', 'ref_src', 'ref_url',
  'src', 'share', 'shared', 'at_medium', 'at_campaign', 'sr_share', 'ito', 'ns_mchannel',
  'ns_campaign', 'ns_source', 'ns_linkname', 'ns_fee', 'guccounter', 'spm', 'cid', 'ftag',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'oly_', 'vero_'];

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** The normalized form of an http(s) URL, or null for anything else. */
export function normalizeArticleUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
  url.search = new URLSearchParams(kept).toString();
  url.hash = '';
  url.username = '';
  url.password = '';
  return url.toString();
}

/** Whether a canonical link may name the article of a page (see `utils/article/site.ts`). */
export type CanonicalCheck = (location: string, canonical: string) => boolean;

/** The cheapest check, for a stand-in id before the background files the page: the same host. */
export const sameHost: CanonicalCheck = (location, canonical) => {
  try {
    return new URL(location).hostname === new URL(canonical).hostname;
  } catch {
    return false;
  }
};

/**
 * The id of the article at `location`: its canonical link when the page gives a valid http(s)
 * one that `trusted` accepts (a page may not file itself under another outlet's article), else
 * the page's own address. Null when neither is an http(s) URL.
 */
export function articleIdFor(location: string, canonicalHref: string | null, trusted: CanonicalCheck = sameHost): string | null {
  const own = normalizeArticleUrl(location);
  if (canonicalHref && own) {
    const canonical = normalizeArticleUrl(canonicalHref, location);
    if (canonical && trusted(own, canonical)) return canonical;
  }
  return own;
}

/** The canonical link a document declares, resolved against its address. */
export function canonicalHrefOf(doc: Document): string | null {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  return link?.href || null;
}
