// Co-participation links for the map: partners of an unplaced project or event are linked region to region.
import { UNDATED, type CompiledDataset } from '../model/compiled';
import { ORGANISATION_TYPES } from '../model/types';
import type { Placement } from './placement';

/** Types whose members are linked through them: a multi-party project, event, programme or network. */
const HUB_TYPES = new Set(
  ['project', 'event', 'programme', 'network'].map((t) => ORGANISATION_TYPES.indexOf(t as never)),
);

/** Hubs with more placed participants than this are skipped: their pairs grow quadratically and say little. */
export const MAX_HUB_PARTICIPANTS = 40;

/**
 * The collaborations the map counts: the real ones (indexes 0…realCount−1) followed by derived
 * co-participation links. A derived link joins two participants of a hub that has no place on the map
 * (MedTech4Europe, the ClusterXchange …): without it such a project would leave its regions unlinked.
 * A derived link is visible exactly when both participations are.
 */
export interface MapLinks {
  /** Same dataset, with the collaboration arrays extended by the derived links. */
  readonly compiled: CompiledDataset;
  readonly realCount: number;
  /** The two real collaborations behind derived link k (index realCount + k), and the hub. */
  readonly viaA: Int32Array;
  readonly viaB: Int32Array;
  readonly hub: Int32Array;
  /** CSR: derived links that depend on real collaboration j are derivedList[derivedStart[j]…derivedStart[j+1]). */
  readonly derivedStart: Int32Array;
  readonly derivedList: Int32Array;
}

/** Builds the derived links once per dataset. */
export function withCoParticipation(compiled: CompiledDataset, placement: Placement): MapLinks {
  const n = compiled.collabCount;
  const byHub = new Map<number, number[]>();
  for (let j = 0; j < n; j++) {
    const s = compiled.collabSource[j]!;
    const t = compiled.collabTarget[j]!;
    for (const [hub, other] of [
      [s, t],
      [t, s],
    ] as const) {
      if (!isUnplacedHub(compiled, placement, hub) || !isPlaced(placement, other)) continue;
      const list = byHub.get(hub) ?? [];
      list.push(j);
      byHub.set(hub, list);
    }
  }
  const viaA: number[] = [];
  const viaB: number[] = [];
  const hubs: number[] = [];
  const ends: number[][] = [[], []];
  for (const [hub, list] of byHub) {
    if (list.length < 2 || list.length > MAX_HUB_PARTICIPANTS) continue;
    const other = (j: number) =>
      compiled.collabSource[j] === hub ? compiled.collabTarget[j]! : compiled.collabSource[j]!;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const pa = other(list[a]!);
        const pb = other(list[b]!);
        if (pa === pb) continue;
        viaA.push(list[a]!);
        viaB.push(list[b]!);
        hubs.push(hub);
        ends[0]!.push(pa);
        ends[1]!.push(pb);
      }
    }
  }
  const d = viaA.length;
  const extend = (real: Int32Array, derived: (k: number) => number): Int32Array => {
    const out = new Int32Array(n + d);
    out.set(real);
    for (let k = 0; k < d; k++) out[n + k] = derived(k);
    return out;
  };
  const collabKind = new Uint8Array(n + d);
  collabKind.set(compiled.collabKind);
  for (let k = 0; k < d; k++) collabKind[n + k] = compiled.collabKind[viaA[k]!]!;
  const extended: CompiledDataset = {
    ...compiled,
    collabCount: n + d,
    collabSource: extend(compiled.collabSource, (k) => ends[0]![k]!),
    collabTarget: extend(compiled.collabTarget, (k) => ends[1]![k]!),
    collabFirst: extend(compiled.collabFirst, (k) => laterStart(compiled, viaA[k]!, viaB[k]!)),
    collabLast: extend(compiled.collabLast, (k) => earlierEnd(compiled, viaA[k]!, viaB[k]!)),
    collabKind,
  };
  const derivedStart = new Int32Array(n + 1);
  for (let k = 0; k < d; k++) {
    derivedStart[viaA[k]! + 1]!++;
    derivedStart[viaB[k]! + 1]!++;
  }
  for (let j = 0; j < n; j++) derivedStart[j + 1]! += derivedStart[j]!;
  const fill = derivedStart.slice(0, n);
  const derivedList = new Int32Array(2 * d);
  for (let k = 0; k < d; k++) {
    derivedList[fill[viaA[k]!]!++] = k;
    derivedList[fill[viaB[k]!]!++] = k;
  }
  return {
    compiled: extended,
    realCount: n,
    viaA: Int32Array.from(viaA),
    viaB: Int32Array.from(viaB),
    hub: Int32Array.from(hubs),
    derivedStart,
    derivedList,
  };
}

/** Fills `out` (length realCount + derived) from the real mask: a derived link needs both participations. */
export function extendMask(
  links: Pick<MapLinks, 'realCount' | 'viaA' | 'viaB'>,
  real: Uint8Array,
  out: Uint8Array,
): Uint8Array {
  const { realCount, viaA, viaB } = links;
  out.set(real.subarray(0, realCount));
  for (let k = 0, n = viaA.length; k < n; k++) out[realCount + k] = real[viaA[k]!]! & real[viaB[k]!]!;
  return out;
}

function isPlaced(placement: Placement, org: number): boolean {
  return (placement.regionAt[0][org] ?? -1) >= 0;
}

function isUnplacedHub(compiled: CompiledDataset, placement: Placement, org: number): boolean {
  return HUB_TYPES.has(compiled.orgType[org]!) && !isPlaced(placement, org);
}

function laterStart(c: CompiledDataset, a: number, b: number): number {
  const fa = c.collabFirst[a]!;
  const fb = c.collabFirst[b]!;
  if (fa === UNDATED || fb === UNDATED) return UNDATED;
  return Math.max(fa, fb);
}

function earlierEnd(c: CompiledDataset, a: number, b: number): number {
  if (c.collabFirst[a] === UNDATED || c.collabFirst[b] === UNDATED) return UNDATED;
  return Math.min(c.collabLast[a]!, c.collabLast[b]!);
}
