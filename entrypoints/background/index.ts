/** The background: owns the database and answers the content scripts. Nothing else lives here. */
import { anchorAll } from '@/utils/anchoring/anchor-all';
import { articleIdFor } from '@/utils/article/url';
import { recordArticle, recordFindings } from '@/utils/db/articles-repo';
import { listArticleAnnotations } from '@/utils/db/annotations-repo';
import { GlossDb } from '@/utils/db/database';
import { requestPersistence } from '@/utils/db/persist';
import type { Sender } from '@/utils/messaging/envelope';
import { listen } from '@/utils/messaging/listen';
import { directionOf, toBackground } from '@/utils/messaging/protocol';
import { ARTICLE_SCRIPT_FILE, EDITOR_SCRIPT_FILE } from '@/utils/page/handoff';
import { isSiteDisabled, readSettings } from '@/utils/settings/settings';
import { annotationHandlers } from './annotations';
import { parseArticleOffThread } from './parse-article';
import { recognizerFor } from './recognizer';
import { watchSelectionCommands } from './selection-commands';
import { assertShowing, forgetTab, rememberTabArticle, takeReveal } from './tab-articles';

export default defineBackground(() => {
  const db = new GlossDb();
  void requestPersistence(); // Firefox's background page can ask; Chrome's worker cannot (see persist.ts)
  watchSelectionCommands();
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  const inject = (sender: Sender, file: typeof ARTICLE_SCRIPT_FILE | typeof EDITOR_SCRIPT_FILE) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('Only a tab can start Gloss');
    return browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file] });
  };

  listen(
    'toBackground',
    toBackground,
    {
      async startArticle(_payload, sender) {
        if (isSiteDisabled(await readSettings(), sender.url ?? '')) return { started: false };
        await inject(sender, ARTICLE_SCRIPT_FILE);
        return { started: true };
      },
      async loadEditor(_payload, sender) {
        await inject(sender, EDITOR_SCRIPT_FILE);
        return { loaded: true };
      },
      async extractArticle({ html, url, canonicalUrl }, sender) {
        const id = articleIdFor(url, canonicalUrl);
        if (!id) throw new Error('This page has no http(s) address to file the article under');
        const extract = await parseArticleOffThread(html, url);
        if (!extract) return null;
        const article = await recordArticle(db, { id, url, canonicalUrl, meta: extract.meta });
        await rememberTabArticle(sender, id);
        return { article, texts: extract.texts, timings: extract.timings };
      },
      ...annotationHandlers(db),
      async analyzeText({ articleId, text }, sender) {
        await assertShowing(sender, articleId);
        const [recognizer, annotations] = await Promise.all([recognizerFor(db), listArticleAnnotations(db, articleId)]);
        const start = performance.now();
        const spans = recognizer.recognize(text);
        const ms = performance.now() - start;
        const [reveal] = await Promise.all([takeReveal(sender), recordFindings(db, articleId, spans)]);
        return { spans, ms, placement: anchorAll(annotations, text), ...(reveal && { reveal }) };
      },
      async placeAnnotations({ articleId, text, ids }, sender) {
        await assertShowing(sender, articleId);
        const annotations = await listArticleAnnotations(db, articleId);
        const wanted = ids && new Set(ids);
        return anchorAll(wanted ? annotations.filter((annotation) => wanted.has(annotation.id)) : annotations, text);
      },
    },
    { isKnownType: (type) => directionOf(type) !== null },
  );
});
