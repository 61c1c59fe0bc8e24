// Thin sigma adapter: creates the renderer with stable reducers, forwards gestures, refreshes partially, cleans up.
import Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import type { AbstractGraph } from 'graphology-types';
import type { CameraState, EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import EdgeCurveProgram from '@sigma/edge-curve';
import { EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import { animateNodes } from 'sigma/utils';
import { recordRefreshJs } from './bench-hooks';
import { arcControl } from '../map/arcs';
import { SHOW_ALL, type TimeUniform } from '../graph/time-filter';
import { withTimeFilter } from './time-filter-program';
import { withEdgeState, withNodeState } from './state-programs';
import { rgbaOf, texelFlag, texelSize, type StateTexels } from '../graph/gpu-state';
import { createLabelLayer } from './label-layer';
import { normalisationOf, reframePositions } from '../graph/reframe';
import type { LabelBox } from '../graph/label-placement';
import { fitMove, freeRect } from '../graph/fit-frame';

/** Main-thread budget of one frame's partial refresh; the rest of the keys are refreshed in the next frames. */
export const FRAME_BUDGET_MS = 8;
const MIN_CAMERA_RATIO = 0.02;
const MAX_CAMERA_RATIO = 4;
/** Keys per refresh call between budget checks (about 1–3 ms of sigma work here). */
const REFRESH_CHUNK = 500;
/**
 * New positions are re-added over at most this many frames. The frame budget alone spread 280k keys (50k/250k) over
 * ~550 frames; in software WebGL each of them drew the whole graph (1–2.5 s), so the graph took some 20 minutes to
 * settle after its layout. Ten slices cost ~40 ms of sigma work a frame at that size.
 */
const POSITION_FRAMES = 10;

/** A curve between two nodes (graph keys as numbers), drawn in viewport pixels with edge-curve's curvature. */
export interface OverlayEdge {
  readonly source: number;
  readonly target: number;
  readonly colour: string;
  readonly width: number;
  readonly curvature: number;
}

export interface SigmaCallbacks {
  onNodeHover(org: number): void;
  onNodeClick(org: number): void;
  onStageClick(): void;
  /** Sigma reprocessed every node and edge again after its first pass (a full refresh or new positions). */
  onReprocess?(): void;
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
  /** New positions (x0,y0,…): animated (a reprocess per frame), or re-added over a few frames' partial refreshes. */
  setPositions(positions: Float32Array, animate: boolean): void;
  /** Label text colour (theme): drawn on the next frame, without re-running reducers. */
  setLabelColour(colour: string): void;
  setSetting<K extends 'labelDensity' | 'labelGridCellSize' | 'labelRenderedSizeThreshold' | 'labelSize'>(
    key: K,
    value: number,
  ): void;
  /**
   * The camera that shows the whole graph clear of the covered parts (sigma's reset when nothing covers it): what
   * `fit` goes to, and what a link's "no camera" means.
   */
  wholeGraphCamera(): CameraState;
  /** Centres the camera on a node, keeping the zoom unless it is far out. */
  focusNode(org: number, animate: boolean): void;
  fit(animate: boolean): void;
  /** Renders synchronously and reads one pixel back (bench: waits until the GPU has presented the frame). */
  forceFrame(): void;
  /** Curves drawn over the edge layer after every render (merged overview: a selection's single collaborations). */
  setOverlay(edges: readonly OverlayEdge[]): void;
  /** Bench: applies pending refreshes now, whole, without drawing — a step's refresh JS apart from its frame. */
  flushRefresh(): void;
  /** The window the edge shaders test timed edges against (see time-filter.ts); drawn on the next frame. */
  setTimeFilter(u: TimeUniform): void;
  /** Draws on the next frame without re-running reducers: the state texels changed (see `SigmaOptions.display`). */
  redraw(): void;
  /** Whether a node is drawn (shown by its reducer and, with state texels, by its texel). */
  nodeDrawn(key: string): boolean;
  readonly timeFilter: TimeUniform;
  /**
   * Parts of the view covered by the page (e.g. the legend), in viewport px: no label is placed under them, and `fit`
   * frames the graph clear of them. A change places the labels again at once, without a render.
   */
  setCovered(boxes: readonly LabelBox[]): void;
  /** Labels the last render drew, by node key, with their boxes in viewport px (none overlaps another). */
  readonly shownLabels: ReadonlyMap<string, LabelBox>;
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
  /** The window the first frame already shows (see `setTimeFilter`). */
  readonly timeFilter?: TimeUniform;
  /** Merged graph: each pair's period for the edge shader (see time-filter.ts `pairSpans`). */
  readonly pairSpans?: Float32Array | null;
  /** Parts of the view covered by the page at the first frame (see `setCovered`). */
  readonly covered?: readonly LabelBox[];
  /**
   * Drawn size, fade and gate of every node and edge, read by the shaders (see gpu-state.ts); the reducers then set
   * `slot`. Without it sigma's own programs draw the reducers' output.
   */
  readonly display?: {
    readonly nodes: StateTexels;
    readonly edges: StateTexels;
    /** Colour of nodes and edges faded by their texel's flag (the theme's). */
    faded(): string;
    /** The size the node reducer gives node `slot` (`rankSize`): labels scale from it to the texel's. */
    rankSize(slot: number): number;
  };
}

function sameBoxes(a: readonly LabelBox[], b: readonly LabelBox[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x.left === y.left && x.top === y.top && x.width === y.width && x.height === y.height;
    })
  );
}

