// Temporal index over collaboration periods: which collaborations a time window shows, and what changes when it moves.
//
// Why sorted arrays + diff: a move can only flip periods whose first day lies between the old and new `to` or whose
// last day lies between the old and new `from`: two binary searches plus k candidates, O(log n + k). An interval tree
// answers stabbing queries, not diffs, and is pointer-heavy; per-bin bitsets cost O(n/32) a step and blur days.
import { UNDATED } from '../model/compiled';

/** `active`: the period overlaps the window; `cumulative`: it started on or before the window's last day. */
export type TimeMode = 'active' | 'cumulative';

/** Inclusive range of day numbers (days since 1970-01-01). */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

/** Sorted views of the collaboration periods plus scratch space; build once per dataset. */
export interface TemporalIndex {
  readonly count: number;
  /** The arrays the index was built from (not copied): they must not change afterwards. */
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Dated collaborations ordered by first day, and their first days in that order. */
  readonly byFirst: Uint32Array;
  readonly firstSorted: Int32Array;
  /** Dated collaborations ordered by last day (open-ended ones last), and their last days in that order. */
  readonly byLast: Uint32Array;
  readonly lastSorted: Int32Array;
  readonly undated: Uint32Array;
  /** False when some dated period ends before it starts; active counts then come from the mask, not the sorts. */
  readonly ordered: boolean;
  /** Owned by {@link stepWindow}; preallocated so a step allocates nothing proportional to n. */
  readonly scratch: { readonly changed: Int32Array; readonly stamp: Uint32Array; generation: number };
}

/** What one {@link stepWindow} call changed. The arrays view the index's scratch buffer: valid until the next call. */
export interface StepDiff {
  readonly entering: Int32Array;
  readonly enteringCount: number;
  readonly leaving: Int32Array;
  readonly leavingCount: number;
  readonly visibleCount: number;
}

/** The single membership rule shared by the index, the graph and the map (see docs/data-format.md, "Time rule"). */
export function isVisible(
  first: number,
  last: number,
  window: TimeWindow,
  mode: TimeMode,
  includeUndated: boolean,
): boolean {
  if (first === UNDATED) return includeUndated;
  // Open-ended periods carry OPEN_END (the largest Int32) as last day, so `last >= from` holds for them.
  return first <= window.to && (mode === 'cumulative' || last >= window.from);
}

/** Builds the index from `collabFirst`/`collabLast`; O(n) with a radix sort. */
export function makeTemporalIndex(first: Int32Array, last: Int32Array): TemporalIndex {
  const n = first.length;
  if (last.length !== n) throw new Error(`timeline: first has ${n} entries but last has ${last.length}`);
  let undatedCount = 0;
  for (let j = 0; j < n; j++) if (first[j] === UNDATED) undatedCount++;
  const dated = new Uint32Array(n - undatedCount);
  const undated = new Uint32Array(undatedCount);
  let d = 0;
  let u = 0;
  let ordered = true;
  for (let j = 0; j < n; j++) {
    const f = first[j]!;
    if (f === UNDATED) undated[u++] = j;
    else {
      dated[d++] = j;
      if (last[j]! < f) ordered = false;
    }
  }
  const byFirst = radixOrder(first, dated.slice());
  const byLast = radixOrder(last, dated);
  return {
    count: n,
    first,
    last,
    byFirst,
    firstSorted: gather(first, byFirst),
    byLast,
    lastSorted: gather(last, byLast),
    undated,
    ordered,
    scratch: { changed: new Int32Array(n), stamp: new Uint32Array(n), generation: 0 },
  };
}

/** Fills `mask` (1 shown, 0 hidden) for all collaborations and returns the shown count. O(n): first load, toggles. */
export function queryWindow(
  index: TemporalIndex,
  window: TimeWindow,
  mode: TimeMode,
  includeUndated: boolean,
  mask: Uint8Array,
): number {
  const { first, last, count } = index;
  checkMask(index, mask);
  let visible = 0;
  for (let j = 0; j < count; j++) {
    const shown = isVisible(first[j]!, last[j]!, window, mode, includeUndated);
    mask[j] = shown ? 1 : 0;
    if (shown) visible++;
  }
  return visible;
}

/**
 * Moves `mask` from `prev` to `next` in place, O(log n + k). `mask` must hold `queryWindow(prev)` for the same mode
 * and undated toggle. The returned arrays are views of a buffer reused by the next call: copy them to keep them.
 */
