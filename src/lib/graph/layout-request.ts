// Builds the layout worker's start message from a dataset, so the baked layout and the browser run identically.
import type { CompiledDataset } from '../model/compiled';
import type { LayoutStartMessage } from './layout-protocol';
import type { PairTable } from './pairs';

/** Largest graph whose layout streams positions to the renderer while it runs. */
export const STREAM_MAX_NODES = 1000;

/** Iterations for a graph of `nodes` organisations: more for small graphs, where they are cheap. */
export function defaultIterations(nodes: number): number {
  if (nodes <= 500) return 800;
  if (nodes <= 5000) return 300;
  if (nodes <= 20000) return 120;
  return 60;
}

/** Node size used by noverlap: the same sqrt scale of total degree the graph starts with (3–16). */
export function layoutSizes(compiled: CompiledDataset): Float32Array {
  const degree = new Float32Array(compiled.orgCount);
  for (let j = 0; j < compiled.collabCount; j++) {
    degree[compiled.collabSource[j]!]!++;
    if (compiled.collabTarget[j] !== compiled.collabSource[j]) degree[compiled.collabTarget[j]!]!++;
  }
  let max = 0;
  for (const d of degree) max = Math.max(max, d);
  return degree.map((d) => (max > 0 ? 3 + 13 * Math.sqrt(d / max) : 3));
}

/** A start message over the merged pairs (weight = collaborations per pair), from seeded positions. */
export function layoutRequestFor(
  compiled: CompiledDataset,
  pairs: PairTable,
  seed: string,
  options: { id?: number; iterations?: number; start?: Float32Array | null; stream?: boolean } = {},
): LayoutStartMessage {
  const edges = new Int32Array(pairs.pairCount * 2);
  const weights = new Float32Array(pairs.pairCount);
  for (let p = 0; p < pairs.pairCount; p++) {
    edges[2 * p] = pairs.pairSource[p]!;
    edges[2 * p + 1] = pairs.pairTarget[p]!;
    weights[p] = pairs.pairOffsets[p + 1]! - pairs.pairOffsets[p]!;
  }
  return {
    type: 'start',
    id: options.id ?? 1,
    nodes: compiled.orgCount,
    edges,
    weights,
    sizes: layoutSizes(compiled),
    positions: options.start ? options.start.slice() : new Float32Array(0),
    iterations: options.iterations ?? defaultIterations(compiled.orgCount),
    seed,
    // Each streamed frame makes sigma reprocess every node (≈100 ms at 5k): stream only small graphs.
    stream: options.stream ?? compiled.orgCount <= STREAM_MAX_NODES,
  };
}
