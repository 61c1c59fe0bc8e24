// Graph building: internal keys, parallel edges, merged pairs, self-loops, curves, palettes.
import { afterAll, describe, expect, test, vi } from 'vitest';
import {
  applyEdgeCurves,
  compiledToGraph,
  compiledToPairGraph,
  CURVED_EDGE_TYPE,
  pairGraphSteps,
  groupPairs,
  pairKey,
  parallelCurvature,
} from '../../src/lib/graph/build-graph';
import {
  colourByKind,
  colourByType,
  colourForCommunity,
  communityLegend,
  kindLegend,
  makeCountryColours,
  NEUTRAL,
  typeLegend,
} from '../../src/lib/graph/palettes';
import { COLLABORATION_KINDS, ORGANISATION_TYPES } from '../../src/lib/model/types';
import { proto, randomCompiled } from './graph-fixture';

describe('compiledToGraph', () => {
  const compiled = proto();
  const graph = compiledToGraph(compiled);

  test('keys nodes by organisation index, so Object.prototype ids link like any other', () => {
    expect(graph.nodes()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(graph.getNodeAttribute('0', 'label')).toBe('Constructor Lab');
    expect(graph.getNodeAttribute('3', 'label')).toBe('BioWin Liège');
    expect(graph.getNodeAttribute('5', 'label')).toBe('Śląskie Med Cluster');
    expect(graph.degree('1')).toBe(3); // `__proto__` has its three collaborations
  });

  test.each([
    // [collab, endpoints, parallelIndex, parallelMinIndex, parallelMaxIndex, curved]
    [0, ['0', '1'], -1, -1, 1, true],
    [1, ['0', '1'], 0, -1, 1, false],
    [2, ['0', '1'], 1, -1, 1, true],
    [3, ['2', '3'], -0.5, -0.5, 0.5, true],
    [8, ['2', '3'], 0.5, -0.5, 0.5, true],
    [4, ['3', '4'], undefined, undefined, undefined, false],
    [9, ['0', '2'], undefined, undefined, undefined, false],
  ])('collaboration %i: its own edge between %j, bundle index %s', (j, ends, index, min, max, curved) => {
    const key = String(j);
    expect(graph.extremities(key)).toEqual(ends);
    const attrs = graph.getEdgeAttributes(key);
    expect([attrs.parallelIndex, attrs.parallelMinIndex, attrs.parallelMaxIndex]).toEqual([index, min, max]);
    expect(attrs.type === CURVED_EDGE_TYPE).toBe(curved);
    if (curved) expect(attrs.curvature).toBeCloseTo(parallelCurvature(index ?? 0, max ?? 1));
  });

  test('keeps parallel edges as distinct edges and skips, but counts, self-loops', () => {
    expect(graph.edges('0', '1').sort()).toEqual(['0', '1', '2']);
    expect(graph.size).toBe(9);
    expect(graph.hasEdge('7')).toBe(false);
    expect(graph.getAttribute('selfLoops')).toBe(1);
    expect(graph.degree('7')).toBe(0);
  });

  test('bundles fan out symmetrically: opposite curvatures, straight middle edge', () => {
    expect(graph.getEdgeAttribute('0', 'curvature')).toBeCloseTo(-(graph.getEdgeAttribute('2', 'curvature') ?? 0));
    expect(graph.getEdgeAttribute('1', 'type')).toBeUndefined();
  });

  test('curved mode curves every edge and can be switched back in place', () => {
    const curved = compiledToGraph(compiled, undefined, { curved: true });
    curved.forEachEdge((_k, a) => expect(a.type).toBe(CURVED_EDGE_TYPE));
    expect(curved.getEdgeAttribute('4', 'curvature')).toBe(0.25);
    applyEdgeCurves(curved, false);
    expect(curved.getEdgeAttribute('4', 'type')).toBeUndefined();
    expect(curved.getEdgeAttribute('0', 'type')).toBe(CURVED_EDGE_TYPE);
  });

  test('uses given positions and rejects too few', () => {
    const xy = Float32Array.from({ length: 16 }, (_, i) => i);
    const placed = compiledToGraph(compiled, xy);
    expect([placed.getNodeAttribute('3', 'x'), placed.getNodeAttribute('3', 'y')]).toEqual([6, 7]);
    expect(() => compiledToGraph(compiled, new Float32Array(4))).toThrow(/positions/);
  });

  test('default positions and sizes are deterministic; base colour follows the type', () => {
    const again = compiledToGraph(compiled);
    graph.forEachNode((k, a) => expect(again.getNodeAttributes(k)).toEqual(a));
    expect(graph.getNodeAttribute('3', 'color')).toBe(colourByType(ORGANISATION_TYPES.indexOf('cluster')));
    expect(graph.getNodeAttribute('7', 'size')).toBe(2);
    expect(graph.getNodeAttribute('1', 'size')).toBeGreaterThan(graph.getNodeAttribute('6', 'size'));
  });
});

describe('parallel-edge attributes match @sigma/edge-curve', () => {
  // The package reads WebGL constants when imported; stub them so its indexParallelEdgesIndex runs in Node.
  afterAll(() => vi.unstubAllGlobals());

  test.each([
    ['fixture', proto()],
    ['random 60/400', randomCompiled(60, 400, 'parallel')],
  ])('%s', async (_name, compiled) => {
    vi.stubGlobal('WebGLRenderingContext', { UNSIGNED_BYTE: 5121, FLOAT: 5126, TRIANGLES: 4 });
    vi.stubGlobal('WebGL2RenderingContext', {
      BOOL: 35670,
      BYTE: 5120,
      UNSIGNED_BYTE: 5121,
      SHORT: 5122,
      UNSIGNED_SHORT: 5123,
      INT: 5124,
      UNSIGNED_INT: 5125,
      FLOAT: 5126,
    });
    const { indexParallelEdgesIndex } = await import('@sigma/edge-curve');
    const ours = compiledToGraph(compiled);
    const theirs = ours.copy();
    indexParallelEdgesIndex(theirs);
    ours.forEachEdge((key, a) => {
      const b = theirs.getEdgeAttributes(key);
      expect([a.parallelIndex ?? null, a.parallelMinIndex ?? null, a.parallelMaxIndex ?? null]).toEqual([
        b.parallelIndex ?? null,
        b.parallelMinIndex ?? null,
        b.parallelMaxIndex ?? null,
      ]);
    });
  });
});

describe('compiledToPairGraph', () => {
  const compiled = proto();
  const pairs = compiledToPairGraph(compiled);

  test.each([
    // [a, b, count, collaborations]
    [0, 1, 3, [0, 1, 2]],
    [3, 2, 2, [3, 8]],
    [3, 4, 1, [4]],
    [2, 0, 1, [9]],
  ])('pair %i–%i merges %i collaborations', (a, b, count, collabs) => {
    const key = pairKey(a, b);
    expect(key).toBe(`p${Math.min(a, b)}-${Math.max(a, b)}`);
    expect(pairs.graph.getEdgeAttribute(key, 'count')).toBe(count);
    expect(Array.from(pairs.collabsOfEdge(key))).toEqual(collabs);
    const p = pairs.graph.getEdgeAttribute(key, 'pair');
    for (const j of collabs) expect(pairs.pairIndexOfCollab[j]).toBe(p);
  });

  test('one edge per unordered pair; self-loop skipped, counted and mapped to -1', () => {
    expect(pairs.graph.size).toBe(6);
    expect(pairs.pairCount).toBe(6);
    expect(pairs.selfLoops).toBe(1);
    expect(pairs.graph.getAttribute('selfLoops')).toBe(1);
    expect(pairs.pairIndexOfCollab[7]).toBe(-1);
    expect(pairs.collabsOfEdge('p6-6').length).toBe(0);
    expect(pairs.collabsOfEdge('constructor').length).toBe(0);
  });

  test('groupPairs numbers pairs by first collaboration, as a plain grouping by key does', () => {
    for (const [orgs, collabs, seed] of [
      [200, 3000, 'pairs'],
      [5, 400, 'dense'],
      [3000, 2000, 'sparse'],
    ] as const) {
      const c = randomCompiled(orgs, collabs, seed);
      const ids = new Map<string, number>();
      const expected = Array.from({ length: c.collabCount }, (_, j) => {
        const s = c.collabSource[j]!;
        const t = c.collabTarget[j]!;
        if (s === t) return -1;
        const key = `${Math.min(s, t)}-${Math.max(s, t)}`;
        if (!ids.has(key)) ids.set(key, ids.size);
        return ids.get(key)!;
      });
      const t = groupPairs(c);
      expect([...t.pairIndexOfCollab]).toEqual(expected);
      expect(t.pairCount).toBe(ids.size);
      expect([...ids.keys()]).toEqual([...t.pairSource].map((s, p) => `${s}-${t.pairTarget[p]}`));
      for (let p = 0; p < t.pairCount; p++) {
        const members = [...t.pairCollabs.subarray(t.pairOffsets[p], t.pairOffsets[p + 1])];
        expect(members).toEqual(expected.flatMap((q, j) => (q === p ? [j] : [])));
      }
    }
  });

  test('groupPairs covers every non-loop collaboration exactly once (random data)', () => {
    const big = randomCompiled(200, 3000, 'pairs');
    const t = groupPairs(big);
    const seen = new Uint8Array(big.collabCount);
    for (let p = 0; p < t.pairCount; p++) {
      expect(t.pairSource[p]).toBeLessThan(t.pairTarget[p] ?? 0);
      for (let k = t.pairOffsets[p] ?? 0; k < (t.pairOffsets[p + 1] ?? 0); k++) {
        const j = t.pairCollabs[k] ?? 0;
        seen[j] = (seen[j] ?? 0) + 1;
        const ends = [big.collabSource[j], big.collabTarget[j]].sort((x, y) => (x ?? 0) - (y ?? 0));
        expect(ends).toEqual([t.pairSource[p], t.pairTarget[p]]);
      }
    }
    for (let j = 0; j < big.collabCount; j++) {
      expect(seen[j]).toBe(big.collabSource[j] === big.collabTarget[j] ? 0 : 1);
    }
  });
});

describe('palettes', () => {
  test('every type and kind has a colour and a legend row', () => {
    const typeRows = typeLegend().flatMap((r) => r.values);
    const kindRows = kindLegend('dark').flatMap((r) => r.values);
    expect([...typeRows].sort()).toEqual([...ORGANISATION_TYPES].sort());
    expect([...kindRows].sort()).toEqual([...COLLABORATION_KINDS].sort());
    ORGANISATION_TYPES.forEach((_, t) => expect(colourByType(t)).toMatch(/^#[0-9A-F]{6}$/));
    COLLABORATION_KINDS.forEach((_, k) => expect(colourByKind(k)).toMatch(/^#[0-9A-F]{6}$/));
    expect(colourByType(ORGANISATION_TYPES.indexOf('other'))).toBe(NEUTRAL.light);
  });

  test('families differ in colour; black becomes light in the dark theme', () => {
    const colours = new Set(typeLegend().map((r) => r.colour));
    expect(colours.size).toBe(typeLegend().length);
    expect(typeLegend('dark').some((r) => r.colour === '#000000')).toBe(false);
  });

  test('country colours follow sorted order, whatever order the data comes in', () => {
    const a = makeCountryColours(['FR', 'BE', 'PL', 'BE', 'DE']);
    const b = makeCountryColours(['DE', 'PL', 'FR', 'BE']);
    for (const c of ['BE', 'DE', 'FR', 'PL']) expect(a.colourForCountry(c)).toBe(b.colourForCountry(c));
    expect(a.legend.map((r) => r.values[0])).toEqual(['BE', 'DE', 'FR', 'PL']);
    expect(new Set(a.legend.map((r) => r.colour)).size).toBe(4);
    expect(a.colourForCountry('JP')).toBe(NEUTRAL.light);
  });

  test('only the largest communities get a hue', () => {
    expect(colourForCommunity(0)).not.toBe(colourForCommunity(1));
    expect(colourForCommunity(500)).toBe(NEUTRAL.light);
    const legend = communityLegend(40);
    expect(legend.at(-1)?.key).toBe('legend.community.other');
  });
});

describe('pairGraphSteps', () => {
  test('yields between pieces of a few thousand items and ends with the graph compiledToPairGraph builds', () => {
    const compiled = randomCompiled(12_000, 30_000, 'steps');
    const steps = pairGraphSteps(compiled);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    const whole = compiledToPairGraph(compiled);
    // 12k nodes and ~30k pairs at 4,096 items a piece, plus the pair grouping: several pieces, none huge.
    expect(yields).toBeGreaterThanOrEqual(Math.floor((12_000 + whole.pairCount) / 4096));
    const built = r.value;
    expect(built.graph.order).toBe(whole.graph.order);
    expect(built.graph.size).toBe(whole.graph.size);
    expect(built.graph.export()).toEqual(whole.graph.export());
    expect(Array.from(built.spans)).toEqual(Array.from(whole.spans));
  });
});
