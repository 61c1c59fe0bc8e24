// Display state for sigma as pure functions: what is hidden, faded, highlighted and labelled, read from typed arrays.
import type { Attributes } from 'graphology-types';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { edgeInFocus, type Adjacency, type Focus } from './adjacency';
import { pairKey } from './build-graph';
import type { PairTable } from './pairs';
import { FADED, HIGHLIGHT, type Theme } from './palettes';

export { hoverFocus, makeAdjacency, neighbourhood, type Adjacency, type Focus } from './adjacency';

/** Indexes whose mask byte went 0 → 1 (`entering`) and 1 → 0 (`leaving`). */
export function changedSince(
  prevMask: Uint8Array,
  nextMask: Uint8Array,
): { entering: Int32Array; leaving: Int32Array } {
  let inCount = 0;
  let outCount = 0;
  const n = Math.min(prevMask.length, nextMask.length);
  for (let i = 0; i < n; i++) {
    const d = (nextMask[i] ?? 0) - (prevMask[i] ?? 0);
    if (d > 0) inCount++;
    else if (d < 0) outCount++;
  }
  const entering = new Int32Array(inCount);
  const leaving = new Int32Array(outCount);
  inCount = 0;
  outCount = 0;
  for (let i = 0; i < n; i++) {
    const d = (nextMask[i] ?? 0) - (prevMask[i] ?? 0);
    if (d > 0) entering[inCount++] = i;
    else if (d < 0) leaving[outCount++] = i;
  }
  return { entering, leaving };
}

