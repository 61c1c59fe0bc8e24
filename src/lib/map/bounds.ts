// The map's first view: mainland Europe, widened to the data but never to overseas regions or other continents.
import { MAP_LEVELS, PLACED_NONE, type Placement } from './placement';

/** Leaflet's LatLngBoundsLiteral: [[south, west], [north, east]]. */
export type BoundsLiteral = [[south: number, west: number], [north: number, east: number]];

/** Mainland Europe from Portugal to Finland's east border, Crete to North Cape. */
export const MAINLAND_BOUNDS: BoundsLiteral = [
  [34, -11],
  [71, 32],
];

/**
 * NUTS regions far from the mainland: French outermost regions (FRY1–5), Azores (PT20), Madeira
 * (PT30), Canaries (ES70), Jan Mayen and Svalbard (NO0B). Fitting them would shrink Europe to a
 * strip. Prefixes, so NUTS 3 codes and the NUTS 1 parents that hold nothing else (FRY, PT2, PT3,
 * ES7) match too.
 */
export const OVERSEAS_PREFIXES: readonly string[] = ['FRY', 'PT2', 'PT3', 'ES7', 'NO0B'];

/** Margin in degrees around a data point: a region extends beyond its label point. */
const PADDING = 1;

/** The region index parts the bounds read (its `Region` objects satisfy this). */
export interface RegionPoints {
  get(code: string): { readonly lon: number; readonly lat: number } | undefined;
}

/** Whether a NUTS code (any level) lies in an overseas region; codes that also hold mainland (`FR`, `NO0`) do not. */
export function isOverseas(code: string): boolean {
  return OVERSEAS_PREFIXES.some((p) => code.startsWith(p));
}

/**
 * Initial map bounds: MAINLAND_BOUNDS extended to every placed organisation inside NUTS and to the
 * label points of the regions they are in, padded by a degree. Organisations outside NUTS (shown
 * with edge-of-map indicators) and in overseas regions are left out.
 */
export function initialBounds(placement: Placement, regionIndex: RegionPoints): BoundsLiteral {
  let [[south, west], [north, east]] = MAINLAND_BOUNDS;
  const extend = (lon: number, lat: number): void => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    south = Math.min(south, lat - PADDING);
    north = Math.max(north, lat + PADDING);
    west = Math.min(west, lon - PADDING);
    east = Math.max(east, lon + PADDING);
  };
  const seen = new Set<string>();
  for (let i = 0; i < placement.orgCount; i++) {
    if (placement.kind[i] === PLACED_NONE || (placement.regionAt[0][i] ?? -1) < 0) continue;
    const code = finestCode(placement, i);
    if (isOverseas(code)) continue;
    extend(placement.lon[i] ?? NaN, placement.lat[i] ?? NaN);
    if (seen.has(code)) continue;
    seen.add(code);
    const region = regionIndex.get(code);
    if (region) extend(region.lon, region.lat);
  }
  return [
    [south, west],
    [north, east],
  ];
}

function finestCode(placement: Placement, org: number): string {
  for (let l = MAP_LEVELS.length - 1; l >= 0; l--) {
    const level = MAP_LEVELS[l]!;
    const r = placement.regionAt[level][org] ?? -1;
    if (r >= 0) return placement.regions[level][r] ?? '';
  }
  return '';
}
