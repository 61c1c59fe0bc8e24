// The sigma binding in real Chromium: renders, a real pointer hover fades non-neighbours, cleanup runs twice.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createSigmaBinding, type SigmaBinding, type SigmaOptions } from '../../src/lib/views/sigma-binding';
import type { AbstractGraph } from 'graphology-types';
import { GraphScene } from '../../src/lib/views/graph-scene';
import { Visibility, NO_FILTERS } from '../../src/lib/state/visibility';
import { NO_SELECTION } from '../../src/lib/state/view-state';
import { FADED } from '../../src/lib/graph/palettes';
import { builtinAtlasData, makeContainer } from './fixtures';
import { MultiUndirectedGraph } from 'graphology';
import type { LabelBox } from '../../src/lib/graph/label-placement';

const data = builtinAtlasData();
const vis = new Visibility(
  data.compiled,
  { window: { from: 0, to: 40000 }, mode: 'active', includeUndated: true },
  NO_FILTERS,
);
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** A binding in a fresh container, destroyed after the test. */
function bind(
  graph: AbstractGraph,
  reducers: Pick<SigmaOptions, 'nodeReducer' | 'edgeReducer' | 'covered' | 'display'>,
  onHover: (i: number) => void = () => {},
): SigmaBinding {
  const { el, remove } = makeContainer();
  const binding = createSigmaBinding(
    el,
    graph,
    { onNodeHover: onHover, onNodeClick: () => {}, onStageClick: () => {} },
    {
      ...reducers,
      labelDensity: 1,
      labelGridCellSize: 100,
      labelRenderedSizeThreshold: 6,
      labelSize: 13,
      labelColour: '#000',
    },
  );
  cleanups.push(() => {
    binding.destroy();
    remove();
  });
  return binding;
}

function mount(
  onHover: (i: number) => void = () => {},
  covered?: SigmaOptions['covered'],
): { binding: SigmaBinding; scene: GraphScene } {
  const scene = new GraphScene(data, 'parallel', data.positions!);
  scene.sync(vis, false, 'degree');
  scene.applyColours('type');
  // As the app binds it: drawn sizes, fades and gates from the scene's state texels.
  const display = {
    nodes: scene.nodeTexels,
    edges: scene.edgeTexels,
    faded: () => scene.ds.fadedColour,
    rankSize: (i: number) => scene.ds.rankSize?.[i] ?? 0,
  };
  const reducers = { nodeReducer: scene.nodeReducer, edgeReducer: scene.edgeReducer, covered, display };
  const binding = bind(scene.graph, reducers, onHover);
  return { binding, scene };
}

/** No two label boxes share a pixel. */
function expectNoOverlap(boxes: readonly LabelBox[]): void {
  for (const a of boxes)
    for (const b of boxes) {
      if (a === b) continue;
      const apart =
        a.left >= b.left + b.width ||
        b.left >= a.left + a.width ||
        a.top >= b.top + b.height ||
        b.top >= a.top + a.height;
      expect(apart).toBe(true);
    }
}

