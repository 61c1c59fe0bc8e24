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

/** Groups collaborations by unordered pair in O(E); self-loops get pair -1 and are counted. */
export function groupPairs(compiled: CompiledDataset): PairTable {
  const { collabCount: m, orgCount: n, collabSource, collabTarget } = compiled;
  const pairIndexOfCollab = new Int32Array(m);
  const firstCollab: number[] = [];
  const byKey = new Map<number, number>();
  let selfLoops = 0;
  for (let j = 0; j < m; j++) {
    const s = collabSource[j] ?? 0;
    const t = collabTarget[j] ?? 0;
    if (s === t) {
      pairIndexOfCollab[j] = -1;
      selfLoops++;
      continue;
    }
    const key = s < t ? s * n + t : t * n + s;
    let p = byKey.get(key);
    if (p === undefined) {
      p = firstCollab.length;
      byKey.set(key, p);
      firstCollab.push(j);
    }
    pairIndexOfCollab[j] = p;
  }
  const pairCount = firstCollab.length;
  const pairSource = new Int32Array(pairCount);
  const pairTarget = new Int32Array(pairCount);
  const pairOffsets = new Int32Array(pairCount + 1);
  firstCollab.forEach((j, p) => {
    const s = collabSource[j] ?? 0;
    const t = collabTarget[j] ?? 0;
    pairSource[p] = Math.min(s, t);
    pairTarget[p] = Math.max(s, t);
  });
  for (let j = 0; j < m; j++) {
    const p = pairIndexOfCollab[j] ?? -1;
    if (p >= 0) pairOffsets[p + 1]!++;
  }
  for (let p = 0; p < pairCount; p++) pairOffsets[p + 1]! += pairOffsets[p] ?? 0;
  const fill = pairOffsets.slice(0, pairCount);
  const pairCollabs = new Int32Array(m - selfLoops);
  for (let j = 0; j < m; j++) {
    const p = pairIndexOfCollab[j] ?? -1;
    if (p >= 0) pairCollabs[fill[p]!++] = j;
  }
  return { pairCount, pairSource, pairTarget, pairOffsets, pairCollabs, pairIndexOfCollab, selfLoops };
}
