// Organisation adjacency (CSR typed arrays, built once) and the hover/selection neighbourhoods computed from it.
import type { CompiledDataset } from '../model/compiled';
import type { PairTable } from './pairs';

/**
 * Organisation adjacency in CSR form: the neighbours of `i` are `neighbours[offsets[i]..offsets[i+1])`, reached via
 * the collaborations at the same positions in `collabs`.
 */
export interface Adjacency {
  readonly orgCount: number;
  readonly collabCount: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly collabs: Int32Array;
}

/** Builds the adjacency once per dataset (self-loops left out, as in the graph); O(N + E). */
export function makeAdjacency(compiled: CompiledDataset): Adjacency {
  const { orgCount, collabCount, collabSource, collabTarget } = compiled;
  const offsets = new Int32Array(orgCount + 1);
  for (let j = 0; j < collabCount; j++) {
    const s = collabSource[j] ?? 0;
    const t = collabTarget[j] ?? 0;
    if (s === t) continue;
    offsets[s + 1]!++;
    offsets[t + 1]!++;
  }
  for (let i = 0; i < orgCount; i++) offsets[i + 1]! += offsets[i] ?? 0;
  const fill = offsets.slice(0, orgCount);
  const neighbours = new Int32Array(offsets[orgCount] ?? 0);
  const collabs = new Int32Array(neighbours.length);
  for (let j = 0; j < collabCount; j++) {
    const s = collabSource[j] ?? 0;
    const t = collabTarget[j] ?? 0;
    if (s === t) continue;
    neighbours[fill[s]!] = t;
    collabs[fill[s]!++] = j;
    neighbours[fill[t]!] = s;
    collabs[fill[t]!++] = j;
  }
  return { orgCount, collabCount, offsets, neighbours, collabs };
}

/** Organisations and collaborations in focus (1 = in focus); `pairs` is filled for the merged-edge mode. */
export interface Focus {
  readonly orgs: Uint8Array;
  readonly collabs: Uint8Array;
  readonly pairs: Uint8Array | null;
}

/**
 * Whether edge `e` (a collaboration, or a pair when `merged`) with ends `a` and `b` is in focus `f` (all are without
 * one). A merged edge without pair marks is in focus when both ends are.
 */
export function edgeInFocus(f: Focus | null, e: number, a: number, b: number, merged: boolean): boolean {
  if (f === null) return true;
  if (!merged) return f.collabs[e] === 1;
  return f.pairs ? f.pairs[e] === 1 : f.orgs[a] === 1 && f.orgs[b] === 1;
}

/**
 * The seeds plus everything within `steps` hops over collaborations whose mask byte is 1 (all when the mask is null).
 * Collaborations on the traversed hops are in focus too. Pass `pairs` to also mark the merged edges.
 */
export function neighbourhood(
  adjacency: Adjacency,
  seeds: Iterable<number>,
  steps: 1 | 2,
  collabMask: Uint8Array | null,
  pairs?: Pick<PairTable, 'pairIndexOfCollab' | 'pairCount'>,
): Focus {
  const orgs = new Uint8Array(adjacency.orgCount);
  const collabs = new Uint8Array(adjacency.collabCount);
  let frontier: number[] = [];
  for (const seed of seeds) {
    if (seed < 0 || seed >= adjacency.orgCount || orgs[seed] === 1) continue;
    orgs[seed] = 1;
    frontier.push(seed);
  }
  for (let step = 0; step < steps; step++) {
    const next: number[] = [];
    for (const org of frontier) {
      for (let k = adjacency.offsets[org] ?? 0, end = adjacency.offsets[org + 1] ?? 0; k < end; k++) {
        const j = adjacency.collabs[k] ?? 0;
        if (collabMask && collabMask[j] !== 1) continue;
        collabs[j] = 1;
        const other = adjacency.neighbours[k] ?? 0;
        if (orgs[other] === 1) continue;
        orgs[other] = 1;
        next.push(other);
      }
    }
    frontier = next;
  }
  let pairMarks: Uint8Array | null = null;
  if (pairs) {
    pairMarks = new Uint8Array(pairs.pairCount);
    for (let j = 0; j < collabs.length; j++) {
      const p = pairs.pairIndexOfCollab[j] ?? -1;
      if (collabs[j] === 1 && p >= 0) pairMarks[p] = 1;
    }
  }
  return { orgs, collabs, pairs: pairMarks };
}

/** The hover neighbourhood: the organisation, its visible collaborations and their other ends. */
export function hoverFocus(
  adjacency: Adjacency,
  orgIndex: number,
  collabMask: Uint8Array | null,
  pairs?: Pick<PairTable, 'pairIndexOfCollab' | 'pairCount'>,
): Focus {
  return neighbourhood(adjacency, [orgIndex], 1, collabMask, pairs);
}
