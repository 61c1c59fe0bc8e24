// Proves the graph scene refreshes exactly the changed elements after a window step (keys sigma knows) and fades by hover focus.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/lib/model/dates';
import type { Dataset } from '../../src/lib/model/types';
import { makeAtlasData, type AtlasData } from '../../src/lib/state/atlas-data';
import { timelineBounds } from '../../src/lib/state/timeline-bounds';
import type { EdgeMode } from '../../src/lib/state/view-state';
import { NO_FILTERS, Visibility, type TimeSettings } from '../../src/lib/state/visibility';
import { addMonths } from '../../src/lib/timeline/window-input';
import { GraphScene } from '../../src/lib/views/graph-scene';
import { FADED } from '../../src/lib/graph/palettes';
import { texelFlag, texelSize } from '../../src/lib/graph/gpu-state';
import { loadBuiltinDataset, loadRegionIndex } from '../helpers/builtin';
import { collab, org } from '../helpers/map-dataset';

const TODAY = dayNumber(2025, 6, 15);
const builtin = makeAtlasData(loadBuiltinDataset(), loadRegionIndex(), null, null);

/** A small dataset with a self-loop (kept by the importer with a warning, not drawn) and parallel edges. */
const withSelfLoop: Dataset = {
  name: 'self-loop',
  sources: [],
  organisations: [
    org('uliege', { name: 'Université de Liège', country: 'BE', nuts: 'BE33' }),
    org('lyonbiopole', { name: 'Lyonbiopôle', country: 'FR', nuts: 'FRK2' }),
    org('slaskie', { name: 'Śląski Klaster', country: 'PL', nuts: 'PL22' }),
    org('biopro', { name: 'BIOPRO Baden-Württemberg', country: 'DE', nuts: 'DE1' }),
  ],
  collaborations: [
    collab('uliege', 'uliege', '2018', '2018'), // self-loop
    collab('uliege', 'lyonbiopole', '2018', '2019'),
    collab('uliege', 'lyonbiopole', '2020', ''), // parallel edge
    collab('slaskie', 'biopro', '2017', '2017'),
    collab('lyonbiopole', 'slaskie', '2021-03', '2021-03'),
  ],
};

function positionsFor(data: AtlasData): Float32Array {
  return Float32Array.from({ length: 2 * data.compiled.orgCount }, (_, k) => (k % 2 ? Math.sin(k) : k) * 10);
}

/** Window-step sequence: a year-wide window playing month by month, then seeded random windows. */
function* windows(data: AtlasData, seed: string): Generator<{ from: number; to: number }> {
  const bounds = timelineBounds(data.compiled, TODAY);
  let w = { from: bounds.from, to: addMonths(bounds.from, 12) - 1 };
  while (w.to <= bounds.to) {
    yield w;
    w = { from: addMonths(w.from, 1), to: addMonths(w.to, 1) };
  }
  const random = seedrandom(seed);
  for (let k = 0; k < 40; k++) {
    const from = bounds.from + Math.floor(random() * (bounds.to - bounds.from));
    yield { from, to: Math.min(bounds.to, from + Math.floor(random() * 900)) };
  }
}

