// Region and region-pair counts: fixture expectations, incremental diffs vs full recomputation, top-k vs a full sort.
import { describe, expect, it } from 'vitest';
import {
  applyCollabDiff,
  applyOrgDiff,
  clearChanges,
  makeRegionAggregate,
  pairsTouching,
  partnerOf,
  regionSummary,
  resetAggregate,
  topPairs,
  type RegionAggregate,
} from '../../src/lib/map/aggregate';
import { placeOrganisations, type MapLevel } from '../../src/lib/map/placement';
import { dayNumber } from '../../src/lib/model/dates';
import { OPEN_END } from '../../src/lib/model/compiled';
import { makeRegionTables, regionTablesOf } from '../../src/lib/map/region-tables';
import { loadRegionIndex } from '../helpers/regions';
import { COLLABS, ORG, ORGS, compile, randomCompiled, rng } from '../helpers/map-dataset';

const index = loadRegionIndex();
const compiled = compile(ORGS, COLLABS);
const placement = placeOrganisations(compiled, index);
const all = (n: number): Uint8Array => new Uint8Array(n).fill(1);

function fixtureAggregate(level: MapLevel): RegionAggregate {
  const agg = makeRegionAggregate(compiled, placement, level);
  resetAggregate(agg, all(compiled.collabCount), all(compiled.orgCount));
  return agg;
}

const regionOf = (agg: RegionAggregate, code: string): number => placement.regionIndexOf[agg.level].get(code)!;

function pairCounts(agg: RegionAggregate): Record<string, number> {
  const codes = placement.regions[agg.level];
  const out: Record<string, number> = {};
  for (let p = 0; p < agg.pairTotal; p++) {
    if (agg.pairCount[p]! > 0) out[`${codes[agg.pairA[p]!]}–${codes[agg.pairB[p]!]}`] = agg.pairCount[p]!;
  }
  return out;
}

describe('fixture counts with everything visible', () => {
  const regionCases: [level: MapLevel, code: string, orgs: number, collabs: number][] = [
    [2, 'BE33', 2, 7], // uliege + chu-liege; the internal collaboration counts once
    [2, 'NL42', 1, 4],
    [2, 'FRK2', 1, 2],
    [2, 'DE12', 1, 3],
    [2, 'PL22', 1, 2],
    [2, 'BE22', 1, 1], // old-code, placed through the NUTS 2016 recode
    [2, 'FRY4', 1, 0],
    [1, 'DE1', 2, 3], // biopro (NUTS 1 only) and heidelberg; their link is internal at this level
    [0, 'BE', 4, 7],
    [0, 'EL', 1, 0],
  ];
  it.each(regionCases)('level %i %s: %i organisations, %i collaborations', (level, code, orgs, collabs) => {
    const agg = fixtureAggregate(level);
    expect(agg.regionOrgs[regionOf(agg, code)]).toBe(orgs);
    expect(agg.regionCollabs[regionOf(agg, code)]).toBe(collabs);
  });

  it('counts each unordered pair of different regions', () => {
    expect(pairCounts(fixtureAggregate(2))).toEqual({
      'BE33–NL42': 2,
      'BE33–FRK2': 1,
      'DE12–FRK2': 1,
      'DE12–PL22': 1,
      'BE22–BE33': 1,
      'NL42–PL22': 1,
    });
    expect(pairCounts(fixtureAggregate(0))).toEqual({ 'BE–NL': 2, 'BE–FR': 1, 'DE–FR': 1, 'DE–PL': 1, 'NL–PL': 1 });
  });

  it('ranks the pairs touching a region', () => {
    const agg = fixtureAggregate(2);
    const be33 = regionOf(agg, 'BE33');
    const partners = pairsTouching(agg, be33).map((p) => placement.regions[2][partnerOf(agg, p, be33)]);
    expect(partners).toEqual(['NL42', 'BE22', 'FRK2']);
    expect(pairsTouching(agg, be33, 2)).toHaveLength(1);
  });
});

