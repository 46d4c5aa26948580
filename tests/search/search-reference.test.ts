/**
 * searchLibrary against a brute-force reference on a generated library: the same answers, in the
 * same order, for a few hundred random queries mixing words, phrases and every filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOTATION_COLORS, type AnnotationRecord } from '@/utils/anchoring/annotation';
import type { ArticleRecord } from '@/utils/article/types';
import { putStoredAnnotations, storedAnnotation } from '@/utils/db/annotations-repo';
import { GlossDb } from '@/utils/db/database';
import { parseQuery, type LibraryFilter } from '@/utils/search/query';
import { LOAD_AT_MOST, searchLibrary } from '@/utils/search/search';
import { searchTokens } from '@/utils/search/tokens';
import { indexWords, matchesWord, queryWords } from '@/utils/search/words';
import { seededRandom } from '../support/random';

const ARTICLES = 300;
const ANNOTATIONS = 3000;
const CASES = 300;

const VOCABULARY = [
  'missile', 'missiles', 'mission', 'Pyongyang', 'Pyongyang’s', 'Kim', 'Jong-un', 'Seoul', 'seoul', 'summit', 'sanctions',
  'São', 'Paulo', 'Zürich', 'Straße', 'Ærø', 'O’Brien', 'U.S.', '20×10', 'self-reliance', 'the', 'of', 'and', 'a', 'in',
  'talks', 'talking', 'trade', 'tariff', 'Juche', 'launch', 'launched', 'ministry', 'unification', '2018', '2026',
  '北京', '大学', '学生', '北京大学', '서울에서', '김정은', '회담', 'الحكومة', 'حكومة', 'السورية', 'قالت',
];
const TAGS = ['Missiles', 'missiles', 'Leader', 'Trade', 'self reliance', 'Self-Reliance', 'Café', 'cafe', '외교'];
const OUTLETS = ['BBC News', 'Yonhap', 'yonhap', 'South China Morning Post', 'Al Jazeera', null];
const BASE = new Date(2026, 0, 1).getTime();
const HOUR = 3_600_000;

describe('search/search against a brute-force reference', () => {
  const random = seededRandom(20260301);
  const articles: ArticleRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  let db: GlossDb;

  const sentence = (n: number) => Array.from({ length: n }, () => random.pick(VOCABULARY)).join(random.chance(0.2) ? ', ' : ' ');

  beforeAll(async () => {
    db = new GlossDb(`search-reference-${crypto.randomUUID()}`);
    await db.open();
    for (let i = 0; i < ARTICLES; i++) {
      const id = `https://news${i % 7}.example/${i}`;
      articles.push({
        id, url: id, canonicalUrl: null, title: sentence(1 + random.int(6)), byline: null, siteName: random.pick(OUTLETS),
        publishedTime: null, lang: null, dir: null, excerpt: null, length: 1000, firstSeenAt: 0, lastSeenAt: 0,
      });
    }
    for (let i = 0; i < ANNOTATIONS; i++) {
      const exact = sentence(1 + random.int(12));
      // Times on a coarse grid, so many annotations share one and the id decides their order.
      const createdAt = BASE + random.int(24 * 90) * HOUR;
      annotations.push({
        id: `a${random.int(1e9).toString(36)}-${i}`,
        articleId: random.pick(articles).id,
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: exact.length },
        color: random.pick(ANNOTATION_COLORS),
        note: random.chance(0.4) ? sentence(1 + random.int(20)) : '',
        tags: random.chance(0.5) ? [...new Set(Array.from({ length: 1 + random.int(3) }, () => random.pick(TAGS)))] : [],
        createdAt,
        updatedAt: createdAt,
        textHash: '',
        rev: 1,
      });
    }
    // An article may be gone: one annotation points at none.
    annotations[0]!.articleId = 'https://gone.example/';
    await db.articles.bulkAdd(articles);
    const byId = new Map(articles.map((a) => [a.id, a]));
    await putStoredAnnotations(db, annotations.map((a) => storedAnnotation(a, byId.get(a.articleId))));
  }, 30_000);

  afterAll(() => db.delete());

  const tokensOf = (text: string | null | undefined) => ` ${searchTokens(text ?? '').map((t) => t.text).join(' ')} `;
  const wordsOf = new Map<string, string[]>();
  const fieldsOf = new Map<string, string[]>();

  function reference(filter: LibraryFilter, limit: number, offset: number) {
    const byId = new Map(articles.map((a) => [a.id, a]));
    if (wordsOf.size === 0) {
      for (const a of annotations) {
        const article = byId.get(a.articleId);
        wordsOf.set(a.id, indexWords(a, article));
        fieldsOf.set(a.id, [a.quote.exact, a.note, ...a.tags, article?.title, article?.siteName].map(tokensOf));
      }
    }
    const asked = queryWords([...(filter.words ?? []), ...(filter.phrases ?? [])].join(' '));
    const phrases = (filter.phrases ?? []).map(tokensOf).filter((p) => p.trim());
    const tags = (filter.tags ?? []).map(tokensOf);
    const outlets = (filter.outlets ?? []).map(tokensOf);
    const sets = [filter.entity, filter.termList].filter((s) => s !== undefined);
    const kept = annotations.filter((a) => {
      const article = byId.get(a.articleId);
      const words = wordsOf.get(a.id)!;
      if (!asked.every((w) => words.some((stored) => matchesWord(stored, w)))) return false;
      if (!tags.every((tag) => a.tags.some((t) => tokensOf(t) === tag))) return false;
      if (filter.colors?.length && !filter.colors.includes(a.color)) return false;
      if (outlets.length && !(article?.siteName && outlets.includes(tokensOf(article.siteName)))) return false;
      if (filter.from !== undefined && a.createdAt < filter.from) return false;
      if (filter.before !== undefined && a.createdAt >= filter.before) return false;
      const fields = fieldsOf.get(a.id)!;
      if (!phrases.every((p) => fields.some((f) => f.includes(p)))) return false;
      for (const set of sets) {
        if (set.articleIds && !new Set(set.articleIds).has(a.articleId)) return false;
        if (set.accept && !set.accept(a, article)) return false;
      }
      return true;
    });
    kept.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    return { total: kept.length, ids: kept.slice(offset, offset + limit).map((a) => a.id) };
  }

  /** A word of the vocabulary, cut to a prefix now and then. */
  function someWord(): string {
    const word = random.pick(VOCABULARY);
    return random.chance(0.4) ? word.slice(0, 2 + random.int(Math.max(1, word.length - 1))) : word;
  }

  function someDay(): string {
    const date = new Date(BASE + random.int(95) * 24 * HOUR);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  }

  /** A random search box text. */
  function someQuery(): string {
    const terms: string[] = [];
    for (let k = random.int(3); k > 0; k--) terms.push(someWord());
    if (random.chance(0.2)) {
      const words = random.pick(annotations).quote.exact.split(/[ ,]+/);
      const at = random.int(words.length);
      terms.push(`"${words.slice(at, at + 1 + random.int(3)).join(' ')}"`);
    }
    if (random.chance(0.25)) terms.push(`tag:"${random.pick(TAGS)}"`);
    if (random.chance(0.25)) terms.push(`color:${random.pick(ANNOTATION_COLORS)}`);
    if (random.chance(0.1)) terms.push(`color:${random.pick(ANNOTATION_COLORS)}`);
    if (random.chance(0.2)) terms.push(`outlet:"${random.pick(OUTLETS.filter(Boolean))}"`);
    if (random.chance(0.2)) terms.push(`from:${someDay()}`);
    if (random.chance(0.2)) terms.push(`to:${someDay()}`);
    return terms.sort(() => random.next() - 0.5).join(' ');
  }

  it(`answers ${CASES} random search texts as the reference does`, async () => {
    let large = 0;
    let small = 0;
    for (let c = 0; c < CASES; c++) {
      const text = someQuery();
      const limit = random.pick([1, 10, 50]);
      const offset = random.chance(0.3) ? random.int(60) : 0;
      const result = await searchLibrary(db, text, { limit, offset });
      const expected = reference(parseQuery(text).filter, limit, offset);
      expect({ text, total: result.total, ids: result.annotations.map((a) => a.id) }).toEqual({ text, ...expected });
      expect(new Set(result.articles.map((a) => a.id))).toEqual(new Set(result.annotations.map((a) => a.articleId).filter((id) => id !== 'https://gone.example/')));
      if (expected.total > LOAD_AT_MOST) large++;
      else if (expected.total > 0) small++;
    }
    // Both ways of ordering candidates were exercised.
    expect(large).toBeGreaterThan(20);
    expect(small).toBeGreaterThan(20);
  }, 30_000);

  it('answers the same when it is given the library order it keeps', async () => {
    const order = (await db.annotations.orderBy('createdAt').primaryKeys()) as string[];
    for (let c = 0; c < CASES / 2; c++) {
      const text = someQuery();
      const limit = random.pick([1, 10, 50]);
      const offset = random.chance(0.3) ? random.int(60) : 0;
      const result = await searchLibrary(db, text, { limit, offset, order });
      expect({ text, total: result.total, ids: result.annotations.map((a) => a.id) }).toEqual({ text, ...reference(parseQuery(text).filter, limit, offset) });
    }
  }, 30_000);

  it('answers random structured filters with entity articles and hooks as the reference does', async () => {
    for (let c = 0; c < CASES / 3; c++) {
      const filter: LibraryFilter = parseQuery(someQuery()).filter;
      if (random.chance(0.5)) filter.entity = { key: 'e', articleIds: new Set(articles.filter(() => random.chance(0.3)).map((a) => a.id)) };
      if (random.chance(0.3)) {
        const color = random.pick(ANNOTATION_COLORS);
        filter.termList = { key: 't', accept: (a) => a.color !== color };
      }
      const offset = random.int(20);
      const result = await searchLibrary(db, filter, { limit: 25, offset });
      expect({ total: result.total, ids: result.annotations.map((a) => a.id) }).toEqual(reference(filter, 25, offset));
    }
  }, 30_000);
});
