// Pure generator of a large, realistic synthetic dataset (sources, organisations, collaborations) as import-format rows.
import {
  civilFromDay,
  dayNumber,
  dayToIso,
  firstDay,
  formatPartialDate,
  lastDay,
  type DatePrecision,
  type PartialDate,
} from '../../src/lib/model/dates';
import type { CollaborationKind, OrganisationType } from '../../src/lib/model/types';
import type { Region } from '../../src/lib/regions/region-csv';
import { COLLABORATION_COLUMNS, ORGANISATION_COLUMNS, SOURCE_COLUMNS, type Row } from './csv';
import { NameBook, aliasesFor, peopleFor, shortRegionName, slug, themesFor } from './names';
import {
  gaussian,
  makeAliasTable,
  makeRng,
  pick,
  pickWeighted,
  randomInt,
  sampleAlias,
  type AliasTable,
  type Rng,
} from './random';

/** What the generator needs of a NUTS 2 region. */
export type SyntheticRegion = Pick<Region, 'code' | 'country' | 'nameLatin' | 'lon' | 'lat'>;

export interface SyntheticOptions {
  readonly organisations: number;
  readonly collaborations: number;
  readonly seed: string;
  /** Today as a day number: nothing starts later, closed periods end by then. Passed in so tests are stable. */
  readonly today: number;
  /** NUTS 2 regions organisations are placed in (data/regions/nuts2021.csv, level 2). */
  readonly regions: readonly SyntheticRegion[];
}

export type SourceRow = Row<typeof SOURCE_COLUMNS>;
export type OrganisationRow = Row<typeof ORGANISATION_COLUMNS>;
export type CollaborationRow = Row<typeof COLLABORATION_COLUMNS>;

export interface SyntheticDataset {
  /** Each call starts over from the seed, so the rows are the same however often or in whatever order they are read. */
  sources(): Generator<SourceRow>;
  organisations(): Generator<OrganisationRow>;
  collaborations(): Generator<CollaborationRow>;
}

/** Health-tech hubs, most popular first; they take the head of the Zipf ranking of regions. */
// prettier-ignore
export const HUB_REGIONS = [
  'BE24', 'NL42', 'DK01', 'DE21', 'FRK2', 'ITC4', 'SE11', 'IE06', 'ES51', 'FR10', 'UKI3', 'DE30', 'NL33', 'CH03',
  'UKH1', 'UKJ1', 'SE22', 'BE31', 'BE10', 'FI1B', 'AT13', 'ES30', 'NL32', 'DE71', 'CH04', 'CH01', 'NL41', 'BE21',
  'DE11', 'DE12', 'DEA2', 'PL91', 'CZ01', 'ITI4', 'PT17', 'FRL0', 'FRJ2', 'HU11', 'EL30', 'NO08', 'UKM7', 'EE00',
] as const;

/** Overseas and far-off regions: real codes, but health-tech rarely sits there, so they get the tail. */
const REMOTE_REGIONS = new Set([
  'ES63',
  'ES64',
  'ES70',
  'FRY1',
  'FRY2',
  'FRY3',
  'FRY4',
  'FRY5',
  'NO0B',
  'PT20',
  'PT30',
]);

/** Cities for some hubs, so that a share of rows carries a city as curated rows do. */
const HUB_CITIES: Readonly<Record<string, string>> = {
  BE24: 'Leuven',
  NL42: 'Maastricht',
  DK01: 'København',
  DE21: 'München',
  FRK2: 'Lyon',
  ITC4: 'Milano',
  SE11: 'Stockholm',
  IE06: 'Dublin',
  ES51: 'Barcelona',
  FR10: 'Paris',
  DE30: 'Berlin',
  NL33: 'Leiden',
  CH03: 'Basel',
  UKH1: 'Cambridge',
  UKJ1: 'Oxford',
  SE22: 'Lund',
  BE31: 'Louvain-la-Neuve',
  PL91: 'Warszawa',
  CZ01: 'Praha',
  CH01: 'Genève',
  CH04: 'Zürich',
};

/** Countries outside NUTS that European clusters work with, with cities near which their organisations sit. */
// prettier-ignore
const OUTSIDE_NUTS: readonly (readonly [string, number, readonly (readonly [string, number, number])[]])[] = [
  ['US', 50, [['Boston', 42.3601, -71.0589], ['San Francisco', 37.7749, -122.4194], ['San Diego', 32.7157, -117.1611]]],
  ['JP', 20, [['Tokyo', 35.6895, 139.6917], ['Osaka', 34.6937, 135.5023]]],
  ['CN', 15, [['Shanghai', 31.2304, 121.4737], ['Beijing', 39.9042, 116.4074], ['Shenzhen', 22.5431, 114.0579]]],
  ['IL', 15, [['Tel Aviv', 32.0853, 34.7818], ['Haifa', 32.794, 34.9896]]],
];

