/**
 * The reader's annotations as the background serves them to pages: a frame may read and change
 * only the annotations of the article it shows (see tab-articles.ts), and every change is
 * announced to each frame showing that article, so all its tabs repaint at once.
 */
import {
  createAnnotation,
  deleteAnnotation,
  listArticleAnnotations,
  listTags,
  restoreAnnotation,
  updateAnnotation,
} from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import type { Handlers } from '@/utils/messaging/receive';
import type { Sender } from '@/utils/messaging/envelope';
import { sendToTab } from '@/utils/messaging/send';
import { browser } from 'wxt/browser';
import { assertShowing, framesShowing, revealLater } from './tab-articles';

type AnnotationHandlers = Pick<
  Handlers<'toBackground'>,
  | 'saveAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'listAnnotations'
  | 'listTags'
  | 'annotationsChanged'
  | 'openAnnotation'
>;

export function annotationHandlers(db: GlossDb): AnnotationHandlers {
  /** Tells every frame showing the article to place its annotations again. */
  const announce = async (articleId: string) => {
    const frames = await framesShowing(articleId);
    await Promise.all(frames.map(({ tabId, frameId }) => sendToTab(tabId, 'annotationsChanged', { articleId }, frameId)));
  };
  const ownAnnotation = async (id: string, sender: Sender) => {
    const annotation = await db.annotations.get(id);
    if (!annotation) throw new Error('That annotation no longer exists');
    await assertShowing(sender, annotation.articleId);
  };
  const announced = async <T extends { articleId: string }>(write: Promise<T>): Promise<T> => {
    const record = await write;
    await announce(record.articleId);
    return record;
  };

  return {
    async saveAnnotation(input, sender) {
      await assertShowing(sender, input.articleId);
      return announced(createAnnotation(db, input));
    },
    async updateAnnotation({ id, ...edit }, sender) {
      await ownAnnotation(id, sender);
      return announced(updateAnnotation(db, id, edit));
    },
    async deleteAnnotation({ id }, sender) {
      await ownAnnotation(id, sender);
      return announced(deleteAnnotation(db, id));
    },
    async restoreAnnotation({ annotation }, sender) {
      await assertShowing(sender, annotation.articleId);
      const existing = await db.annotations.get(annotation.id);
      if (existing && existing.articleId !== annotation.articleId) throw new Error('That id belongs to another article');
      return announced(restoreAnnotation(db, annotation));
    },
    async listAnnotations({ articleId }, sender) {
      await assertShowing(sender, articleId);
      return listArticleAnnotations(db, articleId);
    },
    listTags: () => listTags(db),
    async openAnnotation({ id }) {
      const annotation = await db.annotations.get(id);
      const article = annotation && (await db.articles.get(annotation.articleId));
      if (!annotation || !article) throw new Error('That annotation or its article is no longer in the library');
      const [showing] = await framesShowing(article.id);
      if (showing) {
        const tab = await browser.tabs.update(showing.tabId, { active: true });
        if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
        await sendToTab(showing.tabId, 'revealAnnotation', { id }, showing.frameId);
        return { tabId: showing.tabId };
      }
      const tab = await browser.tabs.create({ url: article.url });
      if (tab.id === undefined) throw new Error('The browser opened no tab');
      await revealLater(tab.id, id);
      return { tabId: tab.id };
    },
    async annotationsChanged({ articleId }) {
      await announce(articleId);
      return null;
    },
  };
}
