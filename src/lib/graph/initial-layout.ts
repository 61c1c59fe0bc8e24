// Deterministic layout: seeded start positions, ForceAtlas2/noverlap settings by size, a synchronous run for scripts.
import type { AbstractGraph, Attributes } from 'graphology-types';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import noverlap, { type NoverlapSettings } from 'graphology-layout-noverlap';
import seedrandom from 'seedrandom';

/** Positions are scaled so the farthest node sits at ±LAYOUT_EXTENT on its axis: cameras stay valid across runs. */
export const LAYOUT_EXTENT = 1000;
/** Seed of noverlap's jitter when the caller gives none. */
export const DEFAULT_NOVERLAP_SEED = 'cluster-atlas';
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** A graph whose nodes carry positions (and optionally a size, read by noverlap). */
export type PositionedGraph = AbstractGraph<{ x: number; y: number; size?: number } & Attributes>;

export interface InitialLayoutOptions {
  /** Group (community) of each node; members start together. Negative means no group. */
  readonly groups?: Int32Array;
  /** Importance (e.g. degree) of each node; important nodes start at the centre of their group. */
  readonly importance?: Float32Array;
}

/**
 * Seeded phyllotaxis start: groups by decreasing size spiral out from the centre, each a small sunflower of its
 * members; a little seeded jitter keeps nodes from coinciding (noverlap would otherwise call Math.random).
 * Returns x0,y0,x1,y1,… normalised to ±LAYOUT_EXTENT.
 */
export function initialPositions(
  count: number,
  seed: string,
  options: InitialLayoutOptions = {},
): Float32Array<ArrayBuffer> {
  const rng = seedrandom(seed);
  const groupOf = (i: number): number => {
    const g = options.groups?.[i] ?? 0;
    return g < 0 ? -1 : g;
  };
  const members = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const g = groupOf(i);
    const list = members.get(g);
    if (list) list.push(i);
    else members.set(g, [i]);
  }
  const groups = [...members.entries()].sort((a, b) => {
    if (a[0] < 0 !== b[0] < 0) return a[0] < 0 ? 1 : -1;
    return b[1].length - a[1].length || a[0] - b[0];
  });
  const importance = options.importance;
  const out = new Float32Array(2 * count);
  let placed = 0;
  groups.forEach(([, list], rank) => {
    if (importance) list.sort((a, b) => (importance[b] ?? 0) - (importance[a] ?? 0) || a - b);
    // Centre at the sunflower slot half-way through the group, pushed out so neighbouring groups barely touch.
    const centreRadius = 1.4 * Math.sqrt(placed + list.length / 2);
    const cx = rank === 0 ? 0 : centreRadius * Math.cos(rank * GOLDEN_ANGLE);
    const cy = rank === 0 ? 0 : centreRadius * Math.sin(rank * GOLDEN_ANGLE);
    const turn = rng() * 2 * Math.PI;
    list.forEach((node, k) => {
      const r = Math.sqrt(k + 0.5);
      const a = turn + k * GOLDEN_ANGLE;
      out[2 * node] = cx + r * Math.cos(a) + (rng() - 0.5) * 0.3;
      out[2 * node + 1] = cy + r * Math.sin(a) + (rng() - 0.5) * 0.3;
    });
    placed += list.length;
  });
  return normalisePositions(out);
}

/** Centres positions on their bounding box and scales them uniformly to ±extent (in place); returns the array. */
export function normalisePositions<T extends Float32Array>(positions: T, extent = LAYOUT_EXTENT): T {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < positions.length; i += 2) {
    const x = positions[i] ?? 0;
    const y = positions[i + 1] ?? 0;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const half = Math.max(maxX - minX, maxY - minY) / 2;
  const scale = half > 0 && Number.isFinite(half) ? extent / half : 0;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  for (let i = 0; i + 1 < positions.length; i += 2) {
    positions[i] = ((positions[i] ?? 0) - cx) * scale;
    positions[i + 1] = ((positions[i + 1] ?? 0) - cy) * scale;
  }
  return positions;
}

