// Layout: seeded start, size-dependent settings, deterministic sync run, and the worker's chunked steps and protocol.
import { describe, expect, test } from 'vitest';
import { compiledToGraph, compiledToPairGraph } from '../../src/lib/graph/build-graph';
import {
  initialPositions,
  LAYOUT_EXTENT,
  layoutSettingsFor,
  normalisePositions,
  positionsOf,
  runLayoutSync,
  runNoverlap,
} from '../../src/lib/graph/initial-layout';
import { type LayoutRequest, type LayoutResponse, type LayoutStartMessage } from '../../src/lib/graph/layout-protocol';
import { createLayoutJob, createLayoutRunner, finishLayoutJob, stepLayoutJob } from '../../src/lib/graph/layout-worker';
import { MultiUndirectedGraph } from 'graphology';
import { proto, randomCompiled } from './graph-fixture';

const extentOf = (xy: Float32Array): number => Math.max(...Array.from(xy, Math.abs));

describe('initialPositions', () => {
  test('same seed, same positions; another seed, other positions', () => {
    expect(initialPositions(500, 'a')).toEqual(initialPositions(500, 'a'));
    expect(initialPositions(500, 'a')).not.toEqual(initialPositions(500, 'b'));
  });

  test.each([
    [0, 0],
    [1, 0],
    [2, LAYOUT_EXTENT],
    [1000, LAYOUT_EXTENT],
  ])('%i nodes fit ±LAYOUT_EXTENT (max |coordinate| %i)', (n, extent) => {
    const xy = initialPositions(n, 'atlas');
    expect(xy.length).toBe(2 * n);
    if (n > 0) expect(extentOf(xy)).toBeCloseTo(extent, 2);
  });

  test('members of a group start together, largest group in the middle', () => {
    const groups = Int32Array.from({ length: 300 }, (_, i) => (i < 200 ? 0 : 1));
    const xy = initialPositions(300, 'atlas', { groups, importance: Float32Array.from({ length: 300 }, (_, i) => i) });
    const centre = (from: number, to: number): [number, number] => {
      let x = 0;
      let y = 0;
      for (let i = from; i < to; i++) [x, y] = [x + (xy[2 * i] ?? 0), y + (xy[2 * i + 1] ?? 0)];
      return [x / (to - from), y / (to - from)];
    };
    const [ax, ay] = centre(0, 200);
    const [bx, by] = centre(200, 300);
    expect(Math.hypot(ax, ay)).toBeLessThan(Math.hypot(bx, by));
    // The most important member of group 0 (index 199) sits at its centre.
    expect(Math.hypot((xy[398] ?? 0) - ax, (xy[399] ?? 0) - ay)).toBeLessThan(0.1 * LAYOUT_EXTENT);
  });
});

test('normalisePositions keeps the aspect ratio and survives a single point', () => {
  expect(Array.from(normalisePositions(Float32Array.of(0, 0, 4, 2)))).toEqual([-1000, -500, 1000, 500]);
  expect(Array.from(normalisePositions(Float32Array.of(3, 3)))).toEqual([0, 0]);
});

describe('layoutSettingsFor', () => {
  test.each([
    [100, false, 20],
    [2001, true, 45],
    [50_000, true, 224],
  ])('%i nodes: Barnes-Hut %s, noverlap grid %i', (n, barnesHut, grid) => {
    const s = layoutSettingsFor(n);
    expect(s.forceAtlas2.barnesHutOptimize).toBe(barnesHut);
    expect(s.noverlap.gridSize).toBe(grid);
    expect(s.chunk).toBeGreaterThanOrEqual(1);
  });
});

describe('deterministic layout', () => {
  const run = (seed: string) => {
    const compiled = randomCompiled(300, 900, 'layout');
    const { graph } = compiledToPairGraph(compiled, initialPositions(compiled.orgCount, seed));
    return runLayoutSync(graph, 60, { seed, edgeWeight: 'count' });
  };

  test('two runs give identical Float32Arrays, normalised', () => {
    const a = run('atlas');
    expect(a).toEqual(run('atlas'));
    expect(extentOf(a)).toBeCloseTo(LAYOUT_EXTENT, 2);
    expect(run('other')).not.toEqual(a);
  });

  test('noverlap jitters coincident nodes with the seed, then restores Math.random', () => {
    const random = Math.random;
    const once = () => {
      const g = new MultiUndirectedGraph<{ x: number; y: number; size: number }>();
      for (let i = 0; i < 20; i++) g.addNode(String(i), { x: 0, y: 0, size: 1 });
      runNoverlap(g, 5, layoutSettingsFor(20).noverlap, 'jitter');
      return positionsOf(g);
    };
    const a = once();
    expect(a).toEqual(once());
    expect(new Set(a).size).toBeGreaterThan(2);
    expect(Math.random).toBe(random);
  });
});

