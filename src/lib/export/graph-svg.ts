// The network graph as a vector figure: edges, nodes and labels as shown on screen, framed whole or as the camera sees.
import { arcControl } from '../map/arcs';
import { figureToSvg, textWidth, type Box, type FigureParts, type FigureText, type LegendGroup } from './figure';
import { el, fragment, formatNum, safeColour, type Markup } from './svg-text';
import { baselineOf, labelOptions, labelPriority, placeLabels, type LabelBox } from '../graph/label-placement';

/** A node as sigma displays it (after the reducers): what the app reads from the screen. */
export interface GraphFigureNode {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  /** Radius in screen px as displayed. */
  readonly size: number;
  readonly colour: string;
  readonly label: string;
  /** Whether the screen shows the label (forced, hovered, or picked by sigma's label grid). */
  readonly labelled: boolean;
  readonly hidden?: boolean;
  readonly zIndex?: number;
}

/** An edge as displayed. */
export interface GraphFigureEdge {
  readonly source: string;
  readonly target: string;
  readonly colour: string;
  /** Thickness in screen px as displayed. */
  readonly size: number;
  /** 0 draws a straight line; otherwise @sigma/edge-curve's curvature (parallel edges carry ± values). */
  readonly curvature: number;
  readonly hidden?: boolean;
  readonly zIndex?: number;
}

/** Graph → screen map as in SVG's `matrix(a b c d e f)`: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Affine = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

/** A plain-data snapshot of the graph view. */
export interface GraphFigureScene {
  readonly nodes: readonly GraphFigureNode[];
  readonly edges: readonly GraphFigureEdge[];
  /**
   * `screen`: x/y are viewport px, y down (sigma's `graphToViewport`). `graph`: graphology coordinates, y up; mapped
   * by `transform` when given, else fitted into the viewport.
   */
  readonly space: 'screen' | 'graph';
  readonly transform?: Affine;
  /** Size of the graph view on screen, px. */
  readonly viewport: { readonly width: number; readonly height: number };
  readonly labelSize: number;
  readonly labelColour?: string;
  readonly legend: readonly LegendGroup[];
  readonly text: FigureText;
  /** Name of the plot (report heading, accessible name), translated by the app; else the title names it. */
  readonly plotLabel?: string;
}

export interface GraphSvgOptions {
  /** Figure width in px; defaults to the viewport width. */
  readonly width?: number;
  readonly background: 'white' | 'transparent';
  /** `whole`: every visible node; `camera`: what the view shows now. */
  readonly framing: 'whole' | 'camera';
  /** Space around the content, in screen px. */
  readonly padding?: number;
  readonly minEdgeWidth?: number;
}

/** The affine map through three images: of (0,0), (1,0) and (0,1) — e.g. from `sigma.graphToViewport`. */
export function affineFromPoints(
  origin: { x: number; y: number },
  unitX: { x: number; y: number },
  unitY: { x: number; y: number },
): Affine {
  return [unitX.x - origin.x, unitX.y - origin.y, unitY.x - origin.x, unitY.y - origin.y, origin.x, origin.y];
}

type Point = [number, number];

function placer(
  scene: GraphFigureScene,
  shown: readonly GraphFigureNode[],
  padding: number,
): (n: GraphFigureNode) => Point {
  if (scene.space === 'screen') return (n) => [n.x, n.y];
  const t = scene.transform;
  if (t) return (n) => [t[0] * n.x + t[2] * n.y + t[4], t[1] * n.x + t[3] * n.y + t[5]];
  // No camera given: fit the graph into the viewport as sigma's reset camera does, y flipped (sigma's y points up).
  // A loop, not Math.min(...xs): spreading 100k+ arguments overflows the stack.
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const n of shown)
    [minX, maxX, minY, maxY] = [Math.min(minX, n.x), Math.max(maxX, n.x), Math.min(minY, n.y), Math.max(maxY, n.y)];
  const { width, height } = scene.viewport;
  const k = Math.min((width - 2 * padding) / (maxX - minX || 1), (height - 2 * padding) / (maxY - minY || 1));
  return (n) => [width / 2 + (n.x - (minX + maxX) / 2) * k, height / 2 - (n.y - (minY + maxY) / 2) * k];
}

interface Placed {
  readonly node: GraphFigureNode;
  readonly p: Point;
}

class Bounds {
  x0 = Infinity;
  y0 = Infinity;
  x1 = -Infinity;
  y1 = -Infinity;
  add(x: number, y: number): void {
    this.x0 = Math.min(this.x0, x);
    this.y0 = Math.min(this.y0, y);
    this.x1 = Math.max(this.x1, x);
    this.y1 = Math.max(this.y1, y);
  }
  box(padding: number): Box {
    return {
      x: this.x0 - padding,
      y: this.y0 - padding,
      width: this.x1 - this.x0 + 2 * padding,
      height: this.y1 - this.y0 + 2 * padding,
    };
  }
}

/**
 * Label boxes for the labelled nodes, placed as on screen (label-placement.ts): right of the node where free, else
 * left, below, above or at a diagonal, the more important (marked, then bigger) first; widths are estimated
 * (chars × 0.6 × size). The figure grows to hold its labels, so none needs sliding inside.
 */
function placeFigureLabels(items: readonly Placed[], labelSize: number): Map<string, LabelBox> {
  const labelled = items.filter(({ node }) => node.labelled && node.label.trim() !== '');
  const candidates = labelled.map(({ node, p }) => ({
    options: labelOptions(p[0], p[1], node.size, labelSize, textWidth(node.label, labelSize)),
    priority: labelPriority((node.zIndex ?? 0) > 0, true, node.size),
  }));
  const boxes = new Map<string, LabelBox>();
  for (const { index, box } of placeLabels(candidates)) boxes.set(labelled[index]!.node.key, box);
  return boxes;
}

