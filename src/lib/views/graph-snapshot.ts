// Reads what sigma displays (reducer output, camera, shown labels) into a plain graph snapshot for export.
import type Sigma from 'sigma';
import type { GraphSnapshot } from './figure-sources';
import type { NodeLegend } from './graph-scene';
import type { OverlayEdge } from './sigma-binding';
import { legendLabel, type Lang } from '../i18n';
import type { EdgeDisplayData } from 'sigma/types';
import { edgeSpan, spanShown, type TimeUniform } from '../graph/time-filter';
import { texelFlag, texelSize, type StateTexels } from '../graph/gpu-state';

/** The state texels the shaders draw from (see gpu-state.ts), and the colour of a node their flag fades. */
export interface SnapshotDisplay {
  readonly nodes: StateTexels;
  readonly edges: StateTexels;
  readonly faded: string;
}

/** Everything in viewport pixels, as on screen; hidden nodes and edges are left out. */
export function sigmaSnapshot(
  sigma: Sigma,
  legend: NodeLegend,
  labelColour: string,
  lang: Lang,
  overlay: readonly OverlayEdge[],
  timeFilter: { readonly time: TimeUniform; readonly pairSpans: Float32Array | null },
  /** The labels the last render drew (see label-layer.ts). */
  shownLabels: ReadonlyMap<string, unknown>,
  display?: SnapshotDisplay,
): GraphSnapshot {
  const span = new Float32Array(2);
  const graph = sigma.getGraph();
  const drawn = (key: string) => !display || texelSize(display.nodes, +key) > 0;
  const nodes: GraphSnapshot['nodes'][number][] = [];
  graph.forEachNode((key) => {
    const d = sigma.getNodeDisplayData(key);
    if (!d || d.hidden) return;
    // As the node shader draws it: size, presence and fade from the texel.
    const size = display ? texelSize(display.nodes, +key) : d.size;
    if (size <= 0) return;
    const faded = display !== undefined && texelFlag(display.nodes, +key);
    const label = faded ? '' : (d.label ?? '');
    const p = sigma.framedGraphToViewport({ x: d.x, y: d.y });
    nodes.push({
      key,
      x: p.x,
      y: p.y,
      size: sigma.scaleSize(size),
      colour: faded ? display.faded : d.color,
      label,
      // The labels the screen shows (placed without overlaps), and marked nodes, which sigma labels on its hover layer.
      labelled: Boolean(label) && (shownLabels.has(key) || d.highlighted === true),
      zIndex: d.zIndex,
    });
  });
  const edges: GraphSnapshot['edges'][number][] = [];
  graph.forEachEdge((key, attrs, source, target) => {
    const d = sigma.getEdgeDisplayData(key) as
      (EdgeDisplayData & { t0?: number; t1?: number; pair?: number; slot?: number }) | undefined;
    if (!d || d.hidden) return;
    if (display && !(drawn(source) && drawn(target))) return;
    // The edge shader's factor: 0 = not drawn, else it multiplies the width.
    const factor = display && typeof d.slot === 'number' ? texelSize(display.edges, d.slot) : 1;
    if (factor <= 0) return;
    // Timed edges outside the window are drawn by no shader: leave them out here too.
    edgeSpan(d, timeFilter.pairSpans, span);
    if (!spanShown(span[0]!, span[1]!, timeFilter.time)) return;
    const curvature = (attrs.type === 'curved' ? (attrs.curvature as number | undefined) : 0) ?? 0;
    // A texel focus fades the edge as the edge shader does.
    const faded = display !== undefined && typeof d.slot === 'number' && texelFlag(display.edges, d.slot);
    edges.push({
      source,
      target,
      colour: faded ? display.faded : d.color,
      size: sigma.scaleSize(d.size * factor),
      curvature,
      zIndex: d.zIndex,
    });
  });
  // Single collaborations drawn over the merged overview (the binding's overlay), above the pair edges.
  for (const e of overlay) {
    const a = sigma.getNodeDisplayData(String(e.source));
    const b = sigma.getNodeDisplayData(String(e.target));
    if (!a || !b || a.hidden || b.hidden || !drawn(String(e.source)) || !drawn(String(e.target))) continue;
    edges.push({
      source: String(e.source),
      target: String(e.target),
      colour: e.colour,
      size: e.width,
      curvature: e.curvature,
      zIndex: 1,
    });
  }
  const { width, height } = sigma.getDimensions();
  const positions = new Float32Array(graph.order * 2);
  graph.forEachNode((key, attrs) => {
    const i = +key;
    positions[2 * i] = attrs.x as number;
    positions[2 * i + 1] = attrs.y as number;
  });
  return {
    nodes,
    edges,
    space: 'screen',
    viewport: { width, height },
    labelSize: sigma.getSetting('labelSize'),
    labelColour,
    positions,
    legendKeys: {
      colour: legend.colour.map((e) => ({ label: legendLabel(lang, e.key, e.values), colour: e.colour })),
      edges: legend.edges.map((e) => ({ label: legendLabel(lang, e.key, e.values), colour: e.colour })),
    },
  };
}
