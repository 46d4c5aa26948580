/**
 * Libraries for the export tests: a small hand-made one whose every export can be read by eye,
 * and seeded random ones, large and hostile (emoji, CJK, right-to-left text, line breaks,
 * quotes and commas, formula-like cells, Markdown and HTML in notes and tags, 50 KB notes).
 */
import { ANNOTATION_COLORS, type AnnotationRecord } from '@/utils/anchoring/annotation';
import type { ArticleRecord } from '@/utils/article/types';
import { normalizeArticleUrl } from '@/utils/article/url';
import { cleanTags } from '@/utils/db/annotations-repo';
import { ENTITY_TYPES } from '@/utils/entities/types';
import type { WatchlistRecord } from '@/utils/entities/watchlist';
import type { Library } from '@/utils/export/records';
import { seededRandom } from './random';

type Random = ReturnType<typeof seededRandom>;

const article = (id: string, extra: Partial<ArticleRecord> = {}): ArticleRecord => ({
  id,
  url: id,
  canonicalUrl: null,
  title: 'Untitled',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'en',
  dir: 'ltr',
  excerpt: null,
  length: 5000,
  firstSeenAt: 1_700_000_000_000,
  lastSeenAt: 1_700_000_000_000,
  ...extra,
});

const annotation = (id: string, articleId: string, exact: string, start: number, extra: Partial<AnnotationRecord> = {}): AnnotationRecord => ({
  id,
  articleId,
  quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
  color: 'yellow',
  note: '',
  tags: [],
  createdAt: Date.UTC(2024, 2, 1, 12),
  updatedAt: Date.UTC(2024, 2, 2, 12),
  textHash: 'a1b2c3d4:5000',
  rev: 1,
  ...extra,
});

export const SPEECH = 'https://news.example/2024/kim-speech';
export const OLDER = 'https://other.example/older';
export const GONE = 'https://gone.example/no-record';

/** Four annotations over two recorded articles and one the library has no record of. */
export function sampleLibrary(): Library {
  return {
    articles: [
      article(SPEECH, {
        title: 'Kim’s speech in *Songchon* #1',
        siteName: 'KCNA Watch',
        publishedTime: '2024-03-01T09:00:00+09:00',
      }),
      article(OLDER, { title: 'An older piece', firstSeenAt: 1_600_000_000_000 }),
    ],
    annotations: [
      annotation('00000000-0000-4000-8000-000000000001', SPEECH, 'made a speech', 50, {
        note: 'First **public** speech.\n\n## Not a heading',
        tags: ['speech', 'self reliance', 'a,b', '#a', '<b>x</b>'],
        color: 'green',
      }),
      annotation('00000000-0000-4000-8000-000000000002', SPEECH, 'The respected\nComrade', 10),
      annotation('00000000-0000-4000-8000-000000000003', OLDER, '=HYPERLINK("http://evil.example")', 5, {
        note: 'He said "no", then, later, "yes"',
        tags: ['quotes'],
        color: 'pink',
      }),
      annotation('00000000-0000-4000-8000-000000000004', GONE, 'orphaned passage', 0, { createdAt: 0, updatedAt: 1 }),
    ],
    watchlists: [
      { id: 'w1', name: 'Sanctions', terms: [{ term: 'maximum pressure', note: 'US policy' }, { term: 'snapback', aliases: ['snap-back'] }], createdAt: 1000, updatedAt: 2000 },
    ],
    settings: { hiddenTypes: ['DATE'], hideAll: false, disabledSites: ['noisy.example'], typeColors: { ORG: '#0a7d4f' } },
  };
}

const PIECES = [
  'the', 'said', 'Kim Jong Un', 'Songchon County', '조선중앙통신', '北京', '東京都の記事', 'مرحبا بالعالم', 'שלום עולם',
  '\u200f', '\u202e', '😀', '👩‍👩‍👧', '🇰🇷', 'e\u0301', '"', '""', ',', ';', '\n', '\r\n', '\t', "'", '=SUM(A1)',
  '+1', '-', '@x', '<b>x</b>', '#a', 'a,b', '**bold**', '`', '```', '> ', '# ', '## ', '\\', '$', '%%', '\u2028', '\uD800',
  '---', '<!--', '<pre>', '1.', ' ', '  ',
];

function text(random: Random, pieces: number): string {
  let out = '';
  for (let i = 0; i < pieces; i++) out += random.pick(PIECES) + (random.chance(0.5) ? ' ' : '');
  return out;
}

/** At least `length` characters of random text. */
function bigText(random: Random, length: number): string {
  const parts: string[] = [];
  for (let size = 0; size < length; size += parts[parts.length - 1]!.length) parts.push(text(random, 200));
  return parts.join('');
}