function addNodeExtent(b: Bounds, item: Placed, label: LabelBox | undefined): void {
  const [x, y] = item.p;
  const r = item.node.size;
  b.add(x - r, y - r);
  b.add(x + r, y + r);
  if (!label) return;
  // The 2 px cover the white halo.
  b.add(label.left - 2, label.top - 2);
  b.add(label.left + label.width + 2, label.top + label.height + 2);
}

/** Control point of an edge as @sigma/edge-curve bends it (same side as the map's arcs in a y-down plane). */
function control(a: Point, b: Point, curvature: number): Point {
  return arcControl(a[0], a[1], b[0], b[1], curvature, true);
}

/** Extremes of a quadratic Bézier (endpoints and the per-axis turning points). */
function addCurveExtent(bounds: Bounds, a: Point, c: Point, b: Point): void {
  bounds.add(a[0], a[1]);
  bounds.add(b[0], b[1]);
  for (const axis of [0, 1] as const) {
    const denom = a[axis] - 2 * c[axis] + b[axis];
    const t = denom === 0 ? -1 : (a[axis] - c[axis]) / denom;
    if (t <= 0 || t >= 1) continue;
    const u = 1 - t;
    bounds.add(u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]);
  }
}

const byZ = <T extends { zIndex?: number }>(items: readonly T[]): T[] =>
  items
    .map((item, i) => ({ item, i }))
    .sort((p, q) => (p.item.zIndex ?? 0) - (q.item.zIndex ?? 0) || p.i - q.i)
    .map((p) => p.item);

/** Computes the plot (edges, nodes, labels) and its viewBox; {@link graphSceneToSvg} lays it out as a figure. */
export function graphFigureParts(scene: GraphFigureScene, options: GraphSvgOptions): FigureParts {
  const padding = options.padding ?? 12;
  const labelSize = scene.labelSize;
  const shown = scene.nodes.filter((n) => !n.hidden && Number.isFinite(n.x) && Number.isFinite(n.y));
  const place = placer(scene, shown, padding);
  const placed = new Map<string, Placed>();
  for (const node of shown) placed.set(node.key, { node, p: place(node) });
  const { width: vw, height: vh } = scene.viewport;
  const inView = (p: Point): boolean => p[0] >= 0 && p[0] <= vw && p[1] >= 0 && p[1] <= vh;
  const bounds = new Bounds();
  if (options.framing === 'camera') {
    bounds.add(0, 0);
    bounds.add(vw, vh);
  }
  const labels = placeFigureLabels([...placed.values()], labelSize);
  for (const item of placed.values()) {
    if (options.framing === 'whole' || inView(item.p)) addNodeExtent(bounds, item, labels.get(item.node.key));
  }
  const minWidth = options.minEdgeWidth ?? 0.5;
  const edgeMarks: Markup[] = [];
  for (const edge of byZ(scene.edges)) {
    const a = placed.get(edge.source);
    const b = placed.get(edge.target);
    if (edge.hidden || !a || !b || edge.source === edge.target) continue;
    const f = (v: number): string => formatNum(v, 2);
    let d = `M${f(a.p[0])} ${f(a.p[1])}L${f(b.p[0])} ${f(b.p[1])}`;
    if (edge.curvature !== 0 && Number.isFinite(edge.curvature)) {
      const c = control(a.p, b.p, edge.curvature);
      d = `M${f(a.p[0])} ${f(a.p[1])}Q${f(c[0])} ${f(c[1])} ${f(b.p[0])} ${f(b.p[1])}`;
      if (options.framing === 'whole') addCurveExtent(bounds, a.p, c, b.p);
    }
    const width = Math.max(minWidth, edge.size);
    edgeMarks.push(el('path', { d, stroke: safeColour(edge.colour), 'stroke-width': formatNum(width, 2) }));
  }
  const ordered = byZ([...placed.values()].map((item) => ({ ...item, zIndex: item.node.zIndex })));
  const nodeMarks = ordered.map(({ node, p }) =>
    el('circle', {
      cx: formatNum(p[0], 2),
      cy: formatNum(p[1], 2),
      r: formatNum(node.size, 2),
      fill: safeColour(node.colour),
    }),
  );
  const labelMarks = ordered.flatMap(({ node }) => {
    const box = labels.get(node.key);
    if (!box) return [];
    const at = baselineOf(box);
    return [el('text', { x: formatNum(at.x, 2), y: formatNum(at.y, 2) }, [node.label])];
  });
  const viewBox =
    bounds.x0 === Infinity
      ? { x: 0, y: 0, width: vw, height: vh }
      : bounds.box(options.framing === 'whole' ? padding : 0);
  const body = fragment([
    el('g', { class: 'edges', fill: 'none', 'stroke-linecap': 'round' }, edgeMarks),
    el('g', { class: 'nodes' }, nodeMarks),
    el(
      'g',
      {
        class: 'labels',
        'font-size': labelSize,
        fill: safeColour(scene.labelColour, '#000000'),
        stroke: '#ffffff',
        'stroke-width': 3,
        'stroke-linejoin': 'round',
        'paint-order': 'stroke',
      },
      labelMarks,
    ),
  ]);
  return {
    plot: { viewBox, body, label: scene.plotLabel || scene.text.title || 'Network graph' },
    legend: scene.legend,
    text: scene.text,
  };
}

/** The graph view as a standalone SVG document (XML declaration, namespace, real vectors, no scripts or links). */
export function graphSceneToSvg(scene: GraphFigureScene, options: GraphSvgOptions): string {
  const parts = graphFigureParts(scene, options);
  return figureToSvg(parts, { width: options.width ?? scene.viewport.width, background: options.background });
}
