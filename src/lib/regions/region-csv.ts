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

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * RFC 4180 records; the files are machine-written, so quoting is the only subtlety (names with commas). Lines without
 * a quote are cut with the native `split`: read a character at a time, nuts2021.csv took 10–15 ms of a cold page (more
 * on a busy one), inside the first frames of every dataset that is opened. Papaparse, which the importer uses, was
 * tried here too: the index's task on a page opening a 5k dataset then took 50–82 ms in 7 of 16 pages; with this reader,
 * in 8 pages side by side, it never reached 50 ms.
 */
export function parseCsvRecords(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Odd entries are the line breaks, kept so that a quoted field spanning lines keeps its own.
  const parts = src.split(/(\r\n|\n|\r)/);
  const rows: string[][] = [];
  for (let k = 0; k < parts.length; k += 2) {
    let line = parts[k] ?? '';
    if (!line.includes('"')) {
      if (line !== '') rows.push(line.split(','));
      continue;
    }
    while (quoteCount(line) % 2 === 1 && k + 2 < parts.length) {
      line += (parts[k + 1] ?? '') + (parts[k + 2] ?? '');
      k += 2;
    }
    rows.push(...parseQuoted(line));
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

const quoteCount = (line: string): number => line.split('"').length - 1;

/** Character-level reading of a record that holds quotes (a field opened by a quote runs to its closing quote). */
function parseQuoted(src: string): string[][] {
  const rows: string[][] = [];
  const n = src.length;
  let row: string[] = [];
  let i = 0;
  while (i < n) {
    let field: string;
    if (src.charCodeAt(i) === QUOTE) {
      field = '';
      let from = i + 1;
      for (;;) {
        const close = src.indexOf('"', from);
        if (close < 0) {
          field += src.slice(from);
          i = n;
          break;
        }
        field += src.slice(from, close);
        if (src.charCodeAt(close + 1) === QUOTE) {
          field += '"';
          from = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      const stop = fieldEnd(src, i);
      field += src.slice(i, stop);
      i = stop;
    } else {
      const stop = fieldEnd(src, i);
      field = src.slice(i, stop);
      i = stop;
    }
    row.push(field);
    const c = src.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i === n) row.push('');
      continue;
    }
    rows.push(row);
    row = [];
    i += c === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Index of the next comma or line break at or after `from` outside quotes (or the text's length). */
function fieldEnd(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === COMMA || c === LF || c === CR) return i;
  }
  return src.length;
}

/**
 * Each row's fields in the order of `columns`; a missing column or a short row is a bug in the shipped data, so it
 * throws. (Rows stay arrays: an object per row keyed by header names was most of the parse's time on a cold page.)
 */
function table(text: string, file: string, columns: readonly string[]): string[][] {
  const [header, ...body] = parseCsvRecords(text);
  if (!header) throw new AtlasError('region-data', `${file} is empty`);
  const at = columns.map((column) => {
    const j = header.indexOf(column);
    if (j < 0) throw new AtlasError('region-data', `${file} has no column "${column}"`);
    return j;
  });
  return body.map((fields, i) => {
    if (fields.length !== header.length)
      throw new AtlasError('region-data', `${file}:${i + 2} has ${fields.length} fields, expected ${header.length}`);
    return at.map((j) => fields[j] ?? '');
  });
}

function toLevel(value: string, file: string, code: string): NutsLevel {
  const n = Number(value);
  if (n === 0 || n === 1 || n === 2 || n === 3) return n;
  throw new AtlasError('region-data', `${file} ${code}: level "${value}" is not 0–3`);
}

function toNumber(value: string, file: string, code: string, column: string): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n))
    throw new AtlasError('region-data', `${file} ${code} ${column}: "${value}" is not a number`);
  return n;
}

/** data/regions/nuts2021.csv → regions. */
export function parseRegionsCsv(text: string): Region[] {
  const file = 'nuts2021.csv';
  const columns = ['code', 'level', 'country', 'parent', 'name_latin', 'name_national', 'lon', 'lat'];
  return table(text, file, columns).map(
    ([code = '', level = '', country = '', parent = '', latin = '', national = '', lon = '', lat = '']) => ({
      code,
      level: toLevel(level, file, code),
      country,
      parent,
      nameLatin: latin,
      nameNational: national,
      lon: toNumber(lon, file, code, 'lon'),
      lat: toNumber(lat, file, code, 'lat'),
    }),
  );
}

/** data/regions/nuts2016-2021.csv → recodes. */
export function parseRecodesCsv(text: string): Recode[] {
  const file = 'nuts2016-2021.csv';
  return table(text, file, ['code2016', 'code2021', 'level', 'note']).map(
    ([code2016 = '', code2021 = '', level = '', note = '']) => {
      if (note !== '' && note !== 'split' && note !== 'merged')
        throw new AtlasError('region-data', `${file} ${code2016}: unknown note "${note}"`);
      return { code2016, code2021, level: toLevel(level, file, code2016), note };
    },
  );
}

/** data/regions/countries.csv → countries. */
export function parseCountriesCsv(text: string): Country[] {
  const file = 'countries.csv';
  const columns = ['code', 'name_en', 'name_nl', 'name_fr', 'lon', 'lat', 'in_nuts'];
  return table(text, file, columns).map(([code = '', en = '', nl = '', fr = '', lon = '', lat = '', inNuts = '']) => ({
    code,
    names: { en, nl, fr },
    lon: toNumber(lon, file, code, 'lon'),
    lat: toNumber(lat, file, code, 'lat'),
    inNuts: inNuts === 'true',
  }));
}
