// Static per-level tables behind the map aggregate: each collaboration's regions and region pair, and CSR adjacency.
import type { CompiledDataset } from '../model/compiled';
import type { MapLevel, Placement } from './placement';

/** Built once per dataset and level; never changes with the time window. */
export interface RegionTables {
  readonly level: MapLevel;
  readonly regionCount: number;
  /** Number of distinct unordered pairs of different regions linked by at least one collaboration. */
  readonly pairTotal: number;
  readonly regionOfOrg: Int32Array;
  /** Region of each collaboration's source / target, -1 outside; `collabRegionB` is -1 when it equals A. */
  readonly collabRegionA: Int32Array;
  readonly collabRegionB: Int32Array;
  /** Pair id of each collaboration, -1 when an endpoint has no region or both share one. */
  readonly pairOfCollab: Int32Array;
  /** Pair endpoints, `pairA[p] < pairB[p]`. */
  readonly pairA: Int32Array;
  readonly pairB: Int32Array;
  /** CSR adjacency: pair ids touching region r are `pairList[pairStart[r] … pairStart[r + 1])`. */
  readonly pairStart: Int32Array;
  readonly pairList: Int32Array;
  /** CSR: collaborations touching region r (listed once even when internal). */
  readonly collabStart: Int32Array;
  readonly collabList: Int32Array;
  /** CSR: organisations located in region r. */
  readonly orgStart: Int32Array;
  readonly orgList: Int32Array;
}

/**
 * Builds the tables for `level` in O(collaborations + organisations).
 * Pair ids follow the order of first appearance in the collaborations, so they are deterministic.
 */
export function makeRegionTables(compiled: CompiledDataset, placement: Placement, level: MapLevel): RegionTables {
  const regionCount = placement.regions[level].length;
  const regionOfOrg = placement.regionAt[level];
  const m = compiled.collabCount;
  const collabRegionA = new Int32Array(m);
  const collabRegionB = new Int32Array(m);
  const pairOfCollab = new Int32Array(m).fill(-1);
  const pairIds = new Map<number, number>();
  const a: number[] = [];
  const b: number[] = [];
  for (let j = 0; j < m; j++) {
    const ra = regionOfOrg[compiled.collabSource[j] ?? -1] ?? -1;
    const rb = regionOfOrg[compiled.collabTarget[j] ?? -1] ?? -1;
    collabRegionA[j] = ra;
    collabRegionB[j] = rb === ra ? -1 : rb;
    if (ra < 0 || rb < 0 || ra === rb) continue;
    const lo = ra < rb ? ra : rb;
    const hi = ra < rb ? rb : ra;
    const key = lo * regionCount + hi;
    let p = pairIds.get(key);
    if (p === undefined) {
      p = a.length;
      pairIds.set(key, p);
      a.push(lo);
      b.push(hi);
    }
    pairOfCollab[j] = p;
  }
  const pairTotal = a.length;
  const pairA = Int32Array.from(a);
  const pairB = Int32Array.from(b);
  const [pairStart, pairList] = csr(regionCount, (add) => {
    for (let p = 0; p < pairTotal; p++) {
      add(pairA[p]!, p);
      add(pairB[p]!, p);
    }
  });
  const [collabStart, collabList] = csr(regionCount, (add) => {
    for (let j = 0; j < m; j++) {
      add(collabRegionA[j]!, j);
      add(collabRegionB[j]!, j);
    }
  });
  const [orgStart, orgList] = csr(regionCount, (add) => {
    for (let i = 0; i < regionOfOrg.length; i++) add(regionOfOrg[i] ?? -1, i);
  });
  return {
    level,
    regionCount,
    pairTotal,
    regionOfOrg,
    collabRegionA,
    collabRegionB,
    pairOfCollab,
    pairA,
    pairB,
    pairStart,
    pairList,
    collabStart,
    collabList,
    orgStart,
    orgList,
  };
}

/** Tables already built, by the compiled links and placement they were built from (both fixed per dataset). */
const built = new WeakMap<CompiledDataset, { placement: Placement; byLevel: (RegionTables | undefined)[] }>();

/**
 * `makeRegionTables`, built once per dataset and level and shared: the map's aggregate and the details panel's
 * region summary read the same tables. Rebuilt per region click, they cost 60-80 ms at 50k/250k.
 */
export function regionTablesOf(compiled: CompiledDataset, placement: Placement, level: MapLevel): RegionTables {
  let entry = built.get(compiled);
  if (!entry || entry.placement !== placement) {
    entry = { placement, byLevel: [] };
    built.set(compiled, entry);
  }
  return (entry.byLevel[level] ??= makeRegionTables(compiled, placement, level));
}

/** Compressed adjacency lists built in two passes (count, then fill), stable in insertion order. */
function csr(rows: number, each: (add: (row: number, value: number) => void) => void): [Int32Array, Int32Array] {
  const start = new Int32Array(rows + 1);
  each((row) => {
    if (row >= 0) start[row + 1]!++;
  });
  for (let r = 0; r < rows; r++) start[r + 1]! += start[r]!;
  const list = new Int32Array(start[rows]!);
  const fill = start.slice(0, rows);
  each((row, value) => {
    if (row >= 0) list[fill[row]!++] = value;
  });
  return [start, list];
}
