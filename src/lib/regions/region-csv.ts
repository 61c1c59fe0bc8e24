// Parses the region CSVs in data/regions/ (written by scripts/derive-regions.mjs) into typed rows.
import { AtlasError } from '../model/errors';

/** NUTS level: 0 country, 1 major region, 2 basic region (the map's base geometry), 3 small region. */
export type NutsLevel = 0 | 1 | 2 | 3;

/** One NUTS 2021 region at any level. */
export interface Region {
  /** NUTS 2021 code with Eurostat country prefixes (`EL`, `UK`). */
  readonly code: string;
  readonly level: NutsLevel;
  /** Eurostat country code. */
  readonly country: string;
  /** Code one level up, '' for a country. */
  readonly parent: string;
  /** Name in Latin script as Eurostat spells it (`Prov. Liège`, `Attiki`). */
  readonly nameLatin: string;
  /** Name in the national script where it differs (`Αττική`), else ''. */
  readonly nameNational: string;
  /** Label point inside the region's largest polygon. */
  readonly lon: number;
  readonly lat: number;
}

/** A country of the world-wide fallback table; `inNuts` countries also exist as level-0 regions. */
export interface Country {
  /** Eurostat code for NUTS countries (`EL`, `UK`), ISO 3166 alpha-2 otherwise. */
  readonly code: string;
  readonly names: { readonly en: string; readonly nl: string; readonly fr: string };
  /** Label point for NUTS countries, capital city otherwise. */
  readonly lon: number;
  readonly lat: number;
  readonly inNuts: boolean;
}

/** How a NUTS 2016 code that no longer exists maps to 2021: '' a plain recode, or a split / merge. */
export type RecodeNote = '' | 'split' | 'merged';

export interface Recode {
  readonly code2016: string;
  readonly code2021: string;
  readonly level: NutsLevel;
  readonly note: RecodeNote;
}

/** RFC 4180 records; the files are machine-written, so quoting is the only subtlety (names with commas). */
export function parseCsvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Rows as records keyed by header; a missing column or a short row is a bug in the shipped data, so it throws. */
function table(text: string, file: string, columns: readonly string[]): Record<string, string>[] {
  const [header, ...body] = parseCsvRecords(text);
  if (!header) throw new AtlasError('region-data', `${file} is empty`);
  for (const column of columns)
    if (!header.includes(column)) throw new AtlasError('region-data', `${file} has no column "${column}"`);
  return body.map((fields, i) => {
    if (fields.length !== header.length)
      throw new AtlasError('region-data', `${file}:${i + 2} has ${fields.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, fields[j] ?? '']));
  });
}

function toLevel(value: string, where: string): NutsLevel {
  const n = Number(value);
  if (n === 0 || n === 1 || n === 2 || n === 3) return n;
  throw new AtlasError('region-data', `${where}: level "${value}" is not 0–3`);
}

function toNumber(value: string, where: string): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) throw new AtlasError('region-data', `${where}: "${value}" is not a number`);
  return n;
}

/** data/regions/nuts2021.csv → regions. */
export function parseRegionsCsv(text: string): Region[] {
  const columns = ['code', 'level', 'country', 'parent', 'name_latin', 'name_national', 'lon', 'lat'];
  return table(text, 'nuts2021.csv', columns).map((r) => ({
    code: r.code ?? '',
    level: toLevel(r.level ?? '', `nuts2021.csv ${r.code}`),
    country: r.country ?? '',
    parent: r.parent ?? '',
    nameLatin: r.name_latin ?? '',
    nameNational: r.name_national ?? '',
    lon: toNumber(r.lon ?? '', `nuts2021.csv ${r.code} lon`),
    lat: toNumber(r.lat ?? '', `nuts2021.csv ${r.code} lat`),
  }));
}

/** data/regions/nuts2016-2021.csv → recodes. */
export function parseRecodesCsv(text: string): Recode[] {
  return table(text, 'nuts2016-2021.csv', ['code2016', 'code2021', 'level', 'note']).map((r) => {
    const note = r.note ?? '';
    if (note !== '' && note !== 'split' && note !== 'merged')
      throw new AtlasError('region-data', `nuts2016-2021.csv ${r.code2016}: unknown note "${note}"`);
    return {
      code2016: r.code2016 ?? '',
      code2021: r.code2021 ?? '',
      level: toLevel(r.level ?? '', `nuts2016-2021.csv ${r.code2016}`),
      note,
    };
  });
}

/** data/regions/countries.csv → countries. */
export function parseCountriesCsv(text: string): Country[] {
  const columns = ['code', 'name_en', 'name_nl', 'name_fr', 'lon', 'lat', 'in_nuts'];
  return table(text, 'countries.csv', columns).map((r) => ({
    code: r.code ?? '',
    names: { en: r.name_en ?? '', nl: r.name_nl ?? '', fr: r.name_fr ?? '' },
    lon: toNumber(r.lon ?? '', `countries.csv ${r.code} lon`),
    lat: toNumber(r.lat ?? '', `countries.csv ${r.code} lat`),
    inNuts: r.in_nuts === 'true',
  }));
}
