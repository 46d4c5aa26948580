/**
 * A file the reader chose to import, handed from the popup to the background: the popup can
 * close at any moment (it loses focus) and a message cannot carry a file of hundreds of MB, so
 * the popup leaves the file in a small IndexedDB store of the extension's origin and sends its
 * id; the background takes it (reading and deleting it) and imports it. Not Gloss's library
 * database: nothing here is the reader's data, only a file on its way in.
 */
import { newId } from '../ids';

const DB_NAME = 'gloss-import-staging';
const STORE = 'files';

interface Staged {
  id: string;
  name: string;
  content: Blob | string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('Could not open the import store'));
  });
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => (db.close(), resolve(request.result));
        tx.onerror = tx.onabort = () => (db.close(), reject(tx.error ?? new Error('The import store failed')));
      }),
  );
}

/** Leaves `content` (the file, or its text) for the background; answers its id. Earlier files left behind are dropped. */
export async function stageImport(name: string, content: Blob | string): Promise<string> {
  const id = newId();
  await run('readwrite', (store) => store.clear());
  await run('readwrite', (store) => store.put({ id, name, content } satisfies Staged));
  return id;
}

/** The staged file's name and text, taken out of the store; null when there is none by that id. */
export async function takeStagedImport(id: string): Promise<{ name: string; text: string } | null> {
  const staged = await run<Staged | undefined>('readonly', (store) => store.get(id) as IDBRequest<Staged | undefined>);
  if (!staged) return null;
  await run('readwrite', (store) => store.delete(id));
  return { name: staged.name, text: typeof staged.content === 'string' ? staged.content : await staged.content.text() };
}