describe('GraphScene.sync', () => {
  const datasets: Record<string, AtlasData> = {
    'built-in': builtin,
    'self-loop fixture': makeAtlasData(withSelfLoop, loadRegionIndex(), null, null),
  };

  it.each([
    ['built-in', 'parallel'],
    ['built-in', 'merged'],
    ['self-loop fixture', 'parallel'],
    ['self-loop fixture', 'merged'],
  ] as [string, EdgeMode][])(
    '%s, %s edges: window steps and filters change texels, never reducer output, and only what changed',
    (name, edgeMode) => {
      const data = datasets[name]!;
      const c = data.compiled;
      const scene = new GraphScene(data, edgeMode, positionsFor(data));
      const steps = windows(data, edgeMode);
      let time: TimeSettings = { window: steps.next().value!, mode: 'active', includeUndated: false };
      const vis = new Visibility(c, time, NO_FILTERS);
      expect(scene.sync(vis, false, 'degree')).toBeNull(); // first sync: full refresh
      const reduced = () => ({
        nodes: scene.graph.mapNodes((k, a) => JSON.stringify(scene.nodeReducer(k, { ...a }))),
        edges: scene.graph.mapEdges((k, a) => JSON.stringify(scene.edgeReducer(k, { ...a }))),
      });
      const before = reduced();
      /** The texels a scene synced once to this state has. */
      const expected = () => {
        const fresh = new GraphScene(data, edgeMode, positionsFor(data));
        fresh.sync(vis, false, 'degree');
        return { nodes: [...fresh.nodeTexels.bytes], edges: [...fresh.edgeTexels.bytes] };
      };
      let changedSteps = 0;
      for (const window of steps) {
        const nodeVersion = scene.nodeTexels.version;
        const edgeVersion = scene.edgeTexels.version;
        const visibleBefore = [...vis.collabVisible];
        time = { ...time, window };
        vis.setTime(time);
        expect(scene.sync(vis, false, 'degree')).toEqual({ nodes: [], edges: [] });
        expect([...scene.ds.collabVisible]).toEqual([...vis.collabVisible]);
        const want = expected();
        expect([...scene.nodeTexels.bytes]).toEqual(want.nodes);
        expect([...scene.edgeTexels.bytes]).toEqual(want.edges);
        // Unchanged steps upload nothing.
        const changed = visibleBefore.some((v, j) => v !== vis.collabVisible[j]);
        if (changed) changedSteps++;
        if (!changed) {
          expect(scene.nodeTexels.version).toBe(nodeVersion);
          expect(scene.edgeTexels.version).toBe(edgeVersion);
        }
      }
      expect(changedSteps).toBeGreaterThan(2);
      // A filter: organisations of other countries are not drawn, still without a reducer pass.
      vis.setFilters({ ...NO_FILTERS, countries: ['BE'] });
      expect(scene.sync(vis, false, 'degree')).toEqual({ nodes: [], edges: [] });
      const want = expected();
      expect([...scene.nodeTexels.bytes]).toEqual(want.nodes);
      expect([...scene.edgeTexels.bytes]).toEqual(want.edges);
      const orgs = data.compiled.dataset.organisations;
      for (let i = 0; i < c.orgCount; i++)
        if (orgs[i]!.country !== 'BE') expect(scene.nodeTexels.bytes[4 * i], orgs[i]!.id).toBe(0);
      expect(reduced()).toEqual(before);
    },
  );

  it('a step that changes nothing refreshes nothing', () => {
    const bounds = timelineBounds(builtin.compiled, TODAY);
    const vis = new Visibility(builtin.compiled, { window: bounds, mode: 'active', includeUndated: true }, NO_FILTERS);
    const scene = new GraphScene(builtin, 'parallel', positionsFor(builtin));
    scene.sync(vis, false, 'degree');
    vis.setTime({ ...vis.settings, window: { ...bounds } });
    expect(scene.sync(vis, false, 'degree')).toEqual({ nodes: [], edges: [] });
  });
});

describe('GraphScene.sync: play-step emphasis', () => {
  it('marks the collaborations entering a play step, clears them on the next, and marks nothing otherwise', () => {
    const c = builtin.compiled;
    const from = dayNumber(2016, 1, 1);
    const vis = new Visibility(
      c,
      { window: { from, to: dayNumber(2016, 12, 31) }, mode: 'active', includeUndated: false },
      NO_FILTERS,
    );
    const scene = new GraphScene(builtin, 'parallel', positionsFor(builtin));
    scene.sync(vis, false, 'degree', true);
    vis.setTime({ ...vis.settings, window: { from, to: dayNumber(2017, 12, 31) } });
    const entered = Array.from(vis.lastEntering.subarray(0, vis.lastEnteringCount));
    expect(entered.length).toBeGreaterThan(0);
    const step = scene.sync(vis, false, 'degree', true)!;
    for (const j of entered) {
      if (c.collabSource[j] === c.collabTarget[j]) continue;
      expect(scene.ds.emphasised[j], `collaboration ${j}`).toBe(1);
      expect(step.edges).toContain(String(j));
    }
    // Next step while not playing: last step's emphasis is cleared (and those edges refreshed), nothing new is marked.
    vis.setTime({ ...vis.settings, window: { from, to: dayNumber(2018, 12, 31) } });
    const next = scene.sync(vis, false, 'degree', false)!;
    expect(Array.from(scene.ds.emphasised).every((v) => v === 0)).toBe(true);
    for (const j of entered) if (c.collabSource[j] !== c.collabTarget[j]) expect(next.edges).toContain(String(j));
  });
});

