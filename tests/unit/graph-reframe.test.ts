// Reframing new positions into sigma's current normalisation: same on-screen result as a reprocess would give.
import { describe, expect, it } from 'vitest';
import { extentOf, normalisationOf, reframePositions, type Extent } from '../../src/lib/graph/reframe';

/** Sigma's normalisation of one point by an extent (createNormalizationFunction). */
function normalise(e: Extent, x: number, y: number): [number, number] {
  const n = normalisationOf(e);
  return [0.5 + (x - n.cx) / n.ratio, 0.5 + (y - n.cy) / n.ratio];
}

function seeded(n: number, seed: number, spreadX: number, spreadY: number, offset: number): Float32Array {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = offset + rnd() * spreadX;
    out[2 * i + 1] = -offset + rnd() * spreadY;
  }
  return out;
}

describe('reframePositions', () => {
  const current: Extent = { x: [-3, 7], y: [10, 14] }; // side 10, centre (2, 12)

  it.each([
    ['wide', 600, 200],
    ['tall', 50, 900],
    ['square', 300, 300],
  ])('a %s layout normalised by the current extent lands where its own extent would put it', (_, sx, sy) => {
    const p = seeded(200, 3, sx, sy, 1000);
    const r = reframePositions(p, current)!;
    const own = extentOf(p);
    for (let i = 0; i < 200; i++) {
      const [ex, ey] = normalise(own, p[2 * i]!, p[2 * i + 1]!);
      const [gx, gy] = normalise(current, r.positions[2 * i]!, r.positions[2 * i + 1]!);
      expect(gx).toBeCloseTo(ex, 4);
      expect(gy).toBeCloseTo(ey, 4);
    }
  });

  it('gives a bbox with the current normalisation and the new proportions', () => {
    const p = seeded(100, 9, 600, 200, -50);
    const r = reframePositions(p, current)!;
    expect(normalisationOf(r.bbox)).toEqual(normalisationOf(current));
    const own = extentOf(p);
    const aspect = (e: Extent) => (e.y[1] - e.y[0]) / (e.x[1] - e.x[0]);
    expect(aspect(r.bbox)).toBeCloseTo(aspect(own), 5);
    // The reframed positions fill that box exactly.
    const got = extentOf(r.positions);
    expect(got.x[0]).toBeCloseTo(r.bbox.x[0], 3);
    expect(got.y[1]).toBeCloseTo(r.bbox.y[1], 3);
  });

  it('refuses degenerate extents: one point, or a current extent of zero size', () => {
    expect(reframePositions(new Float32Array([4, 4, 4, 4]), current)).toBeNull();
    expect(reframePositions(new Float32Array(0), current)).toBeNull();
    expect(reframePositions(seeded(10, 1, 5, 5, 0), { x: [1, 1], y: [2, 2] })).toBeNull();
  });
});
