// Test helper: a small real-world dataset for the map core, plus builders for organisations and collaborations.
import type { Collaboration, Dataset, Organisation } from '../../src/lib/model/types';
import { parseIsoPartialDate } from '../../src/lib/model/dates';
import { compileDataset, type CompiledDataset } from '../../src/lib/model/compiled';

/** An organisation with every optional field empty. */
export function org(id: string, fields: Partial<Organisation> = {}): Organisation {
  return {
    id,
    name: id,
    aliases: [],
    type: 'cluster',
    country: '',
    nuts: '',
    city: '',
    lat: null,
    lon: null,
    founded: null,
    members: null,
    employees: null,
    themes: [],
    people: [],
    website: '',
    description: '',
    sources: ['src-000'],
    note: '',
    attributes: {},
    ...fields,
  };
}

/** A collaboration; dates as `YYYY[-MM[-DD]]`, '' for undated start or open end. */
export function collab(source: string, target: string, start = '', end = start): Collaboration {
  return {
    id: `${source}--${target}--${start}--${end}`,
    source,
    target,
    kind: 'partnership',
    label: '',
    start: start === '' ? null : parseIsoPartialDate(start),
    end: end === '' ? null : parseIsoPartialDate(end),
    approximate: false,
    weight: 1,
    directed: false,
    description: '',
    sources: ['src-000'],
    note: '',
    attributes: {},
  };
}

export function compile(organisations: Organisation[], collaborations: Collaboration[]): CompiledDataset {
  const dataset: Dataset = { name: 'map fixture', sources: [], organisations, collaborations };
  return compileDataset(dataset);
}

/**
 * Organisations that exercise each placement path; the comment on each says what it proves.
 * Indexes are stable: tests refer to them through ORG.
 */
export const ORGS: Organisation[] = [
  // NUTS 3 code, no coordinates: centroid of BE332, rolls up to BE33 Prov. Liège.
  org('uliege', { name: 'Université de Liège', country: 'BE', nuts: 'BE332', city: 'Liège' }),
  // Own coordinates win over the FRK2 Rhône-Alpes centroid; region still from the code.
  org('lyonbiopole', { name: 'Lyonbiopôle', country: 'FR', nuts: 'FRK2', city: 'Lyon', lat: 45.7578, lon: 4.832 }),
  // NUTS 2 with diacritics in the region name: Śląskie.
  org('silesia-medical', { name: 'Śląski Klaster Medyczny', country: 'PL', nuts: 'PL22', city: 'Katowice' }),
  // NUTS 1 only (Baden-Württemberg): a region at levels 0–1, none at level 2.
  org('biopro', { name: 'BIOPRO Baden-Württemberg', country: 'DE', nuts: 'DE1', city: 'Stuttgart' }),
  // NUTS 2 DE12 Karlsruhe with coordinates (Heidelberg).
  org('heidelberg', {
    name: 'Universitätsklinikum Heidelberg',
    country: 'DE',
    nuts: 'DE12',
    lat: 49.4179,
    lon: 8.6691,
  }),
  // NUTS 2 NL42 Limburg (NL).
  org('brightlands', { name: 'Brightlands Chemelot', country: 'NL', nuts: 'NL42', city: 'Geleen' }),
  // Outside NUTS, no coordinates: the country's point (Washington), listed at the map's edge.
  org('us-hub', { name: 'US Health Hub', country: 'US' }),
  // Nothing known: not on the map.
  org('mystery', { name: 'Unknown Org' }),
  // Coordinates only (Brussels): placed exactly, no region.
  org('coords-only', { name: 'Coordinates Only', lat: 50.8466, lon: 4.3528 }),
  // Country only: BE's label point, region at level 0 only.
  org('be-agency', { name: 'Agence belge', country: 'BE' }),
  // ISO GR instead of Eurostat EL.
  org('athens', { name: 'Athens Health Cluster', country: 'GR' }),
  // Overseas region FRY4 La Réunion: on the map, ignored by the initial bounds.
  org('reunion', { name: 'Cyclotron Réunion', country: 'FR', nuts: 'FRY4' }),
  // NUTS 2016 code BE221, recoded BE224 in 2021 (Prov. Limburg BE, BE22).
  org('old-code', { name: 'Limburg Sterk Merk', country: 'BE', nuts: 'BE221' }),
  // Outside NUTS with its own coordinates (Boston).
  org('us-coords', { name: 'Boston Lab', country: 'US', lat: 42.3601, lon: -71.0589 }),
  // A second organisation in BE33, for a collaboration inside one region.
  org('chu-liege', { name: 'CHU de Liège', type: 'hospital', country: 'BE', nuts: 'BE33', lat: 50.5667, lon: 5.5667 }),
];

export const ORG = Object.fromEntries(ORGS.map((o, i) => [o.id, i])) as Record<string, number>;

/** Collaborations between the fixture organisations, with partial and open-ended dates. */
export const COLLABS: Collaboration[] = [
  collab('uliege', 'brightlands', '2015', '2018'), // BE33–NL42 cross-border
  collab('uliege', 'brightlands', '2019-03', ''), // same pair, open-ended
  collab('uliege', 'lyonbiopole', '2017-06-12', '2017-06-12'), // BE33–FRK2
  collab('lyonbiopole', 'heidelberg', '2016', '2020'), // FRK2–DE12
  collab('heidelberg', 'biopro', '2012', ''), // DE12 – (DE1 only): touches DE12, no pair at NUTS 2
  collab('silesia-medical', 'heidelberg', '2021', '2022'), // PL22–DE12
  collab('uliege', 'us-hub', '2020'), // BE33 – outside NUTS
  collab('uliege', 'be-agency', '2014'), // BE33 – BE (country only): domestic, no pair at NUTS 2
  collab('brightlands', 'mystery', ''), // undated, partner unknown
  collab('uliege', 'old-code', '2018-01', '2018-12'), // BE33–BE22 domestic
  collab('silesia-medical', 'brightlands', '2010', '2011'), // PL22–NL42
  collab('uliege', 'chu-liege', '2016', ''), // inside BE33: counts once for the region, no pair
];

/** Small seeded PRNG (mulberry32), so random tests and benches reproduce. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random organisations over the given NUTS codes and random collaborations between them. Region
 * sizes are uneven (index ∝ random()^skew, like real clusters); 10% have no region, half of those
 * outside NUTS.
 */
export function randomCompiled(
  random: () => number,
  orgCount: number,
  collabCount: number,
  codes: readonly string[],
  skew = 2,
): CompiledDataset {
  const orgs: Organisation[] = [];
  for (let i = 0; i < orgCount; i++) {
    const roll = random();
    const nuts = roll < 0.1 ? '' : codes[Math.floor(random() ** skew * codes.length)]!;
    orgs.push(org(`o${i}`, { nuts, country: roll < 0.05 ? 'US' : '' }));
  }
  const collabs: Collaboration[] = [];
  for (let j = 0; j < collabCount; j++) {
    collabs.push(collab(`o${Math.floor(random() * orgCount)}`, `o${Math.floor(random() * orgCount)}`, '2020'));
  }
  return compile(orgs, collabs);
}