/** The built-in dataset over its whole span, synced once, with BioWin's index. */
function fullSpanScene(edgeMode: EdgeMode) {
  const c = builtin.compiled;
  const bounds = timelineBounds(c, TODAY);
  const vis = new Visibility(c, { window: bounds, mode: 'active', includeUndated: true }, NO_FILTERS);
  const scene = new GraphScene(builtin, edgeMode, positionsFor(builtin));
  scene.sync(vis, false, 'degree');
  return { c, bounds, vis, scene, biowin: c.orgIndexById.get('biowin')! };
}

describe('GraphScene.applyFocus: hover fades non-neighbours', () => {
  it.each(['parallel', 'merged'] as const)('%s edges: hovering BioWin', (edgeMode) => {
    const { c, vis, scene, biowin } = fullSpanScene(edgeMode);
    const medvia = c.orgIndexById.get('medvia')!;
    // A visible organisation with visible collaborations, none of them with BioWin: faded only by the focus.
    const neighbours = new Set<number>();
    for (let j = 0; j < c.collabCount; j++) {
      if (!vis.collabVisible[j]) continue;
      if (c.collabSource[j] === biowin) neighbours.add(c.collabTarget[j]!);
      if (c.collabTarget[j] === biowin) neighbours.add(c.collabSource[j]!);
    }
    expect(neighbours.has(medvia)).toBe(true);
    const stranger = [...c.orgIndexById.values()].find(
      (i) => i !== biowin && !neighbours.has(i) && vis.orgDegree[i]! > 0,
    )!;
    expect(stranger).toBeDefined();

    const reduce = (i: number) => scene.nodeReducer(String(i), { ...scene.graph.getNodeAttributes(String(i)) });
    const faded = scene.ds.fadedColour;
    expect(reduce(stranger).color).not.toBe(faded); // nothing hovered yet

    scene.applyFocus({ kind: 'none' }, { kind: 'org', index: biowin }, 0, vis);
    const strangerOut = reduce(stranger);
    expect(strangerOut.color).toBe(faded);
    expect(strangerOut.label).toBeNull();
    const medviaOut = reduce(medvia);
    expect(medviaOut.color).not.toBe(faded);
    expect(medviaOut.hidden).toBeUndefined();
    const biowinOut = reduce(biowin);
    expect(biowinOut.highlighted).toBe(true);
    expect(biowinOut.forceLabel).toBe(true);

    // Hover ends: nothing is faded by focus any more.
    scene.applyFocus({ kind: 'none' }, { kind: 'none' }, 0, vis);
    expect(reduce(stranger).color).not.toBe(faded);
  });
});

