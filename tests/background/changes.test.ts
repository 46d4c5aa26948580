import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changesSince, reportChanges } from '@/entrypoints/background/changes';
import { describeText } from '@/utils/anchoring/selectors';
import { createAnnotation } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { keepVersion } from '@/utils/db/versions-repo';
import { textHash } from '@/utils/text/hash';
import { freshDb } from '../support/fresh-db';
import { ARTICLE, reading } from '../support/versions';

const V1 = ['Headline', 'First paragraph of the story.', 'Second paragraph, about four provinces.', 'Third paragraph, to be removed.', 'Last words.'].join('\n');
const V2 = V1.replace('four provinces', 'six northern provinces').replace('\nThird paragraph, to be removed.', '');
const V3 = `${V2}\nA paragraph added later on.`;

describe('background/changes', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'changes');
  });

  const kept = async (text: string, at: number) => {
    const outcome = await keepVersion(db, reading(text), at);
    return outcome.kind === 'added' ? outcome.version.id : '';
  };
  const annotate = (text: string, quote: string, at: number) => {
    const start = text.indexOf(quote);
    return createAnnotation(db, { articleId: ARTICLE, ...describeText(text, start, start + quote.length), color: 'yellow', note: 'n', tags: [], textHash: textHash(text) }, at);
  };

  it('says nothing for an article with no stored version', async () => {
    expect(await changesSince(db, ARTICLE, V2)).toBeNull();
  });

  it('compares the text shown with the version the reader annotated, by paragraph, and names the version shown', async () => {
    const first = await kept(V1, 1000);
    await annotate(V1, 'to be removed', 1500);
    const second = await kept(V2, 2000);
    expect(await changesSince(db, ARTICLE, V2)).toEqual({
      since: { versionId: first, at: 1500, annotated: true },
      currentVersionId: second,
      counts: { edited: 1, removed: 1, added: 0 },
    });
  });

  it('compares with the latest version annotated, and says nothing when the text shown is the one annotated', async () => {
    await kept(V1, 1000);
    await annotate(V1, 'to be removed', 1500);
    const second = await kept(V2, 2000);
    await annotate(V2, 'six northern provinces', 2500);
    await kept(V3, 3000);
    expect(await changesSince(db, ARTICLE, V3)).toMatchObject({ since: { versionId: second, at: 2500, annotated: true }, counts: { edited: 0, removed: 0, added: 1 } });
    expect(await changesSince(db, ARTICLE, V2)).toBeNull();
  });

  it('compares with the first version kept when the reader annotated none, and with no stored version for a text not kept', async () => {
    const first = await kept(V1, 1000);
    expect(await changesSince(db, ARTICLE, V3)).toEqual({
      since: { versionId: first, at: 1000, annotated: false },
      currentVersionId: null,
      counts: { edited: 1, removed: 1, added: 1 },
    });
    expect(await changesSince(db, ARTICLE, V1)).toBeNull();
  });

  it('passes over a damaged copy to the next one it can read', async () => {
    const first = await kept(V1, 1000);
    const second = await kept(V2, 2000);
    await db.versionBodies.update(first, { data: new Uint8Array([1, 2, 3]) });
    expect(await changesSince(db, ARTICLE, V3)).toMatchObject({ since: { versionId: second, annotated: false }, counts: { added: 1 } });
  });

  it('tells the frame once its reading is kept, and sends nothing when nothing changed', async () => {
    const sent: unknown[][] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (...args: unknown[]) => {
      sent.push(args);
      return { ok: true, value: null };
    });
    const sender = { id: fakeBrowser.runtime.id, url: ARTICLE, tab: { id: 4 }, frameId: 2 };
    const first = await kept(V1, 1000);
    await reportChanges(db, sender, ARTICLE, V1, Promise.resolve());
    expect(sent).toEqual([]);
    let keep!: () => void;
    const keeping = new Promise<void>((resolve) => (keep = resolve));
    const told = reportChanges(db, sender, ARTICLE, V2, keeping);
    const second = await kept(V2, 2000);
    keep();
    await told;
    expect(sent).toEqual([
      [
        4,
        { gloss: 1, type: 'articleChanged', payload: { articleId: ARTICLE, changes: { since: { versionId: first, at: 1000, annotated: false }, currentVersionId: second, counts: { edited: 1, removed: 1, added: 0 } } } },
        { frameId: 2 },
      ],
    ]);
  });
});
