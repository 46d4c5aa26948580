/**
 * The reader's annotations as the background serves them: a frame may read and change only the
 * annotations of the article it shows (see tab-articles.ts), the popup any (it is Gloss's own
 * page), and imports run here, where closing the popup cannot abort them. Every write goes
 * through the one library writer (utils/db/library-writer.ts), whose announcements reach each
 * frame showing the article with the records that changed.
 */
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { listArticleAnnotations, listTags } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { libraryWriter, type LibraryChange } from '@/utils/db/library-writer';
import { writeImportProgress } from '@/utils/export/import-progress';
import { describeProblems } from '@/utils/export/problems';
import { readImportFile } from '@/utils/export/read-file';
import { takeStagedImport } from '@/utils/export/staged-import';
import type { Handlers } from '@/utils/messaging/receive';
import type { Sender } from '@/utils/messaging/envelope';
import { errorMessage } from '@/utils/messaging/result';
import { sendToTab } from '@/utils/messaging/send';
import { browser } from 'wxt/browser';
import { assertShowing, framesShowing, revealLater } from './tab-articles';
import { announceCorrectionsToPages } from './library';
import { announceToPages } from './versions';

type AnnotationHandlers = Pick<
  Handlers<'toBackground'>,
  | 'saveAnnotation'
  | 'updateAnnotation'
  | 'reattachAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'listAnnotations'
  | 'listTags'
  | 'openAnnotation'
  | 'libraryUpdate'
  | 'libraryReattach'
  | 'libraryDelete'
  | 'libraryRestore'
  | 'libraryImport'
>;

/** Tells every frame showing the article what changed in its annotations. */
export async function announceToTabs(change: LibraryChange): Promise<void> {
  const frames = await framesShowing(change.articleId);
  await Promise.all(frames.map(({ tabId, frameId }) => sendToTab(tabId, 'annotationsChanged', change as never, frameId)));
}

/**
 * `onCreated` hears of each annotation the page made, once it is stored (the versions keep the
 * article's copy then); it is not awaited, and what it does cannot fail the save.
 */
export function annotationHandlers(
  db: GlossDb,
  announce = announceToTabs,
  onCreated?: (record: AnnotationRecord) => Promise<unknown>,
  announceVersions = announceToPages,
  announceCorrections = announceCorrectionsToPages,
): AnnotationHandlers {
  const writer = libraryWriter(db, announce, announceVersions, announceCorrections);
  const ownAnnotation = async (id: string, sender: Sender) => {
    const annotation = await db.annotations.get(id);
    if (!annotation) throw new Error('That annotation no longer exists');
    await assertShowing(sender, annotation.articleId);
  };

  return {
    async saveAnnotation(input, sender) {
      await assertShowing(sender, input.articleId);
      const record = await writer.create(input);
      void onCreated?.(record).catch((error: unknown) => console.warn('Gloss: after a new annotation:', errorMessage(error)));
      return record;
    },
    async updateAnnotation({ id, ...edit }, sender) {
      await ownAnnotation(id, sender);
      return writer.update(id, edit);
    },
    async reattachAnnotation({ id, ...passage }, sender) {
      await ownAnnotation(id, sender);
      return writer.update(id, passage);
    },
    async deleteAnnotation({ id }, sender) {
      await ownAnnotation(id, sender);
      return writer.remove(id);
    },
    async restoreAnnotation({ annotation }, sender) {
      await assertShowing(sender, annotation.articleId);
      const existing = await db.annotations.get(annotation.id);
      if (existing && existing.articleId !== annotation.articleId) throw new Error('That id belongs to another article');
      return writer.restore(annotation);
    },
    libraryUpdate: ({ id, ...edit }) => writer.update(id, edit),
    libraryReattach: ({ id, ...passage }) => writer.update(id, passage),
    libraryDelete: ({ id }) => writer.remove(id),
    libraryRestore: ({ annotation }) => writer.restore(annotation),
    async libraryImport({ staged, onDuplicate, settings }) {
      const file = await takeStagedImport(staged);
      if (!file) throw new Error('The file to import is no longer there; choose it again');
      const progress = (next: Parameters<typeof writeImportProgress>[0]) => writeImportProgress(next).catch(() => {});
      try {
        await progress({ file: file.name, state: 'reading' });
        const read = readImportFile(file.text);
        if (!read.ok) throw new Error(describeProblems(read.problems));
        const report = await writer.import(read.value.data, {
          onDuplicate,
          settings,
          // Not awaited: it is called inside the import's transaction.
          onProgress: (done, total) => void progress({ file: file.name, state: 'writing', done, total }),
        });
        const { added, updated, skipped } = report.annotations;
        await progress({ file: file.name, state: 'done', added, updated, skipped });
        const versions = report.versions;
        return {
          file: file.name,
          annotations: { added, updated, skipped },
          ...(versions.added + versions.updated + versions.skipped > 0 && {
            versions: { added: versions.added, updated: versions.updated, skipped: versions.skipped },
          }),
        };
      } catch (error) {
        await progress({ file: file.name, state: 'failed', message: errorMessage(error) });
        throw error;
      }
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
  };
}
