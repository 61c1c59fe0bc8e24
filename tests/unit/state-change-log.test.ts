// Proves the change log lets readers catch up independently and forces a full sync after overflow, reset or a fresh start.
import { describe, expect, it } from 'vitest';
import { ChangeLog, type LogCursor } from '../../src/lib/state/change-log';

/** Reads a cursor: `null` means "resynchronise fully", else the indexes logged since. */
function read(log: ChangeLog, cursor: LogCursor): number[] | null {
  const since = log.takeSince(cursor);
  return since ? Array.from(since) : null;
}

/** A cursor that has already synced with the log's current state. */
function synced(log: ChangeLog): LogCursor {
  const cursor = ChangeLog.freshCursor();
  expect(read(log, cursor)).toBeNull();
  return cursor;
}

describe('ChangeLog', () => {
  it('a fresh cursor forces a full sync, then reads only what came after', () => {
    const log = new ChangeLog(8);
    log.append(1);
    const cursor = ChangeLog.freshCursor();
    expect(read(log, cursor)).toBeNull(); // the entry before the sync is covered by the full sync
    expect(read(log, cursor)).toEqual([]);
    log.append(2);
    expect(read(log, cursor)).toEqual([2]);
  });

  it('a fresh cursor forces a full sync even on an empty, never-reset log', () => {
    expect(read(new ChangeLog(8), ChangeLog.freshCursor())).toBeNull();
  });

  it('readers catch up independently, each from its own position', () => {
    const log = new ChangeLog(16);
    const graph = synced(log);
    const map = synced(log);
    log.append(3);
    log.append(5);
    expect(read(log, graph)).toEqual([3, 5]);
    log.append(7);
    expect(read(log, map)).toEqual([3, 5, 7]);
    expect(read(log, graph)).toEqual([7]);
    expect(read(log, graph)).toEqual([]);
    expect(read(log, map)).toEqual([]);
    const late = synced(log); // a view mounted later starts from a full sync
    log.append(9);
    expect([read(log, graph), read(log, map), read(log, late)]).toEqual([[9], [9], [9]]);
  });

  it('keeps repeated indexes in order (readers apply the latest state, so duplicates are harmless)', () => {
    const log = new ChangeLog(16);
    const cursor = synced(log);
    for (const j of [4, 4, 2, 4]) log.append(j);
    expect(read(log, cursor)).toEqual([4, 4, 2, 4]);
  });

  it.each([1, 10, 1024])('capacity %i holds at least 1024 entries before overflowing', (capacity) => {
    const log = new ChangeLog(capacity);
    const cursor = synced(log);
    for (let j = 0; j < 1024; j++) log.append(j);
    const got = read(log, cursor);
    expect(got).toHaveLength(1024);
    expect(got![1023]).toBe(1023);
  });

  it('overflow bumps the epoch and forces every reader to resynchronise once', () => {
    const capacity = 1024;
    const log = new ChangeLog(capacity);
    const a = synced(log);
    const b = synced(log);
    for (let j = 0; j < capacity - 1; j++) log.append(j);
    expect(read(log, a)).toHaveLength(capacity - 1); // a is now at the end, b still at 0
    const epoch = log.epoch;
    log.append(capacity - 1); // fills the buffer
    expect(log.epoch).toBe(epoch);
    log.append(capacity); // overflows
    expect(log.epoch).toBe(epoch + 1);
    expect(read(log, a)).toBeNull();
    expect(read(log, b)).toBeNull();
    log.append(42);
    expect(read(log, a)).toEqual([42]);
    expect(read(log, b)).toEqual([42]);
  });

  it('entries appended after an overflow but before a reader syncs are covered by its full sync', () => {
    const log = new ChangeLog(1024);
    const cursor = synced(log);
    for (let j = 0; j <= 1024; j++) log.append(j); // the last append overflows
    log.append(1);
    log.append(2);
    expect(read(log, cursor)).toBeNull();
    expect(read(log, cursor)).toEqual([]);
  });

  it('reset() forgets everything and forces a full sync', () => {
    const log = new ChangeLog(8);
    const cursor = synced(log);
    log.append(1);
    log.reset();
    expect(read(log, cursor)).toBeNull();
    log.append(6);
    expect(read(log, cursor)).toEqual([6]);
  });
});
