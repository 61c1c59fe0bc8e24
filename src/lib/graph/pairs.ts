// Collaborations grouped by unordered organisation pair: the merged-edge table and the parallel-edge bundles.
import type { CompiledDataset } from '../model/compiled';

/**
 * Collaborations grouped by unordered organisation pair, in order of each pair's first collaboration.
 * Pair `p` joins `pairSource[p] < pairTarget[p]`; its collaborations, in increasing index order, are
 * `pairCollabs[pairOffsets[p]..pairOffsets[p+1])`.
 */
export interface PairTable {
  readonly pairCount: number;
  readonly pairSource: Int32Array;
  readonly pairTarget: Int32Array;
  readonly pairOffsets: Int32Array;
  readonly pairCollabs: Int32Array;
  /** Pair of each collaboration, -1 for a self-loop. */
  readonly pairIndexOfCollab: Int32Array;
  readonly selfLoops: number;
}

/**
 * Groups collaborations by unordered pair in O(N + E) with typed arrays only; self-loops get pair -1 and are counted.
 * Why not a Map keyed by `s·N + t`: at 50k/250k such keys exceed 2^31, so they are heap numbers and the Map took
 * ~0.2 s of one main-thread task. Here collaborations are bucketed by their lower end, each bucket's pairs found with
 * a stamp array over the higher end, and pairs then numbered in order of their first collaboration.
 */
export function groupPairs(compiled: CompiledDataset): PairTable {
  const { collabCount: m, orgCount: n, collabSource, collabTarget } = compiled;
  // Collaborations by lower end (counting sort, stable in j).
  const lowStart = new Int32Array(n + 1);
  let selfLoops = 0;
  for (let j = 0; j < m; j++) {
    const s = collabSource[j] ?? 0;
    const t = collabTarget[j] ?? 0;
    if (s === t) selfLoops++;
    else lowStart[Math.min(s, t) + 1]!++;
  }
  for (let i = 0; i < n; i++) lowStart[i + 1]! += lowStart[i]!;
  const byLow = new Int32Array(m - selfLoops);
  const fillLow = lowStart.slice(0, n);
  for (let j = 0; j < m; j++) {
    const s = collabSource[j] ?? 0;
    const t = collabTarget[j] ?? 0;
    if (s !== t) byLow[fillLow[Math.min(s, t)]!++] = j;
  }
  // Within a bucket, the first collaboration with a given higher end opens a provisional pair; the rest join it.
  const pairIndexOfCollab = new Int32Array(m).fill(-1);
  const stamp = new Int32Array(n).fill(-1);
  const openPair = new Int32Array(n);
  let provisional = 0;
  for (let low = 0; low < n; low++) {
    for (let k = lowStart[low]!; k < lowStart[low + 1]!; k++) {
      const j = byLow[k]!;
      const high = Math.max(collabSource[j] ?? 0, collabTarget[j] ?? 0);
      if (stamp[high] !== low) {
        stamp[high] = low;
        openPair[high] = provisional++;
      }
      pairIndexOfCollab[j] = openPair[high]!;
    }
  }
  // Renumber pairs by first collaboration, as callers (edge keys, draw order) expect.
  const pairCount = provisional;
  const renumber = new Int32Array(pairCount).fill(-1);
  const pairSource = new Int32Array(pairCount);
  const pairTarget = new Int32Array(pairCount);
  const pairOffsets = new Int32Array(pairCount + 1);
  let next = 0;
  for (let j = 0; j < m; j++) {
    const q = pairIndexOfCollab[j]!;
    if (q < 0) continue;
    let p = renumber[q]!;
    if (p < 0) {
      p = renumber[q] = next++;
      const s = collabSource[j] ?? 0;
      const t = collabTarget[j] ?? 0;
      pairSource[p] = Math.min(s, t);
      pairTarget[p] = Math.max(s, t);
    }
    pairIndexOfCollab[j] = p;
    pairOffsets[p + 1]!++;
  }
  for (let p = 0; p < pairCount; p++) pairOffsets[p + 1]! += pairOffsets[p]!;
  const fill = pairOffsets.slice(0, pairCount);
  const pairCollabs = new Int32Array(m - selfLoops);
  for (let j = 0; j < m; j++) {
    const p = pairIndexOfCollab[j]!;
    if (p >= 0) pairCollabs[fill[p]!++] = j;
  }
  return { pairCount, pairSource, pairTarget, pairOffsets, pairCollabs, pairIndexOfCollab, selfLoops };
}
