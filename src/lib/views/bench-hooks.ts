// Bench-only hooks (`vite build --mode bench`): drive the state and force a presented frame from Playwright.
import type { AtlasState } from '../state/atlas-state.svelte';

export interface BenchHooks {
  /** Sets the time window as a user gesture would; returns main-thread ms spent synchronously. */
  setWindow(from: number, to: number): number;
  selectRegion(code: string): number;
  selectOrg(id: string): number;
  /** Keeps only this collaboration kind (null: no kind filter), as the filter bar would; sync ms. */
  filterKind(kind: string | null): number;
  bounds(): { from: number; to: number };
  counts(): { organisations: number; collaborations: number };
  /** Renders now and reads one pixel back, so the GPU work of the last change is finished. */
  forceFrame(): number;
  /** Runs pending sigma refreshes now without drawing; returns their main-thread ms (reducers + buffer writes). */
  flushRefresh(): number;
  /** Sigma partial-refresh JS (reducers + buffer writes, not drawing) since the last call, and the keys it covered. */
  takeRefreshJs(): { ms: number; nodes: number; edges: number };
}

const refreshJs = { ms: 0, nodes: 0, edges: 0 };

/** Called by the sigma binding after each partial refresh (two clock reads a frame; kept in every build). */
export function recordRefreshJs(ms: number, nodes: number, edges: number): void {
  refreshJs.ms += ms;
  refreshJs.nodes += nodes;
  refreshJs.edges += edges;
}

type FrameForcer = () => void;
const forcers: FrameForcer[] = [];
const refreshFlushers: (() => void)[] = [];

/** Views register how to run their pending refresh JS without drawing (sigma: the coalesced partial refresh). */
export function registerRefreshFlusher(flushRefresh: () => void): () => void {
  refreshFlushers.push(flushRefresh);
  return () => {
    const i = refreshFlushers.indexOf(flushRefresh);
    if (i >= 0) refreshFlushers.splice(i, 1);
  };
}

/** Views register how to force their frame (sigma: render + 1×1 readPixels). */
export function registerFrameForcer(force: FrameForcer): () => void {
  forcers.push(force);
  return () => {
    const i = forcers.indexOf(force);
    if (i >= 0) forcers.splice(i, 1);
  };
}

export const BENCH_MODE = import.meta.env.MODE === 'bench';

function timed(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

/** Installs `window.__atlasBench`; called by the composition root in bench builds only. */
export function installBenchHooks(atlas: AtlasState): void {
  const hooks: BenchHooks = {
    setWindow: (from, to) => timed(() => atlas.setWindow(from, to)),
    selectRegion: (code) => timed(() => atlas.select({ kind: 'region', code })),
    selectOrg: (id) => timed(() => atlas.select({ kind: 'org', id })),
    filterKind: (kind) => timed(() => atlas.setFilters({ ...atlas.filters, kinds: kind === null ? [] : [kind] })),
    bounds: () => ({ ...atlas.bounds }),
    counts: () => ({ organisations: atlas.visibleOrganisations, collaborations: atlas.visibleCollaborations }),
    forceFrame: () => timed(() => forcers.forEach((f) => f())),
    flushRefresh: () => timed(() => refreshFlushers.forEach((f) => f())),
    takeRefreshJs: () => {
      const out = { ...refreshJs };
      refreshJs.ms = refreshJs.nodes = refreshJs.edges = 0;
      return out;
    },
  };
  (window as unknown as { __atlasBench: BenchHooks }).__atlasBench = hooks;
}
