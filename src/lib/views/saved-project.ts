// Keeps the last imported dataset in IndexedDB (as project JSON, re-validated on load) so a reload shows it again.

const DB = 'cluster-atlas';
const STORE = 'projects';
const CURRENT = 'current';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('atlas: IndexedDB unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = body(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error('atlas: storage failed'));
      tx.onabort = () => reject(tx.error ?? new Error('atlas: storage aborted'));
    });
  } finally {
    db.close();
  }
}

/** Saves the project text; resolves to an error message (quota exceeded, private mode) or null. */
export async function saveCurrentProject(json: string, name: string): Promise<string | null> {
  try {
    await run('readwrite', (s) => s.put({ json, name, savedAt: Date.now() }, CURRENT));
    return null;
  } catch (e) {
    const reason =
      e instanceof DOMException && e.name === 'QuotaExceededError' ? 'the browser storage is full' : String(e);
    return `The imported dataset could not be kept for the next visit: ${reason}.`;
  }
}

export async function loadCurrentProject(): Promise<{ json: string; name: string } | null> {
  try {
    const row = (await run('readonly', (s) => s.get(CURRENT))) as { json?: unknown; name?: unknown } | undefined;
    return row && typeof row.json === 'string' ? { json: row.json, name: String(row.name ?? '') } : null;
  } catch {
    return null;
  }
}

export async function clearCurrentProject(): Promise<void> {
  try {
    await run('readwrite', (s) => s.delete(CURRENT));
  } catch {
    // Nothing stored or storage unavailable: either way nothing will be restored.
  }
}
