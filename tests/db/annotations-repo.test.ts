import { beforeEach, describe, expect, it } from 'vitest';
import { describeText } from '@/utils/anchoring/selectors';
import {
  cleanTags,
  createAnnotation,
  deleteAnnotation,
  listArticleAnnotations,
  listTags,
  restoreAnnotation,
  updateAnnotation,
  withoutWords,
  type NewAnnotation,
} from '@/utils/db/annotations-repo';
import { recordArticle } from '@/utils/db/articles-repo';
import type { GlossDb } from '@/utils/db/database';
import { freshDb } from '../support/fresh-db';
import { textHash } from '@/utils/text/hash';

const TEXT = 'The respected Comrade Kim Jong Un made a speech in Songchon County on Feb. 28.';
const ARTICLE = 'https://kcnawatch.example/a';
const META = { title: '', byline: null, siteName: null, publishedTime: null, lang: 'en', dir: null, excerpt: null, length: TEXT.length } as const;

function annotationOf(quote: string, extra: Partial<NewAnnotation> = {}): NewAnnotation {
  const start = TEXT.indexOf(quote);
  const { quote: q, position } = describeText(TEXT, start, start + quote.length);
  return { articleId: ARTICLE, quote: q, position, color: 'yellow', note: '', tags: [], textHash: textHash(TEXT), ...extra };
}

describe('db/annotations-repo', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    db = await freshDb(context, 'annotations');
  });

  it('stores an annotation with its selectors, note, tags and times', async () => {
    const made = await createAnnotation(db, annotationOf('Kim Jong Un', { note: 'first **public** speech', tags: ['speech', ' Speech ', 'KCNA', ''] }), 1000);
    expect(made).toMatchObject({ articleId: ARTICLE, note: 'first **public** speech', tags: ['speech', 'KCNA'], createdAt: 1000, updatedAt: 1000 });
    expect(made.quote).toEqual({ type: 'TextQuoteSelector', exact: 'Kim Jong Un', prefix: 'The respected Comrade ', suffix: ' made a speech in Songchon Count' });
    expect(made).not.toHaveProperty('words');
    expect(withoutWords((await db.annotations.get(made.id))!)).toEqual(made);
  });

  it('edits note, tags and color and keeps the rest', async () => {
    const made = await createAnnotation(db, annotationOf('Songchon County'), 1000);
    const edited = await updateAnnotation(db, made.id, { note: 'new note', color: 'green', tags: ['place'] }, 2000);
    expect(edited).toMatchObject({ id: made.id, note: 'new note', color: 'green', tags: ['place'], createdAt: 1000, updatedAt: 2000, quote: made.quote });
  });

  it('deletes and undoes the delete exactly', async () => {
    const made = await createAnnotation(db, annotationOf('Feb. 28'));
    const deleted = await deleteAnnotation(db, made.id);
    expect(await db.annotations.count()).toBe(0);
    expect(deleted).toEqual(made);
    await restoreAnnotation(db, deleted);
    expect(withoutWords((await db.annotations.get(made.id))!)).toEqual(made);
    expect((await db.annotations.get(made.id))?.words).toEqual(['feb', '28']);
  });

  it("stores search words from the quote, note, tags and the article's title and outlet", async () => {
    await recordArticle(db, { id: ARTICLE, url: ARTICLE, canonicalUrl: null, meta: { ...META, title: 'Leader visits county', siteName: 'KCNA Watch' } }, 500);
    const made = await createAnnotation(db, annotationOf('Songchon County', { note: 'Rural *focus*', tags: ['Juche'] }), 1000);
    const words = (await db.annotations.get(made.id))?.words;
    expect(words).toEqual(expect.arrayContaining(['songchon', 'county', 'rural', 'focus', 'juche', 'leader', 'visits', 'kcna', 'watch']));
    expect(words).not.toContain('the');
  });

  it('keeps the words current through edits, restores and a renamed article', async () => {
    const made = await createAnnotation(db, annotationOf('Songchon County', { note: 'old note' }), 1000);
    await updateAnnotation(db, made.id, { note: 'fresh remark', tags: ['Agriculture'] }, 2000);
    let words = (await db.annotations.get(made.id))?.words;
    expect(words).toEqual(expect.arrayContaining(['fresh', 'remark', 'agriculture']));
    expect(words).not.toContain('old');

    await recordArticle(db, { id: ARTICLE, url: ARTICLE, canonicalUrl: null, meta: { ...META, title: 'Harvest report', siteName: 'Rodong' } }, 3000);
    words = (await db.annotations.get(made.id))?.words;
    expect(words).toEqual(expect.arrayContaining(['harvest', 'report', 'rodong', 'songchon']));

    // An annotation restored with stale or foreign words gets its own.
    await restoreAnnotation(db, { ...made, words: ['bogus'] } as typeof made);
    words = (await db.annotations.get(made.id))?.words;
    expect(words).not.toContain('bogus');
    expect(words).toEqual(expect.arrayContaining(['harvest', 'songchon']));
  });

  it('lists every tag in use once', async () => {
    await createAnnotation(db, annotationOf('Kim Jong Un', { tags: ['leader', 'KCNA'] }));
    await createAnnotation(db, annotationOf('Songchon County', { tags: ['place', 'KCNA'] }));
    await createAnnotation(db, annotationOf('Feb. 28'));
    expect(await listTags(db)).toEqual(['KCNA', 'leader', 'place']);
  });

  it("lists an article's annotations in text order, overlapping ones each with their own note", async () => {
    const b = await createAnnotation(db, annotationOf('Songchon County', { note: 'b' }));
    const a = await createAnnotation(db, annotationOf('Kim Jong Un made a speech', { note: 'a' }));
    const inner = await createAnnotation(db, annotationOf('Jong Un made', { note: 'inner' }));
    await createAnnotation(db, { ...annotationOf('Kim Jong Un'), articleId: 'https://other.example/' });
    expect((await listArticleAnnotations(db, ARTICLE)).map((x) => x.id)).toEqual([a.id, inner.id, b.id]);
  });

  it('refuses to edit or delete what is not there, and writes nothing', async () => {
    await expect(updateAnnotation(db, 'missing', { note: 'x' })).rejects.toThrow('No annotation missing');
    await expect(deleteAnnotation(db, 'missing')).rejects.toThrow('No annotation missing');
    expect(await db.annotations.count()).toBe(0);
  });

  it('cleans tags: trimmed, folded spaces, no empties or case-duplicates', () => {
    expect(cleanTags(['  Juche ', 'juche', 'self  reliance', '', '20×10'])).toEqual(['Juche', 'self reliance', '20×10']);
  });
});

describe('text/hash', () => {
  it('tells texts apart and is stable', () => {
    expect(textHash(TEXT)).toBe(textHash(TEXT));
    expect(textHash(TEXT)).not.toBe(textHash(TEXT.replace('28', '29')));
    expect(textHash('')).toMatch(/^[0-9a-f]{8}:0$/);
  });
});