/** Creates the renderer in `container`. `destroy` kills sigma (its 3 WebGL contexts) and is safe to call twice. */
export function createSigmaBinding(
  container: HTMLElement,
  graph: AbstractGraph,
  callbacks: SigmaCallbacks,
  options: SigmaOptions,
): SigmaBinding {
  let timeFilter = options.timeFilter ?? SHOW_ALL;
  // Sigma keeps this object and reads it at every label draw, so a theme change recolours labels without the full
  // refresh `setSetting` schedules (seconds of reducers at 50k).
  const labelColor = { color: options.labelColour };
  const display = options.display;
  const labelLayer = createLabelLayer(
    display
      ? (slot, shown) => {
          // Called from sigma's constructor too (its first render): no `sigma` here.
          if (texelFlag(display.nodes, slot)) return 0;
          const rank = display.rankSize(slot);
          return rank > 0 ? (shown * texelSize(display.nodes, slot)) / rank : 0;
        }
      : undefined,
  );
  let zoomTarget: number | null = null;
  let fadedKey = '';
  let fadedValue: readonly [number, number, number, number] = [0, 0, 0, 0];
  const fadedRgba = () => {
    const colour = display?.faded() ?? '';
    if (colour !== fadedKey) {
      fadedKey = colour;
      fadedValue = rgbaOf(colour);
    }
    return fadedValue;
  };
  const nodeDrawn = (key: string): boolean => {
    const d = sigma.getNodeDisplayData(key);
    return d !== undefined && !d.hidden && (!display || texelSize(display.nodes, +key) > 0);
  };
  const currentTime = () => timeFilter;
  const spans = options.pairSpans ?? null;
  const pairSpans = () => spans;
  const sigma = new Sigma(graph, container, {
    nodeReducer: options.nodeReducer,
    edgeReducer: options.edgeReducer,
    edgeProgramClasses: display
      ? {
          line: withEdgeState(
            withTimeFilter(EdgeRectangleProgram, currentTime, pairSpans),
            () => display.edges,
            fadedRgba,
          ),
          curved: withEdgeState(
            withTimeFilter(EdgeCurveProgram, currentTime, pairSpans),
            () => display.edges,
            fadedRgba,
          ),
        }
      : {
          line: withTimeFilter(EdgeRectangleProgram, currentTime, pairSpans),
          curved: withTimeFilter(EdgeCurveProgram, currentTime, pairSpans),
        },
    ...(display && {
      nodeProgramClasses: {
        circle: withNodeState(NodeCircleProgram, () => display.nodes, fadedRgba),
      },
    }),
    zIndex: true,
    labelDensity: options.labelDensity,
    labelGridCellSize: options.labelGridCellSize,
    labelRenderedSizeThreshold: options.labelRenderedSizeThreshold,
    labelSize: options.labelSize,
    labelFont: "'DejaVu Sans', system-ui, sans-serif",
    labelColor,
    defaultDrawNodeLabel: labelLayer.collect,
    defaultDrawNodeHover: labelLayer.collect,
    // Room for labels of nodes at the right edge, which sigma's own padding ignores.
    stagePadding: 60,
    minCameraRatio: MIN_CAMERA_RATIO,
    maxCameraRatio: MAX_CAMERA_RATIO,
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
  sigma.on('afterProcess', () => callbacks.onReprocess?.());

  // Overlay canvas between sigma's edge and node layers, created on first use.
  let overlay: readonly OverlayEdge[] = [];
  let overlayCanvas: HTMLCanvasElement | null = null;
  const drawOverlay = () => {
    if (overlay.length === 0 && !overlayCanvas) return;
    const { width, height } = sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (!overlayCanvas) {
      overlayCanvas = document.createElement('canvas');
      overlayCanvas.className = 'atlas-overlay';
      overlayCanvas.setAttribute('aria-hidden', 'true');
      Object.assign(overlayCanvas.style, { position: 'absolute', top: '0', left: '0', pointerEvents: 'none' });
      const edgesCanvas = sigma.getCanvases().edges;
      if (edgesCanvas) edgesCanvas.after(overlayCanvas);
      else container.append(overlayCanvas);
    }
    const canvas = overlayCanvas;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.lineCap = 'round';
    for (const e of overlay) {
      const a = sigma.getNodeDisplayData(String(e.source));
      const b = sigma.getNodeDisplayData(String(e.target));
      if (!a || !b || !nodeDrawn(String(e.source)) || !nodeDrawn(String(e.target))) continue;
      const p = sigma.framedGraphToViewport(a);
      const q = sigma.framedGraphToViewport(b);
      ctx.strokeStyle = e.colour;
      ctx.lineWidth = e.width;
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      if (e.curvature !== 0) {
        const [cx, cy] = arcControl(p.x, p.y, q.x, q.y, e.curvature, true);
        ctx.quadraticCurveTo(cx, cy, q.x, q.y);
      } else ctx.lineTo(q.x, q.y);
      ctx.stroke();
    }
  };
  sigma.on('beforeRender', labelLayer.reset);
  const labelContext = sigma.getCanvases().labels?.getContext('2d');
  let covered = options.covered ?? [];
  const drawLabels = () => {
    if (labelContext) labelLayer.draw(labelContext, covered);
  };
  /** The camera that frames the whole graph clear of the covered parts: sigma's reset, moved and shrunk if needed. */
  const fitState = (): CameraState => {
    const base = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    if (covered.length === 0 || graph.order === 0) return base;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    let radius = 0;
    // Graph coordinates, not sigma's display data: between a full refresh and the render that processes it (e.g. on
    // a resize) the display data hold unframed positions.
    graph.forEachNode((key, attrs) => {
      const x = attrs.x as number;
      const y = attrs.y as number;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      radius = Math.max(radius, sigma.getNodeDisplayData(key)?.size ?? 0);
    });
    if (!Number.isFinite(x0) || !Number.isFinite(y0)) return base;
    // Sigma frames graph coordinates by its custom box, or else by the nodes' extent (its normalisation function).
    const box = sigma.getCustomBBox() ?? { x: [x0, x1], y: [y0, y1] };
    const frame = normalisationOf(box);
    const framed = (x: number, y: number) => ({
      x: 0.5 + (x - frame.cx) / frame.ratio,
      y: 0.5 + (y - frame.cy) / frame.ratio,
    });
    // The graph's dimensions too, which sigma resets in a full refresh until the next render.
    const graphDimensions = { width: box.x[1] - box.x[0] || 1, height: box.y[1] - box.y[0] || 1 };
    const at = { cameraState: base, graphDimensions };
    const p = sigma.framedGraphToViewport(framed(x0, y0), at);
    const q = sigma.framedGraphToViewport(framed(x1, y1), at);
    const content = {
      left: Math.min(p.x, q.x) - radius,
      top: Math.min(p.y, q.y) - radius,
      width: Math.abs(q.x - p.x) + 2 * radius,
      height: Math.abs(q.y - p.y) + 2 * radius,
    };
    const { width, height } = sigma.getDimensions();
    const move = fitMove(content, freeRect(width, height, covered, content));
    if (move.scale <= 0) return base;
    // Viewport → framed graph is linear in the camera: with ratio r and centre c, the point shown at viewport v is
    // c + r·(framed(v) at the reset camera − ½). Solve for the c that shows the content's centre at `move.to`.
    const ratio = 1 / move.scale;
    const from = sigma.viewportToFramedGraph(move.from, at);
    const to = sigma.viewportToFramedGraph(move.to, at);
    return { x: from.x - ratio * (to.x - 0.5), y: from.y - ratio * (to.y - 0.5), ratio, angle: 0 };
  };
  sigma.on('afterRender', drawLabels);
  // The constructor's render collected its labels before these listeners existed.
  drawLabels();
  sigma.on('afterRender', drawOverlay);

  let killed = false;
  let cancelAnimation: (() => void) | null = null;
  let pendingAll = false;
  /** A draw without refresh is due (the time filter moved). */
  let pendingDraw = false;
  // Key lists are queued as given (no per-key work here): a step on a big graph can touch tens of thousands.
  const pendingNodes: (readonly string[])[] = [];
  const pendingEdges: (readonly string[])[] = [];
  let frame = 0;
  let lastDrawMs = 0;
  /** Keys a frame refreshes whatever its budget, while re-added positions are pending (see POSITION_FRAMES). */
  let keysPerFrame = 0;
  // When drawing alone takes longer than the budget (software WebGL at 50k: seconds), thinner slices would only
  // multiply the draws: give the refresh as much time as the last draw took, so it costs at most as much again.
  const frameBudget = () => Math.max(FRAME_BUDGET_MS, lastDrawMs);
  /** Pending keys as one list; several lists (steps merged into one frame) are deduplicated. */
  const drain = (queue: (readonly string[])[]): readonly string[] => {
    const all = queue.length === 1 ? queue[0]! : queue.length === 0 ? [] : [...new Set(queue.flat())];
    queue.length = 0;
    return all;
  };
  /**
   * Applies pending refreshes and draws. A partial refresh is time-sliced: past `budgetMs` the rest of the keys wait
   * for the next frame (reducers read the state when a key is processed, so a late key shows the latest state), so a
   * 50k graph stepping through a busy month never blocks a frame for the whole of it.
   */
  const flush = (budgetMs: number, draw = true) => {
    frame = 0;
    if (killed) return;
    const full = pendingAll;
    const t0 = performance.now();
    let drawn = full || pendingDraw;
    pendingDraw = false;
    // `schedule: true` keeps sigma's reducer and buffer work apart from drawing; the empty refresh below draws.
    if (full) {
      pendingNodes.length = 0;
      pendingEdges.length = 0;
      keysPerFrame = 0;
      sigma.refresh({ skipIndexation: true, schedule: true });
    } else {
      const nodes = drain(pendingNodes);
      const edges = drain(pendingEdges);
      let n = 0;
      let e = 0;
      const floor = Math.max(1, keysPerFrame);
      const done = () => Math.min(n, nodes.length) + Math.min(e, edges.length);
      while ((n < nodes.length || e < edges.length) && (done() < floor || performance.now() - t0 < budgetMs)) {
        const partialGraph = {
          nodes: nodes.slice(n, (n += REFRESH_CHUNK)),
          edges: edges.slice(e, (e += REFRESH_CHUNK)),
        };
        sigma.refresh({ partialGraph, skipIndexation: true, schedule: true });
        drawn = true;
      }
      if (n < nodes.length) pendingNodes.push(nodes.slice(n));
      if (e < edges.length) pendingEdges.push(edges.slice(e));
      if (drawn) recordRefreshJs(performance.now() - t0, Math.min(n, nodes.length), Math.min(e, edges.length));
      if (pendingNodes.length || pendingEdges.length) frame = requestAnimationFrame(() => flush(frameBudget()));
      else keysPerFrame = 0;
    }
    pendingAll = false;
    if (drawn && draw) {
      const t1 = performance.now();
      sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
      lastDrawMs = performance.now() - t1;
    }
  };
  const queue = (keys: 'all' | { readonly nodes: readonly string[]; readonly edges: readonly string[] }) => {
    if (keys === 'all') pendingAll = true;
    else if (!pendingAll) {
      if (keys.nodes.length) pendingNodes.push(keys.nodes);
      if (keys.edges.length) pendingEdges.push(keys.edges);
    }
    frame ||= requestAnimationFrame(() => flush(frameBudget()));
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
      if (!killed) queue(keys);
    },
    setPositions(positions, animate) {
      if (killed) return;
      cancelAnimation?.();
      const framed = animate ? null : reframePositions(positions, sigma.getCustomBBox() ?? sigma.getBBox());
      if (framed) {
        // Positions moved into the frame sigma normalises with, then re-added key by key in the time-sliced partial
        // refresh: no reprocess of every node and edge in one frame (55–75 ms at 5k). Sigma's label grid keeps the
        // old places until its next reprocess; the label layer still keeps the drawn labels apart.
        graph.forEachNode((key, attrs) => {
          attrs.x = framed.positions[2 * +key] ?? 0;
          attrs.y = framed.positions[2 * +key + 1] ?? 0;
        });
        sigma.setCustomBBox({ x: [...framed.bbox.x], y: [...framed.bbox.y] });
        keysPerFrame = Math.ceil((graph.order + graph.size) / POSITION_FRAMES);
        queue({ nodes: graph.nodes(), edges: graph.edges() });
        return;
      }
      // An animation reprocesses every frame from the nodes' own extent.
      sigma.setCustomBBox(null);
      if (!animate) {
        // Written in place and reprocessed once: graphology's update event makes sigma run every node reducer twice
        // before the reprocess, and positions change nothing a reducer decides.
        graph.forEachNode((key, attrs) => {
          attrs.x = positions[2 * +key] ?? 0;
          attrs.y = positions[2 * +key + 1] ?? 0;
        });
        sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: false, schedule: true });
        return;
      }
      const targets: Record<string, { x: number; y: number }> = {};
      graph.forEachNode((key) => {
        const i = +key;
        targets[key] = { x: positions[2 * i] ?? 0, y: positions[2 * i + 1] ?? 0 };
      });
      cancelAnimation = animateNodes(graph, targets, { duration: 600 });
    },
    setLabelColour(colour) {
      if (killed || labelColor.color === colour) return;
      labelColor.color = colour;
      sigma.scheduleRender();
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
    wholeGraphCamera: fitState,
    fit(animate) {
      if (killed) return;
      const camera = sigma.getCamera();
      const target = fitState();
      if (animate) void camera.animate(target, { duration: 400 });
      else camera.setState(target);
    },
    forceFrame() {
      if (killed) return;
      if (frame) {
        cancelAnimationFrame(frame);
        flush(Infinity);
      } else {
        // An empty partial refresh renders synchronously without re-adding every node and edge.
        sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
      }
      const canvas = sigma.getCanvases().edges ?? Object.values(sigma.getCanvases())[0];
      const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    },
    setOverlay(edges) {
      if (killed) return;
      overlay = edges;
      drawOverlay();
    },
    get timeFilter() {
      return timeFilter;
    },
    setCovered(boxes) {
      if (killed || sameBoxes(boxes, covered)) return;
      covered = boxes;
      // A render already due places them with the new boxes.
      if (frame || !labelContext) return;
      const { width, height } = sigma.getDimensions();
      labelLayer.redraw(labelContext, width, height, covered);
    },
    get shownLabels() {
      return labelLayer.shown;
    },
    setTimeFilter(u) {
      if (killed) return;
      if (u.from === timeFilter.from && u.to === timeFilter.to && u.undated === timeFilter.undated) return;
      timeFilter = u;
      pendingDraw = true;
      frame ||= requestAnimationFrame(() => flush(frameBudget()));
    },
    redraw() {
      if (killed) return;
      pendingDraw = true;
      frame ||= requestAnimationFrame(() => flush(frameBudget()));
    },
    nodeDrawn,
    flushRefresh() {
      if (killed || !frame) return;
      cancelAnimationFrame(frame);
      flush(Infinity, false);
    },
    zoom(factor) {
      if (killed) return;
      const camera = sigma.getCamera();
      // Keys pressed faster than the animation add up: each step starts from the previous step's target.
      const base = camera.isAnimated() && zoomTarget !== null ? zoomTarget : camera.ratio;
      zoomTarget = Math.min(MAX_CAMERA_RATIO, Math.max(MIN_CAMERA_RATIO, base / factor));
      void camera.animate({ ratio: zoomTarget }, { duration: 200 });
    },
    destroy() {
      if (killed) return;
      killed = true;
      if (frame) cancelAnimationFrame(frame);
      cancelAnimation?.();
      sigma.removeAllListeners();
      sigma.kill();
      overlayCanvas?.remove();
      overlayCanvas = null;
    },
  };
}
