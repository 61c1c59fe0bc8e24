// Placement of organisations: position, how it was found, and NUTS region per level, over real NUTS 2021 data.
import { describe, expect, it } from 'vitest';
import {
  PLACED_COUNTRY,
  PLACED_EXACT,
  PLACED_NONE,
  PLACED_REGION,
  organisationsIn,
  placeOrganisations,
  type MapLevel,
} from '../../src/lib/map/placement';
import { locateByGeometry, type RegionFeature } from '../../src/lib/map/locate';
import { loadRegionIndex } from '../helpers/regions';
import { COLLABS, ORG, ORGS, compile, org } from '../helpers/map-dataset';

const index = loadRegionIndex();
const compiled = compile(ORGS, COLLABS);
const placement = placeOrganisations(compiled, index);

function codeAt(i: number, level: MapLevel): string {
  const r = placement.regionAt[level][i] ?? -1;
  return r < 0 ? '' : (placement.regions[level][r] ?? '?');
}

/** Where the expected point comes from: own coordinates, a region's label point, a country's point, or none. */
type From = { own: [lon: number, lat: number] } | { region: string } | { country: string } | 'none';

const cases: [id: string, kind: number, codes: [string, string, string], from: From][] = [
  ['uliege', PLACED_REGION, ['BE', 'BE3', 'BE33'], { region: 'BE332' }],
  ['lyonbiopole', PLACED_EXACT, ['FR', 'FRK', 'FRK2'], { own: [4.832, 45.7578] }],
  ['silesia-medical', PLACED_REGION, ['PL', 'PL2', 'PL22'], { region: 'PL22' }],
  ['biopro', PLACED_REGION, ['DE', 'DE1', ''], { region: 'DE1' }],
  ['heidelberg', PLACED_EXACT, ['DE', 'DE1', 'DE12'], { own: [8.6691, 49.4179] }],
  ['brightlands', PLACED_REGION, ['NL', 'NL4', 'NL42'], { region: 'NL42' }],
  ['us-hub', PLACED_COUNTRY, ['', '', ''], { country: 'US' }],
  ['mystery', PLACED_NONE, ['', '', ''], 'none'],
  ['coords-only', PLACED_EXACT, ['', '', ''], { own: [4.3528, 50.8466] }],
  ['be-agency', PLACED_COUNTRY, ['BE', '', ''], { region: 'BE' }],
  ['athens', PLACED_COUNTRY, ['EL', '', ''], { region: 'EL' }],
  ['reunion', PLACED_REGION, ['FR', 'FRY', 'FRY4'], { region: 'FRY4' }],
  ['old-code', PLACED_REGION, ['BE', 'BE2', 'BE22'], { region: 'BE224' }],
  ['us-coords', PLACED_EXACT, ['', '', ''], { own: [-71.0589, 42.3601] }],
];

describe('placeOrganisations', () => {
  it.each(cases)('%s', (id, kind, codes, from) => {
    const i = ORG[id]!;
    expect(placement.kind[i]).toBe(kind);
    expect([codeAt(i, 0), codeAt(i, 1), codeAt(i, 2)]).toEqual(codes);
    const point =
      from === 'none'
        ? [NaN, NaN]
        : 'own' in from
          ? from.own
          : 'region' in from
            ? [index.get(from.region)!.lon, index.get(from.region)!.lat]
            : [index.country(from.country)!.lon, index.country(from.country)!.lat];
    expect([placement.lon[i], placement.lat[i]]).toEqual(point);
  });

  it('uses the full NUTS 2021 code tables, sorted, so indexes do not depend on the data', () => {
    expect(placement.regions[2]).toHaveLength(index.byLevel(2).length);
    expect([...placement.regions[2]]).toEqual([...placement.regions[2]].sort());
    expect(placement.regionIndexOf[2].get('BE33')).toBe(placement.regions[2].indexOf('BE33'));
  });

  it('lists organisations with no position as not on the map', () => {
    expect([...placement.notOnMap]).toEqual([ORG['mystery']]);
  });

  it('groups organisations outside NUTS by country with the country point', () => {
    expect(placement.outsideNuts).toEqual([
      {
        country: 'US',
        count: 2,
        lon: index.country('US')!.lon,
        lat: index.country('US')!.lat,
        orgs: [ORG['us-hub'], ORG['us-coords']],
      },
    ]);
  });

  it('reports codes that are not NUTS 2021 codes', () => {
    expect([...placement.unknownNuts]).toEqual([ORG['old-code']]);
  });

  it('falls back to the longest known prefix of an unknown code', () => {
    const p = placeOrganisations(compile([org('x', { nuts: 'BE33Z' })], []), index);
    expect(p.regions[2][p.regionAt[2][0]!]).toBe('BE33');
    expect(p.kind[0]).toBe(PLACED_REGION);
    expect([...p.unknownNuts]).toEqual([0]);
  });

  it('ignores non-finite coordinates', () => {
    const p = placeOrganisations(compile([org('x', { nuts: 'NL42', lat: NaN, lon: 5 })], []), index);
    expect(p.kind[0]).toBe(PLACED_REGION);
  });

  it('finds organisations of a region', () => {
    expect(organisationsIn(placement, 2, placement.regionIndexOf[2].get('BE33')!)).toEqual([
      ORG['uliege'],
      ORG['chu-liege'],
    ]);
  });
});

describe('locateByGeometry', () => {
  // Two unit squares standing in for BE33 and NL42; BE33's has a hole (an enclave).
  const square = (x: number, y: number, size: number): number[][] => [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
  const features: RegionFeature[] = [
    {
      type: 'Feature',
      id: 'BE33',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [square(5, 50, 1), square(5.4, 50.4, 0.2)] },
    },
    {
      type: 'Feature',
      id: 'NL42',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: [[square(5.5, 51, 0.5)], [square(6.5, 51, 0.5)]] },
    },
  ];
  const orgs = [
    org('in-be33', { lat: 50.2, lon: 5.2 }),
    org('in-hole', { lat: 50.5, lon: 5.5 }),
    org('in-nl42-second-part', { lat: 51.2, lon: 6.7 }),
    org('contradicts-country', { country: 'DE', lat: 50.2, lon: 5.2 }),
    org('already-placed', { nuts: 'PL22', lat: 50.2, lon: 5.2 }),
  ];
  const base = placeOrganisations(compile(orgs, []), index);
  const located = locateByGeometry(base, features, 2);
  const codes = (level: MapLevel): string[] =>
    [...located.regionAt[level]].map((r) => (r < 0 ? '' : located.regions[level][r]!));

  it('assigns the containing region and its ancestors, and respects holes and known countries', () => {
    expect(codes(2)).toEqual(['BE33', '', 'NL42', '', 'PL22']);
    expect(codes(1)).toEqual(['BE3', '', 'NL4', '', 'PL2']);
    expect(codes(0)).toEqual(['BE', '', 'NL', 'DE', 'PL']);
  });

  it('leaves the input placement untouched', () => {
    expect(base.regionAt[2][0]).toBe(-1);
  });
});
