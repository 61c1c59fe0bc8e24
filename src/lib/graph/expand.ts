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
