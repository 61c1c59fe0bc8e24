// Which organisations are always labelled, and sigma's label-density settings, from one 0..1 density setting.

/** Most labels ever forced: sigma draws forced labels outside its label grid, so past this they only pile up. */
export const MAX_FORCED_LABELS = 150;

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/** How many labels `density` forces among `candidates` shown nodes. */
export function forcedLabelCount(density: number, candidates: number, cap = MAX_FORCED_LABELS): number {
  return Math.round(clamp01(density) * Math.min(cap, candidates));
}

/**
 * Marks the top-k organisations by importance (e.g. degree in the window) among those with `visible[i] === 1`
 * (all when null) and importance above 0; ties go to the lower index so the choice is stable. A size-k min-heap keeps
 * this O(N log k), cheap enough to rerun on every brush step. Writes into `out` when given.
 */
export function labelledOrgs(
  importance: Float32Array,
  density: number,
  visible: Uint8Array | null = null,
  out: Uint8Array = new Uint8Array(importance.length),
  cap = MAX_FORCED_LABELS,
): Uint8Array {
  out.fill(0);
  let candidates = 0;
  for (let i = 0; i < importance.length; i++)
    if ((visible === null || visible[i] === 1) && (importance[i] ?? 0) > 0) candidates++;
  const k = forcedLabelCount(density, candidates, cap);
  if (k === 0) return out;
  // Heap root = the weakest kept node: lowest importance, and among equals the highest index.
  const heap = new Int32Array(k);
  let size = 0;
  const weaker = (a: number, b: number): boolean => {
    const da = importance[a] ?? 0;
    const db = importance[b] ?? 0;
    return da < db || (da === db && a > b);
  };
  const siftDown = (from: number): void => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && weaker(heap[l] ?? 0, heap[m] ?? 0)) m = l;
      if (r < size && weaker(heap[r] ?? 0, heap[m] ?? 0)) m = r;
      if (m === i) return;
      const t = heap[i] ?? 0;
      heap[i] = heap[m] ?? 0;
      heap[m] = t;
      i = m;
    }
  };
  for (let i = 0; i < importance.length; i++) {
    if ((visible !== null && visible[i] !== 1) || (importance[i] ?? 0) <= 0) continue;
    if (size < k) {
      let c = size++;
      heap[c] = i;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!weaker(heap[c] ?? 0, heap[p] ?? 0)) break;
        const t = heap[c] ?? 0;
        heap[c] = heap[p] ?? 0;
        heap[p] = t;
        c = p;
      }
    } else if (weaker(heap[0] ?? 0, i)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  for (let h = 0; h < size; h++) out[heap[h] ?? 0] = 1;
  return out;
}

/** The subset of sigma settings that controls label density. */
export interface LabelSettings {
  readonly labelDensity: number;
  readonly labelGridCellSize: number;
  readonly labelRenderedSizeThreshold: number;
}

/**
 * Sigma label settings for a density in 0..1; 0.5 gives sigma's defaults (1, 100, 6). Higher density puts more
 * labels per grid cell, uses smaller cells and labels smaller nodes.
 */
export function labelSettingsFor(density: number): LabelSettings {
  const d = clamp01(density);
  return {
    labelDensity: Math.max(0.1, 2 * d),
    labelGridCellSize: Math.round(160 - 120 * d),
    labelRenderedSizeThreshold: Math.max(1, 12 - 12 * d),
  };
}