const OUTSIDE_SHARES = OUTSIDE_NUTS.map((c, k) => [k, c[1]] as const);

/** Shares of organisation types: companies dominate every real cluster's member list. */
const TYPE_SHARES: readonly (readonly [OrganisationType, number])[] = [
  ['company', 55],
  ['university', 8],
  ['hospital', 7],
  ['research-centre', 7],
  ['project', 4],
  ['cluster', 3],
  ['government', 3],
  ['agency', 3],
  ['investor', 3],
  ['network', 2],
  ['programme', 2],
  ['event', 2],
  ['region', 0.5],
  ['other', 0.5],
];

/** How much more likely a type is to become a hub: clusters and networks are where collaborations meet. */
const HUB_BOOST: Readonly<Record<OrganisationType, number>> = {
  cluster: 40,
  network: 25,
  programme: 12,
  university: 8,
  agency: 6,
  event: 6,
  hospital: 5,
  'research-centre': 5,
  government: 4,
  region: 4,
  investor: 3,
  project: 3,
  company: 1,
  other: 1,
};

/** Location, coordinate and edge mix; the test checks the generated data against these. */
export const SHARES = {
  noLocation: 0.01,
  outsideNuts: 0.02,
  /** Of organisations with a NUTS region: no lat/lon, so the map puts them on the region's label point. */
  noCoordinates: 0.2,
  /** Of organisations with coordinates: exactly the label point, as a curator copying a centroid would write. */
  atLabelPoint: 0.04,
  crossBorder: 0.3,
  selfLoops: 0.0001,
  parallel: 0.03,
  undated: 0.03,
  /** Of dated collaborations. */
  openEnded: 0.35,
  oneOff: 0.15,
} as const;

const PRECISIONS: readonly (readonly [DatePrecision, number])[] = [
  ['year', 20],
  ['month', 30],
  ['day', 50],
];

/** Kinds by period shape: events are one-off, memberships run on, projects end. */
const KINDS_BY_SHAPE: Readonly<Record<PeriodShape, readonly (readonly [CollaborationKind, number])[]>> = {
  'one-off': [
    ['event', 45],
    ['matchmaking', 20],
    ['mission', 15],
    ['recognition', 10],
    ['funding', 5],
    ['founding', 5],
  ],
  open: [
    ['membership', 40],
    ['partnership', 35],
    ['project', 8],
    ['funding', 5],
    ['founding', 5],
    ['other', 7],
  ],
  closed: [
    ['project', 40],
    ['partnership', 28],
    ['funding', 12],
    ['membership', 8],
    ['event', 4],
    ['succession', 3],
    ['matchmaking', 2],
    ['other', 3],
  ],
  undated: [
    ['partnership', 30],
    ['membership', 25],
    ['project', 20],
    ['event', 10],
    ['other', 15],
  ],
};

const LABELS: Readonly<Record<CollaborationKind, readonly string[]>> = {
  partnership: ['strategic partner', 'MoU', 'partner'],
  membership: ['member', 'founding member', 'associate member'],
  founding: ['co-founder', 'founder'],
  succession: ['renamed', 'merged into'],
  project: ['coordinator', 'partner', 'work package lead'],
  event: ['co-host', 'exhibitor', 'speaker', 'organiser'],
  mission: ['delegation', 'trade mission'],
  matchmaking: ['B2B meeting', 'matchmaking'],
  funding: ['grant', 'seed round', 'Series A'],
  recognition: ['label', 'award'],
  other: ['contact'],
};

/** Extra hub boost for organisations in HUB_REGIONS, on top of their type's. */
const HUB_REGION_BOOST = 4;

/** Zipf exponents: regions are less skewed than organisations, where a few hubs take thousands of ties. */
const REGION_EXPONENT = 0.9;
const DEGREE_EXPONENT = 0.7;

export const FIRST_DAY = dayNumber(2016, 1, 1);
export const SOURCE_IDS = ['syn-1', 'syn-2', 'syn-3', 'syn-4', 'syn-5'] as const;
const SOURCE_TITLES = [
  'Synthetic register of companies and institutions',
  'Synthetic health-tech news digest',
  'Synthetic project database',
  'Synthetic event calendar',
  'Synthetic funding tracker',
] as const;

