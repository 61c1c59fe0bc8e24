// A selected organisation's merged pair edges expand into its visible collaborations, parallel ones fanned out.
import { describe, expect, it } from 'vitest';
import { makeAdjacency } from '../../src/lib/graph/adjacency';
import { expandedEdges, orgsInBox } from '../../src/lib/graph/expand';
import type { CompiledDataset } from '../../src/lib/model/compiled';

// 0–1 three times, 0–2 once, 1–2 once, 3–3 a self-loop.
const source = Int32Array.from([0, 1, 0, 0, 2, 3]);
const target = Int32Array.from([1, 0, 1, 2, 1, 3]);
const kind = Int32Array.from([0, 1, 2, 3, 4, 5]);
const adjacency = makeAdjacency({
  orgCount: 4,
  collabCount: 6,
  collabSource: source,
  collabTarget: target,
} as unknown as CompiledDataset);
const all = new Uint8Array(6).fill(1);

describe('expandedEdges', () => {
  it('lists each visible collaboration of the selection once, oriented low → high, a bundle fanned symmetrically', () => {
    const edges = expandedEdges(adjacency, { source, target, kind }, [0], all)!;
    expect(edges.map((e) => e.collab)).toEqual([0, 1, 2, 3]);
    expect(edges.every((e) => e.source < e.target)).toBe(true);
    const bundle = edges.filter((e) => e.target === 1).map((e) => e.curvature);
    expect(bundle[1]).toBe(0);
    expect(bundle[0]).toBeCloseTo(-bundle[2]!);
    expect(bundle[2]).toBeGreaterThan(0);
    expect(edges.find((e) => e.collab === 3)!.curvature).toBe(0);
    expect(edges.find((e) => e.collab === 2)!.kind).toBe(2);
  });

  it('leaves out collaborations outside the window and self-loops, and counts a shared one once', () => {
    const visible = Uint8Array.from([1, 0, 1, 1, 1, 1]);
    const edges = expandedEdges(adjacency, { source, target, kind }, [0, 1, 3], visible)!;
    expect(edges.map((e) => e.collab)).toEqual([0, 2, 3, 4]);
    // Two left in the 0–1 bundle: both curve, opposite ways.
    const bundle = edges.filter((e) => e.source === 0 && e.target === 1).map((e) => e.curvature);
    expect(bundle[0]).toBeLessThan(0);
    expect(bundle[1]).toBeCloseTo(-bundle[0]!);
  });

  it('gives up past the limit, so a hub keeps its merged edges', () => {
    expect(expandedEdges(adjacency, { source, target, kind }, [0], all, 3)).toBeNull();
    expect(expandedEdges(adjacency, { source, target, kind }, [0], all, 4)).not.toBeNull();
  });
});

describe('orgsInBox', () => {
  const xy = Float32Array.from([0, 0, 5, 5, 10, 10, -1, 3]);
  it('lists the organisations inside the box, edges included, in index order', () => {
    expect(orgsInBox(xy, { minX: 0, maxX: 5, minY: 0, maxY: 5 })).toEqual([0, 1]);
    expect(orgsInBox(xy, { minX: -2, maxX: 20, minY: 1, maxY: 20 })).toEqual([1, 2, 3]);
    expect(orgsInBox(xy, { minX: 20, maxX: 30, minY: 0, maxY: 5 })).toEqual([]);
  });
  it('gives null past the limit', () => {
    expect(orgsInBox(xy, { minX: -2, maxX: 20, minY: -2, maxY: 20 }, 3)).toBeNull();
    expect(orgsInBox(xy, { minX: -2, maxX: 20, minY: -2, maxY: 20 }, 4)).toEqual([0, 1, 2, 3]);
  });
});
