// The saved-datasets index: version refusal, migration of the single version-1 record, names, sorting, updates.
import { describe, expect, it } from 'vitest';
import {
  NAME_MAX,
  SAVED_FORMAT,
  SAVED_VERSION,
  addEntry,
  checkName,
  datasetKey,
  emptyIndex,
  makeSavedId,
  migrateLegacy,
  projectCounts,
  readIndex,
  rememberHash,
  removeEntry,
  renameEntry,
  setCurrent,
  sortEntries,
  storageProblem,
  uniqueName,
  utf8Length,
  type SavedEntry,
} from '../../src/lib/io/saved-datasets';

const entry = (id: string, name: string, savedAt: number, extra: Partial<SavedEntry> = {}): SavedEntry => ({
  id,
  name,
  savedAt,
  size: 10,
  organisations: 2,
  collaborations: 1,
  hash: '',
  ...extra,
});

const project = JSON.stringify({
  format: 'cluster-atlas',
  version: 1,
  dataset: { name: 'Liège', organisations: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], collaborations: [{ id: 'x' }] },
});

describe('readIndex', () => {
  it('reads a valid index and drops duplicate ids and a current id that is not listed', () => {
    const raw = {
      ...emptyIndex(),
      currentId: 'gone',
      entries: [entry('a', 'One', 1), entry('a', 'Again', 2), entry('b', 'Two', 3)],
    };
    const read = readIndex(raw);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.index.entries.map((e) => e.name)).toEqual(['One', 'Two']);
    expect(read.index.currentId).toBeNull();
  });

  it('refuses an index written by a newer version, naming the version', () => {
    expect(readIndex({ format: SAVED_FORMAT, version: SAVED_VERSION + 1, anything: true })).toEqual({
      ok: false,
      code: 'newer-version',
      version: SAVED_VERSION + 1,
    });
  });

  it.each([
    ['nothing', undefined],
    ['another format', { format: 'other', version: SAVED_VERSION }],
    ['an older version', { ...emptyIndex(), version: 1 }],
    ['an entry with a hostile id', { ...emptyIndex(), entries: [entry('../x', 'A', 1)] }],
    ['an entry with a negative size', { ...emptyIndex(), entries: [entry('a', 'A', 1, { size: -1 })] }],
    ['an over-long name', { ...emptyIndex(), entries: [entry('a', 'x'.repeat(NAME_MAX + 1), 1)] }],
  ])('reports %s as invalid', (_what, raw) => {
    expect(readIndex(raw)).toEqual({ ok: false, code: 'invalid' });
  });
});

describe('migrateLegacy', () => {
  it('turns the version-1 "current" record into a one-entry current index with counts and size', () => {
    const out = migrateLegacy({ json: project, name: 'Liège network', savedAt: 1700000000000 }, 'd1', 5);
    expect(out?.json).toBe(project);
    expect(out?.index.currentId).toBe('d1');
    expect(out?.index.entries).toEqual([
      {
        id: 'd1',
        name: 'Liège network',
        savedAt: 1700000000000,
        size: utf8Length(project),
        organisations: 3,
        collaborations: 1,
        hash: '',
      },
    ]);
    expect(readIndex(out?.index).ok).toBe(true);
  });

  it('names a nameless record and dates an undated one now; unreadable JSON counts zero', () => {
    const out = migrateLegacy({ json: '{"dataset":', name: '  ' }, 'd2', 42);
    expect(out?.index.entries[0]).toMatchObject({ name: 'Imported dataset', savedAt: 42, organisations: 0 });
  });

  it.each([[null], [{}], [{ json: '' }], [{ json: 3 }], ['text']])('ignores %j', (row) => {
    expect(migrateLegacy(row, 'd', 1)).toBeNull();
  });
});

