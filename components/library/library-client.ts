/**
 * How the library page asks its questions: the background's messages (the database lives only
 * there). Components take a client, so a test hands them one that answers from memory.
 */
import type { RequestOf, ResponseOf } from '@/utils/messaging/protocol';
import type { Result } from '@/utils/messaging/result';
import { sendToExtension } from '@/utils/messaging/send';

type Asked = 'listEntities' | 'entityPage' | 'entityTrends';

export type LibraryClient = {
  [K in Asked]: (payload: RequestOf<'toBackground', K>) => Promise<Result<ResponseOf<'toBackground', K>>>;
};

/** The client that asks the background. */
export const backgroundClient: LibraryClient = {
  listEntities: (payload) => sendToExtension('toBackground', 'listEntities', payload),
  entityPage: (payload) => sendToExtension('toBackground', 'entityPage', payload),
  entityTrends: (payload) => sendToExtension('toBackground', 'entityTrends', payload),
};
