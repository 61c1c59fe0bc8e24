// Display state: adjacency and neighbourhoods, partial-refresh diffs, node/edge reducers, forced labels.
import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { compiledToGraph, compiledToPairGraph, pairKey } from '../../src/lib/graph/build-graph';
import { labelledOrgs, labelSettingsFor, MAX_FORCED_LABELS } from '../../src/lib/graph/labels';
import { degreeInWindow } from '../../src/lib/graph/metrics';
import { FADED, HIGHLIGHT } from '../../src/lib/graph/palettes';
import {
  changedSince,
  emptyDisplayState,
  hoverFocus,
  makeAdjacency,
  makeEdgeReducer,
  makeNodeReducer,
  neighbourhood,
  partialGraphFor,
  type GraphDisplayState,
} from '../../src/lib/graph/reducers';
import { proto } from './graph-fixture';

const compiled = proto();
const graph = compiledToGraph(compiled);
const pairs = compiledToPairGraph(compiled);
const adjacency = makeAdjacency(compiled);
const all = new Uint8Array(compiled.collabCount).fill(1);
const base = emptyDisplayState(compiled.orgCount, compiled.collabCount);
const withDegree: GraphDisplayState = { ...base, orgDegree: degreeInWindow(compiled, all, new Float32Array(8)) };
const ones = (n: number, at: number[]): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (at.includes(i) ? 1 : 0));

/** Defined keys must match; keys expected `undefined` must be absent (sigma then applies its defaults). */
function expectDisplay(actual: object, expected: Record<string, unknown>): void {
  const present = Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined));
  expect(actual).toMatchObject(present);
  for (const [k, v] of Object.entries(expected)) if (v === undefined) expect(actual).not.toHaveProperty(k);
}

function nodeOut(state: GraphDisplayState, i: number) {
  return makeNodeReducer(() => state)(String(i), { ...graph.getNodeAttributes(String(i)) });
}
function edgeOut(state: GraphDisplayState, j: number) {
  const reducer = makeEdgeReducer(() => state, { source: compiled.collabSource, target: compiled.collabTarget });
  return reducer(String(j), { ...graph.getEdgeAttributes(String(j)) });
}

describe('adjacency and neighbourhoods', () => {
  test.each([
    [0, [1, 1, 1, 2]],
    [2, [0, 3, 3]],
    [6, [5]], // the self-loop is left out
    [7, []],
  ])('neighbours of %i', (org, expected) => {
    const from = adjacency.offsets[org] ?? 0;
    const to = adjacency.offsets[org + 1] ?? 0;
    expect(Array.from(adjacency.neighbours.subarray(from, to)).sort()).toEqual(expected);
  });

  test.each([
    ['hover 6, one step', [6], 1, null, [5, 6], [6]],
    ['6, two steps', [6], 2, null, [4, 5, 6], [5, 6]],
    ['6, two steps, c5 out of the window', [6], 2, [5], [5, 6], [6]],
    ['selection {0, 7}, one step', [0, 7], 1, null, [0, 1, 2, 7], [0, 1, 2, 9]],
  ] as const)('%s', (_name, seeds, steps, hiddenCollabs, orgs, collabs) => {
    const mask = hiddenCollabs ? all.map((_, j) => ((hiddenCollabs as readonly number[]).includes(j) ? 0 : 1)) : null;
    const focus = neighbourhood(adjacency, seeds, steps, mask);
    expect(Array.from(focus.orgs.keys()).filter((i) => focus.orgs[i] === 1)).toEqual(orgs);
    expect(Array.from(focus.collabs.keys()).filter((j) => focus.collabs[j] === 1)).toEqual(collabs);
  });

  test('hover focus marks merged edges when given the pair table', () => {
    const focus = hoverFocus(adjacency, 0, all, pairs);
    const p01 = pairs.graph.getEdgeAttribute(pairKey(0, 1), 'pair');
    const p34 = pairs.graph.getEdgeAttribute(pairKey(3, 4), 'pair');
    expect([focus.pairs?.[p01], focus.pairs?.[p34]]).toEqual([1, 0]);
  });
});

