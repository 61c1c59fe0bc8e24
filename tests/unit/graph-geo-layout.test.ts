// Proves the geographic layout is deterministic, scaled to ±LAYOUT_EXTENT, spreads co-located nodes and rows unplaced ones below.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { geoPositions } from '../../src/lib/graph/geo-layout';
import { LAYOUT_EXTENT } from '../../src/lib/graph/initial-layout';

/** Real places, with repeats (several organisations per city, as in the data) and unknowns. */
const PLACES: [string, number, number][] = [
  ['Liège', 5.5797, 50.6326],
  ['Liège', 5.5797, 50.6326],
  ['Lyon', 4.832, 45.7578],
  ['Katowice', 19.0238, 50.2649],
  ['Stuttgart', 9.1829, 48.7758],
  ['Ghent', 3.7174, 51.0543],
  ['Ghent', 3.7174, 51.0543],
  ['Ghent', 3.7174, 51.0543],
  ['unknown', NaN, NaN],
  ['Copenhagen', 12.5683, 55.6761],
  ['lat only', NaN, 50],
  ['Vienna', 16.3738, 48.2082],
  ['Saint-Denis (Réunion)', 55.4504, -20.8823],
  ['lon only', 4, NaN],
  ['Ghent', 3.7174, 51.0543],
];
const LON = PLACES.map((p) => p[1]);
const LAT = PLACES.map((p) => p[2]);
const placed = (i: number): boolean => Number.isFinite(LON[i]!) && Number.isFinite(LAT[i]!);

function point(out: Float32Array, i: number): [number, number] {
  return [out[2 * i]!, out[2 * i + 1]!];
}

function distinctPositions(out: Float32Array): number {
  return new Set(Array.from({ length: out.length / 2 }, (_, i) => point(out, i).join(','))).size;
}

describe('geoPositions', () => {
  it('is deterministic', () => {
    const a = geoPositions(LON, LAT);
    const b = geoPositions(Float64Array.from(LON), Float64Array.from(LAT));
    expect(a).toEqual(b);
    expect(a).toHaveLength(2 * PLACES.length);
    expect([...a].every(Number.isFinite)).toBe(true);
  });

  it('scales placed nodes (before spreading) to ±LAYOUT_EXTENT, the wider axis touching both ends', () => {
    const out = geoPositions(LON, LAT, 0);
    const xs: number[] = [];
    const ys: number[] = [];
    PLACES.forEach((_, i) => {
      if (!placed(i)) return;
      const [x, y] = point(out, i);
      xs.push(x);
      ys.push(y);
    });
    for (const v of [...xs, ...ys]) {
      expect(Math.abs(v)).toBeLessThanOrEqual(LAYOUT_EXTENT + 1e-3);
    }
    // Réunion lies far south: the vertical span is the wider one and runs from -1000 to +1000.
    expect(Math.min(...ys)).toBeCloseTo(-LAYOUT_EXTENT, 2);
    expect(Math.max(...ys)).toBeCloseTo(LAYOUT_EXTENT, 2);
    // Same scale on both axes: aspect ratio of the Mercator map is kept.
    const ghent = point(out, 5);
    const liege = point(out, 0);
    const lyon = point(out, 2);
    expect(Math.sign(liege[0] - ghent[0])).toBe(1); // Liège is east of Ghent
    expect(Math.sign(ghent[1] - lyon[1])).toBe(1); // Ghent is north of Lyon
  });

  it.each([
    ['Liège ×2', [0, 1]],
    ['Ghent ×4', [5, 6, 7, 14]],
  ])('spreads co-located nodes apart (%s)', (_, indexes) => {
    const spread = 14;
    const out = geoPositions(LON, LAT, spread);
    const centre = geoPositions(LON, LAT, 0);
    const points = indexes.map((i) => point(out, i));
    // The first stays on the place, the others sit on a sunflower around it within spread·√k.
    expect(points[0]).toEqual(point(centre, indexes[0]!));
    points.forEach((p, k) => {
      const [cx, cy] = point(centre, indexes[k]!);
      const r = Math.hypot(p[0] - cx, p[1] - cy);
      expect(r).toBeCloseTo(k === 0 ? 0 : spread * Math.sqrt(k), 3);
      for (let l = 0; l < k; l++) expect(Math.hypot(p[0] - points[l]![0], p[1] - points[l]![1])).toBeGreaterThan(1);
    });
  });

  it('gives no two nodes the same position', () => {
    const out = geoPositions(LON, LAT);
    expect(distinctPositions(out)).toBe(PLACES.length);
  });

  it('rows unplaced nodes (NaN on either axis) below every placed node', () => {
    const out = geoPositions(LON, LAT);
    const placedYs = PLACES.flatMap((_, i) => (placed(i) ? [point(out, i)[1]] : []));
    const unplaced = PLACES.flatMap((_, i) => (placed(i) ? [] : [i]));
    expect(unplaced).toEqual([8, 10, 13]);
    for (const i of unplaced) {
      const [x, y] = point(out, i);
      expect(y).toBeLessThan(Math.min(...placedYs));
      expect(Math.abs(x)).toBeLessThanOrEqual(LAYOUT_EXTENT);
    }
    expect(new Set(unplaced.map((i) => point(out, i)[1])).size).toBe(1); // one row
  });

  it.each([
    ['nothing placed', 0],
    ['one place', 1],
    ['all at one point', 7],
  ])('degenerate input: %s', (_, samePoint) => {
    const n = 60;
    const lon = Array.from({ length: n }, (_, i) => (i < samePoint ? 4.35 : NaN));
    const lat = Array.from({ length: n }, (_, i) => (i < samePoint ? 50.85 : NaN));
    const out = geoPositions(lon, lat);
    expect([...out].every(Number.isFinite)).toBe(true);
    expect(distinctPositions(out)).toBe(n);
    if (samePoint > 0) expect(point(out, 0)).toEqual([0, 0]);
  });

  it.each(['ghent', 'śląskie', 'rhône'])('random dataset %s: no overlaps, unplaced below the map', (seed) => {
    const random = seedrandom(seed);
    const cities = Array.from({ length: 30 }, () => [random() * 40 - 10, 35 + random() * 30] as const);
    const n = 500;
    const lon: number[] = [];
    const lat: number[] = [];
    for (let i = 0; i < n; i++) {
      if (random() < 0.1) {
        lon.push(NaN);
        lat.push(NaN);
      } else {
        const c = cities[Math.floor(random() ** 2 * cities.length)]!;
        lon.push(c[0]);
        lat.push(c[1]);
      }
    }
    const out = geoPositions(lon, lat);
    expect(distinctPositions(out)).toBe(n);
    expect(geoPositions(lon, lat)).toEqual(out);
    const centre = geoPositions(lon, lat, 0);
    for (let i = 0; i < n; i++) {
      const [x, y] = point(centre, i);
      if (Number.isFinite(lon[i]!)) {
        expect(Math.abs(x)).toBeLessThanOrEqual(LAYOUT_EXTENT + 1e-3);
        expect(Math.abs(y)).toBeLessThanOrEqual(LAYOUT_EXTENT + 1e-3);
      } else expect(y).toBeLessThan(-LAYOUT_EXTENT);
    }
  });
});
