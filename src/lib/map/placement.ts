// Where each organisation sits on the map: a position, how it was found, and its NUTS region per level.
import type { CompiledDataset } from '../model/compiled';
import type { Region, RegionIndex } from '../regions/region-index';

/** No position: no coordinates, no known region, no country with a representative point. */
export const PLACED_NONE = 0;
/** The organisation's own coordinates. */
export const PLACED_EXACT = 1;
/** The centroid of its NUTS 1–3 region. */
export const PLACED_REGION = 2;
/** The country's representative point: a NUTS code of level 0, a country code only, or a non-NUTS country. */
export const PLACED_COUNTRY = 3;

/** NUTS levels the map aggregates at; NUTS 3 codes roll up to their NUTS 2 ancestor. */
export type MapLevel = 0 | 1 | 2;
export const MAP_LEVELS: readonly MapLevel[] = [0, 1, 2];

/** The part of the region index placement reads. */
export type RegionLookup = Pick<RegionIndex, 'get' | 'resolve' | 'byLevel' | 'country'>;

/** Organisations of one country outside NUTS, for an edge-of-map indicator. */
export interface OutsideCountry {
  readonly country: string;
  readonly count: number;
  /** Representative point of the country, NaN when the index has none. */
  readonly lon: number;
  readonly lat: number;
  /** Organisation indexes, ascending. */
  readonly orgs: readonly number[];
}

/** Per-organisation positions and regions, as typed arrays indexed by organisation index. */
export interface Placement {
  readonly orgCount: number;
  /** NaN when unplaced. */
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** One of PLACED_NONE, PLACED_EXACT, PLACED_REGION, PLACED_COUNTRY. */
  readonly kind: Uint8Array;
  /** Index into `regions[level]`, or -1 when not known at that level (outside NUTS, or a coarser code). */
  readonly regionAt: readonly [Int32Array, Int32Array, Int32Array];
  /** Every NUTS code of each level, sorted, so indexes are stable for a given region index. */
  readonly regions: readonly [readonly string[], readonly string[], readonly string[]];
  readonly regionIndexOf: readonly [
    ReadonlyMap<string, number>,
    ReadonlyMap<string, number>,
    ReadonlyMap<string, number>,
  ];
  /** Organisations with no position at all (PLACED_NONE), ascending. */
  readonly notOnMap: Int32Array;
  /** Organisations whose `nuts` code is not in the region index (placed by country or coordinates instead). */
  readonly unknownNuts: Int32Array;
  /** Organisations in countries outside NUTS, grouped by country, most organisations first. */
  readonly outsideNuts: readonly OutsideCountry[];
}

// Eurostat codes differ from ISO 3166 for Greece and the United Kingdom.
const EUROSTAT_COUNTRY: Readonly<Record<string, string>> = { GR: 'EL', GB: 'UK' };

/** A country code as NUTS spells it: trimmed, upper case, `GR` → `EL`, `GB` → `UK`. */
export function eurostatCountry(code: string): string {
  const c = code.trim().toUpperCase();
  return EUROSTAT_COUNTRY[c] ?? c;
}

/**
 * Places every organisation. Own coordinates win for the position; the region comes from the `nuts`
 * code (NUTS codes are hierarchical by prefix, so `BE332` lies in `BE33`, `BE3` and `BE`). An
 * organisation with coordinates but no NUTS code gets no region below country level: assigning one
 * needs the polygons, see `locateByGeometry` in `locate.ts`.
 */