const nonEmpty = (value: string) => (value.trim() ? value : 'x');
const hex = (random: Random, digits: number) => Array.from({ length: digits }, () => random.int(16).toString(16)).join('');
const uuid = (random: Random) => `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-8${hex(random, 3)}-${hex(random, 12)}`;
const time = (random: Random) => (random.chance(0.02) ? 0 : 1_000_000_000_000 + random.int(900_000_000_000));
const maybe = <T>(random: Random, value: T): T | null => (random.chance(0.3) ? null : value);

const HOSTS = ['news.example', 'www.kcnawatch.example', 'bücher.example', '신문.example', 'example.co.uk'];
const SEGMENTS = ['2024', 'world', '뉴스', 'مقال', '😀', 'a b', 'x%20y', 'kim-jong-un'];

function randomArticle(random: Random, n: number): ArticleRecord {
  const raw = `https://${random.pick(HOSTS)}/${random.pick(SEGMENTS)}/${random.pick(SEGMENTS)}/${n}?id=${n}&utm_source=feed&q=${random.pick(SEGMENTS)}`;
  const id = normalizeArticleUrl(raw)!;
  const firstSeenAt = time(random);
  return {
    id,
    url: new URL(raw).toString(),
    canonicalUrl: random.chance(0.5) ? id : null,
    title: text(random, 1 + random.int(12)),
    byline: maybe(random, text(random, 3)),
    siteName: maybe(random, text(random, 2)),
    publishedTime: random.pick([null, '2024-03-01T09:00:00+09:00', '2023-12-31', 'yesterday', new Date(time(random)).toISOString()]),
    lang: random.pick([null, 'en-GB', 'ko', 'ar', 'ja']),
    dir: random.pick([null, 'ltr', 'rtl'] as const),
    excerpt: maybe(random, text(random, 20)),
    length: random.int(100_000),
    firstSeenAt,
    lastSeenAt: firstSeenAt + random.int(1_000_000),
  };
}

function randomTags(random: Random): string[] {
  const odd = ['<b>x</b>', '#a', 'a,b', 'self reliance', 'Juche', '조선', '😀 mood', '=1+1', '"quoted"', 'a;b'];
  const raw = Array.from({ length: random.int(7) }, () => (random.chance(0.6) ? random.pick(odd) : text(random, 1 + random.int(3)).slice(0, 64)));
  return cleanTags(raw);
}

function randomAnnotation(random: Random, articleId: string): AnnotationRecord {
  const exact = nonEmpty(random.chance(0.01) ? bigText(random, 10_000).slice(0, 20_000) : text(random, 1 + random.int(20)));
  const start = random.int(50_000);
  const createdAt = time(random);
  const big = random.chance(0.01);
  return {
    id: uuid(random),
    articleId,
    quote: { type: 'TextQuoteSelector', exact, prefix: text(random, random.int(8)).slice(-32), suffix: text(random, random.int(8)).slice(0, 32) },
    position: { type: 'TextPositionSelector', start, end: start + Math.max(1, exact.length) },
    color: random.pick(ANNOTATION_COLORS),
    note: big ? bigText(random, 50_000) : random.chance(0.3) ? '' : text(random, random.int(60)),
    tags: randomTags(random),
    createdAt,
    updatedAt: createdAt + random.int(10_000_000),
    textHash: `${hex(random, 8)}:${random.int(100_000)}`,
    rev: 1 + random.int(5),
  };
}

function randomWatchlist(random: Random): WatchlistRecord {
  const createdAt = time(random);
  return {
    id: uuid(random),
    name: nonEmpty(text(random, 2)),
    terms: Array.from({ length: random.int(20) }, () => ({
      term: nonEmpty(text(random, 2).trim()).slice(0, 200),
      ...(random.chance(0.3) ? { aliases: [text(random, 2).slice(0, 200)] } : {}),
      ...(random.chance(0.3) ? { note: text(random, 5) } : {}),
    })),
    createdAt,
    updatedAt: createdAt + random.int(1000),
  };
}

/** A seeded random library: `annotations` spread over `articles`, and a few watchlists. */
export function randomLibrary(seed: number, { articles = 200, annotations = 2000, watchlists = 10 } = {}): Library {
  const random = seededRandom(seed);
  const articleRecords = Array.from({ length: articles }, (_, n) => randomArticle(random, n));
  return {
    articles: articleRecords,
    annotations: Array.from({ length: annotations }, () => randomAnnotation(random, random.pick(articleRecords).id)),
    watchlists: Array.from({ length: watchlists }, () => randomWatchlist(random)),
    settings: {
      hiddenTypes: ENTITY_TYPES.filter(() => random.chance(0.4)),
      hideAll: random.chance(0.5),
      disabledSites: Array.from({ length: random.int(4) }, () => random.pick(HOSTS)),
    },
  };
}

/** Records sorted by id, to compare what a database hands back with what went in. */
export const byId = <T extends { id: string }>(records: readonly T[]): T[] => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