describe('GraphScene.applyFocus with the fade in the texels (large graphs)', () => {
  it.each(['parallel', 'merged'] as const)(
    '%s edges: selecting BioWin refreshes the marked nodes only, and fades in the texels what the reducers would',
    (edgeMode) => {
      const { c, vis, scene, biowin } = fullSpanScene(edgeMode);
      const reference = fullSpanScene(edgeMode).scene;
      expect(scene.ds.focusInTexels).toBe(false); // the built-in dataset is small: its reducers fade
      expect(reference.applyFocus({ kind: 'org', id: 'biowin' }, { kind: 'none' }, 0, vis)).toBe('all');
      scene.ds.focusInTexels = true;
      const keys = scene.applyFocus({ kind: 'org', id: 'biowin' }, { kind: 'none' }, 0, vis);
      if (keys === 'all') throw new Error('a texel focus refreshes only what changed');
      expect(keys.nodes).toEqual([String(biowin)]);
      // Merged: BioWin's pair edges are hidden for its collaborations drawn one by one, so they are refreshed.
      if (edgeMode === 'merged') expect(keys.edges.length).toBeGreaterThan(0);
      else expect(keys.edges).toEqual([]);
      const reduce = (sc: GraphScene, i: number) =>
        sc.nodeReducer(String(i), { ...sc.graph.getNodeAttributes(String(i)) });
      const faded = scene.ds.fadedColour;
      let fadedCount = 0;
      for (let i = 0; i < c.orgCount; i++) {
        if (texelSize(scene.nodeTexels, i) === 0) continue;
        // The texel flag is the reducers' fade of the reference scene; the texel scene's reducer fades nothing.
        expect(texelFlag(scene.nodeTexels, i), `org ${i}`).toBe(reduce(reference, i).color === faded);
        expect(reduce(scene, i).color).not.toBe(faded);
        if (texelFlag(scene.nodeTexels, i)) fadedCount++;
      }
      expect(fadedCount).toBeGreaterThan(10);
      let fadedEdges = 0;
      const edgeTexels = scene.edgeTexels;
      scene.graph.forEachEdge((key, attrs) => {
        const e = edgeMode === 'merged' ? (attrs.pair as number) : +key;
        if (texelSize(edgeTexels, e) === 0) return;
        const out = reference.edgeReducer(key, { ...attrs });
        expect(texelFlag(edgeTexels, e), `edge ${key}`).toBe(out.color === faded);
        if (texelFlag(edgeTexels, e)) fadedEdges++;
      });
      expect(fadedEdges).toBeGreaterThan(10);
      // Deselecting: BioWin again, its pair edges back, and nothing faded by a focus.
      const cleared = scene.applyFocus({ kind: 'none' }, { kind: 'none' }, 0, vis);
      if (cleared === 'all') throw new Error('a texel focus refreshes only what changed');
      expect(cleared.nodes).toEqual([String(biowin)]);
      expect([...cleared.edges].sort()).toEqual([...keys.edges].sort());
      for (let i = 0; i < c.orgCount; i++) expect(texelFlag(scene.nodeTexels, i)).toBe(false);
    },
  );

  it('a region selection refreshes the region’s organisations, a theme change then needs no reducer pass', () => {
    const { scene } = fullSpanScene('merged');
    scene.ds.focusInTexels = true;
    const { vis } = fullSpanScene('merged');
    const keys = scene.applyFocus({ kind: 'region', code: 'BE2' }, { kind: 'none' }, 0, vis);
    if (keys === 'all') throw new Error('a texel focus refreshes only what changed');
    const inRegion = scene.orgsInRegion('BE2').map(String).sort();
    expect(inRegion.length).toBeGreaterThan(3);
    expect([...keys.nodes].sort()).toEqual(inRegion);
    expect(scene.applyTheme('dark')).toBe('draw');
  });
});

describe('GraphScene: merged overview expands the selection', () => {
  it.each(['parallel', 'merged'] as const)('%s edges: selecting BioWin', (edgeMode) => {
    const { c, bounds, vis, scene, biowin } = fullSpanScene(edgeMode);
    const own = [...Array(c.collabCount).keys()].filter(
      (j) =>
        vis.collabVisible[j] === 1 &&
        c.collabSource[j] !== c.collabTarget[j] &&
        (c.collabSource[j] === biowin || c.collabTarget[j] === biowin),
    );
    expect(own.length).toBeGreaterThan(1);
    scene.applyFocus({ kind: 'org', id: 'biowin' }, { kind: 'none' }, 0, vis);
    const pairOfBiowin = scene.graph.edges(String(biowin))[0]!;
    const reduced = scene.edgeReducer(pairOfBiowin, { ...scene.graph.getEdgeAttributes(pairOfBiowin) });
    if (edgeMode === 'parallel') {
      expect(scene.expanded).toEqual([]);
      expect(reduced.hidden).toBeUndefined();
      return;
    }
    // Merged: BioWin's pair edges give way to each of its collaborations in the window.
    expect(scene.expanded.map((e) => e.collab).sort((a, b) => a - b)).toEqual(own);
    expect(reduced.hidden).toBe(true);
    // A window step follows: the expansion lists what is visible now.
    const latestStart = Math.max(...own.map((j) => c.collabFirst[j]!));
    vis.setTime({ window: { from: bounds.from, to: latestStart - 1 }, mode: 'active', includeUndated: false });
    scene.sync(vis, false, 'degree');
    const now = own.filter((j) => vis.collabVisible[j] === 1);
    expect(now.length).toBeLessThan(own.length);
    expect(scene.expanded.map((e) => e.collab).sort((a, b) => a - b)).toEqual(now);
    // Deselecting restores the pair edges.
    scene.applyFocus({ kind: 'none' }, { kind: 'none' }, 0, vis);
    expect(scene.expanded).toEqual([]);
    const back = scene.edgeReducer(pairOfBiowin, { ...scene.graph.getEdgeAttributes(pairOfBiowin) });
    expect(back.hidden).not.toBe(true);
  });
});