describe('names', () => {
  const list = [entry('a', 'Rhône-Alpes', 1), entry('b', 'Śląskie', 2)];

  it('cleans white space and control characters', () => {
    expect(checkName('  Baden-\u0000Württemberg \n\t 2024 ', list)).toEqual({
      ok: true,
      name: 'Baden- Württemberg 2024',
    });
  });

  it.each([
    ['', 'empty'],
    [' \u0007 ', 'empty'],
    ['x'.repeat(NAME_MAX + 1), 'too-long'],
    ['rhône-alpes', 'duplicate'],
    ['ŚLĄSKIE', 'duplicate'],
  ])('refuses %j as %s', (name, code) => {
    expect(checkName(name, list)).toEqual({ ok: false, code });
  });

  it('lets an entry keep its own name when renamed', () => {
    expect(checkName('Śląskie', list, 'b')).toEqual({ ok: true, name: 'Śląskie' });
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(checkName('😀'.repeat(NAME_MAX), []).ok).toBe(true);
  });

  it('numbers a name already used, and shortens long ones', () => {
    expect(uniqueName('Śląskie', list)).toBe('Śląskie (2)');
    expect(uniqueName('Śląskie', [...list, entry('c', 'Śląskie (2)', 3)])).toBe('Śląskie (3)');
    expect(uniqueName('', list)).toBe('Imported dataset');
    const long = uniqueName('y'.repeat(500), []);
    expect(checkName(long, []).ok).toBe(true);
  });
});

describe('sortEntries', () => {
  const list = [entry('a', 'beta', 1), entry('b', 'Alpha', 3), entry('c', 'alpha', 2), entry('d', 'Gamma', 3)];
  it('puts the newest first, ties by name', () => {
    expect(sortEntries(list, 'newest').map((e) => e.id)).toEqual(['b', 'd', 'c', 'a']);
  });
  it('sorts by name without regard to case, ties newest first', () => {
    expect(sortEntries(list, 'name').map((e) => e.id)).toEqual(['b', 'c', 'a', 'd']);
  });
  it('does not reorder its input', () => {
    sortEntries(list, 'name');
    expect(list.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('updates', () => {
  const base = addEntry(addEntry(emptyIndex(), entry('a', 'One', 1)), entry('b', 'Two', 2));

  it('makes an added entry current', () => {
    expect(base.currentId).toBe('b');
    expect(base.entries.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('renames one entry only', () => {
    expect(renameEntry(base, 'a', 'Eins').entries.map((e) => e.name)).toEqual(['Eins', 'Two']);
  });

  it('removing the current entry makes the built-in dataset current; another keeps the current one', () => {
    expect(removeEntry(base, 'b')).toMatchObject({ currentId: null, entries: [{ id: 'a' }] });
    expect(removeEntry(base, 'a').currentId).toBe('b');
  });

  it('switches the current dataset, ignoring unknown ids', () => {
    expect(setCurrent(base, 'a').currentId).toBe('a');
    expect(setCurrent(base, null).currentId).toBeNull();
    expect(setCurrent(base, 'nope')).toBe(base);
  });

  it('remembers the view per dataset and for the built-in one, returning the same index when unchanged', () => {
    const withHash = rememberHash(base, 'a', 'from=2020');
    expect(withHash.entries.find((e) => e.id === 'a')?.hash).toBe('from=2020');
    expect(withHash.entries.find((e) => e.id === 'b')?.hash).toBe('');
    expect(rememberHash(withHash, 'a', 'from=2020')).toBe(withHash);
    expect(rememberHash(base, null, 'level=2').builtinHash).toBe('level=2');
    expect(rememberHash(base, 'nope', 'x')).toBe(base);
  });
});

describe('small helpers', () => {
  it('makes ids that fit the schema and differ', () => {
    const a = makeSavedId(1700000000000, () => 0.1);
    const b = makeSavedId(1700000000000, () => 0.2);
    expect(a).toMatch(/^[\w-]{1,64}$/);
    expect(a).not.toBe(b);
    expect(datasetKey(a)).toBe(`dataset:${a}`);
  });

  it('measures UTF-8 bytes like TextEncoder', () => {
    for (const s of ['', 'abc', 'Liège', 'Śląskie', '😀x', '\ud800lone']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it('counts a project', () => {
    expect(projectCounts(project)).toEqual({ organisations: 3, collaborations: 1 });
    expect(projectCounts('[]')).toEqual({ organisations: 0, collaborations: 0 });
  });

  it('tells a full quota from storage being unavailable', () => {
    expect(storageProblem(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(storageProblem({ name: 'InvalidStateError' })).toBe('unavailable');
    expect(storageProblem(new Error('x'))).toBe('failed');
    expect(storageProblem(null)).toBe('failed');
  });
});
