// Queries over region pairs: the strongest pairs to draw as arcs, and the pairs touching one region.
import type { RegionAggregate } from './aggregate';

/**
 * The `k` pairs with the most visible collaborations (at least `minCount`, never zero), strongest
 * first, ties by ascending pair id. A bounded min-heap makes this O(pairs · log k) with no sort of
 * all pairs: most pairs are rejected by one comparison with the heap's root. Writes into `out` when
 * it is long enough, so a caller redrawing every frame can avoid allocating.
 */
export function topPairs(agg: RegionAggregate, k: number, minCount = 1, out?: Int32Array): Int32Array {
  const limit = Math.min(Math.max(0, Math.floor(k)), agg.pairTotal);
  const target = out !== undefined && out.length >= limit ? out : new Int32Array(limit);
  if (limit === 0) return target.subarray(0, 0);
  if (agg.heap.length < limit) agg.heap = new Int32Array(limit);
  const heap = agg.heap;
  const count = agg.pairCount;
  const floor = Math.max(1, minCount);
  let size = 0;
  for (let p = 0; p < agg.pairTotal; p++) {
    const c = count[p]!;
    if (c < floor) continue;
    if (size < limit) {
      heap[size] = p;
      siftUp(heap, size++, count);
    } else if (worse(heap[0]!, p, count)) {
      heap[0] = p;
      siftDown(heap, 0, size, count);
    }
  }
  // In-place heapsort: moving the weakest to the back leaves the array strongest-first.
  for (let end = size - 1; end > 0; end--) {
    const t = heap[0]!;
    heap[0] = heap[end]!;
    heap[end] = t;
    siftDown(heap, 0, end, count);
  }
  for (let i = 0; i < size; i++) target[i] = heap[i]!;
  return target.subarray(0, size);
}

/** Whether pair a ranks below pair b: fewer collaborations, or as many and a larger id. */
function worse(a: number, b: number, count: Uint32Array): boolean {
  const ca = count[a]!;
  const cb = count[b]!;
  return ca < cb || (ca === cb && a > b);
}

function siftUp(heap: Int32Array, i: number, count: Uint32Array): void {
  const v = heap[i]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pv = heap[parent]!;
    if (!worse(v, pv, count)) break;
    heap[i] = pv;
    i = parent;
  }
  heap[i] = v;
}

function siftDown(heap: Int32Array, i: number, size: number, count: Uint32Array): void {
  const v = heap[i]!;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    const right = child + 1;
    if (right < size && worse(heap[right]!, heap[child]!, count)) child = right;
    const cv = heap[child]!;
    if (!worse(cv, v, count)) break;
    heap[i] = cv;
    i = child;
  }
  heap[i] = v;
}

/** The other region of a pair. */
export function partnerOf(agg: RegionAggregate, pair: number, region: number): number {
  return agg.pairA[pair] === region ? agg.pairB[pair]! : agg.pairA[pair]!;
}

/**
 * Pair ids touching a region with at least `minCount` visible collaborations, strongest first,
 * ties by partner region index (so by NUTS code). O(degree of the region).
 */
export function pairsTouching(agg: RegionAggregate, regionIdx: number, minCount = 1): number[] {
  if (regionIdx < 0 || regionIdx >= agg.regionCount) return [];
  const floor = Math.max(1, minCount);
  const out: number[] = [];
  for (let i = agg.pairStart[regionIdx]!; i < agg.pairStart[regionIdx + 1]!; i++) {
    const p = agg.pairList[i]!;
    if (agg.pairCount[p]! >= floor) out.push(p);
  }
  return out.sort(
    (a, b) => agg.pairCount[b]! - agg.pairCount[a]! || partnerOf(agg, a, regionIdx) - partnerOf(agg, b, regionIdx),
  );
}
