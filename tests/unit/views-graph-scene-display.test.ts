// Replays GraphScene's refresh keys and state texels into a model of sigma and its shaders: every step draws what a fresh scene draws.
import { describe, expect, it } from 'vitest';
import type { Attributes } from 'graphology-types';
import { dayNumber } from '../../src/lib/model/dates';
import { makeAtlasData, type AtlasData } from '../../src/lib/state/atlas-data';
import { timelineBounds } from '../../src/lib/state/timeline-bounds';
import type { EdgeMode } from '../../src/lib/state/view-state';
import { NO_FILTERS, Visibility, type Filters, type TimeSettings } from '../../src/lib/state/visibility';
import { addMonths } from '../../src/lib/timeline/window-input';
import { GraphScene } from '../../src/lib/views/graph-scene';
import { texelFlag, texelSize } from '../../src/lib/graph/gpu-state';
import { edgeSpan, spanShown, timeUniform, type TimeUniform } from '../../src/lib/graph/time-filter';
import { loadBuiltinDataset, loadRegionIndex } from '../helpers/builtin';
import { collab, org } from '../helpers/map-dataset';
import type { Dataset } from '../../src/lib/model/types';

const TODAY = dayNumber(2025, 6, 15);
const builtin = makeAtlasData(loadBuiltinDataset(), loadRegionIndex(), null, null);
/** Self-loops (not drawn) and parallel edges next to organisations that go inactive. */
const loops: Dataset = {
  name: 'loops',
  sources: [],
  organisations: [
    org('a', { name: 'A', country: 'BE', nuts: 'BE33' }),
    org('b', { name: 'B', country: 'FR', nuts: 'FRK2' }),
    org('c', { name: 'C', country: 'PL', nuts: 'PL22' }),
  ],
  collaborations: [
    collab('a', 'a', '2017', '2017'),
    collab('a', 'b', '2018', '2018'),
    collab('a', 'b', '2020', ''),
    collab('b', 'c', '2016', '2016'),
    collab('c', 'c', '2019', '2021'),
    collab('c', 'a', '2021-03', '2021-03'),
  ],
};

/**
 * What sigma keeps per key: the reducer's output at the last (re)add; an edge re-added while an end is hidden is
 * blanked (sigma's EdgeProgram.process). The shaders then read each item's texel by its `slot` (drawn size, fade,
 * gate and width factor; gpu-state.ts), and cull timed edges by the window uniform.
 */
class SigmaModel {
  private readonly nodes = new Map<string, Attributes>();
  private readonly edges = new Map<string, Attributes | null>();
  constructor(private readonly scene: GraphScene) {}

  addNode(key: string): void {
    this.nodes.set(key, this.scene.nodeReducer(key, { ...this.scene.graph.getNodeAttributes(key) }));
  }
  addEdge(key: string): void {
    const d = this.scene.edgeReducer(key, { ...this.scene.graph.getEdgeAttributes(key) });
    const [s, t] = this.scene.graph.extremities(key);
    const blank = d.hidden === true || this.nodes.get(s)?.hidden === true || this.nodes.get(t)?.hidden === true;
    this.edges.set(key, blank ? null : { ...d });
  }
  unknownKeys = 0;
  refresh(keys: { nodes: string[]; edges: string[] } | null): void {
    if (keys) {
      for (const k of keys.nodes) if (!this.scene.graph.hasNode(k)) this.unknownKeys++;
      for (const k of keys.edges) if (!this.scene.graph.hasEdge(k)) this.unknownKeys++;
    }
    if (keys === null) {
      this.scene.graph.forEachNode((k) => this.addNode(k));
      this.scene.graph.forEachEdge((k) => this.addEdge(k));
      return;
    }
    for (const k of keys.nodes) this.addNode(k);
    for (const k of keys.edges) this.addEdge(k);
  }
  /** The drawn picture: shown nodes and edges with colour and size, as the shaders draw them. */
  picture(u: TimeUniform): Map<string, string> {
    const out = new Map<string, string>();
    const { nodeTexels, edgeTexels, ds } = this.scene;
    for (const [k, d] of this.nodes) {
      const size = d.hidden || typeof d.slot !== 'number' ? 0 : texelSize(nodeTexels, d.slot as number);
      if (size === 0) continue;
      out.set(`n${k}`, `${texelFlag(nodeTexels, d.slot as number) ? ds.fadedColour : d.color} ${size}`);
    }
    for (const [k, d] of this.edges) {
      if (!d || typeof d.slot !== 'number') continue;
      const [s, t] = this.scene.graph.extremities(k);
      if (texelSize(nodeTexels, +s) === 0 || texelSize(nodeTexels, +t) === 0) continue;
      const factor = texelSize(edgeTexels, d.slot as number);
      const [t0, t1] = edgeSpan(d, this.scene.pairSpans, new Float32Array(2));
      if (factor > 0 && spanShown(t0!, t1!, u)) out.set(`e${k}`, `${d.color} ${(d.size as number) * factor}`);
    }
    return out;
  }
}