describe('regionTablesOf', () => {
  it('builds each level once per dataset and placement, with what makeRegionTables builds', () => {
    const level2 = regionTablesOf(compiled, placement, 2);
    expect(regionTablesOf(compiled, placement, 2)).toBe(level2);
    expect(level2).toEqual(makeRegionTables(compiled, placement, 2));
    const level1 = regionTablesOf(compiled, placement, 1);
    expect(level1).not.toBe(level2);
    expect(level1.level).toBe(1);
    // Another placement of the same organisations (a new region index) gets tables of its own.
    const other = placeOrganisations(compiled, loadRegionIndex());
    expect(regionTablesOf(compiled, other, 2)).not.toBe(level2);
    expect(regionTablesOf(compiled, other, 2)).toEqual(level2);
    // Two aggregates share the tables and keep counts of their own.
    const a = makeRegionAggregate(compiled, other, 2);
    const b = makeRegionAggregate(compiled, other, 2);
    expect(a.collabList).toBe(b.collabList);
    expect(a.regionOrgs).not.toBe(b.regionOrgs);
  });
});

describe('regionSummary', () => {
  it('summarises Prov. Liège (BE33)', () => {
    const agg = fixtureAggregate(2);
    const s = regionSummary(compiled, agg, placement, regionOf(agg, 'BE33'), all(compiled.collabCount));
    expect(s.code).toBe('BE33');
    expect(s.organisations).toEqual([ORG['uliege'], ORG['chu-liege']]);
    expect(s.collaborations).toBe(7);
    expect(s.internal).toBe(1);
    expect(s.partners.map((p) => [p.code, p.count, p.crossBorder])).toEqual([
      ['NL42', 2, true],
      ['BE22', 1, false],
      ['FRK2', 1, true],
    ]);
    // Cross-border: NL42 ×2, FRK2, US. Domestic: BE (country only), BE22, the internal link.
    expect([s.crossBorder, s.domestic, s.unknownCountry]).toEqual([4, 3, 0]);
    expect(s.crossBorderShare).toBeCloseTo(4 / 7);
    expect(s.firstDay).toBe(dayNumber(2014, 1, 1));
    expect(s.latestStart).toBe(dayNumber(2020, 1, 1));
    expect(s.lastDay).toBe(OPEN_END);
  });

  it('follows the mask and reports unknown partner countries and undated links', () => {
    const agg = fixtureAggregate(2);
    const mask = new Uint8Array(compiled.collabCount);
    mask[8] = 1; // brightlands–mystery, undated
    mask[0] = 1; // uliege–brightlands 2015–2018
    const s = regionSummary(compiled, agg, placement, regionOf(agg, 'NL42'), mask);
    expect([s.collaborations, s.crossBorder, s.domestic, s.unknownCountry, s.undated]).toEqual([2, 1, 0, 1, 1]);
    expect(s.crossBorderShare).toBe(1);
    expect([s.firstDay, s.lastDay]).toEqual([dayNumber(2015, 1, 1), dayNumber(2018, 12, 31)]);
  });
});

/** Random data over the NUTS 3 regions of a few countries (few regions, so pairs repeat and counts tie). */
function randomData(seed: number, orgCount: number, collabCount: number) {
  const random = rng(seed);
  const codes = index
    .byLevel(3)
    .filter((r) => /^(BE|NL|PL|DE1)/.test(r.code))
    .map((r) => r.code);
  const c = randomCompiled(random, orgCount, collabCount, codes);
  return { random, compiled: c, placement: placeOrganisations(c, index) };
}

/** Reference: counts straight from the masks. */
function recompute(
  agg: RegionAggregate,
  data: ReturnType<typeof randomData>,
  collabMask: Uint8Array,
  orgMask: Uint8Array,
) {
  const fresh = makeRegionAggregate(data.compiled, data.placement, agg.level);
  resetAggregate(fresh, collabMask, orgMask);
  return fresh;
}