type PeriodShape = 'undated' | 'open' | 'one-off' | 'closed';
const LOCATION_NUTS = 0;
const LOCATION_NUTS_NO_COORDINATES = 1;
const LOCATION_OUTSIDE = 2;
const LOCATION_NONE = 3;

/** Everything collaborations depend on, drawn once so organisations and collaborations agree. */
interface Plan {
  readonly types: readonly OrganisationType[];
  readonly location: Uint8Array;
  /** Index into options.regions, or into OUTSIDE_NUTS for LOCATION_OUTSIDE, else -1. */
  readonly place: Int32Array;
  /** Index into `countries`, -1 when unknown. */
  readonly country: Int32Array;
  readonly countries: readonly string[];
  /** Expected-degree weight (Chung–Lu): a Zipf law over a type-biased random ranking. */
  readonly weight: Float64Array;
}

export function makeSyntheticDataset(options: SyntheticOptions): SyntheticDataset {
  checkOptions(options);
  const plan = makePlan(options);
  return {
    sources: () => sourceRows(options),
    organisations: () => organisationRows(options, plan),
    collaborations: () => collaborationRows(options, plan),
  };
}

function checkOptions(o: SyntheticOptions): void {
  const count = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (!count(o.organisations) || !count(o.collaborations))
    throw new Error('synthetic: organisations and collaborations must be whole numbers ≥ 0');
  if (o.collaborations > 0 && o.organisations < 2)
    throw new Error('synthetic: collaborations need at least 2 organisations');
  if (o.regions.length === 0) throw new Error('synthetic: no NUTS 2 regions given');
  if (o.today < FIRST_DAY) throw new Error('synthetic: today must be 2016-01-01 or later');
}

/** Hubs first, remote regions last, the rest in seeded random order; then a Zipf weight by rank. */
function regionWeights(regions: readonly SyntheticRegion[], rng: Rng): Float64Array {
  const byCode = new Map(regions.map((r, i) => [r.code, i]));
  const hubs = HUB_REGIONS.map((c) => byCode.get(c)).filter((i): i is number => i !== undefined);
  const hubSet = new Set(hubs);
  const middle: number[] = [];
  const remote: number[] = [];
  regions.forEach((r, i) => {
    if (!hubSet.has(i)) (REMOTE_REGIONS.has(r.code) ? remote : middle).push(i);
  });
  shuffle(middle, rng);
  const weights = new Float64Array(regions.length);
  [...hubs, ...middle, ...remote].forEach((i, rank) => (weights[i] = (rank + 2) ** -REGION_EXPONENT));
  // The tail of the ranking alone would still put a few organisations on every island; real data has fewer.
  for (const i of remote) weights[i] = weights[i]! * 0.1;
  return weights;
}

function shuffle<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

function makePlan(options: SyntheticOptions): Plan {
  const n = options.organisations;
  const rng = makeRng(options.seed, 'plan');
  const regionTable = makeAliasTable(regionWeights(options.regions, makeRng(options.seed, 'regions')));
  const types: OrganisationType[] = [];
  const location = new Uint8Array(n);
  const place = new Int32Array(n);
  const country = new Int32Array(n);
  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const countryOf = (code: string): number => {
    let i = countryIndex.get(code);
    if (i === undefined) {
      i = countries.length;
      countries.push(code);
      countryIndex.set(code, i);
    }
    return i;
  };
  const rankKey = new Float64Array(n);
  const hubCodes = new Set<string>(HUB_REGIONS);
  const hubIndexes = new Set(options.regions.flatMap((r, i) => (hubCodes.has(r.code) ? [i] : [])));
  for (let i = 0; i < n; i++) {
    const type = pickWeighted(rng, TYPE_SHARES);
    types.push(type);
    const u = rng();
    const r = rng();
    if (r < SHARES.noLocation) {
      location[i] = LOCATION_NONE;
      place[i] = -1;
      country[i] = -1;
    } else if (r < SHARES.noLocation + SHARES.outsideNuts) {
      const p = pickWeighted(rng, OUTSIDE_SHARES);
      location[i] = LOCATION_OUTSIDE;
      place[i] = p;
      country[i] = countryOf(OUTSIDE_NUTS[p]![0]);
    } else {
      const region = sampleAlias(regionTable, rng);
      location[i] = rng() < SHARES.noCoordinates ? LOCATION_NUTS_NO_COORDINATES : LOCATION_NUTS;
      place[i] = region;
      country[i] = countryOf(options.regions[region]!.country);
    }
    // Efraimidis–Spirakis keys: sorting by them gives a random ranking weighted by the hub boost, so the
    // biggest hubs are mostly clusters and networks, and mostly in the health-tech hub regions.
    const inHub = location[i] !== LOCATION_OUTSIDE && location[i] !== LOCATION_NONE && hubIndexes.has(place[i]!);
    rankKey[i] = Math.log(1 - u) / (HUB_BOOST[type] * (inHub ? HUB_REGION_BOOST : 1));
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rankKey[b]! - rankKey[a]! || a - b);
  const weight = new Float64Array(n);
  order.forEach((i, rank) => (weight[i] = (rank + 1) ** -DEGREE_EXPONENT));
  return { types, location, place, country, countries, weight };
}

