import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { floorArticleScript, floorLoader } from '../../scripts/bench-floor.mjs';
import { SHARED } from '../../scripts/lib/paths.mjs';
import { pageHtml } from '@/utils/article/page-html';

const SEED = readFileSync(join(SHARED, 'seed/kcna-songchon-speech.html'), 'utf8');

/** Runs a script's source in this test's window, as a content script's file runs in its world. */
const run = (source: string) => new Function(source)() as void;

describe('scripts/bench-floor', () => {
  const sent: unknown[] = [];
  vi.stubGlobal('chrome', { runtime: { sendMessage: async (message: unknown) => void sent.push(message) } });
  afterEach(() => {
    sent.length = 0;
    delete (window as unknown as Record<string, unknown>).__glossFloor;
  });

  it("asks for the article script where Gloss's loader would, and nowhere else", () => {
    document.documentElement.innerHTML = new DOMParser().parseFromString(SEED, 'text/html').documentElement.innerHTML;
    run(floorLoader());
    expect(sent).toEqual([{ gloss: 1, type: 'startArticle', payload: {} }]);

    sent.length = 0;
    document.body.innerHTML = '<form><label>Email <input type="email"></label><button>Sign in</button></form>';
    run(floorLoader());
    expect(sent).toEqual([]);
  });

  it('hands over what Gloss hands over, then walks the body once', async () => {
    document.documentElement.innerHTML = new DOMParser().parseFromString(SEED, 'text/html').documentElement.innerHTML;
    run(`(${floorArticleScript.toString()})();`);
    await vi.waitFor(() => expect((window as unknown as Record<string, unknown>).__glossFloorNodes).toBeGreaterThan(0));
    expect(sent).toHaveLength(1);
    const { type, payload } = sent[0] as { type: string; payload: { html: string; url: string } };
    expect(type).toBe('extractArticle');
    // The same body, and no less of the head's metadata, as Gloss's own serialization.
    expect(payload.html).toContain(document.body.outerHTML);
    expect(payload.html.length).toBeGreaterThan(pageHtml(document).length * 0.9);
    expect(payload.url).toBe(location.href);
  });
});
