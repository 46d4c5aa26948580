import { beforeEach, describe, expect, it } from 'vitest';
import { describeText } from '@/utils/anchoring/selectors';
import {
  cleanTags,
  createAnnotation,
  deleteAnnotation,
  listArticleAnnotations,
  restoreAnnotation,
  updateAnnotation,
  type NewAnnotation,
} from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { freshDb } from '../support/fresh-db';
import { textHash } from '@/utils/text/hash';

const TEXT = 'The respected Comrade Kim Jong Un made a speech in Songchon County on Feb. 28.';
const ARTICLE = 'https://kcnawatch.example/a';

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
    expect(await db.annotations.get(made.id)).toEqual(made);
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
    await restoreAnnotation(db, deleted);
    expect(await db.annotations.get(made.id)).toEqual(made);
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