function* sourceRows(options: SyntheticOptions): Generator<SourceRow> {
  const today = dayToIso(options.today);
  for (let k = 0; k < SOURCE_IDS.length; k++) {
    yield [
      SOURCE_IDS[k]!,
      `gen-synthetic seed=${options.seed}`,
      SOURCE_TITLES[k]!,
      'en',
      today,
      'generated: the day the synthetic dataset was made',
      'Cluster Atlas synthetic data generator',
      '',
      '',
    ];
  }
}

function* organisationRows(options: SyntheticOptions, plan: Plan): Generator<OrganisationRow> {
  const rng = makeRng(options.seed, 'organisations');
  const names = new NameBook(makeRng(options.seed, 'names'));
  const thisYear = civilFromDay(options.today).year;
  for (let i = 0; i < options.organisations; i++) {
    const type = plan.types[i]!;
    const loc = plan.location[i]!;
    const p = plan.place[i]!;
    let country = '';
    let nuts = '';
    let city = '';
    let regionName = '';
    let lat = '';
    let lon = '';
    if (loc === LOCATION_OUTSIDE) {
      const [code, , cities] = OUTSIDE_NUTS[p]!;
      const [cityName, cityLat, cityLon] = pick(rng, cities);
      country = code;
      city = cityName;
      regionName = cityName;
      if (rng() < 0.7) [lat, lon] = jitter(rng, cityLat, cityLon, 0.08);
    } else if (loc !== LOCATION_NONE) {
      const region = options.regions[p]!;
      country = region.country;
      nuts = region.code;
      regionName = shortRegionName(region.nameLatin);
      const hubCity = HUB_CITIES[region.code];
      if (hubCity !== undefined && rng() < 0.4) city = hubCity;
      if (loc === LOCATION_NUTS) {
        if (rng() < SHARES.atLabelPoint) [lat, lon] = [region.lat.toFixed(4), region.lon.toFixed(4)];
        else [lat, lon] = jitter(rng, region.lat, region.lon, 0.15);
      }
    }
    const name = names.nameFor(type, country, regionName);
    const hasMarks = /[^\x20-\x7e]/.test(name);
    const aliases = rng() < 0.06 || (hasMarks && rng() < 0.3) ? aliasesFor(rng, name, country) : [];
    const themes = rng() < 0.4 ? themesFor(rng) : [];
    yield [
      `o${i + 1}`,
      name,
      aliases.join('|'),
      type,
      country,
      nuts,
      city,
      lat,
      lon,
      founded(rng, type, thisYear, loc === LOCATION_OUTSIDE),
      members(rng, type),
      employees(rng, type),
      themes.join('|'),
      rng() < 0.04 ? peopleFor(rng).join('|') : '',
      rng() < 0.2 ? `https://www.${slug(name).slice(0, 40).replace(/-+$/, '')}.${topLevelDomain(country)}` : '',
      rng() < 0.06 ? describe(type, regionName, themes) : '',
      organisationSource(rng, type),
      loc === LOCATION_NUTS_NO_COORDINATES && rng() < 0.05
        ? 'Synthetic: no coordinates, so the map places it at the region label point.'
        : '',
    ];
  }
}

/** A normal scatter (σ in degrees of latitude) around a point, cut at 3σ so no outlier lands abroad. */
function jitter(rng: Rng, lat: number, lon: number, sigma: number): [string, string] {
  const clip = (g: number) => Math.max(-3, Math.min(3, g));
  const dLat = clip(gaussian(rng)) * sigma;
  // A degree of longitude shrinks with latitude; scale so the scatter stays round on the ground.
  const dLon = (clip(gaussian(rng)) * sigma) / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
  const la = Math.max(-90, Math.min(90, lat + dLat));
  const lo = Math.max(-180, Math.min(180, lon + dLon));
  return [la.toFixed(4), lo.toFixed(4)];
}

