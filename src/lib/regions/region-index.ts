// Looks up NUTS 2021 regions and countries by code, old NUTS 2016 code or name; pure, never throws on lookups.
import type { ProblemCode } from '../model/errors';
import {
  parseCountriesCsv,
  parseRecodesCsv,
  parseRegionsCsv,
  type Country,
  type NutsLevel,
  type Recode,
  type Region,
} from './region-csv';

export type { Country, NutsLevel, Recode, RecodeNote, Region } from './region-csv';

/** Says that a NUTS 2016 code was given and what it became in 2021. */
export interface RegionWarning {
  readonly code: Extract<ProblemCode, 'renamed-region'>;
  /** The code as given, upper-cased. */
  readonly from: string;
  /** NUTS 2021 successor(s). */
  readonly to: readonly string[];
  readonly change: 'recoded' | 'merged' | 'split';
  readonly message: string;
}

/** What `resolve` found; every variant has `region` so callers can read `.region` directly. */
export type ResolveResult =
  | {
      readonly status: 'found';
      readonly region: Region;
      readonly country: Country | undefined;
      readonly matched: 'code' | 'country-alias' | 'recode' | 'name';
      readonly warning?: RegionWarning;
    }
  /** A country outside NUTS (`US`, `Japan`): place it at the country's point. */
  | { readonly status: 'country'; readonly region: undefined; readonly country: Country }
  | {
      readonly status: 'ambiguous';
      readonly region: undefined;
      readonly candidates: readonly Region[];
      readonly warning?: RegionWarning;
    }
  | { readonly status: 'not-found'; readonly region: undefined };

export interface RegionIndex {
  /** Region by NUTS 2021 code at any level, case-insensitive; ISO `GR`/`GB` work for `EL`/`UK`. */
  get(code: string): Region | undefined;
  /** Region from a NUTS 2021 code, a NUTS 2016 code, a country code or a region/country name. */
  resolve(text: string): ResolveResult;
  /** The region's ancestor (or itself) at `level`; undefined for unknown codes or a finer level. */
  ancestor(code: string, level: NutsLevel): Region | undefined;
  /** Regions one level down, sorted by code. */
  children(code: string): readonly Region[];
  byLevel(level: NutsLevel): readonly Region[];
  /** Country (NUTS or not) by Eurostat or ISO alpha-2 code. */
  country(code: string): Country | undefined;
  countries(): readonly Country[];
  /** NUTS 2016 → 2021 rows for an old code (several rows when it was split). */
  recodes(code2016: string): readonly Recode[];
}

/** The three CSV files of data/regions/ as text. */
export interface RegionCsvTexts {
  readonly regions: string;
  readonly recodes: string;
  readonly countries: string;
}

// Letters NFD does not decompose into base letter + mark.
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/** Comparable form of a name: no diacritics, lower case, runs of other characters as one space ("Śląskie" → "slaskie"). */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łđðøæœßþıħ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Eurostat kept Greece as EL and the United Kingdom as UK where ISO 3166 says GR and GB; users and other datasets
// write either, so the ISO forms are accepted for the country level only (GR-prefixed NUTS codes predate 2010 and
// were numbered differently, so they are not mapped).
const ISO_TO_EUROSTAT: ReadonlyMap<string, string> = new Map([
  ['GR', 'EL'],
  ['GB', 'UK'],
]);

const CODE_SHAPE = /^[A-Z]{2}[0-9A-Z]{0,3}$/;

// Eurostat decorates some names: "Prov. Liège", "Arr. de Bruxelles-Capitale", "Limburg (NL)", "München, Landkreis".
const NAME_PREFIX = /^\s*(?:prov|arr)\.\s*(?:de\s+|d')?/i;
const NAME_SUFFIX = /\s*\([^)]*\)\s*$/;
const KREIS_SUFFIX = /,\s*(?:landkreis|stadtkreis|kreisfreie stadt|kreis)\s*$/i;

/** Every full spelling of a name ("A/B" bilingual names give A, B and the whole). */
function fullNames(...names: string[]): string[] {
  return names.filter((n) => n !== '').flatMap((n) => [n, ...n.split('/').map((p) => p.trim())]);
}

