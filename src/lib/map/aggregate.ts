// Incremental per-region and per-region-pair counts of visible organisations and collaborations.
import type { CompiledDataset } from '../model/compiled';
import type { MapLevel, Placement } from './placement';
import { regionTablesOf, type RegionTables } from './region-tables';

export { pairsTouching, partnerOf, topPairs } from './pairs';
export { regionSummary, type RegionSummary, type PartnerRegion } from './region-summary';

/**
 * Counts at one NUTS level over the static tables of `region-tables.ts`. Regions are indexes into
 * `placement.regions[level]`, pairs dense ids of unordered region pairs. Only this module writes to it.
 */
export interface RegionAggregate extends RegionTables {
  /** Visible organisations located in each region. */
  readonly regionOrgs: Uint32Array;
  /** Visible collaborations touching each region (an internal one counts once). */
  readonly regionCollabs: Uint32Array;
  /** Visible collaborations per pair. */
  readonly pairCount: Uint32Array;
  /** Visibility the counts reflect, so repeated or stale diffs are ignored instead of double-counted. */
  readonly collabOn: Uint8Array;
  readonly orgOn: Uint8Array;
  /** Regions / pairs whose counts changed since the last `clearChanges`, each listed once. */
  readonly changedRegions: Int32Array;
  changedRegionCount: number;
  readonly changedPairs: Int32Array;
  changedPairCount: number;
  generation: number;
  readonly regionStamp: Uint32Array;
  readonly pairStamp: Uint32Array;
  /** Scratch for `resetAggregate` (previous counts) and `topPairs` (the heap). */
  readonly prevRegionOrgs: Uint32Array;
  readonly prevRegionCollabs: Uint32Array;
  readonly prevPairCount: Uint32Array;
  heap: Int32Array;
}

/** Counts at `level`, every one at zero, over the dataset's shared tables (built on first use, O(collaborations)). */
export function makeRegionAggregate(compiled: CompiledDataset, placement: Placement, level: MapLevel): RegionAggregate {
  const t = regionTablesOf(compiled, placement, level);
  const { regionCount, pairTotal } = t;
  return {
    ...t,
    regionOrgs: new Uint32Array(regionCount),
    regionCollabs: new Uint32Array(regionCount),
    pairCount: new Uint32Array(pairTotal),
    collabOn: new Uint8Array(compiled.collabCount),
    orgOn: new Uint8Array(t.regionOfOrg.length),
    changedRegions: new Int32Array(regionCount),
    changedRegionCount: 0,
    changedPairs: new Int32Array(pairTotal),
    changedPairCount: 0,
    generation: 1,
    regionStamp: new Uint32Array(regionCount),
    pairStamp: new Uint32Array(pairTotal),
    prevRegionOrgs: new Uint32Array(regionCount),
    prevRegionCollabs: new Uint32Array(regionCount),
    prevPairCount: new Uint32Array(pairTotal),
    heap: new Int32Array(0),
  };
}

/**
 * Region counts under a second pair of masks (`resetAggregate`'s `span`), for counts read once: the class breaks
 * over the whole time span. Only the region counts; the outputs are overwritten.
 */
export interface SpanCounts {
  readonly collabMask: Uint8Array;
  readonly orgVisible: Uint8Array;
  readonly regionOrgs: Uint32Array;
  readonly regionCollabs: Uint32Array;
}

/** The static arrays a full count reads (a subset of the region tables, all a worker needs). */
export type CountTables = Pick<RegionTables, 'regionOfOrg' | 'collabRegionA' | 'collabRegionB' | 'pairOfCollab'>;

/** What a full count writes: the counts and the visibility they reflect. */
export interface FullCounts {
  readonly regionOrgs: Uint32Array;
  readonly regionCollabs: Uint32Array;
  readonly pairCount: Uint32Array;
  readonly collabOn: Uint8Array;
  readonly orgOn: Uint8Array;
}