describe('sigma binding', () => {
  it('renders every organisation of the built-in dataset', () => {
    const { binding } = mount();
    expect(binding.sigma.getGraph().order).toBe(data.compiled.orgCount);
    expect(binding.sigma.getContainer().querySelectorAll('canvas').length).toBeGreaterThan(0);
  });

  it('a real pointer hover over BioWin fades its non-neighbours and keeps its neighbours', async () => {
    const biowin = data.compiled.orgIndexById.get('biowin')!;
    const medvia = data.compiled.orgIndexById.get('medvia')!;
    const stranger = data.compiled.orgIndexById.get('scannexus')!;
    let hovered = -1;
    const { binding, scene } = mount((i) => {
      hovered = i;
      scene.applyFocus(NO_SELECTION, i >= 0 ? { kind: 'org', index: i } : { kind: 'none' }, 0, vis);
      binding.refreshAll();
    });
    binding.sigma.refresh();
    const attrs = scene.graph.getNodeAttributes(String(biowin));
    const point = binding.sigma.graphToViewport({ x: attrs.x as number, y: attrs.y as number });
    // A real pointer move through Playwright, on sigma's top (mouse) canvas.
    const layers = binding.sigma.getContainer().querySelectorAll('canvas');
    await userEvent.hover(layers[layers.length - 1]!, { position: { x: point.x, y: point.y } });
    await expect.poll(() => hovered).toBe(biowin);
    expect(binding.sigma.getNodeDisplayData(String(stranger))!.color).toBe(FADED.light);
    expect(binding.sigma.getNodeDisplayData(String(medvia))!.color).not.toBe(FADED.light);
    expect(binding.sigma.getNodeDisplayData(String(biowin))!.forceLabel).toBe(true);
  });

  it('can be destroyed twice without error and leaves no canvas behind', () => {
    const { binding } = mount();
    const container = binding.sigma.getContainer();
    binding.destroy();
    expect(() => binding.destroy()).not.toThrow();
    expect(container.querySelectorAll('canvas').length).toBe(0);
    expect(() => binding.refreshAll()).not.toThrow();
  });

  it('a partial refresh larger than one frame budget is finished over the next frames, each key once', async () => {
    const graph = new MultiUndirectedGraph();
    for (let i = 0; i < 2000; i++) graph.addNode(String(i), { x: i % 50, y: Math.floor(i / 50), size: 2 });
    for (let e = 0; e < 40000; e++) graph.addEdgeWithKey(String(e), String(e % 2000), String((e * 7 + 1) % 2000));
    let hide = false;
    const binding = bind(graph, {
      nodeReducer: (_k, d) => d,
      edgeReducer: (_k, d) => (hide ? { ...d, hidden: true } : d),
    });
    const keys = graph.edges();
    const hiddenCount = () => keys.filter((k) => binding.sigma.getEdgeDisplayData(k)?.hidden === true).length;
    hide = true;
    binding.requestRefresh({ nodes: [], edges: keys.slice(0, 20000) });
    binding.requestRefresh({ nodes: [], edges: keys.slice(10000) }); // overlaps: merged without duplicates
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => setTimeout(r, 0));
    const afterOneFrame = hiddenCount();
    expect(afterOneFrame).toBeGreaterThan(0);
    expect(afterOneFrame).toBeLessThan(keys.length); // 40,000 edges are far more than 8 ms of sigma work
    await expect.poll(hiddenCount, { timeout: 10_000 }).toBe(keys.length);
  });

  it('the edge shaders cull timed edges outside the window, straight and curved, and keep ungated ones', async () => {
    // Three horizontal edges: 2017 only (straight), 2020 onwards (curved), and one without a period.
    const graph = new MultiUndirectedGraph();
    const rows = [0, 5, 10];
    rows.forEach((y, r) => {
      graph.addNode(`a${r}`, { x: 0, y, size: 1, color: '#fff' });
      graph.addNode(`b${r}`, { x: 20, y, size: 1, color: '#fff' });
    });
    const red = { size: 6, color: '#d00000' };
    graph.addEdgeWithKey('2017', 'a0', 'b0', { ...red, t0: 17167, t1: 17531 });
    graph.addEdgeWithKey('2020', 'a1', 'b1', { ...red, t0: 18262, t1: 2147483647, type: 'curved', curvature: 0.05 });
    graph.addEdgeWithKey('always', 'a2', 'b2', red);
    const binding = bind(graph, { nodeReducer: (_k, d) => d, edgeReducer: (_k, d) => d });
    /** Whether red shows across each edge's row, read right after a synchronous render. */
    const redRows = (): boolean[] => {
      binding.forceFrame();
      const canvas = binding.sigma.getCanvases().edges!;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
      return rows.map((_y, r) => {
        const key = `a${r}`;
        const d = binding.sigma.getNodeDisplayData(key)!;
        const e = binding.sigma.getNodeDisplayData(`b${r}`)!;
        const p = binding.sigma.framedGraphToViewport({ x: (d.x + e.x) / 2, y: d.y });
        const ratio = canvas.width / canvas.clientWidth;
        // A column across the row: the curved edge bows off the straight line by a few pixels.
        const column = new Uint8Array(4 * 41);
        const x = Math.round(p.x * ratio);
        gl.readPixels(x, Math.round(canvas.height - p.y * ratio) - 20, 1, 41, gl.RGBA, gl.UNSIGNED_BYTE, column);
        for (let k = 0; k < 41; k++) {
          const [r, g, , a] = column.subarray(4 * k, 4 * k + 4);
          if (r! > 150 && g! < 80 && a! > 150) return true;
        }
        return false;
      });
    };
    expect(redRows()).toEqual([true, true, true]); // no window yet: everything drawn
    binding.setTimeFilter({ from: 17200, to: 17300, undated: 0 }); // mid-2017
    expect(redRows()).toEqual([true, false, true]);
    binding.setTimeFilter({ from: 19000, to: 19100, undated: 0 }); // 2022
    expect(redRows()).toEqual([false, true, true]);
    expect(binding.timeFilter.from).toBe(19000);
  });

  it('state texels: a node is drawn at its texel size, culled and unpickable at 0, faded by its flag; edges gated and faded', () => {
    const { binding, scene } = mount();
    const hst = data.compiled.orgIndexById.get('hst-group')!;
    const pixelAt = (layer: 'nodes' | 'edges', x: number, y: number): Uint8Array => {
      const canvas = binding.sigma.getCanvases()[layer]!;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
      const ratio = canvas.width / canvas.clientWidth;
      const px = new Uint8Array(4);
      gl.readPixels(Math.round(x * ratio), Math.round(canvas.height - y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      return px;
    };
    /** Pixels with any ink, or (`colouredOnly`) ink that is not a grey. */
    const inkOf = (layer: 'nodes' | 'edges', colouredOnly = false): number => {
      const canvas = binding.sigma.getCanvases()[layer]!;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
      const px = new Uint8Array(4 * canvas.width * canvas.height);
      gl.readPixels(0, 0, canvas.width, canvas.height, gl.RGBA, gl.UNSIGNED_BYTE, px);
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) {
        const grey = Math.abs(px[i]! - px[i + 1]!) + Math.abs(px[i + 1]! - px[i + 2]!) <= 3;
        if (px[i + 3]! > 0 && !(colouredOnly && grey)) ink++;
      }
      return ink;
    };
    const render = () => binding.forceFrame();
    // Sigma's GPU picking (private in its types): what a hover or click would find at a point.
    const picked = (p: { x: number; y: number }) =>
      (binding.sigma as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null }).getNodeAtPosition(
        p,
      );
    const d = binding.sigma.getNodeDisplayData(String(hst))!;
    const at = binding.sigma.framedGraphToViewport(d);
    // A point inside the disc but off its centre, where a neighbour's edge may pass: 0.6 of the drawn radius.
    const radius = binding.sigma.scaleSize(scene.nodeTexels.bytes[4 * hst]!);
    const edge = { x: at.x + 0.6 * radius, y: at.y };
    render();
    expect(pixelAt('nodes', edge.x, edge.y)[3]).toBeGreaterThan(200);
    expect(picked(at)).toBe(String(hst));
    // Texel 0: not drawn and not picked, with no reducer pass.
    scene.nodeTexels.bytes[4 * hst] = 0;
    scene.nodeTexels.version++;
    render();
    expect(pixelAt('nodes', edge.x, edge.y)[3]).toBe(0);
    expect(picked(at)).toBeNull();
    // Twice the size: drawn where it was not before.
    const far = { x: at.x + 1.6 * radius, y: at.y };
    scene.nodeTexels.bytes[4 * hst] = 2 * Math.round(scene.ds.nodeSize![hst]!);
    scene.nodeTexels.version++;
    render();
    expect(pixelAt('nodes', far.x, far.y)[3]).toBeGreaterThan(200);
    // The flag: the theme's fade colour.
    scene.nodeTexels.bytes[4 * hst + 1] = 255;
    scene.nodeTexels.version++;
    render();
    expect([...pixelAt('nodes', edge.x, edge.y).subarray(0, 3)]).toEqual([0xe4, 0xe4, 0xe4]);
    // Edges: every gate 0 leaves the edge layer empty; back to the scene's gates, it holds ink again.
    const saved = scene.edgeTexels.bytes.slice();
    expect(inkOf('edges')).toBeGreaterThan(500);
    scene.edgeTexels.bytes.fill(0);
    scene.edgeTexels.version++;
    render();
    expect(inkOf('edges')).toBe(0);
    scene.edgeTexels.bytes.set(saved);
    scene.edgeTexels.version++;
    render();
    expect(inkOf('edges')).toBeGreaterThan(500);
    // The edge flag: every edge in the theme's (grey) fade colour, the kinds' colours gone.
    expect(inkOf('edges', true)).toBeGreaterThan(500);
    for (let e = 0; e < saved.length / 4; e++) scene.edgeTexels.bytes[4 * e + 1] = 255;
    scene.edgeTexels.version++;
    render();
    expect(inkOf('edges')).toBeGreaterThan(500);
    expect(inkOf('edges', true)).toBe(0);
  });

  it('draws every always-labelled label of the built-in dataset without two overlapping', () => {
    const { binding, scene } = mount();
    scene.applyLabels(1);
    binding.refreshAll();
    const boxes = [...binding.shownLabels.values()];
    expect(boxes.length).toBeGreaterThan(10);
    expectNoOverlap(boxes);
    // Pixels agree: the label canvas holds ink.
    const canvas = binding.sigma.getCanvases().labels!;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 128) ink++;
    expect(ink).toBeGreaterThan(500);
  });

  it("a region's marked organisations get tags that overlap neither each other nor other labels", () => {
    const { binding, scene } = mount();
    const inRegion = scene.orgsInRegion('NL42');
    expect(inRegion.length).toBeGreaterThan(8); // Limburg (NL): a dozen organisations within a few pixels
    scene.applyFocus({ kind: 'region', code: 'NL42' }, { kind: 'none' }, 1, vis);
    binding.refreshAll();
    const shown = binding.shownLabels;
    const boxes = [...shown.values()];
    expectNoOverlap(boxes);
    // Marked nodes are drawn above the labels: none hides under a label (a node's own tag sits beside it).
    const sigma = binding.sigma;
    for (const i of inRegion) {
      const d = sigma.getNodeDisplayData(String(i))!;
      const p = sigma.framedGraphToViewport(d);
      const r = sigma.scaleSize(d.size);
      for (const b of boxes) {
        const clear =
          p.x + r <= b.left || p.x - r >= b.left + b.width || p.y + r <= b.top || p.y - r >= b.top + b.height;
        expect(clear).toBe(true);
      }
    }
    // Marked labels go first: most of the region is tagged even where it is crowded.
    const tagged = inRegion.filter((i) => shown.has(String(i)));
    expect(tagged.length).toBeGreaterThanOrEqual(Math.ceil(inRegion.length / 2));
    // Sigma's hover layer no longer draws its own boxes (which overlapped).
    const hovers = binding.sigma.getCanvases().hovers!;
    const px = hovers.getContext('2d')!.getImageData(0, 0, hovers.width, hovers.height).data;
    let ink = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) ink++;
    expect(ink).toBe(0);
  });

  it('places no label under a covered part of the view (the legend), and labels the rest', () => {
    const open = mount();
    open.scene.applyLabels(1);
    open.binding.refreshAll();
    const { width, height } = open.binding.sigma.getDimensions();
    const cover = { left: 0, top: height / 2, width: width / 2, height: height / 2 };
    const under = (b: LabelBox) =>
      b.left < cover.left + cover.width && b.top + b.height > cover.top && b.left + b.width > 0;
    expect([...open.binding.shownLabels.values()].filter(under).length).toBeGreaterThan(0);
    const { binding, scene } = mount(undefined, [cover]);
    scene.applyLabels(1);
    binding.refreshAll();
    const boxes = [...binding.shownLabels.values()];
    expect(boxes.length).toBeGreaterThan(10);
    expect(boxes.filter(under)).toEqual([]);
  });

  it('places the labels again, without a render, when the covered part changes', () => {
    const { binding, scene } = mount();
    scene.applyLabels(1);
    binding.refreshAll();
    const { width, height } = binding.sigma.getDimensions();
    const cover = { left: 0, top: height / 2, width: width / 2, height: height / 2 };
    const under = (b: LabelBox) =>
      b.left < cover.left + cover.width && b.top + b.height > cover.top && b.left + b.width > 0;
    expect([...binding.shownLabels.values()].filter(under).length).toBeGreaterThan(0);
    let renders = 0;
    binding.sigma.on('afterRender', () => renders++);
    binding.setCovered([cover]);
    expect(renders).toBe(0);
    const boxes = [...binding.shownLabels.values()];
    expect(boxes.length).toBeGreaterThan(10);
    expect(boxes.filter(under)).toEqual([]);
    // The canvas shows the new placement: no ink left under the cover.
    const canvas = binding.sigma.getCanvases().labels!;
    const k = canvas.width / width;
    const px = canvas
      .getContext('2d')!
      .getImageData(0, Math.ceil(cover.top * k), Math.floor(cover.width * k), Math.floor(cover.height * k)).data;
    let ink = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) ink++;
    expect(ink).toBe(0);
  });

  it('fit frames every node clear of a covered part, and is sigma’s reset when nothing is covered', () => {
    const open = mount();
    expect(open.binding.wholeGraphCamera()).toEqual({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    const { binding } = mount();
    const sigma = binding.sigma;
    const { width, height } = sigma.getDimensions();
    const cover = { left: 0, top: height * 0.6, width: width * 0.7, height: height * 0.4 };
    const inside = () =>
      sigma
        .getGraph()
        .nodes()
        .map((k) => {
          const d = sigma.getNodeDisplayData(k)!;
          const p = sigma.framedGraphToViewport(d);
          return { x: p.x, y: p.y, r: d.size };
        });
    const underCover = (p: { x: number; y: number; r: number }) =>
      p.x - p.r < cover.left + cover.width && p.y + p.r > cover.top;
    // At sigma's reset some nodes sit where the cover goes.
    expect(inside().filter(underCover).length).toBeGreaterThan(0);
    binding.setCovered([cover]);
    binding.fit(false);
    binding.forceFrame(); // sigma's viewport conversions read the matrix of the last render
    const nodes = inside();
    expect(nodes.filter(underCover)).toEqual([]);
    for (const p of nodes) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(height);
    }
    expect(sigma.getCamera().getState()).toEqual(binding.wholeGraphCamera());
    // Between a full refresh and the render that processes it (a resize) sigma's display data are unframed: the
    // whole-graph camera must not change.
    const before = binding.wholeGraphCamera();
    sigma.scheduleRefresh();
    expect(binding.wholeGraphCamera()).toEqual(before);
  });

  it('new positions of a graph slow to refresh are all re-added within ten frames', async () => {
    const graph = new MultiUndirectedGraph();
    for (let i = 0; i < 2000; i++) graph.addNode(String(i), { x: i % 50, y: Math.floor(i / 50), size: 2 });
    for (let e = 0; e < 8000; e++) graph.addEdgeWithKey(String(e), String(e % 2000), String((e * 7 + 1) % 2000));
    // Reducers made slow (~20 µs a key), so the frame budget alone would spread the keys over some 25 frames.
    let refreshed = 0;
    let sink = 0;
    const slow = <T>(_k: string, d: T): T => {
      refreshed++;
      for (let k = 0; k < 1500; k++) sink += Math.sqrt(k); // a clock this fine is not available to pages
      return d;
    };
    const binding = bind(graph, { nodeReducer: slow, edgeReducer: slow });
    const positions = new Float32Array(2 * graph.order).map((_, k) => (k % 2 ? -k : k));
    refreshed = 0;
    binding.setPositions(positions, false);
    let frames = 0;
    while (refreshed < graph.order + graph.size && frames < 40) {
      await new Promise((r) => requestAnimationFrame(r));
      frames++;
    }
    expect(refreshed).toBe(graph.order + graph.size);
    expect(frames).toBeLessThanOrEqual(11);
    expect(frames).toBeGreaterThan(1); // still sliced: 10,000 slow keys are not one frame's work
    expect(sink).toBeGreaterThan(0);
  });

  it('new positions applied without a reprocess land where a reprocess puts them, on screen too', () => {
    const { binding } = mount();
    const sigma = binding.sigma;
    const n = data.compiled.orgCount;
    // A tall layout far from the wide baked one, so extent, centre and proportions (hence sigma's aspect correction
    // in a wide view) all change.
    const positions = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      positions[2 * i] = 5000 + 9 * Math.cos(i * 2.4) * i;
      positions[2 * i + 1] = -300 + 40 * Math.sin(i * 2.4) * i;
    }
    let processed = 0;
    sigma.on('afterProcess', () => processed++);
    binding.setPositions(positions, false);
    binding.forceFrame(); // the pending partial refresh, then a draw (which also updates the camera matrix)
    expect(processed).toBe(0);
    const keys = sigma.getGraph().nodes();
    const viewport = () =>
      keys.map((k) => {
        const d = sigma.getNodeDisplayData(k)!;
        return sigma.framedGraphToViewport({ x: d.x, y: d.y });
      });
    const partial = viewport();
    // Reference: what sigma itself draws for these positions, reprocessing from their own extent.
    sigma.setCustomBBox(null);
    sigma.getGraph().updateEachNodeAttributes((k, a) => ({ ...a, x: positions[2 * +k]!, y: positions[2 * +k + 1]! }));
    sigma.refresh();
    expect(processed).toBeGreaterThan(0);
    const full = viewport();
    for (let i = 0; i < keys.length; i++) {
      expect(partial[i]!.x).toBeCloseTo(full[i]!.x, 1);
      expect(partial[i]!.y).toBeCloseTo(full[i]!.y, 1);
    }
    // And the layout fills the view's height, as a fresh renderer frames it.
    const ys = partial.map((p) => p.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(0.6 * sigma.getDimensions().height);
  });
});
