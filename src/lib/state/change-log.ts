// An append-only log of changed element indexes, so several views can catch up on visibility diffs independently.

/** Where one consumer has read up to. A new epoch means "the log was reset: resynchronise fully". */
export interface LogCursor {
  epoch: number;
  position: number;
}

/**
 * Each view keeps a cursor and, when notified, reads the indexes logged since. Appending is O(1)
 * and allocation-free; on overflow the log resets and bumps its epoch so readers do one full sync.
 */
export class ChangeLog {
  private entries: Int32Array;
  private length = 0;
  private epochValue = 0;

  constructor(capacity: number) {
    this.entries = new Int32Array(Math.max(1024, capacity));
  }

  get epoch(): number {
    return this.epochValue;
  }

  append(index: number): void {
    if (this.length === this.entries.length) {
      this.reset();
      return;
    }
    this.entries[this.length++] = index;
  }

  /** Forgets every entry; readers must resynchronise from the full state. */
  reset(): void {
    this.length = 0;
    this.epochValue++;
  }

  /** A cursor that has read nothing yet (forces a full sync on first read). */
  static freshCursor(): LogCursor {
    return { epoch: -1, position: 0 };
  }

  /**
   * The indexes logged since `cursor` (a view of the log, valid until the next append), advancing it; null when the
   * reader must resynchronise fully (epoch changed; the cursor is then moved to the end). A view rather than a
   * callback: hot readers loop over it with no call per index.
   */
  takeSince(cursor: LogCursor): Int32Array | null {
    if (cursor.epoch !== this.epochValue) {
      cursor.epoch = this.epochValue;
      cursor.position = this.length;
      return null;
    }
    const from = cursor.position;
    cursor.position = this.length;
    return this.entries.subarray(from, this.length);
  }
}