/**
 * Recomputes every count from full masks in O(organisations + collaborations), recording as changed
 * only the regions and pairs whose counts differ from before. Use on load, level or filter changes.
 * With `span`, its region counts come out of the same walks: a filter at 50k needs both, and before the JIT has
 * optimised anything a second walk over 250k collaborations cost about as much as the first.
 */
export function resetAggregate(
  agg: RegionAggregate,
  collabMask: Uint8Array,
  orgVisible: Uint8Array,
  span?: SpanCounts,
): void {
  keepPrevious(agg);
  countAll(agg, collabMask, orgVisible, agg, span);
  markDifferences(agg);
}

/**
 * Replaces every count with counts made elsewhere (a worker's `countAll` over the same tables), recording the
 * changes as `resetAggregate` does. O(regions + pairs + collaborations) of copies, no walk over the links.
 */
export function installCounts(agg: RegionAggregate, counts: FullCounts): void {
  keepPrevious(agg);
  agg.regionOrgs.set(counts.regionOrgs);
  agg.regionCollabs.set(counts.regionCollabs);
  agg.pairCount.set(counts.pairCount);
  agg.collabOn.set(counts.collabOn);
  agg.orgOn.set(counts.orgOn);
  markDifferences(agg);
}

/**
 * The walks of a full count, into `out` (every array overwritten): pure over typed arrays, so a worker can run it.
 * `collabOn` ends equal to the mask as 0/1, `orgOn` to `orgVisible`.
 */
export function countAll(
  t: CountTables,
  collabMask: Uint8Array,
  orgVisible: Uint8Array,
  out: FullCounts,
  span?: SpanCounts,
): void {
  // Hoisted locals throughout: the first filter in a page runs this before the JIT has optimised it, where each
  // property load per iteration shows.
  const { regionOfOrg, collabRegionA, collabRegionB, pairOfCollab } = t;
  const { regionOrgs, regionCollabs, pairCount, orgOn, collabOn } = out;
  // Without a span, its arrays are empty stand-ins the loops never index (`counted` is false).
  const counted = span !== undefined;
  const spanMask = span?.collabMask ?? collabMask;
  const spanOrgVisible = span?.orgVisible ?? orgVisible;
  const spanOrgs = span?.regionOrgs ?? new Uint32Array(0);
  const spanCollabs = span?.regionCollabs ?? spanOrgs;
  regionOrgs.fill(0);
  regionCollabs.fill(0);
  pairCount.fill(0);
  spanOrgs.fill(0);
  spanCollabs.fill(0);
  for (let i = 0, n = regionOfOrg.length; i < n; i++) {
    const on = orgVisible[i] ? 1 : 0;
    orgOn[i] = on;
    const r = regionOfOrg[i]!;
    if (r < 0) continue;
    if (on) regionOrgs[r]!++;
    if (counted && spanOrgVisible[i]) spanOrgs[r]!++;
  }
  for (let j = 0, n = collabRegionA.length; j < n; j++) {
    const on = collabMask[j] ? 1 : 0;
    collabOn[j] = on;
    const inSpan = counted && spanMask[j] !== 0;
    if (!on && !inSpan) continue;
    const ra = collabRegionA[j]!;
    const rb = collabRegionB[j]!;
    if (inSpan) {
      if (ra >= 0) spanCollabs[ra]!++;
      if (rb >= 0) spanCollabs[rb]!++;
    }
    if (!on) continue;
    const p = pairOfCollab[j]!;
    if (ra >= 0) regionCollabs[ra]!++;
    if (rb >= 0) regionCollabs[rb]!++;
    if (p >= 0) pairCount[p]!++;
  }
}

function keepPrevious(agg: RegionAggregate): void {
  agg.prevRegionOrgs.set(agg.regionOrgs);
  agg.prevRegionCollabs.set(agg.regionCollabs);
  agg.prevPairCount.set(agg.pairCount);
}

