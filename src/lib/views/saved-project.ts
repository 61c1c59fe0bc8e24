// IndexedDB adapter for the datasets kept in this browser: one index record plus one project-JSON record per dataset,
// all in one object store. The index format, its version check and the migration live in io/saved-datasets.ts.
import {
  datasetKey,
  emptyIndex,
  makeSavedId,
  migrateLegacy,
  readIndex,
  storageProblem,
  type SavedIndex,
} from '../io/saved-datasets';

const DB = 'cluster-atlas';
const STORE = 'projects';
const INDEX = 'index';
/** The version-1 record: the one imported dataset kept before the list existed. */
const LEGACY = 'current';

export type StorageProblem = 'quota' | 'unavailable' | 'failed' | 'newer-version';

/** What the store holds: the index, or why it cannot be used (then nothing is written over it). */
export type SavedRead =
  { readonly ok: true; readonly index: SavedIndex } | { readonly ok: false; readonly problem: StorageProblem };

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('atlas: IndexedDB unavailable'));
  });
}

/** Runs `body` in one transaction; resolves with what it returns once the transaction has committed. */
async function transact<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => () => T): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = body(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result());
      tx.onerror = () => reject(tx.error ?? new Error('atlas: storage failed'));
      tx.onabort = () => reject(tx.error ?? new Error('atlas: storage aborted'));
    });
  } finally {
    db.close();
  }
}

async function write(body: (store: IDBObjectStore) => void): Promise<StorageProblem | null> {
  try {
    await transact('readwrite', (s) => {
      body(s);
      return () => null;
    });
    return null;
  } catch (e) {
    return storageProblem(e);
  }
}

/** Reads the index, migrating the version-1 record into it (one transaction, so a second tab cannot migrate twice). */
export async function readSaved(): Promise<SavedRead> {
  try {
    return await transact('readwrite', (s) => {
      const indexReq = s.get(INDEX);
      let out: SavedRead = { ok: true, index: emptyIndex() };
      indexReq.onsuccess = () => {
        if (indexReq.result !== undefined) {
          const read = readIndex(indexReq.result);
          // An unreadable index is started afresh; a newer one is left exactly as it is.
          out = read.ok ? read : read.code === 'newer-version' ? { ok: false, problem: 'newer-version' } : out;
          return;
        }
        const legacyReq = s.get(LEGACY);
        legacyReq.onsuccess = () => {
          const migrated = migrateLegacy(legacyReq.result, makeSavedId(Date.now()), Date.now());
          if (!migrated) return;
          const id = migrated.index.entries[0]!.id;
          s.put({ json: migrated.json }, datasetKey(id));
          s.put(migrated.index, INDEX);
          s.delete(LEGACY);
          out = { ok: true, index: migrated.index };
        };
      };
      return () => out;
    });
  } catch (e) {
    return { ok: false, problem: storageProblem(e) };
  }
}

/** Stores a dataset's project text together with the index that lists it; both or neither. */
export function saveDataset(index: SavedIndex, id: string, json: string): Promise<StorageProblem | null> {
  return write((s) => {
    s.put({ json }, datasetKey(id));
    s.put(index, INDEX);
  });
}

/** Writes the index alone (a rename, a switch, a remembered view). */
export function writeIndex(index: SavedIndex): Promise<StorageProblem | null> {
  return write((s) => void s.put(index, INDEX));
}

/** Deletes a dataset's record and writes the index without it. */
export function deleteDataset(index: SavedIndex, id: string): Promise<StorageProblem | null> {
  return write((s) => {
    s.delete(datasetKey(id));
    s.put(index, INDEX);
  });
}

/** The project text of a saved dataset, or null when it is missing or storage is unavailable. */
export async function readDatasetJson(id: string): Promise<string | null> {
  try {
    const row = await transact('readonly', (s) => {
      const req = s.get(datasetKey(id));
      return () => req.result as { json?: unknown } | undefined;
    });
    return row && typeof row.json === 'string' ? row.json : null;
  } catch {
    return null;
  }
}