/** Windows a year wide moving month by month, then jumps, with filter and mode changes in between. */
function* script(data: AtlasData): Generator<{ time?: Partial<TimeSettings>; filters?: Filters }> {
  const bounds = timelineBounds(data.compiled, TODAY);
  let w = { from: bounds.from, to: addMonths(bounds.from, 12) - 1 };
  for (let k = 0; w.to <= bounds.to; k++) {
    yield { time: { window: w } };
    if (k === 20) yield { filters: { ...NO_FILTERS, kinds: ['project'] } };
    if (k === 35) yield { filters: { ...NO_FILTERS, countries: ['BE', 'NL'] } };
    if (k === 50) yield { filters: NO_FILTERS };
    if (k === 60) yield { time: { mode: 'cumulative' } };
    if (k === 70) yield { time: { mode: 'active', includeUndated: true } };
    w = { from: addMonths(w.from, 1), to: addMonths(w.to, 1) };
  }
  yield { time: { window: { from: bounds.from, to: bounds.from + 30 } } };
  yield { time: { window: bounds } };
}

describe('GraphScene refresh keys against a model of sigma', () => {
  it.each([
    ['parallel', false],
    ['parallel', true],
    ['merged', false],
    ['merged', true],
    ['parallel', true, 'self-loops'],
    ['merged', true, 'self-loops'],
  ] as [EdgeMode, boolean, string?][])(
    '%s edges, hide inactive %s %s: every step draws what a full refresh draws',
    (mode, hide, name) => {
      const data = name ? makeAtlasData(loops, loadRegionIndex(), null, null) : builtin;
      const positions = new Float32Array(2 * data.compiled.orgCount).map((_, k) => k);
      const scene = new GraphScene(data, mode, positions);
      const bounds = timelineBounds(data.compiled, TODAY);
      let time: TimeSettings = { window: bounds, mode: 'active', includeUndated: false };
      const vis = new Visibility(data.compiled, time, NO_FILTERS);
      const live = new SigmaModel(scene);
      live.refresh(scene.sync(vis, hide, 'degree'));
      let steps = 0;
      let partial = 0;
      for (const change of script(data)) {
        if (change.time) {
          time = { ...time, ...change.time };
          vis.setTime(time);
        }
        if (change.filters) vis.setFilters(change.filters);
        const keys = scene.sync(vis, hide, 'degree');
        if (keys) partial++;
        live.refresh(keys);
        // A scene built now, synced once: what the incremental texels and keys must add up to.
        const freshScene = new GraphScene(data, mode, positions);
        freshScene.sync(vis, hide, 'degree');
        const fresh = new SigmaModel(freshScene);
        fresh.refresh(null);
        const u = timeUniform(time.window, time.mode, time.includeUndated);
        expect(live.picture(u), `step ${steps}`).toEqual(fresh.picture(u));
        steps++;
      }
      expect(steps).toBeGreaterThan(60);
      // Only the first sync redraws everything: filters and steps are texels and a few emphasis keys.
      expect(partial).toBe(steps);
      // Every key handed to sigma exists in the graph (sigma throws on unknown keys; self-loops are not drawn).
      expect(live.unknownKeys).toBe(0);
    },
  );
});