export function placeOrganisations(compiled: CompiledDataset, regionIndex: RegionLookup): Placement {
  const orgs = compiled.dataset.organisations;
  const n = compiled.orgCount;
  const lon = new Float64Array(n).fill(NaN);
  const lat = new Float64Array(n).fill(NaN);
  const kind = new Uint8Array(n);
  const regionAt = [new Int32Array(n).fill(-1), new Int32Array(n).fill(-1), new Int32Array(n).fill(-1)] as const;
  const regions = MAP_LEVELS.map((l) =>
    regionIndex
      .byLevel(l)
      .map((r) => r.code)
      .sort(),
  ) as unknown as Placement['regions'];
  const regionIndexOf = regions.map((codes) => new Map(codes.map((c, i) => [c, i]))) as unknown as [
    Map<string, number>,
    Map<string, number>,
    Map<string, number>,
  ];
  const notOnMap: number[] = [];
  const unknownNuts: number[] = [];
  const outside = new Map<string, number[]>();

  for (let i = 0; i < n; i++) {
    const org = orgs[i];
    if (org === undefined) continue;
    const nuts = org.nuts.trim().toUpperCase();
    const region = nuts === '' ? undefined : finestKnown(regionIndex, nuts);
    if (nuts !== '' && region?.code !== nuts) unknownNuts.push(i);
    const country = eurostatCountry(org.country);
    // When the NUTS code and the country field disagree, the more precise NUTS code wins.
    const countryRegion = country === '' ? undefined : regionIndex.get(country);
    const anchor = region ?? (countryRegion?.level === 0 ? countryRegion : undefined);
    if (anchor !== undefined) {
      for (const l of MAP_LEVELS) {
        if (l > anchor.level) break;
        regionAt[l][i] = regionIndexOf[l].get(anchor.code.slice(0, 2 + l)) ?? -1;
      }
    }
    if (org.lat !== null && org.lon !== null && Number.isFinite(org.lat) && Number.isFinite(org.lon)) {
      lon[i] = org.lon;
      lat[i] = org.lat;
      kind[i] = PLACED_EXACT;
    } else if (anchor !== undefined && Number.isFinite(anchor.lon) && Number.isFinite(anchor.lat)) {
      lon[i] = anchor.lon;
      lat[i] = anchor.lat;
      kind[i] = anchor.level === 0 ? PLACED_COUNTRY : PLACED_REGION;
    }
    if (anchor === undefined && country !== '') {
      const list = outside.get(country);
      if (list === undefined) outside.set(country, [i]);
      else list.push(i);
      if (kind[i] === PLACED_NONE) {
        const point = regionIndex.country(country);
        if (point && Number.isFinite(point.lon) && Number.isFinite(point.lat)) {
          lon[i] = point.lon;
          lat[i] = point.lat;
          kind[i] = PLACED_COUNTRY;
        }
      }
    }
    if (kind[i] === PLACED_NONE) notOnMap.push(i);
  }

  const outsideNuts: OutsideCountry[] = [...outside].map(([country, list]) => {
    const point = regionIndex.country(country);
    const ok = point !== undefined && Number.isFinite(point.lon) && Number.isFinite(point.lat);
    return { country, count: list.length, lon: ok ? point.lon : NaN, lat: ok ? point.lat : NaN, orgs: list };
  });
  outsideNuts.sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));

  return {
    orgCount: n,
    lon,
    lat,
    kind,
    regionAt,
    regions,
    regionIndexOf,
    notOnMap: Int32Array.from(notOnMap),
    unknownNuts: Int32Array.from(unknownNuts),
    outsideNuts,
  };
}

/**
 * The region of a NUTS 2021 code; else of a NUTS 2016 code recoded without a split; else of the
 * longest known prefix (`BE33Z` → `BE33`), since NUTS nests by prefix; else undefined.
 */
function finestKnown(index: RegionLookup, code: string): Region | undefined {
  const exact = index.get(code);
  if (exact !== undefined) return exact;
  const resolved = index.resolve(code);
  if (resolved.status === 'found' && resolved.matched === 'recode') return resolved.region;
  for (let len = Math.min(code.length, 5) - 1; len >= 2; len--) {
    const r = index.get(code.slice(0, len));
    if (r !== undefined) return r;
  }
  return undefined;
}

/** Organisation indexes whose region at `level` is `regionIdx`, ascending. */
export function organisationsIn(placement: Placement, level: MapLevel, regionIdx: number): number[] {
  const at = placement.regionAt[level];
  const out: number[] = [];
  for (let i = 0; i < at.length; i++) if (at[i] === regionIdx) out.push(i);
  return out;
}