function markDifferences(agg: RegionAggregate): void {
  const { regionOrgs, regionCollabs, pairCount, prevRegionOrgs, prevRegionCollabs, prevPairCount } = agg;
  for (let r = 0, n = agg.regionCount; r < n; r++) {
    if (regionOrgs[r] !== prevRegionOrgs[r] || regionCollabs[r] !== prevRegionCollabs[r]) markRegion(agg, r);
  }
  for (let p = 0, n = agg.pairTotal; p < n; p++) if (pairCount[p] !== prevPairCount[p]) markPair(agg, p);
}

/**
 * Applies a time-window step in O(k): collaborations in `entering[0…enteringCount)` become visible,
 * those in `leaving[0…leavingCount)` hidden. Entries already in the requested state are skipped.
 * Allocates nothing. A region whose count goes up and back down within one step is still reported.
 */
export function applyCollabDiff(
  agg: RegionAggregate,
  entering: ArrayLike<number>,
  enteringCount: number,
  leaving: ArrayLike<number>,
  leavingCount: number,
): void {
  for (let i = 0; i < leavingCount; i++) shiftCollab(agg, leaving[i]!, 0);
  for (let i = 0; i < enteringCount; i++) shiftCollab(agg, entering[i]!, 1);
}

/**
 * One collaboration of {@link applyCollabDiff}: shown (`on` = 1) or hidden, a no-op when already so. For callers that
 * walk a change list one index at a time, without packing each into an array first.
 */
export function shiftCollab(agg: RegionAggregate, j: number, on: 0 | 1): void {
  if (j < 0 || j >= agg.collabOn.length || agg.collabOn[j] === on) return;
  agg.collabOn[j] = on;
  const d = on ? 1 : -1;
  const ra = agg.collabRegionA[j]!;
  const rb = agg.collabRegionB[j]!;
  const p = agg.pairOfCollab[j]!;
  if (ra >= 0) {
    agg.regionCollabs[ra]! += d;
    markRegion(agg, ra);
  }
  if (rb >= 0) {
    agg.regionCollabs[rb]! += d;
    markRegion(agg, rb);
  }
  if (p >= 0) {
    agg.pairCount[p]! += d;
    markPair(agg, p);
  }
}

/** Same as {@link applyCollabDiff} for organisation visibility (the `regionOrgs` counts). */
export function applyOrgDiff(
  agg: RegionAggregate,
  entering: ArrayLike<number>,
  enteringCount: number,
  leaving: ArrayLike<number>,
  leavingCount: number,
): void {
  for (let i = 0; i < leavingCount; i++) shiftOrg(agg, leaving[i]!, 0);
  for (let i = 0; i < enteringCount; i++) shiftOrg(agg, entering[i]!, 1);
}

/** One organisation of {@link applyOrgDiff} (see {@link shiftCollab}). */
export function shiftOrg(agg: RegionAggregate, i: number, on: 0 | 1): void {
  if (i < 0 || i >= agg.orgOn.length || agg.orgOn[i] === on) return;
  agg.orgOn[i] = on;
  const r = agg.regionOfOrg[i]!;
  if (r < 0) return;
  agg.regionOrgs[r]! += on ? 1 : -1;
  markRegion(agg, r);
}

function markRegion(agg: RegionAggregate, r: number): void {
  if (agg.regionStamp[r] === agg.generation) return;
  agg.regionStamp[r] = agg.generation;
  agg.changedRegions[agg.changedRegionCount++] = r;
}

function markPair(agg: RegionAggregate, p: number): void {
  if (agg.pairStamp[p] === agg.generation) return;
  agg.pairStamp[p] = agg.generation;
  agg.changedPairs[agg.changedPairCount++] = p;
}

/** Forgets the recorded changes (call after restyling them); O(1) thanks to generation stamps. */
export function clearChanges(agg: RegionAggregate): void {
  agg.changedRegionCount = 0;
  agg.changedPairCount = 0;
  agg.generation++;
  if (agg.generation >= 0xffffffff) {
    agg.regionStamp.fill(0);
    agg.pairStamp.fill(0);
    agg.generation = 1;
  }
}
