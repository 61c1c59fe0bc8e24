// Map aggregate at full scale: 50,000 organisations and 250,000 collaborations over the 334 NUTS 2 regions.
import { bench, describe } from 'vitest';
import {
  applyCollabDiff,
  clearChanges,
  makeRegionAggregate,
  resetAggregate,
  topPairs,
} from '../../src/lib/map/aggregate';
import { placeOrganisations } from '../../src/lib/map/placement';
import { makeRegionTables } from '../../src/lib/map/region-tables';
import { loadRegionIndex } from '../helpers/regions';
import { randomCompiled, rng } from '../helpers/map-dataset';

const ORGS = 50_000;
const COLLABS = 250_000;
const STEPS = 100;
/** Collaborations entering and leaving per time-window step (a month of a 30-year span is ≈ 700). */
const CHURN = 1_000;

const random = rng(42);
const index = loadRegionIndex();
const nuts2 = index.byLevel(2).map((r) => r.code);
// Uneven region sizes (random()² picks): a few regions hold most organisations, like real clusters.
const compiled = randomCompiled(random, ORGS, COLLABS, nuts2, 2);
const placement = placeOrganisations(compiled, index);
const agg = makeRegionAggregate(compiled, placement, 2);
const orgMask = new Uint8Array(ORGS).fill(1);
const collabMask = new Uint8Array(COLLABS).map(() => (random() < 0.5 ? 1 : 0));
resetAggregate(agg, collabMask, orgMask);

// Precomputed diffs that alternate direction, so repeated runs keep the state balanced.
const entering = Array.from({ length: STEPS }, () =>
  Int32Array.from({ length: CHURN }, () => Math.floor(random() * COLLABS)),
);
const topOut = new Int32Array(500);
console.log(`map bench: ${agg.pairTotal} region pairs, ${agg.regionCount} regions`);

describe('map aggregate, 50k organisations / 250k collaborations / NUTS 2', () => {
  bench('placeOrganisations (once per dataset)', () => {
    placeOrganisations(compiled, index);
  });

  bench('makeRegionTables (once per dataset and level)', () => {
    makeRegionTables(compiled, placement, 2);
  });

  bench('makeRegionAggregate (counts over the shared tables)', () => {
    makeRegionAggregate(compiled, placement, 2);
  });

  bench('resetAggregate (full recount)', () => {
    resetAggregate(agg, collabMask, orgMask);
    clearChanges(agg);
  });

  // A filter change: the window's counts and the whole span's (for the class breaks) in the same walks.
  const spanMask = collabMask.map((on) => (on || random() < 0.5 ? 1 : 0));
  const span = {
    collabMask: spanMask,
    orgVisible: orgMask,
    regionOrgs: new Uint32Array(agg.regionCount),
    regionCollabs: new Uint32Array(agg.regionCount),
  };
  bench('resetAggregate with the whole span (a filter change)', () => {
    resetAggregate(agg, collabMask, orgMask, span);
    clearChanges(agg);
  });

  bench(`one step: applyCollabDiff ${CHURN} in + ${CHURN} out`, () => {
    const diff = entering[0]!;
    applyCollabDiff(agg, diff, CHURN, diff, 0);
    applyCollabDiff(agg, diff, 0, diff, CHURN);
    clearChanges(agg);
  });

  bench(`topPairs k = 500 over all pairs`, () => {
    topPairs(agg, 500, 1, topOut);
  });

  bench(`reset + ${STEPS} steps (diff, read changes, topPairs 500)`, () => {
    resetAggregate(agg, collabMask, orgMask);
    let sink = 0;
    for (let s = 0; s < STEPS; s++) {
      const diff = entering[s]!;
      if (s % 2 === 0) applyCollabDiff(agg, diff, CHURN, diff, 0);
      else applyCollabDiff(agg, diff, 0, entering[s - 1]!, CHURN);
      for (let i = 0; i < agg.changedRegionCount; i++) sink += agg.regionCollabs[agg.changedRegions[i]!]!;
      clearChanges(agg);
      sink += topPairs(agg, 500, 1, topOut).length;
    }
    if (sink < 0) throw new Error('unreachable');
  });
});
