import { beforeEach, describe, expect, it } from 'vitest';
import { describeText } from '@/utils/anchoring/selectors';
import {
  cleanTags,
  createAnnotation,
  deleteAnnotation,
  listArticleAnnotations,
  listTags,
  restoreAnnotation,
  RevisionConflict,
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
    const edited = await updateAnnotation(db, made.id, { note: 'new note', color: 'green', tags: ['place'], baseRev: 1 }, 2000);
    expect(edited).toMatchObject({ id: made.id, note: 'new note', color: 'green', tags: ['place'], createdAt: 1000, updatedAt: 2000, quote: made.quote, rev: 2 });
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
    await updateAnnotation(db, made.id, { note: 'fresh remark', tags: ['Agriculture'], baseRev: 1 }, 2000);
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
    await expect(updateAnnotation(db, 'missing', { note: 'x', baseRev: 1 })).rejects.toThrow('No annotation missing');
    await expect(deleteAnnotation(db, 'missing')).rejects.toThrow('No annotation missing');
    expect(await db.annotations.count()).toBe(0);
  });

  it('makes an annotation at revision 1 under the id its writer chose', async () => {
    const made = await createAnnotation(db, annotationOf('Kim Jong Un', { id: 'client-made' }), 1000);
    expect(made).toMatchObject({ id: 'client-made', rev: 1 });
  });

  it('answers a save sent again (its first answer lost) with the stored record, and stores it once', async () => {
    const first = await createAnnotation(db, annotationOf('Kim Jong Un', { id: 'n1', note: 'leader', tags: ['a'] }), 1000);
    const again = await createAnnotation(db, annotationOf('Kim Jong Un', { id: 'n1', note: 'leader', tags: [' a '] }), 5000);
    expect(again).toEqual(first);
    expect(await db.annotations.count()).toBe(1);
  });

  it('takes the newer words of a retry while only its writer knew the highlight, and refuses them once it was edited elsewhere', async () => {
    await createAnnotation(db, annotationOf('Kim Jong Un', { id: 'n1', note: 'first try' }), 1000);
    const retried = await createAnnotation(db, annotationOf('Kim Jong Un', { id: 'n1', note: 'second try' }), 2000);
    expect(retried).toMatchObject({ note: 'second try', rev: 2, createdAt: 1000, updatedAt: 2000 });
    await updateAnnotation(db, 'n1', { note: 'edited in another tab', baseRev: 2 });
    const refused = createAnnotation(db, annotationOf('Kim Jong Un', { id: 'n1', note: 'third try' }));
    await expect(refused).rejects.toBeInstanceOf(RevisionConflict);
    await expect(refused).rejects.toMatchObject({ current: { note: 'edited in another tab', rev: 3 } });
    expect(await db.annotations.count()).toBe(1);
  });

  it('refuses an id that names another passage', async () => {
    await createAnnotation(db, annotationOf('Kim Jong Un', { id: 'n1' }));
    await expect(createAnnotation(db, annotationOf('Songchon County', { id: 'n1' }))).rejects.toThrow('another highlight');
    await expect(createAnnotation(db, { ...annotationOf('Kim Jong Un', { id: 'n1' }), articleId: 'https://other.example/' })).rejects.toThrow('another highlight');
    expect((await db.annotations.get('n1'))?.quote.exact).toBe('Kim Jong Un');
  });

  it('numbers each edit and refuses one based on an older revision, with the stored record', async () => {
    const made = await createAnnotation(db, annotationOf('Songchon County', { note: 'base', tags: ['x'] }), 1000);
    const a = await updateAnnotation(db, made.id, { note: 'tab A text', baseRev: 1 }, 2000);
    expect(a.rev).toBe(2);
    // Tab B opened the form at revision 1 and adds a tag.
    let conflict: unknown;
    try {
      await updateAnnotation(db, made.id, { note: 'base', tags: ['x', 'b'], baseRev: 1 }, 3000);
    } catch (error) {
      conflict = error;
    }
    expect(conflict).toBeInstanceOf(RevisionConflict);
    expect((conflict as RevisionConflict).error).toMatchObject({ code: 'conflict', current: { note: 'tab A text', tags: ['x'], rev: 2 } });
    expect(withoutWords((await db.annotations.get(made.id))!)).toEqual(a);
    // Merged and saved on the new base: both kept.
    const merged = await updateAnnotation(db, made.id, { note: 'tab A text', tags: ['x', 'b'], baseRev: 2 }, 4000);
    expect(merged).toMatchObject({ note: 'tab A text', tags: ['x', 'b'], rev: 3, updatedAt: 4000 });
  });

  it('answers an edit sent again after a lost answer with the stored record, not a conflict', async () => {
    const made = await createAnnotation(db, annotationOf('Feb. 28'));
    const edited = await updateAnnotation(db, made.id, { note: 'same edit', color: 'blue', baseRev: 1 });
    expect(await updateAnnotation(db, made.id, { note: 'same edit', color: 'blue', baseRev: 1 })).toEqual(edited);
    expect((await db.annotations.get(made.id))?.rev).toBe(2);
  });

  it('counts a record from before revisions as revision 1', async () => {
    const made = await createAnnotation(db, annotationOf('Feb. 28'));
    await db.annotations.update(made.id, { rev: undefined as never });
    expect((await listArticleAnnotations(db, ARTICLE))[0]!.rev).toBe(1);
    expect((await updateAnnotation(db, made.id, { note: 'x', baseRev: 1 })).rev).toBe(2);
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
