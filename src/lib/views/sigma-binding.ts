// Thin sigma adapter: creates the renderer with stable reducers, forwards gestures, refreshes partially, cleans up.
import Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import type { AbstractGraph } from 'graphology-types';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import EdgeCurveProgram from '@sigma/edge-curve';
import { animateNodes } from 'sigma/utils';

export interface SigmaCallbacks {
  onNodeHover(org: number): void;
  onNodeClick(org: number): void;
  onStageClick(): void;
}

export interface SigmaBinding {
  readonly sigma: Sigma;
  /** Re-renders only these nodes and edges (keys); reducers are re-run for them. */
  refreshPartial(nodes: readonly string[], edges: readonly string[]): void;
  /** Re-runs every reducer now (sigma re-adds every node and edge: about 1 s at 50k/250k). */
  refreshAll(): void;
  /**
   * Asks for a refresh on the next animation frame. Requests made in the same frame merge: several
   * effects reacting to one change cost one full refresh, and partial ones merge their keys.
   */
  requestRefresh(keys: 'all' | { readonly nodes: readonly string[]; readonly edges: readonly string[] }): void;
  /** New positions (x0,y0,…): animated unless reduced motion; reprocesses the whole graph once. */
  setPositions(positions: Float32Array, animate: boolean): void;
  setSetting<K extends 'labelDensity' | 'labelGridCellSize' | 'labelRenderedSizeThreshold' | 'labelSize'>(
    key: K,
    value: number,
  ): void;
  /** Centres the camera on a node, keeping the zoom unless it is far out. */
  focusNode(org: number, animate: boolean): void;
  fit(animate: boolean): void;
  /** Renders synchronously and reads one pixel back (bench: waits until the GPU has presented the frame). */
  forceFrame(): void;
  zoom(factor: number): void;
  destroy(): void;
}

export interface SigmaOptions {
  readonly nodeReducer: (key: string, data: Attributes) => Partial<NodeDisplayData>;
  readonly edgeReducer: (key: string, data: Attributes) => Partial<EdgeDisplayData>;
  readonly labelDensity: number;
  readonly labelGridCellSize: number;
  readonly labelRenderedSizeThreshold: number;
  readonly labelSize: number;
  readonly labelColour: string;
}

/** Creates the renderer in `container`. `destroy` kills sigma (its 3 WebGL contexts) and is safe to call twice. */
export function createSigmaBinding(
  container: HTMLElement,
  graph: AbstractGraph,
  callbacks: SigmaCallbacks,
  options: SigmaOptions,
): SigmaBinding {
  const sigma = new Sigma(graph, container, {
    nodeReducer: options.nodeReducer,
    edgeReducer: options.edgeReducer,
    edgeProgramClasses: { curved: EdgeCurveProgram },
    zIndex: true,
    labelDensity: options.labelDensity,
    labelGridCellSize: options.labelGridCellSize,
    labelRenderedSizeThreshold: options.labelRenderedSizeThreshold,
    labelSize: options.labelSize,
    labelFont: "'DejaVu Sans', system-ui, sans-serif",
    labelColor: { color: options.labelColour },
    // Room for labels of nodes at the right edge, which sigma's own padding ignores.
    stagePadding: 60,
    minCameraRatio: 0.02,
    maxCameraRatio: 4,
    allowInvalidContainer: true,
  });
  let hovered = -1;
  sigma.on('enterNode', ({ node }) => {
    const i = +node;
    if (i === hovered) return;
    hovered = i;
    callbacks.onNodeHover(i);
  });
  sigma.on('leaveNode', () => {
    if (hovered === -1) return;
    hovered = -1;
    callbacks.onNodeHover(-1);
  });
  sigma.on('clickNode', ({ node }) => callbacks.onNodeClick(+node));
  sigma.on('clickStage', () => callbacks.onStageClick());

  let killed = false;
  let cancelAnimation: (() => void) | null = null;
  let pendingAll = false;
  // Key lists are queued as given (no per-key work here): a step on a big graph can touch tens of thousands.
  const pendingNodes: (readonly string[])[] = [];
  const pendingEdges: (readonly string[])[] = [];
  let frame = 0;
  const flush = () => {
    frame = 0;
    if (killed) return;
    if (pendingAll) sigma.refresh({ skipIndexation: true });
    else if (pendingNodes.length || pendingEdges.length) {
      const nodes = pendingNodes.length === 1 ? [...pendingNodes[0]!] : pendingNodes.flat();
      const edges = pendingEdges.length === 1 ? [...pendingEdges[0]!] : pendingEdges.flat();
      sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: true });
    }
    pendingAll = false;
    pendingNodes.length = 0;
    pendingEdges.length = 0;
  };
  return {
    sigma,
    refreshPartial(nodes, edges) {
      if (killed) return;
      sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true });
    },
    refreshAll() {
      if (killed) return;
      sigma.refresh({ skipIndexation: true });
    },
    requestRefresh(keys) {
      if (killed) return;
      if (keys === 'all') pendingAll = true;
      else if (!pendingAll) {
        if (keys.nodes.length) pendingNodes.push(keys.nodes);
        if (keys.edges.length) pendingEdges.push(keys.edges);
      }
      frame ||= requestAnimationFrame(flush);
    },
    setPositions(positions, animate) {
      if (killed) return;
      cancelAnimation?.();
      const targets: Record<string, { x: number; y: number }> = {};
      graph.forEachNode((key) => {
        const i = +key;
        targets[key] = { x: positions[2 * i] ?? 0, y: positions[2 * i + 1] ?? 0 };
      });
      if (animate) cancelAnimation = animateNodes(graph, targets, { duration: 600 });
      else {
        graph.updateEachNodeAttributes((key, attrs) => ({ ...attrs, ...targets[key] }));
      }
    },
    setSetting(key, value) {
      if (killed || sigma.getSetting(key) === value) return;
      sigma.setSetting(key, value);
    },
    focusNode(org, animate) {
      if (killed) return;
      const d = sigma.getNodeDisplayData(String(org));
      if (!d) return;
      const camera = sigma.getCamera();
      const ratio = Math.min(camera.ratio, 0.6);
      const target = { x: d.x, y: d.y, ratio };
      if (animate) void camera.animate(target, { duration: 500 });
      else camera.setState(target);
    },
    fit(animate) {
      if (killed) return;
      const camera = sigma.getCamera();
      if (animate) void camera.animatedReset({ duration: 400 });
      else camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    },
    forceFrame() {
      if (killed) return;
      if (frame) {
        cancelAnimationFrame(frame);
        flush();
      } else {
        // An empty partial refresh renders synchronously without re-adding every node and edge.
        sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
      }
      const canvas = sigma.getCanvases().edges ?? Object.values(sigma.getCanvases())[0];
      const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    },
    zoom(factor) {
      if (killed) return;
      const camera = sigma.getCamera();
      if (factor > 1) void camera.animatedZoom({ duration: 200, factor });
      else void camera.animatedUnzoom({ duration: 200, factor: 1 / factor });
    },
    destroy() {
      if (killed) return;
      killed = true;
      if (frame) cancelAnimationFrame(frame);
      cancelAnimation?.();
      sigma.removeAllListeners();
      sigma.kill();
    },
  };
}