/** The graph's own key strings by organisation and by edge index (collaboration, or pair when merged). */
export interface GraphKeys {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export interface PartialGraphOptions {
  /** Merged mode: `changedEdges` and the edges brought are pair indexes. */
  readonly pairs?: Pick<PairTable, 'pairIndexOfCollab' | 'pairSource' | 'pairTarget' | 'pairCount'>;
  /** Limits the edges brought by changed organisation `org`, e.g. to those drawn now. */
  readonly shown?: (e: number, org: number) => boolean;
  /** Zeroed marks (one per edge index), reused by a caller stepping every frame: a fresh 250 KB array feeds GC. */
  readonly scratch?: Uint8Array;
  /** The graph's strings, handed out instead of new ones (no allocation per key on a step). */
  readonly keys?: GraphKeys;
  /** Give up (null) as soon as more keys than this would be refreshed — before any key string is built. */
  readonly limit?: number;
}

export interface PartialGraph {
  nodes: string[];
  edges: string[];
}

/**
 * Keys for `sigma.refresh({ partialGraph, skipIndexation: true })`: the changed nodes, the changed edges, and every
 * edge touching a changed node (sigma hides an edge with a hidden end only when that edge is re-added). With
 * `shown`, an edge hidden before and after (out of the window) can be left out: it looks the same whatever its ends
 * do, and an edge that left the window is in `changedEdges` anyway. With `limit`, null past that many keys: a filter
 * change at 50k would otherwise spell 200,000 keys only to refresh everything instead.
 */
export function partialGraphFor(
  adjacency: Adjacency,
  changedOrgs: Iterable<number>,
  changedEdges: Iterable<number>,
  options?: PartialGraphOptions & { readonly limit?: undefined },
): PartialGraph;
export function partialGraphFor(
  adjacency: Adjacency,
  changedOrgs: Iterable<number>,
  changedEdges: Iterable<number>,
  options: PartialGraphOptions,
): PartialGraph | null;
export function partialGraphFor(
  adjacency: Adjacency,
  changedOrgs: Iterable<number>,
  changedEdges: Iterable<number>,
  { pairs, shown, scratch, keys, limit = Infinity }: PartialGraphOptions = {},
): PartialGraph | null {
  const size = pairs ? pairs.pairCount : adjacency.collabCount;
  const marked = scratch && scratch.length >= size ? scratch : new Uint8Array(size);
  const orgs: number[] = [];
  const added: number[] = [];
  const addEdge = (e: number): void => {
    if (e < 0 || marked[e] === 1) return;
    marked[e] = 1;
    added.push(e);
  };
  const over = () => orgs.length + added.length > limit;
  for (const e of changedEdges) addEdge(e);
  for (const org of changedOrgs) {
    if (over()) break;
    orgs.push(org);
    for (let k = adjacency.offsets[org] ?? 0, end = adjacency.offsets[org + 1] ?? 0; k < end; k++) {
      const j = adjacency.collabs[k] ?? 0;
      const e = pairs ? (pairs.pairIndexOfCollab[j] ?? -1) : j;
      if (shown === undefined || (e >= 0 && shown(e, org))) addEdge(e);
    }
  }
  if (marked === scratch) for (const e of added) marked[e] = 0;
  if (over()) return null;
  if (keys) return { nodes: orgs.map((i) => keys.nodes[i]!), edges: added.map((e) => keys.edges[e]!) };
  return {
    nodes: orgs.map(String),
    edges: added.map((e) => (pairs ? pairKey(pairs.pairSource[e] ?? 0, pairs.pairTarget[e] ?? 0) : String(e))),
  };
}

/** Everything the reducers read; arrays are indexed by organisation, collaboration or pair index — never by id. */
export interface GraphDisplayState {
  /** 1 = passes the filters. */
  readonly orgVisible: Uint8Array;
  /** 1 = in the time window and passes the filters. */
  readonly collabVisible: Uint8Array;
  /** 1 = passes the filters, whatever the window (what a timed edge's reducer reads). */
  readonly collabFilterOk: Uint8Array;
  /**
   * Per edge index (collaboration, or pair when merged): the collaboration whose period the edge shader tests against
   * the window (see time-filter.ts), or -1 for an edge the reducer shows and hides by the window itself. Null: none.
   */
  readonly timedCollab: Int32Array | null;
  /** Degree over visible collaborations; with `hideIsolated`, degree 0 hides the node. */
  readonly orgDegree: Float32Array;
  readonly hideIsolated: boolean;
  /** 1 = faded by a filter in "fade" rather than "hide" mode. */
  readonly orgFaded: Uint8Array;
  /** Collaborations new in the current play step. */
  readonly emphasised: Uint8Array;
  /** Hovered organisation, -1 for none. */
  readonly hovered: number;
  readonly selected: ReadonlySet<number>;
  /** Hover neighbourhood when hovering, else the selection's; null fades nothing. */
  readonly focus: Focus | null;
  /**
   * The focus fades through the state texels (gpu-state.ts) instead of the reducers, whose output then does not
   * depend on it: a selection on a large graph refreshes only the marked nodes, not every node and edge.
   */
  readonly focusInTexels: boolean;
  /** Organisations highlighted by a map region or a selection neighbourhood. */
  readonly highlighted: Uint8Array;
  readonly searchMatches: ReadonlySet<number>;
  /** Organisations always labelled (see labels.ts). */
  readonly labelForced: Uint8Array;
  /** Node colour/size by organisation; null keeps the graph's base attributes. */
  readonly nodeColour: readonly string[] | null;
  /** Drawn size by organisation (into its texel); null keeps the graph's base attributes. */
  readonly nodeSize: Float32Array | null;
  /** Size sigma keeps for each node, which it ranks labels by: steady, so a filter or step needs no reducer pass. */
  readonly rankSize: Float32Array | null;
  /** Merged mode: visible collaborations per pair and pairs holding an emphasised collaboration. */
  readonly pairCount: Int32Array | null;
  readonly pairEmphasised: Uint8Array | null;
  /** Merged mode: organisations whose pair edges are hidden because their collaborations are drawn one by one. */
  readonly expanded: Uint8Array | null;
  readonly fadedColour: string;
  readonly highlightColour: string;
}

/** A state showing everything, nothing faded or highlighted. */
export function emptyDisplayState(orgCount: number, collabCount: number, theme: Theme = 'light'): GraphDisplayState {
  return {
    orgVisible: new Uint8Array(orgCount).fill(1),
    collabVisible: new Uint8Array(collabCount).fill(1),
    collabFilterOk: new Uint8Array(collabCount).fill(1),
    timedCollab: null,
    orgDegree: new Float32Array(orgCount),
    hideIsolated: false,
    orgFaded: new Uint8Array(orgCount),
    emphasised: new Uint8Array(collabCount),
    hovered: -1,
    selected: new Set(),
    focus: null,
    focusInTexels: false,
    highlighted: new Uint8Array(orgCount),
    searchMatches: new Set(),
    labelForced: new Uint8Array(orgCount),
    nodeColour: null,
    nodeSize: null,
    rankSize: null,
    pairCount: null,
    pairEmphasised: null,
    expanded: null,
    fadedColour: FADED[theme],
    highlightColour: HIGHLIGHT[theme],
  };
}

/** Reducer output plus the item's index, which the state programs read their texel by (see gpu-state.ts). */
export type WithSlot<T> = Partial<T> & { slot?: number };

/**
 * Sigma's node reducer; create it once and let it read the current state through `getState`. Sigma hands it a
 * shallow copy of the attributes, which it edits and returns to avoid an allocation per node. Hovered, selected,
 * search-matched and region-highlighted nodes are never faded and get `highlighted`; always-labelled nodes get only
 * `forceLabel` (a hover box on 150 nodes would bury the graph). Whether a node is drawn, its drawn size and its fade
 * for inactivity (and for the focus with `focusInTexels`) are not decided here but in its texel (gpu-state.ts), so
 * filters and the window never need the reducer again; `size` here is the steady `rankSize` sigma ranks labels by.
 */
export function makeNodeReducer(
  getState: () => GraphDisplayState,
): (key: string, data: Attributes) => WithSlot<NodeDisplayData> {
  return (key, data) => {
    const s = getState();
    const i = +key;
    const out = data as WithSlot<NodeDisplayData>;
    out.slot = i;
    const colour = s.nodeColour?.[i];
    if (colour) out.color = colour;
    const size = s.rankSize?.[i];
    if (size) out.size = size;
    const hovered = i === s.hovered;
    const selected = s.selected.has(i);
    const matched = s.searchMatches.has(i);
    const marked = hovered || selected || matched || s.highlighted[i] === 1;
    const focus = s.focusInTexels ? null : s.focus;
    if (!marked && focus !== null && focus.orgs[i] !== 1) {
      out.color = s.fadedColour;
      out.label = null;
      out.zIndex = 0;
      return out;
    }
    if (hovered || selected || matched || s.labelForced[i] === 1) out.forceLabel = true;
    if (marked) out.highlighted = true;
    out.zIndex = hovered ? 3 : selected || matched ? 2 : marked || focus !== null ? 1 : 0;
    return out;
  };
}

/**
 * Sigma's edge reducer for the per-collaboration graph (`mode: 'collab'`, key = collaboration index) or the merged
 * graph (`mode: 'pair'`, index in the `pair` attribute). `source`/`target` are the endpoint arrays of that mode.
 * Whether an edge is drawn and a pair's width by its visible count are in its texel (gpu-state.ts); here a pair is 1
 * wide, which the texel multiplies. An edge with a faded end is never drawn (a drawn edge keeps both ends active).
 */
export function makeEdgeReducer(
  getState: () => GraphDisplayState,
  endpoints: { readonly source: Int32Array; readonly target: Int32Array },
  mode: 'collab' | 'pair' = 'collab',
): (key: string, data: Attributes) => WithSlot<EdgeDisplayData> {
  const merged = mode === 'pair';
  return (key, data) => {
    const s = getState();
    const e = merged ? (data.pair as number) : +key;
    const out = data as WithSlot<EdgeDisplayData>;
    out.slot = e;
    const a = endpoints.source[e] ?? 0;
    const b = endpoints.target[e] ?? 0;
    if (merged && s.expanded !== null && (s.expanded[a] === 1 || s.expanded[b] === 1)) {
      out.hidden = true;
      return out;
    }
    if (merged) out.size = 1;
    const f = s.focusInTexels ? null : s.focus;
    if (!edgeInFocus(f, e, a, b, merged)) {
      out.color = s.fadedColour;
      out.zIndex = 0;
      return out;
    }
    if (merged ? s.pairEmphasised?.[e] === 1 : s.emphasised[e] === 1) {
      out.color = s.highlightColour;
      out.size = (out.size ?? 1) * 2;
      out.zIndex = 2;
    } else out.zIndex = f === null ? 0 : 1;
    return out;
  };
}