describe('GraphScene: merged overview expands the organisations in view when zoomed in', () => {
  it('in-view organisations expand, their pair edges are re-added hidden, and zooming out restores them', () => {
    const { c, vis, scene, biowin } = fullSpanScene('merged');
    const medvia = c.orgIndexById.get('medvia')!;
    const pairEdges = (org: number) => scene.graph.edges(String(org));
    const hidden = (e: string) => scene.edgeReducer(e, { ...scene.graph.getEdgeAttributes(e) }).hidden === true;
    const keys = scene.setZoomOrgs([biowin, medvia].sort((a, b) => a - b))!;
    const expected = new Set([...pairEdges(biowin), ...pairEdges(medvia)]);
    expect(new Set(keys.edges)).toEqual(expected);
    for (const e of expected) expect(hidden(e), e).toBe(true);
    const shown = [...Array(c.collabCount).keys()].filter(
      (j) =>
        vis.collabVisible[j] === 1 &&
        c.collabSource[j] !== c.collabTarget[j] &&
        [biowin, medvia].some((o) => c.collabSource[j] === o || c.collabTarget[j] === o),
    );
    expect(scene.expanded.map((e) => e.collab).sort((a, b) => a - b)).toEqual(shown);
    // The same view again changes nothing; zooming out brings every pair edge back.
    expect(scene.setZoomOrgs([biowin, medvia].sort((a, b) => a - b))).toBeNull();
    const back = scene.setZoomOrgs([])!;
    expect(new Set(back.edges)).toEqual(expected);
    for (const e of expected) expect(hidden(e), e).toBe(false);
    expect(scene.expanded).toEqual([]);
  });

  it('a selection stays expanded when the zoom expansion ends, and parallel mode ignores zoom', () => {
    const { scene, biowin, c, vis } = fullSpanScene('merged');
    const medvia = c.orgIndexById.get('medvia')!;
    scene.applyFocus({ kind: 'org', id: 'biowin' }, { kind: 'none' }, 0, vis);
    scene.setZoomOrgs([medvia]);
    const back = scene.setZoomOrgs([])!;
    // Only MEDVIA switched back; BioWin, selected, keeps its single collaborations.
    expect(new Set(back.edges)).toEqual(new Set(scene.graph.edges(String(medvia))));
    expect(scene.expanded.some((e) => e.source === biowin || e.target === biowin)).toBe(true);
    expect(fullSpanScene('parallel').scene.setZoomOrgs([biowin])).toBeNull();
  });
});

describe('GraphScene.applyTheme', () => {
  it('fades into the theme: dark grey on a dark page; asks for a reducer pass only when something is faded by focus', () => {
    const c = builtin.compiled;
    const bounds = timelineBounds(c, TODAY);
    const vis = new Visibility(c, { window: bounds, mode: 'active', includeUndated: true }, NO_FILTERS);
    const scene = new GraphScene(builtin, 'parallel', positionsFor(builtin));
    scene.sync(vis, false, 'degree');
    scene.applyFocus({ kind: 'none' }, { kind: 'none' }, 0, vis);
    // Nothing faded by focus: the shaders' fade colour (a uniform) changes, a draw without a pass.
    expect(scene.applyTheme('dark')).toBe('draw');
    expect(scene.applyTheme('light')).toBe('draw');
    const biowin = c.orgIndexById.get('biowin')!;
    const stranger = c.orgIndexById.get('scannexus')!;
    scene.applyFocus({ kind: 'org', id: 'biowin' }, { kind: 'none' }, 0, vis);
    const colourOf = (i: number) => scene.nodeReducer(String(i), { ...scene.graph.getNodeAttributes(String(i)) }).color;
    expect(colourOf(stranger)).toBe(FADED.light);
    expect(scene.applyTheme('dark')).toBe('refresh');
    expect(colourOf(stranger)).toBe(FADED.dark);
    expect(colourOf(biowin)).not.toBe(FADED.dark);
    expect(scene.applyTheme('dark')).toBe('none'); // unchanged: nothing to do
  });
});