describe('changedSince and partialGraphFor', () => {
  test.each([
    [[0, 1, 1, 0], [1, 1, 0, 0], [0], [2]],
    [[1, 1], [1, 1], [], []],
    [[0, 0, 0], [1, 1, 1], [0, 1, 2], []],
  ])('%j → %j', (prev, next, entering, leaving) => {
    const diff = changedSince(Uint8Array.from(prev), Uint8Array.from(next));
    expect([Array.from(diff.entering), Array.from(diff.leaving)]).toEqual([entering, leaving]);
  });

  test('a changed node brings every incident edge, each once', () => {
    const partial = partialGraphFor(adjacency, [4], [5, 9]);
    expect(partial.nodes).toEqual(['4']);
    expect([...partial.edges].sort()).toEqual(['4', '5', '9']);
  });

  test('with `shown`, a changed node brings only its drawn edges; changed edges always come', () => {
    const partial = partialGraphFor(adjacency, [4], [9], { shown: (e) => e !== 4 });
    expect([...partial.edges].sort()).toEqual(['5', '9']);
    const none = partialGraphFor(adjacency, [4], [4], { shown: () => false });
    expect(none.edges).toEqual(['4']);
  });

  test('a scratch array gives the same keys and is left zeroed for the next call', () => {
    const scratch = new Uint8Array(adjacency.collabCount);
    const first = partialGraphFor(adjacency, [4], [5, 9], { scratch });
    expect([...first.edges].sort()).toEqual(['4', '5', '9']);
    expect(scratch.every((v) => v === 0)).toBe(true);
    const again = partialGraphFor(adjacency, [4], [5, 9], { scratch });
    expect(again).toEqual(first);
  });

  test('with a limit: the same keys under it, null past it, the scratch left zeroed', () => {
    const scratch = new Uint8Array(adjacency.collabCount);
    // Node 4 and edges 4, 5, 9: four keys.
    expect(partialGraphFor(adjacency, [4], [5, 9], { scratch, limit: 4 })).toEqual(
      partialGraphFor(adjacency, [4], [5, 9]),
    );
    expect(partialGraphFor(adjacency, [4], [5, 9], { scratch, limit: 3 })).toBeNull();
    expect(scratch.every((v) => v === 0)).toBe(true);
  });

  test('merged mode speaks pair keys', () => {
    const p = pairs.graph.getEdgeAttribute(pairKey(5, 6), 'pair');
    const partial = partialGraphFor(adjacency, [0], [p], { pairs });
    expect([...partial.edges].sort()).toEqual([pairKey(0, 1), pairKey(0, 2), pairKey(5, 6)].sort());
  });
});

describe('makeNodeReducer', () => {
  const hover3: GraphDisplayState = { ...base, hovered: 3, focus: hoverFocus(adjacency, 3, all) };
  const select0: GraphDisplayState = { ...base, selected: new Set([0]), focus: neighbourhood(adjacency, [0], 1, all) };
  test.each([
    // [case, state, org, expected subset]
    ['plain', base, 3, { hidden: undefined, forceLabel: undefined, highlighted: undefined, zIndex: 0, slot: 3 }],
    // Filters and inactivity are the texel's (gpu-state.ts): the reducer's output does not depend on them.
    ['filtered out', { ...base, orgVisible: ones(8, [0, 1, 2, 4, 5, 6, 7]) }, 3, { hidden: undefined }],
    ['isolated, hiding them', { ...withDegree, hideIsolated: true }, 7, { hidden: undefined }],
    ['hovered', hover3, 3, { forceLabel: true, highlighted: true, zIndex: 3 }],
    ['hover neighbour', hover3, 4, { color: graph.getNodeAttribute('4', 'color'), zIndex: 1, highlighted: undefined }],
    ['outside the hover', hover3, 5, { color: FADED.light, label: null, zIndex: 0, forceLabel: undefined }],
    ['selected', select0, 0, { forceLabel: true, highlighted: true, zIndex: 2 }],
    ['selection neighbour', select0, 2, { zIndex: 1, color: graph.getNodeAttribute('2', 'color') }],
    ['outside the selection', select0, 5, { color: FADED.light }],
    // A texel focus (large graphs): the texel fades, the reducer's output is that of no focus.
    [
      'outside a texel focus',
      { ...select0, focusInTexels: true },
      5,
      { color: graph.getNodeAttribute('5', 'color'), zIndex: 0 },
    ],
    [
      'selected, texel focus',
      { ...select0, focusInTexels: true },
      0,
      { forceLabel: true, highlighted: true, zIndex: 2 },
    ],
    [
      'search hit outside the hover',
      { ...hover3, searchMatches: new Set([5]) },
      5,
      { forceLabel: true, highlighted: true, zIndex: 2 },
    ],
    ['forced label', { ...base, labelForced: ones(8, [4]) }, 4, { forceLabel: true, highlighted: undefined }],
    [
      'region highlight',
      { ...base, highlighted: ones(8, [6]) },
      6,
      { highlighted: true, forceLabel: undefined, zIndex: 1 },
    ],
    [
      'faded for inactivity',
      { ...base, orgFaded: ones(8, [4]) },
      4,
      { color: graph.getNodeAttribute('4', 'color'), label: graph.getNodeAttribute('4', 'label') },
    ],
    [
      'colour override, size to rank labels by (the drawn size is the texel)',
      {
        ...base,
        nodeColour: Array(8).fill('#123456'),
        nodeSize: new Float32Array(8).fill(9),
        rankSize: new Float32Array(8).fill(5),
      },
      1,
      { color: '#123456', size: 5 },
    ],
  ])('%s', (_name, state, org, expected) => {
    expectDisplay(nodeOut(state, org), expected);
  });

  test('is created once and reads the state through the getter; keeps x/y', () => {
    let state = base;
    const reducer = makeNodeReducer(() => state);
    const attrs = () => ({ ...graph.getNodeAttributes('3') });
    expect(reducer('3', attrs()).color).toBe(graph.getNodeAttribute('3', 'color'));
    state = { ...base, nodeColour: Array(8).fill('#654321') };
    expect(reducer('3', attrs())).toMatchObject({ color: '#654321', x: graph.getNodeAttribute('3', 'x') });
  });
});

