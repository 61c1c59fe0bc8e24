// Metrics: degree in the window (full and incremental), pair counts, betweenness, seeded communities, size scale.
import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { compiledToPairGraph } from '../../src/lib/graph/build-graph';
import {
  applyDegreeDiff,
  applyPairCountDiff,
  betweennessOf,
  communitiesOf,
  degreeInWindow,
  nodeSizeScale,
  pairCountsInWindow,
} from '../../src/lib/graph/metrics';
import { changedSince } from '../../src/lib/graph/reducers';
import { proto, randomCompiled, randomMask } from './graph-fixture';

describe('degreeInWindow', () => {
  const compiled = proto();
  test.each([
    ['every collaboration', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [4, 3, 3, 3, 2, 2, 1, 0]],
    ['none', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]],
    ['c0, c3 and the self-loop c7', [1, 0, 0, 1, 0, 0, 0, 1, 0, 0], [1, 1, 1, 1, 0, 0, 0, 0]],
    ['the parallel bundle only', [1, 1, 1, 0, 0, 0, 0, 0, 0, 0], [3, 3, 0, 0, 0, 0, 0, 0]],
  ])('%s', (_name, mask, expected) => {
    const out = new Float32Array(compiled.orgCount).fill(9);
    expect(Array.from(degreeInWindow(compiled, Uint8Array.from(mask), out))).toEqual(expected);
  });
});

describe('incremental updates equal a recomputation after random diffs', () => {
  const compiled = randomCompiled(300, 2500, 'diffs');
  const rng = seedrandom('steps');

  test('applyDegreeDiff and applyPairCountDiff', () => {
    const pairs = compiledToPairGraph(compiled);
    let mask = randomMask(compiled.collabCount, rng);
    const degree = degreeInWindow(compiled, mask, new Float32Array(compiled.orgCount));
    const counts = pairCountsInWindow(pairs.pairIndexOfCollab, mask, new Int32Array(pairs.pairCount));
    for (let step = 0; step < 40; step++) {
      // Alternate small brush-like steps and wholesale changes.
      const next = step % 5 === 0 ? randomMask(compiled.collabCount, rng) : mask.map((v) => (rng() < 0.03 ? 1 - v : v));
      const { entering, leaving } = changedSince(mask, next);
      const before = degree.slice();
      const touched = applyDegreeDiff(compiled, entering, entering.length, leaving, leaving.length, degree);
      applyPairCountDiff(pairs.pairIndexOfCollab, entering, entering.length, leaving, leaving.length, counts);
      mask = next;
      const fresh = degreeInWindow(compiled, mask, new Float32Array(compiled.orgCount));
      expect(degree).toEqual(fresh);
      expect(counts).toEqual(pairCountsInWindow(pairs.pairIndexOfCollab, mask, new Int32Array(pairs.pairCount)));
      // Every organisation that appeared or vanished is reported.
      for (let i = 0; i < compiled.orgCount; i++) {
        if ((before[i] === 0) !== (fresh[i] === 0)) expect(touched).toContain(i);
      }
    }
  });

  test('only the first `count` entries of the lists are applied', () => {
    const degree = new Float32Array(compiled.orgCount);
    applyDegreeDiff(compiled, Int32Array.of(0, 1, 2), 1, new Int32Array(3), 0, degree);
    const expected = degreeInWindow(
      compiled,
      Uint8Array.from({ length: compiled.collabCount }, (_, j) => (j === 0 ? 1 : 0)),
      new Float32Array(compiled.orgCount),
    );
    expect(degree).toEqual(expected);
  });
});

describe('communitiesOf', () => {
  const graph = compiledToPairGraph(randomCompiled(400, 1200, 'louvain')).graph;

  test('the same seed gives the same communities on every run', () => {
    const a = communitiesOf(graph, 'atlas');
    const b = communitiesOf(compiledToPairGraph(randomCompiled(400, 1200, 'louvain')).graph, 'atlas');
    expect(b.community).toEqual(a.community);
    expect(b.count).toBe(a.count);
    expect(a.modularity).toBeGreaterThan(0);
  });

  test('a different seed may give a different partition', () => {
    const a = communitiesOf(graph, 'atlas').community;
    const others = ['b', 'c', 'd', 'e', 'f'].map((s) => communitiesOf(graph, s).community);
    expect(others.some((o) => o.some((v, i) => v !== a[i]))).toBe(true);
  });

  test('communities are numbered by decreasing size; isolated organisations are singletons', () => {
    const { community, count } = communitiesOf(compiledToPairGraph(proto()).graph, 'atlas');
    const sizes = new Array<number>(count).fill(0);
    community.forEach((c) => sizes[c]!++);
    for (let k = 1; k < count; k++) expect(sizes[k]).toBeLessThanOrEqual(sizes[k - 1] ?? 0);
    expect(sizes[community[7] ?? 0]).toBe(1);
    expect(community[0]).toBe(community[1]);
  });
});

describe('betweennessOf', () => {
  const pairGraph = compiledToPairGraph(proto()).graph;

  test('bridges score highest; leaves and isolated nodes score 0', () => {
    const scores = betweennessOf(pairGraph);
    expect(scores).not.toBeNull();
    const s = Array.from(scores ?? []);
    // Chain 1–0–2–3–4–5–6: its middle (3) bridges most; the ends and the isolated node bridge nothing.
    expect(Math.max(...s)).toBe(s[3]);
    expect([s[1], s[6], s[7]]).toEqual([0, 0, 0]);
    expect(Math.max(...s)).toBeLessThanOrEqual(1);
  });

  test('is skipped above the node threshold', () => {
    expect(betweennessOf(pairGraph, 5)).toBeNull();
  });
});

describe('nodeSizeScale', () => {
  test.each([
    ['square-root scale', [0, 1, 4, 16], [2, 4.5, 7, 12]],
    ['all zero', [0, 0, 0], [2, 2, 2]],
    ['negative read as zero', [-5, 9], [2, 12]],
    ['empty', [], []],
  ])('%s', (_name, values, expected) => {
    expect(Array.from(nodeSizeScale(values, 2, 12))).toEqual(expected);
  });
});
