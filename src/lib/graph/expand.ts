// Merged overview → single collaborations: the curves that replace a selected organisation's pair edges.
import type { Adjacency } from './adjacency';
import { parallelCurvature } from './build-graph';

/** One collaboration drawn on its own, oriented from the lower to the higher organisation index. */
export interface ExpandedEdge {
  readonly collab: number;
  readonly source: number;
  readonly target: number;
  readonly kind: number;
  /** @sigma/edge-curve curvature; 0 is straight (a pair with a single visible collaboration). */
  readonly curvature: number;
}

/** Above this many collaborations the selection keeps its merged edges: a hub's thousands of curves say nothing. */
export const MAX_EXPANDED = 1500;
/** Zoomed in at least this far (sigma camera ratio), the organisations in view expand too. */
export const ZOOM_EXPAND_RATIO = 0.5;
/** …unless more than this many organisations are in view (the overview is still what reads best). */
export const MAX_ZOOM_ORGS = 400;
/** Collaborations drawn one by one at most while zoom expansion is on (canvas curves: ~2 µs each per frame). */
export const MAX_ZOOM_EXPANDED = 3000;

/** Graph-coordinate rectangle (the viewport's corners through the camera). */
export interface Box {
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

/** Organisations whose position (x0,y0,x1,y1…) lies in `box`, in index order; null when more than `max`. */
export function orgsInBox(xy: ArrayLike<number>, box: Box, max = MAX_ZOOM_ORGS): number[] | null {
  const out: number[] = [];
  for (let i = 0, n = xy.length >> 1; i < n; i++) {
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    if (x < box.minX || x > box.maxX || y < box.minY || y > box.maxY) continue;
    if (out.length === max) return null;
    out.push(i);
  }
  return out;
}

/**
 * The visible collaborations of `orgs`, one curve each; those between the same two organisations fan out like
 * parallel mode. Null when there are more than `limit` (the merged edges stay).
 */
export function expandedEdges(
  adjacency: Adjacency,
  ends: { readonly source: Int32Array; readonly target: Int32Array; readonly kind: ArrayLike<number> },
  orgs: Iterable<number>,
  visible: ArrayLike<number>,
  limit = MAX_EXPANDED,
): ExpandedEdge[] | null {
  const seen = new Set<number>();
  const bundles = new Map<string, number[]>();
  for (const org of orgs) {
    for (let k = adjacency.offsets[org] ?? 0, end = adjacency.offsets[org + 1] ?? 0; k < end; k++) {
      const j = adjacency.collabs[k]!;
      if (visible[j] !== 1 || seen.has(j)) continue;
      seen.add(j);
      if (seen.size > limit) return null;
      const a = Math.min(ends.source[j]!, ends.target[j]!);
      const b = Math.max(ends.source[j]!, ends.target[j]!);
      const key = `${a}:${b}`;
      const bundle = bundles.get(key);
      if (bundle) bundle.push(j);
      else bundles.set(key, [j]);
    }
  }
  const out: ExpandedEdge[] = [];
  for (const bundle of bundles.values()) {
    bundle.sort((x, y) => x - y);
    const half = (bundle.length - 1) / 2;
    bundle.forEach((j, i) => {
      out.push({
        collab: j,
        source: Math.min(ends.source[j]!, ends.target[j]!),
        target: Math.max(ends.source[j]!, ends.target[j]!),
        kind: ends.kind[j] ?? 0,
        curvature: parallelCurvature(i - half, half),
      });
    });
  }
  return out.sort((x, y) => x.collab - y.collab);
}