describe('incremental diffs', () => {
  it.each([1, 2, 3])('equal a full recomputation after random diffs (seed %i)', (seed) => {
    const data = randomData(seed, 400, 3000);
    const { random } = data;
    const n = data.compiled.collabCount;
    const m = data.compiled.orgCount;
    const collabMask = new Uint8Array(n).map(() => (random() < 0.5 ? 1 : 0));
    const orgMask = new Uint8Array(m).map(() => (random() < 0.7 ? 1 : 0));
    const agg = makeRegionAggregate(data.compiled, data.placement, 2);
    resetAggregate(agg, collabMask, orgMask);
    const entering = new Int32Array(400);
    const leaving = new Int32Array(400);
    for (let step = 0; step < 60; step++) {
      clearChanges(agg);
      const before = {
        regionCollabs: agg.regionCollabs.slice(),
        regionOrgs: agg.regionOrgs.slice(),
        pairs: agg.pairCount.slice(),
      };
      // Includes indexes already in the requested state: those must be ignored, not double-counted.
      const ne = Math.floor(random() * 400);
      const nl = Math.floor(random() * 400);
      for (let i = 0; i < ne; i++) entering[i] = Math.floor(random() * n);
      for (let i = 0; i < nl; i++) leaving[i] = Math.floor(random() * n);
      applyCollabDiff(agg, entering, ne, leaving, nl);
      for (let i = 0; i < nl; i++) collabMask[leaving[i]!] = 0;
      for (let i = 0; i < ne; i++) collabMask[entering[i]!] = 1;
      const oe = Math.floor(random() * 20);
      const ol = Math.floor(random() * 20);
      for (let i = 0; i < oe; i++) entering[i] = Math.floor(random() * m);
      for (let i = 0; i < ol; i++) leaving[i] = Math.floor(random() * m);
      applyOrgDiff(agg, entering, oe, leaving, ol);
      for (let i = 0; i < ol; i++) orgMask[leaving[i]!] = 0;
      for (let i = 0; i < oe; i++) orgMask[entering[i]!] = 1;

      const fresh = recompute(agg, data, collabMask, orgMask);
      expect(agg.regionCollabs).toEqual(fresh.regionCollabs);
      expect(agg.regionOrgs).toEqual(fresh.regionOrgs);
      expect(agg.pairCount).toEqual(fresh.pairCount);

      const changedRegions = new Set(agg.changedRegions.subarray(0, agg.changedRegionCount));
      const changedPairs = new Set(agg.changedPairs.subarray(0, agg.changedPairCount));
      expect(changedRegions.size).toBe(agg.changedRegionCount); // no duplicates
      expect(changedPairs.size).toBe(agg.changedPairCount);
      for (let r = 0; r < agg.regionCount; r++) {
        if (before.regionCollabs[r] !== agg.regionCollabs[r] || before.regionOrgs[r] !== agg.regionOrgs[r]) {
          expect(changedRegions.has(r)).toBe(true);
        }
      }
      for (let p = 0; p < agg.pairTotal; p++)
        if (before.pairs[p] !== agg.pairCount[p]) expect(changedPairs.has(p)).toBe(true);
    }
  });

  it('records as changed after a reset only what differs', () => {
    const agg = fixtureAggregate(2);
    clearChanges(agg);
    const mask = all(compiled.collabCount);
    mask[5] = 0; // silesia-medical–heidelberg: PL22, DE12 and their pair
    resetAggregate(agg, mask, all(compiled.orgCount));
    const codes = [...agg.changedRegions.subarray(0, agg.changedRegionCount)].map((r) => placement.regions[2][r]);
    expect(codes.sort()).toEqual(['DE12', 'PL22']);
    expect(agg.changedPairCount).toBe(1);
    expect(agg.pairCount[agg.changedPairs[0]!]).toBe(0);
  });

  it('reports nothing when a diff changes nothing', () => {
    const agg = fixtureAggregate(2);
    clearChanges(agg);
    applyCollabDiff(agg, [0, 1], 2, [], 0); // already visible
    expect([agg.changedRegionCount, agg.changedPairCount]).toEqual([0, 0]);
  });
});