/** The start message a client would send for a pair graph. */
function startFor(seed: string, iterations: number, extra: Partial<LayoutStartMessage> = {}): LayoutStartMessage {
  const compiled = randomCompiled(200, 600, 'worker');
  const pairs = compiledToPairGraph(compiled);
  const edges = new Int32Array(2 * pairs.pairCount);
  const weights = new Float32Array(pairs.pairCount);
  for (let p = 0; p < pairs.pairCount; p++) {
    edges[2 * p] = pairs.pairSource[p] ?? 0;
    edges[2 * p + 1] = pairs.pairTarget[p] ?? 0;
    weights[p] = pairs.graph.getEdgeAttribute(`p${pairs.pairSource[p]}-${pairs.pairTarget[p]}`, 'count');
  }
  const sizes = Float32Array.from(pairs.graph.mapNodes((_k, a) => a.size));
  const positions = initialPositions(compiled.orgCount, seed);
  return {
    type: 'start',
    id: 1,
    nodes: compiled.orgCount,
    edges,
    weights,
    sizes,
    positions,
    iterations,
    seed,
    ...extra,
  };
}

describe('layout worker steps (pure)', () => {
  test('chunks run until the total, then report 0', () => {
    const job = createLayoutJob(startFor('atlas', 25, { chunk: 10 }));
    expect([stepLayoutJob(job), stepLayoutJob(job), stepLayoutJob(job), stepLayoutJob(job)]).toEqual([10, 10, 5, 0]);
    expect(job.done).toBe(25);
  });

  test('the worker gives exactly what the bake script gives for the same input', () => {
    const message = startFor('atlas', 120);
    const job = createLayoutJob(message);
    while (stepLayoutJob(job) > 0);
    const fromWorker = finishLayoutJob(job);
    const compiled = randomCompiled(200, 600, 'worker');
    const { graph } = compiledToPairGraph(compiled, initialPositions(compiled.orgCount, 'atlas'));
    expect(fromWorker).toEqual(runLayoutSync(graph, 120, { seed: 'atlas', edgeWeight: 'count' }));
  });

  test('empty positions mean seeded initial positions; bad endpoints are refused', () => {
    const job = createLayoutJob({ ...startFor('atlas', 0), positions: new Float32Array(0) });
    expect(positionsOf(job.graph)).toEqual(initialPositions(200, 'atlas'));
    expect(() => createLayoutJob({ ...startFor('atlas', 1), edges: Int32Array.of(0, 200) })).toThrow(/outside/);
  });
});

describe('layout runner (message loop without self)', () => {
  function harness(clockStep = 100) {
    const replies: { message: LayoutResponse; transfer: ArrayBuffer[] }[] = [];
    const queue: (() => void)[] = [];
    let clock = 0;
    const handle = createLayoutRunner(
      (message, transfer) => replies.push({ message, transfer }),
      (task) => queue.push(task),
      () => (clock += clockStep),
    );
    const drain = (stopAfter = Infinity) => {
      for (let n = 0; queue.length > 0 && n < stopAfter; n++) queue.shift()?.();
    };
    return { replies, handle: (m: LayoutRequest) => handle(m), drain };
  }

  test('progress per chunk, throttled positions, done with a transferred buffer', () => {
    const h = harness(100);
    h.handle(startFor('atlas', 50, { chunk: 10, stream: true, streamIntervalMs: 250 }));
    h.drain();
    const progress = h.replies.filter((r) => r.message.type === 'progress').map((r) => r.message);
    expect(progress.map((m) => (m.type === 'progress' ? m.done : -1))).toEqual([10, 20, 30, 40, 50]);
    // The clock reads 100, 200, … ms at each chunk: positions at 100, then 400 (≥ 250 ms later), and at the end.
    expect(progress.map((m) => m.type === 'progress' && m.positions !== undefined)).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
    const done = h.replies.at(-1);
    expect(done?.message).toMatchObject({ type: 'done', id: 1, iterations: 50, stopped: false });
    if (done?.message.type === 'done') expect(done.transfer).toEqual([done.message.positions.buffer]);
  });

  test('stop between chunks ends ForceAtlas2 early and still finishes', () => {
    const h = harness();
    h.handle(startFor('atlas', 100, { chunk: 10 }));
    h.drain(2);
    h.handle({ type: 'stop', id: 1 });
    h.drain();
    expect(h.replies.at(-1)?.message).toMatchObject({ type: 'done', iterations: 20, stopped: true });
  });

  test('a new start supersedes the running one; a stop for another id is ignored', () => {
    const h = harness();
    h.handle(startFor('atlas', 30, { chunk: 10 }));
    h.drain(1);
    h.handle(startFor('atlas', 20, { id: 2, chunk: 10 }));
    h.handle({ type: 'stop', id: 1 });
    h.drain();
    const done = h.replies.filter((r) => r.message.type === 'done').map((r) => r.message);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ id: 2, iterations: 20, stopped: false });
  });

  test('a bad start is answered with an error', () => {
    const h = harness();
    h.handle({ ...startFor('atlas', 5), id: 9, edges: Int32Array.of(-1, 3) });
    expect(h.replies).toEqual([{ message: expect.objectContaining({ type: 'error', id: 9 }), transfer: [] }]);
  });
});

test('the fixture lays out too, merged or not (isolated node and self-loop included)', () => {
  const compiled = proto();
  const start = initialPositions(compiled.orgCount, 'atlas');
  const merged = runLayoutSync(compiledToPairGraph(compiled, start).graph, 50, { seed: 'atlas', edgeWeight: 'count' });
  const multi = () => runLayoutSync(compiledToGraph(compiled, start), 50, { seed: 'atlas' });
  expect(merged.every(Number.isFinite)).toBe(true);
  expect(multi()).toEqual(multi());
  expect(multi().every(Number.isFinite)).toBe(true);
});
