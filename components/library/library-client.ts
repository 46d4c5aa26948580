/**
 * How the library page asks its questions and makes its corrections: the background's messages
 * (the database lives only there), and the background's word when corrections change (from this
 * page or another). Components take a client, so a test hands them one that answers from memory.
 */
import { listen } from '@/utils/messaging/listen';
import type { RequestOf, ResponseOf } from '@/utils/messaging/protocol';
import { toPages } from '@/utils/messaging/protocol/to-pages';
import type { Result } from '@/utils/messaging/result';
import { sendToExtension } from '@/utils/messaging/send';

export type Asked = 'listEntities' | 'searchEntities' | 'libraryBounds' | 'entityPage' | 'entityWeeks' | 'entityTrends' | 'termLists' | 'correctKey';

export type LibraryClient = {
  [K in Asked]: (payload: RequestOf<'toBackground', K>) => Promise<Result<ResponseOf<'toBackground', K>>>;
} & {
  /** Calls `heard` whenever the reader's corrections change, on any library page; returns the function that stops it. */
  onCorrections(heard: () => void): () => void;
};

/** The client that asks the background. */
export const backgroundClient: LibraryClient = {
  listEntities: (payload) => sendToExtension('toBackground', 'listEntities', payload),
  searchEntities: (payload) => sendToExtension('toBackground', 'searchEntities', payload),
  libraryBounds: (payload) => sendToExtension('toBackground', 'libraryBounds', payload),
  entityPage: (payload) => sendToExtension('toBackground', 'entityPage', payload),
  entityWeeks: (payload) => sendToExtension('toBackground', 'entityWeeks', payload),
  entityTrends: (payload) => sendToExtension('toBackground', 'entityTrends', payload),
  termLists: (payload) => sendToExtension('toBackground', 'termLists', payload),
  correctKey: (payload) => sendToExtension('toBackground', 'correctKey', payload),
  onCorrections: (heard) =>
    listen('toPages', toPages, {
      // The library shows no stored copies.
      versionsChanged: () => null,
      correctionsChanged: () => {
        heard();
        return null;
      },
    }),
};
