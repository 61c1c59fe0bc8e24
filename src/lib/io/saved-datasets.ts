// The list of datasets kept in the browser: a versioned index record (names, dates, sizes, counts, each one's view
// hash, which one is current), its migration from the single "current" record of version 1, names and sorting.
import * as v from 'valibot';

export const SAVED_FORMAT = 'cluster-atlas-saved';
/** 1 was one project kept under the key "current"; 2 is this index plus one project record per dataset. */
export const SAVED_VERSION = 2;
export const NAME_MAX = 120;

export interface SavedEntry {
  readonly id: string;
  readonly name: string;
  /** Milliseconds since 1970 (UTC). */
  readonly savedAt: number;
  /** Size of the stored project JSON, in bytes (UTF-8). */
  readonly size: number;
  readonly organisations: number;
  readonly collaborations: number;
  /** The view (URL hash without `#`) last shown with this dataset. */
  readonly hash: string;
}

export interface SavedIndex {
  readonly format: typeof SAVED_FORMAT;
  readonly version: typeof SAVED_VERSION;
  /** The dataset shown on the next visit; null means the built-in one. */
  readonly currentId: string | null;
  /** The view last shown with the built-in dataset. */
  readonly builtinHash: string;
  readonly entries: readonly SavedEntry[];
}

export type IndexRead =
  | { readonly ok: true; readonly index: SavedIndex }
  | { readonly ok: false; readonly code: 'newer-version'; readonly version: number }
  | { readonly ok: false; readonly code: 'invalid' };

export type NameCheck =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly code: 'empty' | 'too-long' | 'duplicate' };

export type SortOrder = 'newest' | 'name';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const EntrySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/)),
  name: v.pipe(v.string(), v.nonEmpty(), v.maxLength(NAME_MAX)),
  savedAt: v.pipe(v.number(), v.finite()),
  size: count,
  organisations: count,
  collaborations: count,
  hash: v.optional(v.string(), ''),
});
const IndexSchema = v.object({
  format: v.literal(SAVED_FORMAT),
  version: v.literal(SAVED_VERSION),
  currentId: v.nullable(v.string()),
  builtinHash: v.optional(v.string(), ''),
  entries: v.array(EntrySchema),
});

export function emptyIndex(): SavedIndex {
  return { format: SAVED_FORMAT, version: SAVED_VERSION, currentId: null, builtinHash: '', entries: [] };
}

/**
 * Reads a stored index. A newer version is refused (and must not be overwritten: a newer app wrote it);
 * an unreadable one is reported so the caller can start afresh without losing the dataset records.
 */
export function readIndex(raw: unknown): IndexRead {
  if (raw && typeof raw === 'object' && (raw as { format?: unknown }).format === SAVED_FORMAT) {
    const version = (raw as { version?: unknown }).version;
    if (typeof version === 'number' && version > SAVED_VERSION) return { ok: false, code: 'newer-version', version };
  }
  const parsed = v.safeParse(IndexSchema, raw);
  if (!parsed.success) return { ok: false, code: 'invalid' };
  const index = parsed.output;
  const ids = new Set<string>();
  const entries = index.entries.filter((e) => !ids.has(e.id) && ids.add(e.id));
  const currentId = index.currentId !== null && ids.has(index.currentId) ? index.currentId : null;
  return { ok: true, index: { ...index, entries, currentId } };
}

/** Counts of a project JSON text, or zeros when it cannot be read (the dataset is re-validated on opening anyway). */
export function projectCounts(json: string): { organisations: number; collaborations: number } {
  try {
    const ds = (JSON.parse(json) as { dataset?: { organisations?: unknown; collaborations?: unknown } }).dataset;
    return {
      organisations: Array.isArray(ds?.organisations) ? ds.organisations.length : 0,
      collaborations: Array.isArray(ds?.collaborations) ? ds.collaborations.length : 0,
    };
  } catch {
    return { organisations: 0, collaborations: 0 };
  }
}

/** Bytes of a string in UTF-8, without allocating an encoded copy (project texts reach tens of MB). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * Turns the version-1 record (`{ json, name, savedAt }` under "current") into a one-entry index made current,
 * or null when the record holds no project text.
 */
