/**
 * Which site an address belongs to, for article identity: a page may file itself under its
 * canonical link only when that link is on its own site, or on a site the reader said is the
 * same outlet (a mirror). A site is the registrable domain (eTLD+1): "www.bbc.co.uk" and
 * "news.bbc.co.uk" are one site, "a.github.io" and "b.github.io" are two.
 *
 * The full Public Suffix List is ~230 KB and changes monthly; Gloss ships no copy of it (nothing
 * is fetched either). Instead: a rule that covers most country registries' second levels
 * (co.uk, com.au, or.kr, com.cn, go.jp…), a short list of multi-part suffixes the rule misses,
 * and hosting platforms whose subdomains belong to different people. Where this guesses wrong it
 * errs strict: a name taken for a suffix that is not one only splits a site in two (a canonical
 * link is then not trusted and the page is its own article), while a suffix it misses would let
 * two owners pass for one site, so the platforms that matter are listed.
 */

/** Second-level labels that country registries sell names under: "bbc.co.uk", "abc.net.au". */
const REGISTRY_SECOND_LEVELS = new Set([
  'ac', 'co', 'com', 'edu', 'go', 'gob', 'gouv', 'gov', 'govt', 'gv', 'ltd', 'mil', 'ne', 'net', 'nic',
  'nom', 'or', 'org', 'plc', 'sch',
]);

/** Multi-part public suffixes the rule above misses (state media among them: rep.kp). */
const OTHER_SUFFIXES = new Set([
  'rep.kp', 'tra.kp', 'ad.jp', 'ed.jp', 'gr.jp', 'lg.jp', 'me.uk', 'nhs.uk', 'police.uk', 'asn.au',
  'id.au', 'in.th', 'or.th', 'gen.in', 'firm.in', 'ind.in', 'res.in', 'kiwi.nz', 'school.nz',
]);

/** Hosting platforms where each subdomain is someone else's site (private suffixes). */
const SHARED_HOSTS = new Set([
  'appspot.com', 'azurewebsites.net', 'blogspot.com', 'cloudfront.net', 'firebaseapp.com', 'fly.dev',
  'ghost.io', 'github.io', 'gitlab.io', 'glitch.me', 'herokuapp.com', 'livejournal.com', 'medium.com',
  'neocities.org', 'netlify.app', 'onrender.com', 'pages.dev', 'substack.com', 'tumblr.com',
  'typepad.com', 'vercel.app', 'web.app', 'weebly.com', 'wixsite.com', 'wordpress.com', 'workers.dev',
]);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Whether `name` (lower case, no trailing dot) is a public suffix by the rules above. */
function isPublicSuffix(name: string): boolean {
  const labels = name.split('.');
  if (labels.length === 1) return true; // a top-level domain
  if (OTHER_SUFFIXES.has(name) || SHARED_HOSTS.has(name)) return true;
  return labels.length === 2 && labels[1]!.length === 2 && REGISTRY_SECOND_LEVELS.has(labels[0]!);
}

/**
 * The registrable domain of a host name ("news.bbc.co.uk" → "bbc.co.uk"). An IP address, a
 * single-label name ("localhost") or a bare public suffix is its own site.
 */
export function registrableDomain(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name.startsWith('[') || IPV4.test(name)) return name;
  const labels = name.split('.');
  if (labels.length < 2) return name;
  // The suffixes known here are at most two labels long: the longest that fits, plus one label.
  for (let size = Math.min(2, labels.length - 1); size >= 1; size--) {
    if (isPublicSuffix(labels.slice(-size).join('.'))) return labels.slice(-size - 1).join('.');
  }
  return labels.slice(-2).join('.');
}

/** The site of an http(s) address, or null for anything else. */
export function siteOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return registrableDomain(parsed.hostname);
  } catch {
    return null;
  }
}

/** Two sites the reader declared to be one outlet (a mirror, a second domain), in either order. */
export type MirrorPair = readonly [string, string];

/**
 * Whether two http(s) addresses belong to one outlet: the same site (the scheme and port do not
 * matter, an outlet moves to https), or two sites the reader paired.
 */
export function sameOutlet(a: string, b: string, mirrors: readonly MirrorPair[] = []): boolean {
  const siteA = siteOf(a);
  const siteB = siteOf(b);
  if (!siteA || !siteB) return false;
  if (siteA === siteB) return true;
  return mirrors.some(([x, y]) => (x === siteA && y === siteB) || (x === siteB && y === siteA));
}
