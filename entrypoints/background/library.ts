/**
 * The library page's questions across articles (issue 15), answered in the background where the
 * database lives: the entity table (whole, or within an outlet and months), the search of its
 * names over every key, one entity's page and
 * its weeks, trends per month, and the reader's
 * corrections of keys (written by the library writer, announced to every library page). Also
 * opens the library page itself, from the keyboard shortcut (manifest `commands`) and the toolbar
 * button's context menu.
 */
import { browser } from 'wxt/browser';
import type { GlossDb } from '@/utils/db/database';
import { entityPage, listEntities, trends } from '@/utils/db/entity-queries';
import { entityWeeks } from '@/utils/db/entity-weeks';
import { sliceBounds } from '@/utils/db/key-slices';
import { applyPending } from '@/utils/db/mentions-repo';
import { searchEntities } from '@/utils/db/name-search';
import { listEntitiesIn } from '@/utils/db/sliced-entities';
import { termListCounts } from '@/utils/db/term-list-counts';
import { listWatchlists } from '@/utils/db/watchlists-repo';
import { BUILT_IN_TERM_LISTS } from '@/utils/entities/term-lists';
import { asTermList } from '@/utils/entities/watchlist';
import type { AnnounceCorrections, LibraryWriter } from '@/utils/db/library-writer';
import { CorrectionRefused } from '@/utils/corrections/resolve';
import { sendToExtension } from '@/utils/messaging/send';
import { GlossFailure } from '@/utils/messaging/result';
import type { Handlers } from '@/utils/messaging/receive';

export const LIBRARY_COMMAND = 'open-library';
export const LIBRARY_MENU_ID = 'gloss-open-library';
export const LIBRARY_PAGE = '/library.html';

type LibraryHandlers = Pick<Handlers<'toBackground'>, 'listEntities' | 'searchEntities' | 'libraryBounds' | 'entityPage' | 'entityWeeks' | 'entityTrends' | 'termLists' | 'correctKey'>;

/** Tells Gloss's pages (every open library page) which corrections changed. */
export const announceCorrectionsToPages: AnnounceCorrections = async (change) => {
  await sendToExtension('toPages', 'correctionsChanged', change);
};

/** Handlers of the library page's messages, over `db`; corrections are written by `writer`. */
export function libraryHandlers(db: GlossDb, writer: Pick<LibraryWriter, 'correct'>): LibraryHandlers {
  return {
    listEntities: ({ type, limit, offset, hidden, outlet, from, to }) =>
      outlet !== undefined || from || to ? listEntitiesIn(db, { outlet, from, to }, { type, limit, offset, hidden }) : listEntities(db, { type, limit, offset, hidden }),
    searchEntities: ({ search, type, limit, hidden, outlet, from, to }) =>
      searchEntities(db, search, { type, limit, hidden, ...((outlet !== undefined || from || to) && { slice: { outlet, from, to } }) }),
    libraryBounds: async () => {
      await applyPending(db);
      return sliceBounds(db);
    },
    entityWeeks: ({ key }) => entityWeeks(db, key),
    entityPage: ({ key, offset, limit }) => entityPage(db, key, { offset, limit }),
    entityTrends: ({ keys }) => trends(db, keys),
    termLists: async () => termListCounts(db, [...BUILT_IN_TERM_LISTS, ...(await listWatchlists(db)).map(asTermList)]),
    async correctKey(edit) {
      try {
        return await writer.correct(edit);
      } catch (error) {
        // A refusal is the reader's to read, not a failure of Gloss.
        if (error instanceof CorrectionRefused) throw new GlossFailure({ code: 'refused', message: error.message });
        throw error;
      }
    },
  };
}

/** Opens the library page in a new tab on the keyboard shortcut or from the toolbar button's menu. */
export function watchLibraryCommand(): void {
  const open = () => void browser.tabs.create({ url: browser.runtime.getURL(LIBRARY_PAGE) });
  browser.runtime.onInstalled.addListener(() => {
    // Firefox's MV2 build names the toolbar button's menu 'browser_action'.
    browser.contextMenus.create({ id: LIBRARY_MENU_ID, title: 'Open the Gloss library', contexts: [import.meta.env.FIREFOX ? 'browser_action' : 'action'] });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === LIBRARY_MENU_ID) open();
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === LIBRARY_COMMAND) open();
  });
}
