// Moves new node positions into the frame sigma already normalises with, so they can be applied without a reprocess.

/** Sigma's node extent: `{ x: [min, max], y: [min, max] }`. */
export interface Extent {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** Sigma's normalisation of an extent: its centre and its larger side (1 when that is 0 or not finite). */
export function normalisationOf(e: Extent): { cx: number; cy: number; ratio: number } {
  let ratio = Math.max(e.x[1] - e.x[0], e.y[1] - e.y[0]);
  if (ratio === 0 || !Number.isFinite(ratio)) ratio = 1;
  const cx = (e.x[0] + e.x[1]) / 2;
  const cy = (e.y[0] + e.y[1]) / 2;
  return { cx: Number.isNaN(cx) ? 0 : cx, cy: Number.isNaN(cy) ? 0 : cy, ratio };
}

export function extentOf(positions: Float32Array): Extent {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i + 1 < positions.length; i += 2) {
    const x = positions[i]!;
    const y = positions[i + 1]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x: [x0, x1], y: [y0, y1] };
}

/**
 * `positions` (x0,y0,…) scaled and shifted so that sigma's current normalisation (from `current`) maps them exactly as
 * a reprocess with their own extent would, plus the box to give sigma as its custom bbox: same centre and larger side
 * as `current` (so the normalisation stays the same), the new layout's proportions (so the camera's aspect correction
 * follows it). Null when either extent is degenerate (one point, or none): then only a reprocess is right.
 */
export function reframePositions(
  positions: Float32Array,
  current: Extent,
): { readonly positions: Float32Array; readonly bbox: Extent } | null {
  const own = extentOf(positions);
  const w = own.x[1] - own.x[0];
  const h = own.y[1] - own.y[0];
  const side = Math.max(w, h);
  const curSide = Math.max(current.x[1] - current.x[0], current.y[1] - current.y[0]);
  if (!(side > 0) || !Number.isFinite(side) || !(curSide > 0) || !Number.isFinite(curSide)) return null;
  const from = normalisationOf(own);
  const to = normalisationOf(current);
  const scale = to.ratio / from.ratio;
  const out = new Float32Array(positions.length);
  for (let i = 0; i + 1 < positions.length; i += 2) {
    out[i] = to.cx + (positions[i]! - from.cx) * scale;
    out[i + 1] = to.cy + (positions[i + 1]! - from.cy) * scale;
  }
  const hw = (w * scale) / 2;
  const hh = (h * scale) / 2;
  return {
    positions: out,
    bbox: { x: [to.cx - hw, to.cx + hw], y: [to.cy - hh, to.cy + hh] },
  };
}
