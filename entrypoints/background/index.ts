/** The background: owns the database and answers the content scripts. Nothing else lives here. */
import { anchorAll } from '@/utils/anchoring/anchor-all';
import { listArticleAnnotations } from '@/utils/db/annotations-repo';
import { GlossDb, DB_NAME } from '@/utils/db/database';
import { SCHEMA_HISTORY } from '@/utils/db/schema';
import { libraryWriter } from '@/utils/db/library-writer';
import { addTerm, listWatchlists } from '@/utils/db/watchlists-repo';
import { listVersions } from '@/utils/db/versions-repo';
import { requestPersistence } from '@/utils/db/persist';
import type { Sender } from '@/utils/messaging/envelope';
import { listen } from '@/utils/messaging/listen';
import { directionOf, toBackground } from '@/utils/messaging/protocol';
import { ARTICLE_SCRIPT_FILE, EDITOR_SCRIPT_FILE, PANEL_SCRIPT_FILE } from '@/utils/page/handoff';
import { isSiteDisabled, readSettings, watchSettings } from '@/utils/settings/settings';
import { sendToTab } from '@/utils/messaging/send';
import { readerPath } from '@/utils/versions/reader-path';
import { annotationHandlers, announceToTabs } from './annotations';
import { scheduleBackfill } from './backfill';
import { scheduleStoredWords } from './stored-words';
import { changesSince, reportChanges } from './changes';
import { NewArticleLimit, fileArticle, senderPage } from './article-identity';
import { parseArticleOffThread } from './parse-article';
import { recognizeInSlices, recognizerFor, recognizerVersion } from './recognizer';
import { announceCorrectionsToPages, libraryHandlers, watchLibraryCommand } from './library';
import { forgetRecordedTab, recordArticleOnce, recordFindingsOnce } from './recorded';
import { watchSelectionCommands } from './selection-commands';
import { assertShowing, followTabAddress, forgetTab, framesShowing, rememberTabArticle, takeReveal } from './tab-articles';
import { announceToPages, versionKeeper } from './versions';

export default defineBackground(() => {
  const db = new GlossDb(DB_NAME, SCHEMA_HISTORY);
  const newArticles = new NewArticleLimit();
  const versions = versionKeeper(db, announceToTabs);
  const writer = libraryWriter(db, announceToTabs, announceToPages, announceCorrectionsToPages);
  // Keeping a version never holds up the page's answer nor fails it: a failure is only logged.
  const keepingVersion = (work: Promise<unknown>) => void work.catch((error: unknown) => console.warn('Gloss: keeping a version:', String(error)));
  void requestPersistence(); // Firefox's background page can ask; Chrome's worker cannot (see persist.ts)
  watchSelectionCommands();
  // Every article's page hears the reader's display settings from here (it reads no storage).
  watchSettings(async (settings) => {
    const frames = await framesShowing(null);
    await Promise.all(frames.map(({ tabId, frameId }) => sendToTab(tabId, 'settingsChanged', { settings: { ...settings } }, frameId)));
  });
  watchLibraryCommand();
  scheduleStoredWords(db);
  scheduleBackfill(db, async (text, lang) => (await recognizeInSlices(await recognizerFor(db), text, { lang })).spans, writer.learnVersionKeys);
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    forgetRecordedTab(tabId);
    versions.forgetTab(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => void (change.url && followTabAddress(tabId, change.url)));
  const inject = (sender: Sender, file: typeof ARTICLE_SCRIPT_FILE | typeof EDITOR_SCRIPT_FILE | typeof PANEL_SCRIPT_FILE) => {
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
      async loadPanel(_payload, sender) {
        await inject(sender, PANEL_SCRIPT_FILE);
        return { loaded: true };
      },
      // The page's address is the browser's word for the sending frame, not the payload's `url`.
      async extractArticle({ html, canonicalUrl }, sender) {
        const url = senderPage(sender);
        const extract = await parseArticleOffThread(html, url);
        if (!extract) return null;
        const { mirrors = [] } = await readSettings();
        const article = await fileArticle(db, sender, { url, canonicalUrl, meta: extract.meta }, {
          mirrors,
          limit: newArticles,
          record: (visit) => recordArticleOnce(db, sender, visit, extract.texts),
        });
        await rememberTabArticle(sender, article.id);
        versions.extracted(sender, article, extract.copy);
        return { article, texts: extract.texts, timings: extract.timings };
      },
      ...annotationHandlers(db, announceToTabs, (record) => versions.annotated(record.articleId)),
      async analyzeText({ articleId, text }, sender) {
        await assertShowing(sender, articleId);
        const [recognizer, annotations, article, settings] = await Promise.all([
          recognizerFor(db),
          listArticleAnnotations(db, articleId),
          db.articles.get(articleId),
          readSettings(),
        ]);
        const { spans, ms, namesSkipped } = await recognizeInSlices(recognizer, text, { lang: article?.lang ?? null });
        const [reveal] = await Promise.all([
          takeReveal(sender),
          recordFindingsOnce(db, sender, articleId, text, recognizerVersion(), spans),
        ]);
        const kept = versions.analyzed(sender, articleId, text, { annotated: annotations.length > 0, spans });
        keepingVersion(kept);
        // Once the reading is kept (or not), the frame hears what changed since the reader annotated.
        void reportChanges(db, sender, articleId, text, kept).catch((error: unknown) => console.warn('Gloss: comparing versions:', String(error)));
        return {
          spans,
          ms,
          placement: anchorAll(annotations, text),
          settings,
          ...(reveal && { reveal }),
          ...(namesSkipped && { namesSkipped }),
        };
      },
      async recognizeStored({ text, lang }) {
        const { spans, namesSkipped } = await recognizeInSlices(await recognizerFor(db), text, { lang });
        return { spans, ...(namesSkipped && { namesSkipped }) };
      },
      ...libraryHandlers(db, writer),
      listWatchlistNames: async () => (await listWatchlists(db)).map(({ id, name }) => ({ id, name })),
      // The reader's choice on an entity card: the next analysis reads the list (recognizer.ts).
      async addToWatchlist({ target, term, aliases }) {
        const { watchlist, added } = await addTerm(db, target, aliases.length ? { term, aliases } : { term });
        return { id: watchlist.id, name: watchlist.name, added };
      },
      articleChanges: ({ articleId, text }) => changesSince(db, articleId, text),
      pruneVersions: ({ keepLast }) => writer.pruneVersions(keepLast),
      deleteArticleVersions: ({ articleId }) => writer.deleteArticleVersions(articleId),
      async openComparison({ articleId, compare, version }, sender) {
        await assertShowing(sender, articleId);
        const stored = new Set((await listVersions(db, articleId)).map((record) => record.id));
        if (!stored.has(compare) || (version !== null && !stored.has(version))) throw new Error('That version of the article is not stored');
        await browser.tabs.create({ url: browser.runtime.getURL(readerPath(articleId, version, compare)) });
        return { opened: true };
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