function founded(rng: Rng, type: OrganisationType, thisYear: number, outsideEurope: boolean): string {
  switch (type) {
    case 'company':
      // Young firms dominate health-tech: most were founded in the last two decades.
      return rng() < 0.55 ? String(thisYear - Math.floor(rng() ** 2 * 35)) : '';
    case 'university':
      if (outsideEurope) return rng() < 0.4 ? String(1850 + randomInt(rng, 130)) : '';
      return rng() < 0.4 ? String(1400 + randomInt(rng, 580)) : '';
    case 'hospital':
      return rng() < 0.3 ? String(1800 + randomInt(rng, 200)) : '';
    case 'cluster':
    case 'network':
      return rng() < 0.7 ? String(Math.min(thisYear, 1995 + randomInt(rng, 30))) : '';
    default:
      return rng() < 0.2 ? String(Math.min(thisYear, 1960 + randomInt(rng, 66))) : '';
  }
}

function members(rng: Rng, type: OrganisationType): string {
  if ((type === 'cluster' || type === 'network') && rng() < 0.7) return String(Math.round(20 + 600 * rng() ** 2));
  if (type === 'programme' && rng() < 0.2) return String(5 + randomInt(rng, 60));
  return '';
}

function employees(rng: Rng, type: OrganisationType): string {
  if (type === 'company' && rng() < 0.4)
    return String(Math.min(200_000, Math.max(1, Math.round(Math.exp(Math.log(40) + 1.4 * gaussian(rng))))));
  if ((type === 'university' || type === 'hospital') && rng() < 0.3) return String(500 + randomInt(rng, 19_500));
  return '';
}

function topLevelDomain(country: string): string {
  if (country === '') return 'eu';
  if (country === 'UK') return 'co.uk';
  if (country === 'EL') return 'gr';
  if (country === 'US') return 'com';
  return country.toLowerCase();
}

function describe(type: OrganisationType, regionName: string, themes: readonly string[]): string {
  const where = regionName === '' ? '' : ` in ${regionName}`;
  const what = themes.length === 0 ? 'health' : themes.join(', ');
  return `Synthetic ${type.replace('-', ' ')}${where} working on ${what}.`;
}

function organisationSource(rng: Rng, type: OrganisationType): string {
  if (type === 'project') return 'syn-3';
  if (type === 'event') return 'syn-4';
  if (type === 'investor') return 'syn-5';
  return rng() < 0.7 ? 'syn-1' : 'syn-2';
}

function* collaborationRows(options: SyntheticOptions, plan: Plan): Generator<CollaborationRow> {
  const m = options.collaborations;
  if (m === 0) return;
  const rng = makeRng(options.seed, 'collaborations');
  const global = makeAliasTable(plan.weight);
  const pickTarget = makeTargetPicker(plan, global, rng);
  // A handful of self-loops, at least one so importers' warning path is always exercised.
  const selfLoops = new Set<number>();
  const selfLoopCount = Math.min(m, Math.max(1, Math.round(m * SHARES.selfLoops)));
  while (selfLoops.size < selfLoopCount) selfLoops.add(randomInt(rng, m));
  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    let s: number;
    let t: number;
    const earlier = e > 0 && rng() < SHARES.parallel ? randomInt(rng, e) : -1;
    if (selfLoops.has(e)) {
      s = sampleAlias(global, rng);
      t = s;
    } else if (earlier !== -1 && sources[earlier] !== targets[earlier]) {
      // Parallel ties: the same pair meets again under another kind or period.
      s = sources[earlier]!;
      t = targets[earlier]!;
    } else {
      s = sampleAlias(global, rng);
      t = pickTarget(s);
    }
    sources[e] = s;
    targets[e] = t;
    yield collaborationRow(rng, options.today, plan, e, s, t);
  }
}

