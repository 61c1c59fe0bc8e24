// Test helper: the real region index built from data/regions/*.csv, for any Node test that needs NUTS lookups.
import { readFileSync } from 'node:fs';
import { regionIndexFromCsv, type RegionIndex } from '../../src/lib/regions/region-index';

const read = (name: string): string => readFileSync(new URL(`../../data/regions/${name}`, import.meta.url), 'utf8');

let cached: RegionIndex | undefined;

/** The region index over the shipped CSVs; built once per test file because the index is immutable. */
export function loadRegionIndex(): RegionIndex {
  cached ??= regionIndexFromCsv({
    regions: read('nuts2021.csv'),
    recodes: read('nuts2016-2021.csv'),
    countries: read('countries.csv'),
  });
  return cached;
}
