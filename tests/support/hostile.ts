/**
 * Hostile strings for the export tests: what a page (or a file) can put in a title, a quote, a
 * note, a tag, an id or a time to break a format or a reader's notes app. Seeded, so a failure
 * reproduces.
 */
import { seededRandom } from './random';

type Random = ReturnType<typeof seededRandom>;

/** Pieces of page or note text that mean something to Markdown, Obsidian, Logseq, a spreadsheet or a bidi renderer. */
export const HOSTILE_PIECES = [
  '{{embed [[secret]]}}', '{{', '}}', '{{{', '{{video https://evil.example}}', '((64f0c2a1-0000-4000-8000-000000000000))', '((', '::',
  'alias:: x', '^block-id', '[[Link]]', '![[embed]]', '#tag', '# ', '> ', '- ', '1. ', '==mark==', '%%hidden%%', '<iframe src=x>',
  '<script>alert(1)</script>', '&#x202e;', '&amp;', '```', '~~~', '`', '\\', '$$', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
  '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u2028', '\u2029', '\r\n', '\n', '\t', 'مرحبا', 'שלום',
  '조선', '=SUM(A1)', '@x', '+1', '-', 'plain words', ' ', '',
];

/** Random hostile text of up to `pieces` pieces. */
export function hostileText(random: Random, pieces = 8): string {
  let out = '';
  for (let i = 0, n = 1 + random.int(pieces); i < n; i++) out += random.pick(HOSTILE_PIECES) + (random.chance(0.4) ? ' ' : '');
  return out;
}

/** Ids a W3C file may carry: good ones, bad ones, and random text. */
export const HOSTILE_IDS = [
  ' ', '', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'urn:uuid:', 'urn:uuid:not-a-uuid',
  'urn:uuid:11111111-2222-4333-8444-555555555555', 'URN:UUID:AAAAAAAA-2222-4333-8444-555555555555', '11111111-2222-4333-8444-666666666666',
  'https://hypothes.is/a/AbC123', 'http://anno.example/1', 'https://', 'http://x y/', 'https://e.example/\u202eevil', 'https://e.example/a\u0000',
  'https://e.example/\uD800', `https://e.example/${'a'.repeat(120)}`, 'a'.repeat(101), 'tag:example.com,2024:note-1', 'tag:bad', 'tag:a@b.example,2024-03:x',
  'mailto:a@b.example', 'urn:isbn:0451450523', '//relative.example/x', '../x', '#frag', 'ftp://x.example/', 'file:///etc/passwd', '\u202e', 'id with spaces',
];

/** An id from HOSTILE_IDS or random hostile text. */
export const hostileId = (random: Random): string => (random.chance(0.7) ? random.pick(HOSTILE_IDS) : hostileText(random, 3));

/** Raw tags as a file may carry them: padded, blank, doubled in another case, with odd white space. */
export const HOSTILE_TAGS = [' ', '', '  a  ', 'a', 'A', 'a\u00a0 b', 'A B', '\t', 'Juche', 'juche ', ' JUCHE', 'É', 'é', 'self\n reliance', '#x', '<b>x</b>', '{{x}}', '\u202ex', `  ${'t'.repeat(64)}  `];

/** A random list of raw tags. */
export const hostileTags = (random: Random): string[] => Array.from({ length: random.int(8) }, () => (random.chance(0.8) ? random.pick(HOSTILE_TAGS) : hostileText(random, 2).slice(0, 60)));

export { seededRandom };
