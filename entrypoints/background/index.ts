/** The background: owns the database and answers the content scripts. Nothing else lives here. */
import { anchorAll } from '@/utils/anchoring/anchor-all';
import { articleIdFor } from '@/utils/article/url';
import { recordArticle } from '@/utils/db/articles-repo';
import { createAnnotation, deleteAnnotation, listArticleAnnotations, restoreAnnotation, updateAnnotation } from '@/utils/db/annotations-repo';
import { GlossDb } from '@/utils/db/database';
import { listen } from '@/utils/messaging/listen';
import { directionOf, toBackground } from '@/utils/messaging/protocol';
import { ARTICLE_SCRIPT_FILE } from '@/utils/page/handoff';
import { isSiteDisabled, readSettings } from '@/utils/settings/settings';
import { parseArticleOffThread } from './parse-article';
import { recognizerFor } from './recognizer';

export default defineBackground(() => {
  const db = new GlossDb();

  listen(
    'toBackground',
    toBackground,
    {
      async startArticle(_payload, sender) {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('startArticle needs a tab');
        if (isSiteDisabled(await readSettings(), sender.url ?? '')) return { started: false };
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [sender.frameId ?? 0] },
          files: [ARTICLE_SCRIPT_FILE],
        });
        return { started: true };
      },
      async extractArticle({ html, url, canonicalUrl }) {
        const id = articleIdFor(url, canonicalUrl);
        if (!id) throw new Error('This page has no http(s) address to file the article under');
        const extract = await parseArticleOffThread(html, url);
        if (!extract) return null;
        const article = await recordArticle(db, { id, url, canonicalUrl, meta: extract.meta });
        return { article, texts: extract.texts, timings: extract.timings };
      },
      saveAnnotation: (annotation) => createAnnotation(db, annotation),
      updateAnnotation: ({ id, ...edit }) => updateAnnotation(db, id, edit),
      deleteAnnotation: ({ id }) => deleteAnnotation(db, id),
      restoreAnnotation: ({ annotation }) => restoreAnnotation(db, annotation),
      listAnnotations: ({ articleId }) => listArticleAnnotations(db, articleId),
      async analyzeText({ articleId, text }) {
        const [recognizer, annotations] = await Promise.all([recognizerFor(db), listArticleAnnotations(db, articleId)]);
        const start = performance.now();
        const spans = recognizer.recognize(text);
        const ms = performance.now() - start;
        return { spans, ms, placement: anchorAll(annotations, text) };
      },
    },
    { isKnownType: (type) => directionOf(type) !== null },
  );
});