describe('makeEdgeReducer', () => {
  const hover3: GraphDisplayState = { ...base, hovered: 3, focus: hoverFocus(adjacency, 3, all) };
  test.each([
    ['plain', base, 4, { hidden: undefined, zIndex: 0, slot: 4 }],
    // The window, filters and hidden ends are the texel's and the shader's (gpu-state.ts, time-filter.ts).
    ['out of the window', { ...base, collabVisible: ones(10, [0, 1, 2, 3, 5, 6, 7, 8, 9]) }, 4, { hidden: undefined }],
    ['an end filtered out', { ...base, orgVisible: ones(8, [0, 1, 2, 3, 5, 6, 7]) }, 4, { hidden: undefined }],
    ['in the hover', hover3, 4, { zIndex: 1, color: graph.getEdgeAttribute('4', 'color') }],
    ['outside the hover', hover3, 5, { color: FADED.light, zIndex: 0 }],
    ['new in this step', { ...base, emphasised: ones(10, [5]) }, 5, { color: HIGHLIGHT.light, size: 2, zIndex: 2 }],
    ['new but outside the hover', { ...hover3, emphasised: ones(10, [5]) }, 5, { color: FADED.light }],
    [
      'outside a texel focus',
      { ...hover3, focusInTexels: true },
      5,
      { color: graph.getEdgeAttribute('5', 'color'), zIndex: 0 },
    ],
  ])('%s', (_name, state, collab, expected) => {
    expectDisplay(edgeOut(state, collab), expected);
  });

  test('merged mode: 1 wide (the texel gives the width), hidden when expanded, focus by pair', () => {
    const key = pairKey(0, 1);
    const p = pairs.graph.getEdgeAttribute(key, 'pair');
    const run = (state: GraphDisplayState) =>
      makeEdgeReducer(
        () => state,
        { source: pairs.pairSource, target: pairs.pairTarget },
        'pair',
      )(key, {
        ...pairs.graph.getEdgeAttributes(key),
      });
    const counts = new Int32Array(pairs.pairCount).fill(1);
    counts[p] = 4;
    expect(run({ ...base, pairCount: counts })).toMatchObject({ size: 1, slot: p });
    expect(run({ ...base, expanded: ones(8, [1]) })).toMatchObject({ hidden: true });
    expect(run({ ...base, focus: hoverFocus(adjacency, 3, all, pairs) })).toMatchObject({ color: FADED.light });
    expect(run({ ...base, focus: hoverFocus(adjacency, 0, all, pairs) })).toMatchObject({ zIndex: 1 });
    const emphasised = ones(pairs.pairCount, [p]);
    expect(run({ ...base, pairEmphasised: emphasised })).toMatchObject({ color: HIGHLIGHT.light });
  });
});

describe('labels', () => {
  test.each([
    ['density 1 of a cap of 2', [5, 1, 5, 9, 0], 1, null, 2, [1, 0, 0, 1, 0]],
    ['ties go to the lower index', [3, 3, 3, 3], 0.5, null, 4, [1, 1, 0, 0]],
    ['density 0', [3, 2, 1], 0, null, 10, [0, 0, 0]],
    ['zero importance is never labelled', [0, 0, 4], 1, null, 10, [0, 0, 1]],
    ['only visible nodes', [9, 8, 7], 1, [0, 1, 1], 1, [0, 1, 0]],
  ])('%s', (_name, importance, density, visible, cap, expected) => {
    const out = labelledOrgs(
      Float32Array.from(importance),
      density,
      visible && Uint8Array.from(visible),
      undefined,
      cap,
    );
    expect(Array.from(out)).toEqual(expected);
  });

  test('the heap selection equals sorting (random importances with ties)', () => {
    const rng = seedrandom('labels');
    const importance = Float32Array.from({ length: 5000 }, () => Math.floor(rng() * 40));
    const out = labelledOrgs(importance, 1);
    const sorted = Array.from(importance.keys())
      .filter((i) => (importance[i] ?? 0) > 0)
      .sort((a, b) => (importance[b] ?? 0) - (importance[a] ?? 0) || a - b)
      .slice(0, MAX_FORCED_LABELS);
    expect(Array.from(out.keys()).filter((i) => out[i] === 1)).toEqual(sorted.sort((a, b) => a - b));
  });

  test('density 0.5 gives sigma defaults; more density, more labels', () => {
    expect(labelSettingsFor(0.5)).toEqual({ labelDensity: 1, labelGridCellSize: 100, labelRenderedSizeThreshold: 6 });
    const lo = labelSettingsFor(0.1);
    const hi = labelSettingsFor(0.9);
    expect(hi.labelDensity).toBeGreaterThan(lo.labelDensity);
    expect(hi.labelGridCellSize).toBeLessThan(lo.labelGridCellSize);
    expect(hi.labelRenderedSizeThreshold).toBeLessThan(lo.labelRenderedSizeThreshold);
    expect(labelSettingsFor(Number.NaN)).toEqual(labelSettingsFor(0));
  });
});
