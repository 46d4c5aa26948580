/**
 * Host names as the reader types them into the list of sites where Gloss is off. The list is
 * matched against `new URL(page).hostname` (settings.ts), so a name is stored in that form:
 * lower case, international names in punycode. Mirror pairs (settings.ts) are kept as sites:
 * registrable domains (utils/article/site.ts).
 */
import { registrableDomain } from '../article/site';

const LABEL = /^(?!-)[a-z\d-]{1,63}(?<!-)$/;

/** The host name in `input` (a bare host or a whole address), or null when it is not one. */
export function parseHost(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '');
  if (host.startsWith('[')) return host; // an IPv6 address, as URL wrote it
  if (host.length > 253 || !host.split('.').every((label) => LABEL.test(label))) return null;
  return host;
}

/** The site (registrable domain) of a host name or address the reader typed, or null. */
export function parseSite(input: string): string | null {
  const host = parseHost(input);
  return host && registrableDomain(host);
}
