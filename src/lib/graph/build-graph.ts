// Builds the graphology graphs sigma draws from a compiled dataset: one edge per collaboration, or one per pair.
import { MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import type { CompiledDataset } from '../model/compiled';
import { initialPositions } from './initial-layout';
import { nodeSizeScale } from './metrics';
import { colourByKind, colourByType, NEUTRAL, type Theme } from './palettes';
import { groupPairs, type PairTable } from './pairs';
import { collabSpan, pairSpans } from './time-filter';

export { groupPairs, type PairTable } from './pairs';

export interface OrgNodeAttributes {
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
}

/**
 * Collaboration edge. The `parallel*` fields are what @sigma/edge-curve's `indexParallelEdgesIndex` would write
 * (unset on single edges); `type`/`curvature` are what its curve program reads.
 */
export interface CollabEdgeAttributes {
  size: number;
  color: string;
  type?: string;
  curvature?: number;
  parallelIndex?: number;
  parallelMinIndex?: number;
  parallelMaxIndex?: number;
  /** The collaboration's period, tested against the window by the edge shader (see time-filter.ts). */
  t0: number;
  t1: number;
}

/**
 * Aggregated edge: `pair` indexes the `PairTable` arrays so reducers never parse keys, and the edge shader's
 * period table (`pairSpans`): at 230k edges, every attribute more costs sigma a copy per edge on each full refresh.
 */
export interface PairEdgeAttributes {
  size: number;
  color: string;
  count: number;
  pair: number;
  type?: string;
  curvature?: number;
}

export type CollabGraph = MultiUndirectedGraph<OrgNodeAttributes, CollabEdgeAttributes, { selfLoops: number }>;
export type PairGraph = UndirectedGraph<OrgNodeAttributes, PairEdgeAttributes, { selfLoops: number }>;

/** Edge type to register as `edgeProgramClasses: { curved: EdgeCurveProgram }` in sigma. */
export const CURVED_EDGE_TYPE = 'curved';
// Same value as @sigma/edge-curve's DEFAULT_EDGE_CURVATURE; that module reads WebGLRenderingContext when imported, so
// the Node-side core cannot import it (a test checks the two indexings agree).
export const DEFAULT_EDGE_CURVATURE = 0.25;
/** Seed of the fallback positions when none are given. */
export const DEFAULT_LAYOUT_SEED = 'cluster-atlas';

export interface BuildOptions {
  /** Draw every edge curved, not only parallel ones. */
  readonly curved?: boolean;
  readonly theme?: Theme;
  /** Base node sizes by organisation; defaults to a sqrt scale of the total degree. */
  readonly nodeSize?: Float32Array;
}

/** Curvature of the i-th of several parallel edges, as in sigma's parallel-edges example. */
export function parallelCurvature(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  if (index < 0) return -parallelCurvature(-index, maxIndex);
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (maxCurvature * index) / maxIndex;
}

/** Nodes or edges added between two yields of the stepped builders. */
const ITEMS_PER_STEP = 4096;

/** Runs a stepped build to its end in one go. */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

function addOrgNodes(
  graph: CollabGraph | PairGraph,
  compiled: CompiledDataset,
  positions: Float32Array | undefined,
  options: BuildOptions,
): void {
  finish(orgNodeSteps(graph, compiled, positions, options));
}

function* orgNodeSteps(
  graph: CollabGraph | PairGraph,
  compiled: CompiledDataset,
  positions: Float32Array | undefined,
  options: BuildOptions,
): Generator<void, void, void> {
  const n = compiled.orgCount;
  if (positions && positions.length < 2 * n)
    throw new Error(`atlas: ${positions.length / 2} positions for ${n} organisations`);
  const xy = positions ?? initialPositions(n, DEFAULT_LAYOUT_SEED);
  let size = options.nodeSize;
  if (!size) {
    const degree = new Float32Array(n);
    for (let j = 0; j < compiled.collabCount; j++) {
      const s = compiled.collabSource[j] ?? 0;
      const t = compiled.collabTarget[j] ?? 0;
      if (s === t) continue;
      degree[s]!++;
      degree[t]!++;
    }
    size = nodeSizeScale(degree, 2, 12);
  }
  const theme = options.theme ?? 'light';
  const orgs = compiled.dataset.organisations;
  for (let i = 0; i < n; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    graph.addNode(String(i), {
      x: xy[2 * i] ?? 0,
      y: xy[2 * i + 1] ?? 0,
      size: size[i] ?? 2,
      label: orgs[i]?.name ?? '',
      color: colourByType(compiled.orgType[i] ?? 0, theme),
    });
  }
}

/**
 * One node per organisation (key `String(orgIndex)`) and one edge per collaboration (key `String(collabIndex)`),
 * endpoints in increasing index order so parallel edges share an orientation and fan out symmetrically.
 * Self-loops are left out; their number is the graph attribute `selfLoops`.
 */
export function compiledToGraph(
  compiled: CompiledDataset,
  positions?: Float32Array,
  options: BuildOptions = {},
): CollabGraph {
  const graph: CollabGraph = new MultiUndirectedGraph();
  addOrgNodes(graph, compiled, positions, options);
  const pairs = groupPairs(compiled);
  // Position of each collaboration in its bundle of parallel edges, NaN when alone.
  const parallel = new Float32Array(compiled.collabCount).fill(NaN);
  for (let p = 0; p < pairs.pairCount; p++) {
    const from = pairs.pairOffsets[p] ?? 0;
    const count = (pairs.pairOffsets[p + 1] ?? 0) - from;
    if (count < 2) continue;
    for (let i = 0; i < count; i++) parallel[pairs.pairCollabs[from + i] ?? 0] = i - (count - 1) / 2;
  }
  const theme = options.theme ?? 'light';
  for (let j = 0; j < compiled.collabCount; j++) {
    const p = pairs.pairIndexOfCollab[j] ?? -1;
    if (p < 0) continue;
    const [t0, t1] = collabSpan(compiled.collabFirst[j] ?? 0, compiled.collabLast[j] ?? 0);
    const attrs: CollabEdgeAttributes = { size: 1, color: colourByKind(compiled.collabKind[j] ?? 0, theme), t0, t1 };
    const index = parallel[j] ?? NaN;
    if (!Number.isNaN(index)) {
      const max = ((pairs.pairOffsets[p + 1] ?? 0) - (pairs.pairOffsets[p] ?? 0) - 1) / 2;
      attrs.parallelIndex = index;
      attrs.parallelMinIndex = -max;
      attrs.parallelMaxIndex = max;
    }
    graph.addEdgeWithKey(String(j), String(pairs.pairSource[p]), String(pairs.pairTarget[p]), attrs);
  }
  graph.setAttribute('selfLoops', pairs.selfLoops);
  applyEdgeCurves(graph, options.curved ?? false);
  return graph;
}

/**
 * Sets `type`/`curvature` for the edge mode: parallel edges always curve (the middle one of an odd bundle stays
 * straight); in curved mode every edge does. Mutates attributes in place; call `sigma.refresh()` afterwards.
 */
export function applyEdgeCurves(graph: CollabGraph | PairGraph, curved: boolean): void {
  // Pair edges have no parallel fields, which reads as "single edge": one updater serves both graphs.
  (graph as CollabGraph).updateEachEdgeAttributes((_key, attrs) => {
    const index = attrs.parallelIndex;
    const max = attrs.parallelMaxIndex;
    const bundled = typeof index === 'number' && typeof max === 'number';
    const curvature = bundled ? parallelCurvature(index, max) : DEFAULT_EDGE_CURVATURE;
    if (curved || (bundled && index !== 0)) {
      attrs.type = CURVED_EDGE_TYPE;
      attrs.curvature = curvature;
    } else {
      // Newest property first, so V8 can undo the shape transitions instead of going to dictionary mode.
      delete attrs.curvature;
      delete attrs.type;
    }
    return attrs;
  });
}

/** Key of the aggregated edge between organisations `a` and `b` (either order). */
export function pairKey(a: number, b: number): string {
  return a < b ? `p${a}-${b}` : `p${b}-${a}`;
}

/** The merged-edge graph, its pair table, and the collaborations behind each edge key. */
export interface PairGraphResult extends PairTable {
  readonly graph: PairGraph;
  /** Period (t0, t1) of each pair for the edge shader: a single collaboration's, else ALWAYS_SPAN. */
  readonly spans: Float32Array;
  /** Collaboration indexes behind an aggregated edge (a view into `pairCollabs`); empty for an unknown key. */
  collabsOfEdge(edgeKey: string): Int32Array;
}

/** One edge per unordered organisation pair (key `p<a>-<b>`, a < b) with the number of collaborations as `count`. */
export function compiledToPairGraph(
  compiled: CompiledDataset,
  positions?: Float32Array,
  options: BuildOptions = {},
): PairGraphResult {
  return finish(pairGraphSteps(compiled, positions, options));
}

/**
 * `compiledToPairGraph` in steps: it yields every few thousand nodes or edges, so a caller can spread the build over
 * several tasks (graphology's `addEdge` for 230k pairs is most of a second in one piece at 50k/250k).
 */
export function* pairGraphSteps(
  compiled: CompiledDataset,
  positions?: Float32Array,
  options: BuildOptions = {},
): Generator<void, PairGraphResult, void> {
  const graph: PairGraph = new UndirectedGraph();
  yield* orgNodeSteps(graph, compiled, positions, options);
  const pairs = groupPairs(compiled);
  yield;
  const colour = NEUTRAL[options.theme ?? 'light'];
  // The graph's own key strings (node i is "i"): already hashed, where a fresh String(i) per edge end is hashed again
  // by graphology's node lookup (~20 % of adding 250k edges).
  const keys = graph.nodes();
  for (let p = 0; p < pairs.pairCount; p++) {
    if (p % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const a = pairs.pairSource[p] ?? 0;
    const b = pairs.pairTarget[p] ?? 0;
    const count = (pairs.pairOffsets[p + 1] ?? 0) - (pairs.pairOffsets[p] ?? 0);
    graph.addEdgeWithKey(pairKey(a, b), keys[a] ?? String(a), keys[b] ?? String(b), {
      size: pairEdgeWidth(count),
      color: colour,
      count,
      pair: p,
    });
  }
  graph.setAttribute('selfLoops', pairs.selfLoops);
  if (options.curved) applyEdgeCurves(graph, true);
  const empty = new Int32Array(0);
  return {
    ...pairs,
    graph,
    spans: pairSpans(pairs, compiled.collabFirst, compiled.collabLast),
    collabsOfEdge(edgeKey) {
      if (!graph.hasEdge(edgeKey)) return empty;
      const p = graph.getEdgeAttribute(edgeKey, 'pair');
      return pairs.pairCollabs.subarray(pairs.pairOffsets[p], pairs.pairOffsets[p + 1]);
    },
  };
}

/**
 * Width of a merged pair edge for `count` collaborations: one step per doubling (1, 2–3, 4–7 …), so a count moving
 * within its band redraws nothing and a timeline step refreshes only pairs that appear, vanish or change band.
 */
export function pairEdgeWidth(count: number): number {
  return count > 0 ? 1 + Math.floor(Math.log2(count)) : 0;
}