/** Same-country partner most of the time, a foreign one for ~30%; both drawn in proportion to degree weight. */
function makeTargetPicker(plan: Plan, global: AliasTable, rng: Rng): (s: number) => number {
  const n = plan.weight.length;
  const members: number[][] = plan.countries.map(() => []);
  for (let i = 0; i < n; i++) {
    const c = plan.country[i]!;
    if (c >= 0) members[c]!.push(i);
  }
  const tables: AliasTable[] = members.map((list) => makeAliasTable(list.map((i) => plan.weight[i]!)));
  return (s) => {
    const c = plan.country[s]!;
    const list = c >= 0 ? members[c]! : [];
    if (list.length >= 2 && rng() >= SHARES.crossBorder) {
      const table = tables[c]!;
      for (let tries = 0; tries < 20; tries++) {
        const t = list[sampleAlias(table, rng)]!;
        if (t !== s) return t;
      }
    }
    for (let tries = 0; tries < 50; tries++) {
      const t = sampleAlias(global, rng);
      if (t !== s && (c < 0 || plan.country[t] !== c)) return t;
    }
    // Every organisation shares one country: a same-country partner is the only kind there is.
    return (s + 1) % n;
  };
}

function collaborationRow(rng: Rng, today: number, plan: Plan, e: number, a: number, b: number): CollaborationRow {
  const period = drawPeriod(rng, today);
  const kind = pickWeighted(rng, KINDS_BY_SHAPE[period.shape]);
  let source = a;
  let target = b;
  let directed = '';
  if (kind === 'membership' || kind === 'founding' || kind === 'funding' || kind === 'recognition') {
    directed = 'true';
    // Members and founders point at the bigger body; funders and awarding bodies point at the smaller one.
    const hubFirst = kind === 'funding' || kind === 'recognition';
    const aBigger = plan.weight[a]! >= plan.weight[b]!;
    if (aBigger !== hubFirst) [source, target] = [b, a];
  } else if (kind === 'succession') directed = 'true';
  const approximate = period.shape !== 'undated' && rng() < 0.05;
  return [
    `c${e + 1}`,
    `o${source + 1}`,
    `o${target + 1}`,
    kind,
    rng() < 0.12 ? pick(rng, LABELS[kind]) : '',
    period.start,
    period.end,
    approximate ? 'true' : '',
    rng() < 0.08 ? String(2 + randomInt(rng, 4)) : '',
    directed,
    rng() < 0.01 ? `Synthetic ${kind}.` : '',
    collaborationSource(rng, kind),
    approximate ? 'Date inferred.' : '',
  ];
}

function collaborationSource(rng: Rng, kind: CollaborationKind): string {
  if (kind === 'project') return 'syn-3';
  if (kind === 'event' || kind === 'matchmaking' || kind === 'mission') return 'syn-4';
  if (kind === 'funding') return 'syn-5';
  return rng() < 0.6 ? 'syn-2' : 'syn-1';
}

interface Period {
  readonly shape: PeriodShape;
  readonly start: string;
  readonly end: string;
}

/** The date written at `precision`: the year, month or day that contains `day`. */
function partialAt(day: number, precision: DatePrecision): PartialDate {
  const { year, month, day: d } = civilFromDay(day);
  if (precision === 'year') return { year, precision };
  if (precision === 'month') return { year, month, precision };
  return { year, month, day: d, precision };
}

/**
 * A period from 2016 to today. Starts lean towards recent years as reporting does. Closed periods
 * end strictly after the start's last day and no later than today, at the start's precision unless
 * another precision still reads as "after".
 */
export function drawPeriod(rng: Rng, today: number): Period {
  if (rng() < SHARES.undated) return { shape: 'undated', start: '', end: '' };
  const startDay = FIRST_DAY + Math.floor((today - FIRST_DAY + 1) * rng() ** 0.8);
  const start = partialAt(startDay, pickWeighted(rng, PRECISIONS));
  const startText = formatPartialDate(start);
  const r = rng();
  if (r < SHARES.openEnded) return { shape: 'open', start: startText, end: '' };
  if (r < SHARES.openEnded + SHARES.oneOff) return { shape: 'one-off', start: startText, end: startText };
  const startLast = lastDay(start);
  // Started within the period that includes today: it cannot have ended after its start yet.
  if (startLast >= today) return { shape: 'open', start: startText, end: '' };
  let endDay = startLast + Math.max(1, Math.round(Math.exp(Math.log(540) + 0.9 * gaussian(rng))));
  if (endDay > today) endDay = startLast + 1 + randomInt(rng, today - startLast);
  let end = partialAt(endDay, rng() < 0.7 ? start.precision : pickWeighted(rng, PRECISIONS));
  if (firstDay(end) <= startLast) end = partialAt(endDay, start.precision);
  if (lastDay(end) > today) end = partialAt(endDay, 'day');
  return { shape: 'closed', start: startText, end: formatPartialDate(end) };
}