export function migrateLegacy(row: unknown, id: string, now: number): { index: SavedIndex; json: string } | null {
  if (!row || typeof row !== 'object') return null;
  const { json, name, savedAt } = row as { json?: unknown; name?: unknown; savedAt?: unknown };
  if (typeof json !== 'string' || json === '') return null;
  const entry: SavedEntry = {
    id,
    name: uniqueName(typeof name === 'string' ? name : '', []),
    savedAt: typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : now,
    size: utf8Length(json),
    ...projectCounts(json),
    hash: '',
  };
  return { index: { ...emptyIndex(), currentId: id, entries: [entry] }, json };
}

/** The name as it will be stored: control characters and runs of white space become one space, ends trimmed. */
export function cleanName(raw: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
  return raw.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** Refuses empty, over-long and already-used names (case-insensitively); `selfId` is the entry being renamed. */
export function checkName(raw: string, entries: readonly SavedEntry[], selfId?: string): NameCheck {
  const name = cleanName(raw);
  if (!name) return { ok: false, code: 'empty' };
  if ([...name].length > NAME_MAX) return { ok: false, code: 'too-long' };
  const key = name.toLocaleLowerCase();
  if (entries.some((e) => e.id !== selfId && e.name.toLocaleLowerCase() === key))
    return { ok: false, code: 'duplicate' };
  return { ok: true, name };
}

/** A name for a new entry: the dataset's own name (cleaned, shortened), numbered "(2)", "(3)" when already used. */
export function uniqueName(base: string, entries: readonly SavedEntry[], fallback = 'Imported dataset'): string {
  const root =
    [...cleanName(base)]
      .slice(0, NAME_MAX - 6)
      .join('')
      .trim() || fallback;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? root : `${root} (${n})`;
    if (checkName(candidate, entries).ok) return candidate;
  }
}

/** Entries for display: newest first (ties by name), or by name (ties newest first). */
export function sortEntries(entries: readonly SavedEntry[], order: SortOrder, locale = 'en'): SavedEntry[] {
  const byName = (a: SavedEntry, b: SavedEntry) => a.name.localeCompare(b.name, locale, { sensitivity: 'base' });
  const byDate = (a: SavedEntry, b: SavedEntry) => b.savedAt - a.savedAt;
  const first = order === 'name' ? byName : byDate;
  const second = order === 'name' ? byDate : byName;
  return [...entries].sort((a, b) => first(a, b) || second(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Adds an entry and makes it current. */
export function addEntry(index: SavedIndex, entry: SavedEntry): SavedIndex {
  return { ...index, currentId: entry.id, entries: [...index.entries.filter((e) => e.id !== entry.id), entry] };
}

export function renameEntry(index: SavedIndex, id: string, name: string): SavedIndex {
  return { ...index, entries: index.entries.map((e) => (e.id === id ? { ...e, name } : e)) };
}

/** Removes an entry; removing the current one makes the built-in dataset current. */
export function removeEntry(index: SavedIndex, id: string): SavedIndex {
  return {
    ...index,
    currentId: index.currentId === id ? null : index.currentId,
    entries: index.entries.filter((e) => e.id !== id),
  };
}

/** Makes a saved dataset (or, with null, the built-in one) current; an unknown id changes nothing. */
export function setCurrent(index: SavedIndex, id: string | null): SavedIndex {
  if (id !== null && !index.entries.some((e) => e.id === id)) return index;
  return index.currentId === id ? index : { ...index, currentId: id };
}

/** Remembers the view shown with a dataset (null: the built-in one); the same index when nothing changed. */
export function rememberHash(index: SavedIndex, id: string | null, hash: string): SavedIndex {
  if (id === null) return index.builtinHash === hash ? index : { ...index, builtinHash: hash };
  const entry = index.entries.find((e) => e.id === id);
  if (!entry || entry.hash === hash) return index;
  return { ...index, entries: index.entries.map((e) => (e === entry ? { ...e, hash } : e)) };
}

/** An id unlikely to collide across tabs: time plus randomness, safe as an IndexedDB key suffix. */
export function makeSavedId(now: number, random: () => number = Math.random): string {
  return `d${now.toString(36)}${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`;
}

/** Key of a dataset's project record in the store (the index and the legacy record use other keys). */
export function datasetKey(id: string): string {
  return `dataset:${id}`;
}

/** Why storage failed, from the error's name: a full quota is reported differently from storage being off. */
export function storageProblem(error: unknown): 'quota' | 'unavailable' | 'failed' {
  const name = error && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') return 'unavailable';
  return 'failed';
}