export function stepWindow(
  index: TemporalIndex,
  prev: TimeWindow,
  next: TimeWindow,
  mode: TimeMode,
  includeUndated: boolean,
  mask: Uint8Array,
): StepDiff {
  const { first, last, byFirst, byLast, firstSorted, lastSorted, scratch } = index;
  const { changed, stamp } = scratch;
  checkMask(index, mask);
  const gen = nextGeneration(scratch);
  let enter = 0;
  let leave = changed.length; // leaving ids fill the buffer from the end: each candidate is recorded at most once
  const toLo = bisect(firstSorted, Math.min(prev.to, next.to), true);
  const toHi = bisect(firstSorted, Math.max(prev.to, next.to), true);
  for (let i = toLo; i < toHi; i++) {
    const j = byFirst[i]!;
    stamp[j] = gen;
    const flip = recheck(first[j]!, last[j]!, prev, next, mode, includeUndated);
    if (flip > 0) changed[enter++] = j;
    else if (flip < 0) changed[--leave] = j;
  }
  if (mode === 'active') {
    const fromLo = bisect(lastSorted, Math.min(prev.from, next.from), false);
    const fromHi = bisect(lastSorted, Math.max(prev.from, next.from), false);
    for (let i = fromLo; i < fromHi; i++) {
      const j = byLast[i]!;
      if (stamp[j] === gen) continue;
      const flip = recheck(first[j]!, last[j]!, prev, next, mode, includeUndated);
      if (flip > 0) changed[enter++] = j;
      else if (flip < 0) changed[--leave] = j;
    }
  }
  for (let i = 0; i < enter; i++) mask[changed[i]!] = 1;
  for (let i = leave; i < changed.length; i++) mask[changed[i]!] = 0;
  return {
    entering: changed.subarray(0, enter),
    enteringCount: enter,
    leaving: changed.subarray(leave),
    leavingCount: changed.length - leave,
    visibleCount: countVisible(index, next, mode, includeUndated, mask),
  };
}

/** How many collaborations `next` shows, from the sorted keys alone when the periods allow it. */
function countVisible(
  index: TemporalIndex,
  w: TimeWindow,
  mode: TimeMode,
  includeUndated: boolean,
  mask: Uint8Array,
): number {
  const undated = includeUndated ? index.undated.length : 0;
  const started = bisect(index.firstSorted, w.to, true);
  if (mode === 'cumulative') return started + undated;
  // With first <= last and from <= to, "ended before from" implies "started by to", so a subtraction suffices.
  if (index.ordered && w.from <= w.to) return started - bisect(index.lastSorted, w.from, false) + undated;
  let visible = 0;
  for (let j = 0; j < index.count; j++) visible += mask[j]!;
  return visible;
}

// Typed arrays drop out-of-range writes silently, so a short mask would hide collaborations without an error.
function checkMask(index: TemporalIndex, mask: Uint8Array): void {
  if (mask.length !== index.count)
    throw new RangeError(`timeline: mask has ${mask.length} entries, expected ${index.count}`);
}

/** +1 when the collaboration enters, -1 when it leaves, 0 when unchanged. */
function recheck(f: number, l: number, prev: TimeWindow, next: TimeWindow, mode: TimeMode, undated: boolean): number {
  return Number(isVisible(f, l, next, mode, undated)) - Number(isVisible(f, l, prev, mode, undated));
}

function nextGeneration(scratch: TemporalIndex['scratch']): number {
  if (scratch.generation === 0xffffffff) {
    scratch.stamp.fill(0);
    scratch.generation = 0;
  }
  return ++scratch.generation;
}

/** Number of entries `< value`, or `<= value` when `inclusive`. */
function bisect(sorted: Int32Array, value: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < value || (inclusive && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Stable LSD radix sort of `ids` by `keys[id]` in two 16-bit passes; reuses `ids` as one of its buffers. */
function radixOrder(keys: Int32Array, ids: Uint32Array): Uint32Array {
  let src: Uint32Array = ids;
  let dst: Uint32Array = new Uint32Array(ids.length);
  const bucket = new Uint32Array(65537);
  for (let shift = 0; shift < 32; shift += 16) {
    // Flipping the sign bit of the high digit puts negative days before positive ones.
    const flip = shift === 16 ? 0x8000 : 0;
    bucket.fill(0);
    for (let i = 0; i < src.length; i++) bucket[(((keys[src[i]!]! >>> shift) & 0xffff) ^ flip) + 1]!++;
    for (let b = 1; b < 65537; b++) bucket[b]! += bucket[b - 1]!;
    for (let i = 0; i < src.length; i++) {
      const id = src[i]!;
      dst[bucket[((keys[id]! >>> shift) & 0xffff) ^ flip]!++] = id;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

function gather(keys: Int32Array, order: Uint32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = keys[order[i]!]!;
  return out;
}
