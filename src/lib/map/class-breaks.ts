// Choropleth classes for region counts that stay readable when one region dominates the rest.
import { AtlasError } from '../model/errors';

/**
 * Class lower bounds, ascending and unique; class `i + 1` holds values in `[breaks[i], breaks[i + 1])`
 * and class 0 ("none") holds zero. Built for counts: every break is a positive integer.
 */
export type Breaks = readonly number[];

/**
 * Breaks for up to `classes` classes over the non-zero values. Few distinct values each get a class;
 * otherwise quantiles, because one huge region would squeeze equal intervals into a single class.
 * Ties can collapse quantiles (hundreds of regions with 1): the classes they leave unused go first
 * to a geometric series from the last quantile break to the maximum, then to splitting the class
 * holding the most distinct values. Every break is a data value, so no class is empty.
 * Deterministic: depends only on the multiset of values.
 */
export function classBreaks(values: ArrayLike<number>, classes = 5): Breaks {
  const k = Math.max(1, Math.floor(classes));
  const sorted = nonZeroSorted(values);
  const n = sorted.length;
  if (n === 0) return [];
  const distinct = uniqueAscending(sorted);
  if (distinct.length <= k) return distinct;
  const quantile: number[] = [];
  for (let i = 0; i < k; i++) quantile.push(sorted[Math.floor((i * n) / k)] ?? 0);
  const breaks = uniqueAscending(quantile);
  const missing = k - breaks.length;
  const lo = breaks[breaks.length - 1] ?? 1;
  const max = distinct[distinct.length - 1] ?? lo;
  for (let i = 1; i <= missing; i++) {
    const b = ceilingIn(distinct, lo * Math.pow(max / lo, i / (missing + 1)));
    if (b > (breaks[breaks.length - 1] ?? 0)) breaks.push(b);
  }
  while (breaks.length < k) splitWidestClass(breaks, distinct);
  return breaks;
}

/** Smallest value of `distinct` (ascending) that is ≥ x; the last one when none is. */
function ceilingIn(distinct: readonly number[], x: number): number {
  for (const v of distinct) if (v >= x) return v;
  return distinct[distinct.length - 1] ?? x;
}

/** Splits the class with the most distinct values at its middle one (the lowest such class on ties). */
function splitWidestClass(breaks: number[], distinct: readonly number[]): void {
  let best = -1;
  let bestFrom = 0;
  let bestWidth = 1;
  for (let c = 0; c < breaks.length; c++) {
    const from = distinct.indexOf(breaks[c] ?? NaN);
    const next = breaks[c + 1];
    const to = next === undefined ? distinct.length : distinct.indexOf(next);
    if (to - from > bestWidth) [best, bestFrom, bestWidth] = [c, from, to - from];
  }
  if (best < 0) throw new AtlasError('class-breaks', 'classBreaks found no class to split');
  breaks.splice(best + 1, 0, distinct[bestFrom + (bestWidth >> 1)] ?? NaN);
}

/** Class of a value: 0 for zero or less (and NaN), otherwise 1 + the index of the last break ≤ value. */
export function classOf(value: number, breaks: Breaks): number {
  if (!(value > 0) || breaks.length === 0) return 0;
  // Binary search: called for every region on each restyle.
  let lo = 0;
  let hi = breaks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((breaks[mid] ?? Infinity) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Legend labels of classes 1…n: `1`, `2–3`, `4–9`, `10+` (en dash, no thousands separator unless
 * `format` adds one). The "none" class is labelled by the UI, which owns the translations.
 */
export function classLabels(breaks: Breaks, format: (n: number) => string = String): string[] {
  return breaks.map((b, i) => {
    const next = breaks[i + 1];
    if (next === undefined) return `${format(b)}+`;
    const upper = Math.ceil(next) - 1;
    return upper <= b ? format(b) : `${format(b)}–${format(upper)}`;
  });
}

function nonZeroSorted(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] ?? 0) > 0) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    // Counts are integers; a fractional value is rounded up so its class bound stays an integer.
    if (v > 0) out[j++] = Math.ceil(v);
  }
  return out.sort();
}

function uniqueAscending(sorted: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] ?? 0;
    if (out.length === 0 || v > (out[out.length - 1] ?? 0)) out.push(v);
  }
  return out;
}
