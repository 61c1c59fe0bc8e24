// The datasets kept in this browser as reactive state for the views: which are listed, which one is on screen,
// and the commands (add, rename, delete, switch, remember the view) that update IndexedDB through saved-project.ts.
import {
  addEntry,
  checkName,
  makeSavedId,
  rememberHash,
  removeEntry,
  renameEntry,
  setCurrent,
  emptyIndex,
  uniqueName,
  utf8Length,
  type NameCheck,
  type SavedEntry,
  type SavedIndex,
} from '../io/saved-datasets';
import type { MessageKey } from '../i18n';
import type { AtlasData } from '../state/atlas-data';
import { loadFromFiles } from './load-remote';
import {
  deleteDataset,
  readDatasetJson,
  readSaved,
  saveDataset,
  writeIndex,
  type StorageProblem,
} from './saved-project';

/** The message for a storage problem, for notices. */
export const STORAGE_MESSAGES: Record<StorageProblem, MessageKey> = {
  quota: 'savedQuota',
  unavailable: 'savedUnavailable',
  failed: 'savedFailed',
  'newer-version': 'savedNewer',
};

/** How long the view waits before it is written to IndexedDB: a brush drag writes the hash many times. */
const VIEW_DELAY_MS = 1000;

export class SavedDatasets {
  index = $state.raw<SavedIndex>(emptyIndex());
  /** The saved dataset on screen; null for the built-in dataset or a published folder (`?data=`). */
  showing = $state<string | null>(null);
  /** Set when the stored index cannot be used (a newer app wrote it, storage is off): nothing is written then. */
  problem = $state<StorageProblem | null>(null);
  /** A published folder is on screen: its view is not remembered as the built-in dataset's. */
  private folder = false;
  private pendingView: { id: string | null; hash: string } | null = null;
  private viewTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();

  readonly showingEntry = $derived(this.index.entries.find((e) => e.id === this.showing) ?? null);

  /** Reads the list (migrating the version-1 record); returns the entry to open on this visit, if any. */
  async init(folder: boolean): Promise<SavedEntry | null> {
    this.folder = folder;
    const read = await readSaved();
    if (!read.ok) {
      this.problem = read.problem;
      return null;
    }
    this.index = read.index;
    const current = folder ? null : (read.index.entries.find((e) => e.id === read.index.currentId) ?? null);
    this.showing = current?.id ?? null;
    return current;
  }

  /** Keeps a freshly imported dataset and makes it current; resolves to a storage problem or null. */
  async add(
    json: string,
    name: string,
    facts: { organisations: number; collaborations: number; size?: number },
    hash: string,
  ): Promise<StorageProblem | null> {
    this.flushView();
    if (this.problem === 'newer-version') return this.problem;
    const entry: SavedEntry = {
      id: makeSavedId(Date.now()),
      name: uniqueName(name, this.index.entries),
      savedAt: Date.now(),
      // Counted over tens of MB when not given (the import worker gives it).
      size: facts.size ?? utf8Length(json),
      organisations: facts.organisations,
      collaborations: facts.collaborations,
      hash,
    };
    const problem = await this.serial(async () => {
      const next = addEntry(this.index, { ...entry, name: uniqueName(name, this.index.entries) });
      const failed = await saveDataset(next, entry.id, json);
      if (!failed) this.index = next;
      return failed;
    });
    // Not kept: what is on screen is an unsaved import, and the list stays as it was.
    this.showing = problem ? null : entry.id;
    this.folder = false;
    return problem;
  }

  /** Renames an entry; resolves to why the name was refused, a storage problem, or null. */
  async rename(id: string, raw: string): Promise<Exclude<NameCheck, { ok: true }>['code'] | StorageProblem | null> {
    const check = checkName(raw, this.index.entries, id);
    if (!check.ok) return check.code;
    return this.commit(renameEntry(this.index, id, check.name));
  }

  /** Deletes an entry and its project record. */
  async remove(id: string): Promise<StorageProblem | null> {
    if (this.problem === 'newer-version') return this.problem;
    const problem = await this.serial(async () => {
      const next = removeEntry(this.index, id);
      const failed = await deleteDataset(next, id);
      if (!failed) this.index = next;
      return failed;
    });
    if (!problem && this.showing === id) this.showing = null;
    return problem;
  }

  /** Records that a saved dataset (or, with null, the built-in one) is now on screen. */
  async switched(id: string | null): Promise<StorageProblem | null> {
    this.flushView();
    this.showing = id;
    this.folder = false;
    return this.commit(setCurrent(this.index, id));
  }

  /** The project text of an entry, re-validated by the import worker into atlas data. */
  async open(id: string, onProgress: (fraction: number) => void = () => {}): Promise<AtlasData> {
    const json = await readDatasetJson(id);
    if (json === null) throw new Error('the stored project is missing');
    return loadFromFiles([{ name: 'saved-project.json', blob: new Blob([json]) }], onProgress);
  }

  /** The view last shown with a dataset (null: the built-in one). */
  hashOf(id: string | null): string {
    return id === null ? this.index.builtinHash : (this.index.entries.find((e) => e.id === id)?.hash ?? '');
  }

  /** Remembers the view (URL hash) for the dataset on screen now; written after a quiet second. */
  rememberView(hash: string): void {
    if (this.folder || this.problem) return;
    if (this.pendingView && this.pendingView.id !== this.showing) this.flushView();
    this.pendingView = { id: this.showing, hash };
    this.viewTimer ??= setTimeout(() => this.flushView(), VIEW_DELAY_MS);
  }

  /** Writes a pending view now (before a switch, so it lands on the dataset it belongs to). */
  flushView(): void {
    if (this.viewTimer !== null) clearTimeout(this.viewTimer);
    this.viewTimer = null;
    const pending = this.pendingView;
    this.pendingView = null;
    if (pending) void this.commit(rememberHash(this.index, pending.id, pending.hash));
  }

  /** Shows the change at once and writes it after the writes queued before it (the newest index wins). */
  private commit(next: SavedIndex): Promise<StorageProblem | null> {
    if (next === this.index) return Promise.resolve(null);
    if (this.problem === 'newer-version') return Promise.resolve(this.problem);
    const previous = this.index;
    this.index = next;
    return this.serial(async () => {
      const problem = await writeIndex(this.index);
      // Undo only if nothing else changed the index meanwhile.
      if (problem && this.index === next) this.index = previous;
      return problem;
    });
  }

  /** Runs storage writes one after another: separate transactions could otherwise land out of order. */
  private serial<T>(write: () => Promise<T>): Promise<T> {
    const run = this.queue.then(write);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
