// Histogram of collaborations by start date per month or quarter, and its stacking by kind for the timeline bars.
import { UNDATED } from '../model/compiled';
import { civilFromDay, dayNumber } from '../model/dates';

/** Width of a histogram bin. */
export type Granularity = 'month' | 'quarter';

/** Counts of collaborations by the bin their start date falls in, split by kind. */
export interface Histogram {
  readonly granularity: Granularity;
  readonly binCount: number;
  readonly kindCount: number;
  /** First day of each bin, plus one sentinel: the first day after the last bin. */
  readonly binStart: Int32Array;
  /** `counts[bin * kindCount + kind]`. */
  readonly counts: Uint32Array;
  /** Per-bin sum over kinds. */
  readonly totals: Uint32Array;
  /** Largest total. */
  readonly max: number;
  /** Undated collaborations, never binned. */
  readonly undated: number;
  /** Dated collaborations starting before the first bin or after the last. */
  readonly outside: number;
}

/**
 * Stack offsets, series-major so each kind is one contiguous run: series `s` (kind `kinds[s]`) in bin `b` spans
 * `y0[i]..y1[i]` with `i = s * binCount + b`.
 */
export interface StackedBins {
  readonly binCount: number;
  readonly kinds: readonly number[];
  readonly y0: Uint32Array;
  readonly y1: Uint32Array;
  /** Top of the tallest stack over the listed kinds: the y-domain maximum. */
  readonly max: number;
}

const MONTHS_PER_BIN: Readonly<Record<Granularity, number>> = { month: 1, quarter: 3 };
/** Monthly bins up to this many months (~6 years, about 72 bars), quarters beyond so bars stay a few pixels wide. */
const MAX_MONTHLY_SPAN = 72;
/** Spans up to this many days (~2,870 years) bin through a day → bin table (≤ 2 MB); longer ones bisect. */
const MAX_TABLE_DAYS = 1 << 20;

/** Month bins for spans up to about six years, quarter bins beyond. */
export function chooseGranularity(fromDay: number, toDay: number): Granularity {
  return Math.abs(monthIndex(toDay) - monthIndex(fromDay)) + 1 <= MAX_MONTHLY_SPAN ? 'month' : 'quarter';
}

/**
 * Counts collaborations by start date in whole months or quarters covering `fromDay..toDay` (the range widens to
 * whole bins). `kind[j]` must be below `kindCount`.
 */
export function binCollaborations(
  first: Int32Array,
  kind: Uint8Array,
  kindCount: number,
  fromDay: number,
  toDay: number,
  granularity: Granularity,
): Histogram {
  const step = MONTHS_PER_BIN[granularity];
  const lo = monthIndex(Math.min(fromDay, toDay));
  const startMonth = lo - (((lo % step) + step) % step); // quarters begin in Jan, Apr, Jul, Oct
  const binCount = Math.floor((monthIndex(Math.max(fromDay, toDay)) - startMonth) / step) + 1;
  const binStart = new Int32Array(binCount + 1);
  for (let b = 0; b <= binCount; b++) binStart[b] = monthIndexToDay(startMonth + b * step);
  const counts = new Uint32Array(binCount * kindCount);
  const totals = new Uint32Array(binCount);
  // Random start days mispredict every level of a binary search; a table read is ~30× faster at 250k.
  const base = binStart[0]!;
  const width = binStart[binCount]! - base;
  const table = width <= MAX_TABLE_DAYS ? dayToBinTable(binStart) : null;
  let undated = 0;
  let outside = 0;
  for (let j = 0; j < first.length; j++) {
    const f = first[j]!;
    if (f === UNDATED) {
      undated++;
      continue;
    }
    const offset = f - base;
    const b = offset < 0 || offset >= width ? -1 : table === null ? findBin(binStart, f) : table[offset]!;
    if (b < 0) {
      outside++;
      continue;
    }
    const k = kind[j]!;
    // A kind beyond kindCount would silently land in the next bin's counts.
    if (k >= kindCount) throw new RangeError(`timeline: collaboration ${j} has kind ${k}, expected < ${kindCount}`);
    counts[b * kindCount + k]!++;
    totals[b]!++;
  }
  let max = 0;
  for (let b = 0; b < binCount; b++) if (totals[b]! > max) max = totals[b]!;
  return { granularity, binCount, kindCount, binStart, counts, totals, max, undated, outside };
}

/** Bin holding `day`, or -1 outside the histogram. O(log bins). */
export function binIndexOf(hist: Histogram, day: number): number {
  return findBin(hist.binStart, day);
}

/**
 * Stack offsets for the listed kinds, bottom to top in `kindOrder`; kinds left out are not drawn. Compute once per
 * histogram (not per frame): the renderer only maps these through its scales.
 */
export function stackedBins(hist: Histogram, kindOrder: readonly number[]): StackedBins {
  const { binCount, kindCount, counts } = hist;
  const y0 = new Uint32Array(binCount * kindOrder.length);
  const y1 = new Uint32Array(binCount * kindOrder.length);
  let max = 0;
  for (let b = 0; b < binCount; b++) {
    let top = 0;
    kindOrder.forEach((k, s) => {
      const i = s * binCount + b;
      y0[i] = top;
      top += k >= 0 && k < kindCount ? counts[b * kindCount + k]! : 0;
      y1[i] = top;
    });
    if (top > max) max = top;
  }
  return { binCount, kinds: [...kindOrder], y0, y1, max };
}

function findBin(binStart: Int32Array, day: number): number {
  const last = binStart.length - 1;
  if (day < binStart[0]! || day >= binStart[last]!) return -1;
  let lo = 0;
  let hi = last;
  // Invariant: binStart[lo] <= day < binStart[hi].
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (binStart[mid]! <= day) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Bin of each day from the first bin's start; bins stay below 65,536 since a month has at least 28 days. */
function dayToBinTable(binStart: Int32Array): Uint16Array {
  const base = binStart[0]!;
  const table = new Uint16Array(binStart[binStart.length - 1]! - base);
  for (let b = 0; b < binStart.length - 1; b++) table.fill(b, binStart[b]! - base, binStart[b + 1]! - base);
  return table;
}

function monthIndex(day: number): number {
  const { year, month } = civilFromDay(day);
  return year * 12 + month - 1;
}

function monthIndexToDay(index: number): number {
  const year = Math.floor(index / 12);
  return dayNumber(year, index - year * 12 + 1, 1);
}