describe('resetAggregate with a span', () => {
  it.each([1, 2])('counts the span as a reset of its own would, and the window as without it (seed %i)', (seed) => {
    const data = randomData(seed, 400, 3000);
    const random = () => data.random();
    const spanCollabs = new Uint8Array(data.compiled.collabCount).map(() => (random() < 0.7 ? 1 : 0));
    // The window is a subset of the span, as a time window is of the filters' whole span; some orgs differ both ways.
    const collabMask = spanCollabs.map((on) => (on && random() < 0.5 ? 1 : 0));
    const spanOrgs = new Uint8Array(data.compiled.orgCount).map(() => (random() < 0.8 ? 1 : 0));
    const orgMask = spanOrgs.map((on) => (random() < 0.2 ? 1 - on : on));
    for (const level of [0, 1, 2] as const) {
      const agg = makeRegionAggregate(data.compiled, data.placement, level);
      // Stale values in the outputs must be overwritten, not added to.
      const span = {
        collabMask: spanCollabs,
        orgVisible: spanOrgs,
        regionOrgs: new Uint32Array(agg.regionCount).fill(7),
        regionCollabs: new Uint32Array(agg.regionCount).fill(7),
      };
      resetAggregate(agg, collabMask, orgMask, span);
      const windowOnly = makeRegionAggregate(data.compiled, data.placement, level);
      resetAggregate(windowOnly, collabMask, orgMask);
      expect([agg.regionOrgs, agg.regionCollabs, agg.pairCount]).toEqual([
        windowOnly.regionOrgs,
        windowOnly.regionCollabs,
        windowOnly.pairCount,
      ]);
      const spanOnly = makeRegionAggregate(data.compiled, data.placement, level);
      resetAggregate(spanOnly, spanCollabs, spanOrgs);
      expect(span.regionOrgs).toEqual(spanOnly.regionOrgs);
      expect(span.regionCollabs).toEqual(spanOnly.regionCollabs);
      expect(span.regionCollabs).not.toEqual(agg.regionCollabs);
      expect(span.regionCollabs.some((v) => v > 0)).toBe(true);
    }
  });
});

describe('topPairs', () => {
  const data = randomData(7, 300, 4000);
  const agg = makeRegionAggregate(data.compiled, data.placement, 2);
  resetAggregate(agg, all(data.compiled.collabCount), all(data.compiled.orgCount));
  const bySort = (minCount: number): number[] =>
    Array.from({ length: agg.pairTotal }, (_, p) => p)
      .filter((p) => agg.pairCount[p]! >= Math.max(1, minCount))
      .sort((a, b) => agg.pairCount[b]! - agg.pairCount[a]! || a - b);

  it('has ties and enough pairs to be a real test', () => {
    expect(agg.pairTotal).toBeGreaterThan(300);
    expect(new Set(agg.pairCount).size).toBeLessThan(agg.pairTotal / 10);
  });

  it.each([
    [1, 0],
    [10, 0],
    [100, 1],
    [100, 3],
    [1e6, 0],
    [0, 0],
  ])('k = %i, minCount = %i equals a full sort', (k, minCount) => {
    expect([...topPairs(agg, k, minCount)]).toEqual(bySort(minCount).slice(0, k));
  });

  it('writes into a caller buffer', () => {
    const out = new Int32Array(50);
    const top = topPairs(agg, 50, 1, out);
    expect(top.buffer).toBe(out.buffer);
    expect([...top]).toEqual(bySort(1).slice(0, 50));
  });
});
