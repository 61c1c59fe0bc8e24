// Finds the NUTS region containing organisations that have coordinates but no NUTS code, from region polygons.
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { MAP_LEVELS, PLACED_EXACT, type MapLevel, type Placement } from './placement';

/** A region polygon whose `id` (or `properties.id`) is its NUTS code, as topojson-client's `feature` returns them. */
export type RegionFeature = Feature<Polygon | MultiPolygon>;

interface Indexed {
  readonly region: number;
  readonly code: string;
  readonly polygons: readonly (readonly Position[][])[];
  readonly bbox: readonly [number, number, number, number];
}

/**
 * A copy of `placement` where organisations with their own coordinates and no region at `level`
 * get the region whose polygon contains them, with its ancestors. A region that contradicts a
 * coarser region already known (the organisation's country) is not taken: the stated data wins.
 * Uses planar even-odd tests in lon/lat, which ignore ring winding (d3-geo's spherical `geoContains`
 * reads a wrongly wound ring as the whole globe minus the region) and are exact enough at NUTS scale.
 */
export function locateByGeometry(placement: Placement, features: readonly RegionFeature[], level: MapLevel): Placement {
  const indexed = indexFeatures(placement, features, level);
  const regionAt = placement.regionAt.map((a) => a.slice()) as unknown as Placement['regionAt'];
  for (let i = 0; i < placement.orgCount; i++) {
    if (placement.kind[i] !== PLACED_EXACT || regionAt[level][i] !== -1) continue;
    const lon = placement.lon[i]!;
    const lat = placement.lat[i]!;
    const hit = indexed.find((f) => inBox(f.bbox, lon, lat) && f.polygons.some((rings) => inPolygon(rings, lon, lat)));
    if (hit === undefined || !agreesWithKnown(placement, i, hit.code, level)) continue;
    for (const l of MAP_LEVELS) {
      if (l > level) break;
      regionAt[l][i] = placement.regionIndexOf[l].get(hit.code.slice(0, 2 + l)) ?? -1;
    }
  }
  return { ...placement, regionAt };
}

function indexFeatures(placement: Placement, features: readonly RegionFeature[], level: MapLevel): Indexed[] {
  const out: Indexed[] = [];
  for (const f of features) {
    const code = String(f.id ?? f.properties?.['id'] ?? '');
    const region = placement.regionIndexOf[level].get(code);
    if (region === undefined || f.geometry === null) continue;
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const rings of polygons) {
      for (const [x = NaN, y = NaN] of rings[0] ?? []) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
    }
    out.push({ region, code, polygons, bbox: [w, s, e, n] });
  }
  // Sorted by code so that a point on a shared border always lands in the same region.
  return out.sort((a, b) => a.region - b.region);
}

function agreesWithKnown(placement: Placement, org: number, code: string, level: MapLevel): boolean {
  for (const l of MAP_LEVELS) {
    if (l >= level) break;
    const known = placement.regionAt[l][org] ?? -1;
    if (known >= 0 && !code.startsWith(placement.regions[l][known] ?? '\0')) return false;
  }
  return true;
}

function inBox(b: readonly [number, number, number, number], x: number, y: number): boolean {
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}

/** Even-odd rule over all rings, so holes (enclaves such as Baarle or Büsingen) are excluded. */
export function inPolygon(rings: readonly Position[][], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = NaN, yi = NaN] = ring[i] ?? [];
      const [xj = NaN, yj = NaN] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
