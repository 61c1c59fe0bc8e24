// Arc geometry and look: endpoints, consistent bending, symmetry, widths, colours and SVG path text.
import { describe, expect, it } from 'vitest';
import {
  arcColour,
  arcControl,
  arcDash,
  arcPoints,
  arcSvgPath,
  arcWidth,
  formatNumber,
  latitudeOf,
  mercatorY,
} from '../../src/lib/map/arcs';
import { loadRegionIndex } from '../helpers/regions';

const index = loadRegionIndex();
const liege = index.get('BE33')!; // Prov. Liège
const slaskie = index.get('PL22')!; // Śląskie
const rhoneAlpes = index.get('FRK2')!;
const limburg = index.get('NL42')!;

/** Signed side of point p relative to the directed chord a→b in Mercator (positive = left, y up). */
function side(a: [number, number], b: [number, number], p: [number, number]): number {
  const [ax, ay] = [a[1], mercatorY(a[0])];
  const [bx, by] = [b[1], mercatorY(b[0])];
  const [px, py] = [p[1], mercatorY(p[0])];
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

describe('arcPoints', () => {
  const pairs: [string, typeof liege, typeof liege][] = [
    ['Liège → Śląskie', liege, slaskie],
    ['Rhône-Alpes → Limburg', rhoneAlpes, limburg],
    ['Limburg → Liège (short)', limburg, liege],
  ];

  it.each(pairs)('%s starts and ends exactly at the endpoints', (_name, a, b) => {
    const pts = arcPoints(a.lon, a.lat, b.lon, b.lat, 0.2, 16);
    expect(pts).toHaveLength(17);
    expect(pts[0]).toEqual([a.lat, a.lon]);
    expect(pts[16]).toEqual([b.lat, b.lon]);
  });

  it.each(pairs)('%s bends to the left of travel, and the reverse to the other side', (_name, a, b) => {
    const ab = arcPoints(a.lon, a.lat, b.lon, b.lat);
    const ba = arcPoints(b.lon, b.lat, a.lon, a.lat);
    const A: [number, number] = [a.lat, a.lon];
    const B: [number, number] = [b.lat, b.lon];
    expect(side(A, B, ab[8]!)).toBeGreaterThan(0);
    expect(side(A, B, ba[8]!)).toBeLessThan(0);
  });

  it('is the mirror image of the reverse arc across the chord', () => {
    const ab = arcPoints(liege.lon, liege.lat, slaskie.lon, slaskie.lat, 0.3, 10);
    const ba = arcPoints(slaskie.lon, slaskie.lat, liege.lon, liege.lat, 0.3, 10);
    // Same parameter t from each end: midpoints reflect through the chord's midpoint in Mercator.
    const mid = ab[5]!;
    const midBack = ba[5]!;
    const cx = (liege.lon + slaskie.lon) / 2;
    const cy = (mercatorY(liege.lat) + mercatorY(slaskie.lat)) / 2;
    expect((mid[1] + midBack[1]) / 2).toBeCloseTo(cx, 9);
    expect((mercatorY(mid[0]) + mercatorY(midBack[0])) / 2).toBeCloseTo(cy, 9);
  });

  it('bends north when travelling east (left of travel)', () => {
    const pts = arcPoints(liege.lon, liege.lat, slaskie.lon, slaskie.lat);
    expect(pts[8]![0]).toBeGreaterThan(Math.max(liege.lat, slaskie.lat));
  });

  it('is straight with zero curvature', () => {
    const pts = arcPoints(0, 40, 10, 40, 0, 4);
    for (const [lat] of pts) expect(lat).toBeCloseTo(40, 9);
  });

  it('gives a two-point line for identical endpoints', () => {
    expect(arcPoints(5, 50, 5, 50)).toEqual([
      [50, 5],
      [50, 5],
    ]);
  });

  it('round-trips Web Mercator', () => {
    for (const lat of [-60, 0, 34, 50.6569, 71]) expect(latitudeOf(mercatorY(lat))).toBeCloseTo(lat, 9);
  });
});

describe('arcWidth', () => {
  it.each([
    [0, 100, 1],
    [-1, 100, 1],
    [5, 0, 1],
    [100, 100, 10],
    [25, 100, 5.5],
    [1, 1, 10],
    [500, 100, 10],
  ])('count %d of max %d → %d px', (count, max, px) => {
    expect(arcWidth(count, max)).toBe(px);
  });

  it('grows monotonically', () => {
    const widths = Array.from({ length: 50 }, (_, i) => arcWidth(i + 1, 50));
    expect(widths.every((w, i) => i === 0 || w >= widths[i - 1]!)).toBe(true);
  });
});

describe('arcColour', () => {
  it('tells cross-border links from domestic ones in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      expect(arcColour(true, theme)).toMatch(/^#[0-9a-f]{6}$/);
      expect(arcColour(true, theme)).not.toBe(arcColour(false, theme));
    }
    expect(arcColour(true)).toBe(arcColour(true, 'light'));
  });
});

describe('arcDash', () => {
  it('dashes domestic arcs only, so the two kinds differ without colour', () => {
    expect(arcDash(true)).toBeUndefined();
    expect(arcDash(false)).toMatch(/^\d+ \d+$/);
  });
});

describe('arcSvgPath', () => {
  const cases: [args: [number, number, number, number, number, number], path: string][] = [
    [[0, 0, 100, 0, 0.2, 2], 'M0 0Q50 -20 100 0'], // travelling right, the left of travel is up: negative y
    [[10.123456, 20.5, 30, 40, 0.25, 2], 'M10.12 20.5Q24.94 25.28 30 40'],
    [[1, 1, 1, 1, 0.2, 2], 'M1 1L1 1'],
    [[-0.004, 0, 50, 0, 0, 2], 'M0 0Q25 0 50 0'], // no "-0", no trailing zeros
  ];
  it.each(cases)('%j → %s', (args, path) => {
    expect(arcSvgPath(...args)).toBe(path);
  });

  it('bends to the same visual side as the map arc', () => {
    // Project Liège and Śląskie into a y-down screen plane (x = lon, y = −Mercator y).
    const x0 = liege.lon;
    const y0 = -mercatorY(liege.lat);
    const x1 = slaskie.lon;
    const y1 = -mercatorY(slaskie.lat);
    const [cxScreen, cyScreen] = arcControl(x0, y0, x1, y1, 0.2, true);
    const [cxMap, cyMap] = arcControl(x0, -y0, x1, -y1, 0.2);
    expect(cxScreen).toBeCloseTo(cxMap, 9);
    expect(cyScreen).toBeCloseTo(-cyMap, 9);
  });
});

describe('formatNumber', () => {
  it.each([
    [1.5, 2, '1.5'],
    [2, 2, '2'],
    [-0.0001, 2, '0'],
    [123.456, 1, '123.5'],
    [100, 0, '100'],
  ])('%d at %i decimals → %s', (v, p, text) => {
    expect(formatNumber(v, p)).toBe(text);
  });
});