export interface LayoutSettings {
  readonly forceAtlas2: ForceAtlas2Settings;
  readonly noverlap: NoverlapSettings;
  readonly noverlapIterations: number;
  /** ForceAtlas2 iterations for a full run. */
  readonly iterations: number;
  /** Iterations per chunk (worker and script alike), aiming at roughly 0.1–1 s per chunk. */
  readonly chunk: number;
}

/**
 * Settings by node count. Barnes-Hut above 2,000 nodes (548 ms/iteration at 50k nodes instead of quadratic); noverlap's
 * grid grows with √N because its default 20×20 grid costs 11.6 s per iteration at 50k nodes (≈0.5 s at √N).
 */
export function layoutSettingsFor(orderN: number): LayoutSettings {
  const n = Math.max(1, orderN);
  return {
    forceAtlas2: { ...forceAtlas2.inferSettings(n), barnesHutOptimize: n > 2000 },
    noverlap: { gridSize: Math.max(20, Math.ceil(Math.sqrt(n))), margin: 1, ratio: 1, expansion: 1.1, speed: 3 },
    noverlapIterations: n > 20_000 ? 10 : n > 5_000 ? 30 : 100,
    iterations: n > 20_000 ? 150 : n > 5_000 ? 300 : 500,
    chunk: n > 20_000 ? 2 : n > 5_000 ? 5 : n > 1_000 ? 10 : 50,
  };
}

/** Runs `run` with a seeded Math.random, which makes noverlap's jitter of coincident nodes repeatable. */
export function withSeededRandom<T>(seed: string, run: () => T): T {
  const original = Math.random;
  Math.random = seedrandom(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

/** Node positions in iteration (insertion) order, i.e. by organisation index for graphs from build-graph. */
export function positionsOf(graph: PositionedGraph): Float32Array<ArrayBuffer> {
  const out = new Float32Array(2 * graph.order);
  let i = 0;
  graph.forEachNode((_key, attrs) => {
    out[i++] = attrs.x;
    out[i++] = attrs.y;
  });
  return out;
}

/** Writes positions (in node insertion order) into the graph's x/y attributes. */
export function assignPositions(graph: PositionedGraph, positions: Float32Array): void {
  let i = 0;
  graph.updateEachNodeAttributes(
    (_key, attrs) => {
      attrs.x = positions[i++] ?? 0;
      attrs.y = positions[i++] ?? 0;
      return attrs;
    },
    { attributes: ['x', 'y'] },
  );
}

/** Runs ForceAtlas2 for `iterations` on the graph as it stands (deterministic: the algorithm has no randomness). */
export function runForceAtlas2(
  graph: PositionedGraph,
  iterations: number,
  settings: ForceAtlas2Settings,
  edgeWeight: string | null = null,
): void {
  if (iterations <= 0 || graph.order === 0) return;
  forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: edgeWeight });
}

/** Runs noverlap with a seeded Math.random (it jitters coincident nodes). */
export function runNoverlap(
  graph: PositionedGraph,
  iterations: number,
  settings: NoverlapSettings,
  seed: string,
): void {
  if (iterations <= 0 || graph.order === 0) return;
  withSeededRandom(seed, () => noverlap.assign(graph, { maxIterations: iterations, settings }));
}

/**
 * Synchronous ForceAtlas2 + noverlap + normalisation, for Node scripts (the built-in dataset's positions are baked
 * with it) and small graphs. Start from `initialPositions` for repeatable results. Returns the final positions.
 */
export function runLayoutSync(
  graph: PositionedGraph,
  iterations: number,
  options: { seed?: string; edgeWeight?: string | null } = {},
): Float32Array<ArrayBuffer> {
  const settings = layoutSettingsFor(graph.order);
  // Chunked exactly like the worker: each forceAtlas2.assign call restarts the per-node adaptive speeds, so only equal
  // chunking gives equal positions in the script and in the browser.
  for (let done = 0; done < iterations; done += settings.chunk) {
    runForceAtlas2(
      graph,
      Math.min(settings.chunk, iterations - done),
      settings.forceAtlas2,
      options.edgeWeight ?? null,
    );
  }
  runNoverlap(graph, settings.noverlapIterations, settings.noverlap, options.seed ?? DEFAULT_NOVERLAP_SEED);
  const positions = normalisePositions(positionsOf(graph));
  assignPositions(graph, positions);
  return positions;
}
