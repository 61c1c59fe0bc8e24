// Initial map bounds: mainland Europe, widened to the data, never to overseas regions or non-NUTS countries.
import { describe, expect, it } from 'vitest';
import { MAINLAND_BOUNDS, initialBounds, isOverseas } from '../../src/lib/map/bounds';
import { placeOrganisations } from '../../src/lib/map/placement';
import { loadRegionIndex } from '../helpers/regions';
import { COLLABS, ORGS, compile, org } from '../helpers/map-dataset';

const index = loadRegionIndex();
const boundsOf = (orgs: Parameters<typeof compile>[0]) =>
  initialBounds(placeOrganisations(compile(orgs, []), index), index);

describe('isOverseas', () => {
  it.each([
    ['FRY', true],
    ['FRY1', true],
    ['FRY40', true],
    ['PT2', true],
    ['PT20', true],
    ['PT30', true],
    ['ES70', true],
    ['ES703', true],
    ['NO0B', true],
    ['NO0B1', true],
    ['FR', false],
    ['FRK2', false],
    ['PT1', false],
    ['ES6', false],
    ['NO0', false],
    ['NO07', false],
    ['', false],
  ])('%s → %s', (code, overseas) => {
    expect(isOverseas(code)).toBe(overseas);
  });
});

describe('initialBounds', () => {
  it('is mainland Europe for the fixture, despite La Réunion and the United States', () => {
    const compiled = compile(ORGS, COLLABS);
    expect(initialBounds(placeOrganisations(compiled, index), index)).toEqual(MAINLAND_BOUNDS);
  });

  it('is mainland Europe with no data', () => {
    expect(boundsOf([])).toEqual(MAINLAND_BOUNDS);
  });

  const outside: [what: string, orgs: ReturnType<typeof org>[]][] = [
    ['Canaries, Azores, Madeira', [org('a', { nuts: 'ES70' }), org('b', { nuts: 'PT20' }), org('c', { nuts: 'PT30' })]],
    ['Svalbard with coordinates', [org('a', { nuts: 'NO0B', lat: 78.22, lon: 15.65 })]],
    ['Guyane and Mayotte', [org('a', { nuts: 'FRY3' }), org('b', { nuts: 'FRY5' })]],
    ['a non-NUTS country', [org('a', { country: 'JP' }), org('b', { country: 'US', lat: 42.36, lon: -71.06 })]],
    ['coordinates with no region', [org('a', { lat: -33.9, lon: 18.4 })]],
  ];
  it.each(outside)('ignores %s', (_what, orgs) => {
    expect(boundsOf(orgs)).toEqual(MAINLAND_BOUNDS);
  });

  it('extends to Iceland and Cyprus, with a margin', () => {
    const [[south, west], [north, east]] = boundsOf([
      org('reykjavik', { country: 'IS' }),
      org('nicosia', { nuts: 'CY00' }),
    ]);
    expect(west).toBeCloseTo(index.get('IS')!.lon - 1, 9);
    expect(east).toBeCloseTo(index.get('CY00')!.lon + 1, 9);
    expect([south, north]).toEqual([MAINLAND_BOUNDS[0][0], MAINLAND_BOUNDS[1][0]]);
  });

  it('extends to exact coordinates inside NUTS (Vardø, far north-east)', () => {
    const [, [north, east]] = boundsOf([org('vardo', { nuts: 'NO07', lat: 70.37, lon: 31.1 })]);
    expect(north).toBeCloseTo(71.37, 9);
    expect(east).toBeCloseTo(32.1, 9);
  });

  it('extends to Turkish regions', () => {
    const [, [, east]] = boundsOf([org('ankara', { nuts: 'TR51' })]);
    expect(east).toBeCloseTo(index.get('TR51')!.lon + 1, 9);
  });
});
