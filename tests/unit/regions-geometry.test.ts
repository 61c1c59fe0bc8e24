// Pins the shipped NUTS 2021 TopoJSON: feature counts, ids backed by the region CSV, size budget, shared borders.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import { parseRegionsCsv } from '../../src/lib/regions/region-csv';

const topoUrl = new URL('../../data/regions/nuts2021.topo.json', import.meta.url);
const topology = JSON.parse(readFileSync(topoUrl, 'utf8')) as Topology<{
  nuts0: GeometryCollection;
  nuts1: GeometryCollection;
  nuts2: GeometryCollection;
}>;
const regions = parseRegionsCsv(readFileSync(new URL('../../data/regions/nuts2021.csv', import.meta.url), 'utf8'));
const regionByCode = new Map(regions.map((r) => [r.code, r]));

const LEVELS = [
  { name: 'nuts0', level: 0, count: 37 },
  { name: 'nuts1', level: 1, count: 125 },
  { name: 'nuts2', level: 2, count: 334 },
] as const;

const idsOf = (name: 'nuts0' | 'nuts1' | 'nuts2'): string[] =>
  topology.objects[name].geometries.map((g) => String(g.id));

/** Every arc index a collection references, with direction dropped. */
function arcsOf(name: 'nuts0' | 'nuts1' | 'nuts2'): Set<number> {
  const out = new Set<number>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'number') out.add(value < 0 ? ~value : value);
  };
  for (const g of topology.objects[name].geometries) if ('arcs' in g) visit(g.arcs);
  return out;
}

/** Even-odd test over all rings; planar is right here because rings and points share lon/lat space. */
function contains(geometry: Polygon | MultiPolygon, [x, y]: [number, number]): boolean {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

describe('nuts2021.topo.json', () => {
  test.each(LEVELS)('$name has $count features with unique ids', ({ name, count }) => {
    const ids = idsOf(name);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
  });

  test.each(LEVELS)('every $name id is a level-$level row of nuts2021.csv', ({ name, level }) => {
    const missing = idsOf(name).filter((id) => regionByCode.get(id)?.level !== level);
    expect(missing).toEqual([]);
  });

  test('carries ids only, no heavy properties', () => {
    for (const { name } of LEVELS)
      for (const g of topology.objects[name].geometries) expect(Object.keys(g).sort()).toEqual(['arcs', 'id', 'type']);
  });

  test('stays under 200 KB', () => {
    expect(statSync(topoUrl).size).toBeLessThan(200 * 1024);
  });

  test('is quantized', () => {
    expect(topology.transform).toBeDefined();
  });

  test('every nuts1 and nuts0 id is the prefix of nuts2 ids, and every nuts2 id has both parents', () => {
    const nuts2 = idsOf('nuts2');
    for (const id of idsOf('nuts1')) expect(nuts2.some((c) => c.startsWith(id))).toBe(true);
    for (const id of idsOf('nuts0')) expect(nuts2.some((c) => c.startsWith(id))).toBe(true);
    const nuts1 = new Set(idsOf('nuts1'));
    const nuts0 = new Set(idsOf('nuts0'));
    expect(nuts2.filter((id) => !nuts1.has(id.slice(0, 3)) || !nuts0.has(id.slice(0, 2)))).toEqual([]);
  });

  test('merged NUTS1 and NUTS0 borders reuse the NUTS2 arcs exactly', () => {
    const nuts2 = arcsOf('nuts2');
    const nuts1 = arcsOf('nuts1');
    const nuts0 = arcsOf('nuts0');
    expect([...nuts1].filter((a) => !nuts2.has(a))).toEqual([]);
    expect([...nuts0].filter((a) => !nuts1.has(a))).toEqual([]);
    // Internal NUTS2 borders vanish when merged, so coarser levels use strictly fewer arcs.
    expect(nuts1.size).toBeLessThan(nuts2.size);
    expect(nuts0.size).toBeLessThan(nuts1.size);
  });

  test.each(LEVELS)("every $name label point in nuts2021.csv lies inside the feature's geometry", ({ name }) => {
    const outside = feature(topology, topology.objects[name])
      .features.filter((f) => {
        const region = regionByCode.get(String(f.id));
        const g = f.geometry as Polygon | MultiPolygon;
        return !region || !contains(g, [region.lon, region.lat]);
      })
      .map((f) => f.id);
    expect(outside).toEqual([]);
  });
});