/** Undecorated spellings, tried only when no full name matches. */
function looseNames(names: readonly string[]): string[] {
  return names.flatMap((n) => {
    const noPrefix = n.replace(NAME_PREFIX, '');
    const noSuffix = n.replace(NAME_SUFFIX, '').replace(KREIS_SUFFIX, '');
    return [noPrefix, noSuffix, noPrefix.replace(NAME_SUFFIX, '').replace(KREIS_SUFFIX, '')];
  });
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function addKey<T>(map: Map<string, T[]>, name: string, value: T): void {
  const key = normaliseName(name);
  if (key !== '') append(map, key, value);
}

const byCode = (a: { code: string }, b: { code: string }): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

interface NameKeys {
  readonly fullKeys: Map<string, Region[]>;
  readonly looseKeys: Map<string, Region[]>;
  readonly countryKeys: Map<string, Country[]>;
}

/** Normalised names → regions (full and undecorated spellings) and → countries outside NUTS; regions sorted by code. */
function makeNameKeys(
  sorted: readonly Region[],
  countries: readonly Country[],
  regionByCode: ReadonlyMap<string, Region>,
): NameKeys {
  const fullKeys = new Map<string, Region[]>();
  const looseKeys = new Map<string, Region[]>();
  const countryKeys = new Map<string, Country[]>();
  for (const r of sorted) {
    const names = fullNames(r.nameLatin, r.nameNational);
    for (const n of names) addKey(fullKeys, n, r);
    for (const n of looseNames(names)) addKey(looseKeys, n, r);
  }
  for (const c of countries) {
    const level0 = c.inNuts ? regionByCode.get(c.code) : undefined;
    for (const n of [c.names.en, c.names.nl, c.names.fr]) {
      if (level0) addKey(fullKeys, n, level0);
      else addKey(countryKeys, n, c);
    }
  }
  return { fullKeys, looseKeys, countryKeys };
}

/** Builds the index from parsed rows. */
export function makeRegionIndex(
  regions: readonly Region[],
  recodes: readonly Recode[],
  countries: readonly Country[],
): RegionIndex {
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const countryByCode = new Map(countries.map((c) => [c.code, c]));
  const childrenByCode = new Map<string, Region[]>();
  const levels: Region[][] = [[], [], [], []];
  const recodesByOld = new Map<string, Recode[]>();
  const sorted = [...regions].sort(byCode);
  for (const r of sorted) {
    levels[r.level]?.push(r);
    if (r.parent) append(childrenByCode, r.parent, r);
  }
  for (const rc of recodes) append(recodesByOld, rc.code2016, rc);

  // Normalising ~2,000 names with Unicode regexes costs 40–90 ms, a long task on the page that opens a dataset;
  // most lookups are by code, so the name keys are built on the first lookup by name.
  let nameKeys: NameKeys | undefined;
  const names = (): NameKeys => (nameKeys ??= makeNameKeys(sorted, countries, regionByCode));

  const canonical = (code: string): string => {
    const upper = code.trim().toUpperCase();
    return ISO_TO_EUROSTAT.get(upper) ?? upper;
  };
  const get = (code: string): Region | undefined => regionByCode.get(canonical(code));
  const country = (code: string): Country | undefined => countryByCode.get(canonical(code));
  const found = (region: Region, matched: 'code' | 'country-alias' | 'recode' | 'name', warning?: RegionWarning) =>
    ({
      status: 'found',
      region,
      country: countryByCode.get(region.country),
      matched,
      ...(warning ? { warning } : {}),
    }) as const;

  /** Same-named regions nested in one another (FI1B / FI1B1 "Helsinki-Uusimaa") mean the coarsest one. */
  const pick = (candidates: readonly Region[]): ResolveResult => {
    const sorted = [...candidates].sort((a, b) => a.level - b.level || byCode(a, b));
    const nested = sorted.every((r, i) => i === 0 || r.code.startsWith(sorted[i - 1]?.code ?? '\0'));
    const first = sorted[0];
    if (first && nested) return found(first, 'name');
    return { status: 'ambiguous', region: undefined, candidates: [...candidates].sort(byCode) };
  };

  const resolveRecode = (code: string): ResolveResult | undefined => {
    const rows = recodesByOld.get(code);
    if (!rows) return undefined;
    const successors = rows.map((r) => regionByCode.get(r.code2021)).filter((r): r is Region => r !== undefined);
    const to = successors.map((r) => r.code);
    const first = successors[0];
    if (!first) return undefined;
    const note = rows[0]?.note ?? '';
    const change = note === '' ? 'recoded' : note;
    const message =
      change === 'recoded'
        ? `NUTS 2016 code ${code} is ${first.code} in NUTS 2021; use the new code.`
        : change === 'merged'
          ? `NUTS 2016 region ${code} became part of ${first.code} in NUTS 2021; use ${first.code}.`
          : `NUTS 2016 region ${code} was split into ${to.join(', ')} in NUTS 2021; use one of these codes.`;
    const warning: RegionWarning = { code: 'renamed-region', from: code, to, change, message };
    if (change === 'split') return { status: 'ambiguous', region: undefined, candidates: successors, warning };
    return found(first, 'recode', warning);
  };

  const resolve = (text: string): ResolveResult => {
    const trimmed = text.trim();
    const upper = trimmed.toUpperCase();
    if (CODE_SHAPE.test(upper)) {
      const exact = regionByCode.get(upper);
      if (exact) return found(exact, 'code');
      const aliased = get(upper);
      if (aliased) return found(aliased, 'country-alias');
      const recoded = resolveRecode(upper);
      if (recoded) return recoded;
      const c = country(upper);
      if (c) return { status: 'country', region: undefined, country: c };
    }
    const key = normaliseName(trimmed);
    if (key === '') return { status: 'not-found', region: undefined };
    const { fullKeys, looseKeys, countryKeys } = names();
    const byName = fullKeys.get(key) ?? looseKeys.get(key);
    if (byName) return pick(byName);
    const countryMatch = countryKeys.get(key);
    if (countryMatch?.length === 1 && countryMatch[0])
      return { status: 'country', region: undefined, country: countryMatch[0] };
    return { status: 'not-found', region: undefined };
  };

  return {
    get,
    resolve,
    ancestor(code, level) {
      const region = get(code);
      if (!region || level > region.level) return undefined;
      return regionByCode.get(region.code.slice(0, 2 + level));
    },
    children: (code) => childrenByCode.get(canonical(code)) ?? [],
    byLevel: (level) => levels[level] ?? [],
    country,
    countries: () => countries,
    recodes: (code2016) => recodesByOld.get(code2016.trim().toUpperCase()) ?? [],
  };
}

/** Parses the three CSV texts of data/regions/ and builds the index (throws AtlasError only on malformed files). */
export function regionIndexFromCsv(texts: RegionCsvTexts): RegionIndex {
  return makeRegionIndex(
    parseRegionsCsv(texts.regions),
    parseRecodesCsv(texts.recodes),
    parseCountriesCsv(texts.countries),
  );
}
