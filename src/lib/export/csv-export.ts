// The rows of the current view as organisations.csv / collaborations.csv / sources.csv, in the importer's own format.
import { formatPartialDate, type PartialDate } from '../model/dates';
import type { Collaboration, Dataset, Organisation, Source } from '../model/types';
import { normaliseHeader } from '../io/csv-table';
import { protectApostrophe, toCsv } from './csv-cell';

/** Which rows the view shows; absent masks mean "all". Masks are indexed like the dataset's arrays. */
export interface CsvSelection {
  readonly orgVisible?: ArrayLike<number>;
  readonly collabVisible?: ArrayLike<number>;
}

export interface CsvExport {
  readonly organisations: string;
  readonly collaborations: string;
  readonly sources: string;
}

export interface CsvExportOptions {
  /** UTF-8 byte order mark so Excel reads diacritics; the importer strips it. Default true. */
  readonly bom?: boolean;
}

/** Column order of organisations.csv, as in docs/data-format.md; attribute columns follow. */
export const ORGANISATION_HEADER = [
  'id', 'name', 'aliases', 'type', 'country', 'nuts', 'city', 'lat', 'lon', 'founded', 'members', 'employees',
  'themes', 'people', 'website', 'description', 'sources', 'note',
] as const; // prettier-ignore

/** Column order of collaborations.csv; attribute columns follow. */
export const COLLABORATION_HEADER = [
  'id', 'source', 'target', 'kind', 'label', 'start', 'end', 'approximate', 'weight', 'directed', 'description',
  'sources', 'note',
] as const; // prettier-ignore

/** Column order of sources.csv. */
export const SOURCE_HEADER = [
  'id', 'file', 'title', 'language', 'published', 'date_basis', 'publisher', 'author', 'url',
] as const; // prettier-ignore

type Cell = string | number;

const list = (items: readonly string[]): string => items.join('|');
const date = (d: PartialDate | null): string => (d === null ? '' : formatPartialDate(d));
const num = (n: number | null): Cell => (n === null || !Number.isFinite(n) ? '' : n);
const flag = (b: boolean): string => (b ? 'true' : 'false');

/**
 * Extra attribute columns in first-seen order. A name that normalises like a standard column (`Name`, `START`) would
 * be read as a duplicate of that column on import, so it is left out.
 */
function attributeKeys(
  rows: readonly { attributes: Readonly<Record<string, string>> }[],
  header: readonly string[],
): string[] {
  const taken = new Set(header.map(normaliseHeader));
  const keys: string[] = [];
  for (const row of rows) {
    for (const key of Object.keys(row.attributes)) {
      const norm = normaliseHeader(key);
      if (norm === '' || taken.has(norm)) continue;
      taken.add(norm);
      keys.push(key);
    }
  }
  return keys;
}

function organisationRow(o: Organisation): Cell[] {
  return [
    o.id, o.name, list(o.aliases), o.type, o.country, o.nuts, o.city, num(o.lat), num(o.lon), num(o.founded),
    num(o.members), num(o.employees), list(o.themes),
    list(o.people.map((p) => (p.role === '' ? p.name : `${p.name}: ${p.role}`))),
    o.website, o.description, list(o.sources), o.note,
  ]; // prettier-ignore
}

function collaborationRow(c: Collaboration): Cell[] {
  return [
    c.id, c.source, c.target, c.kind, c.label, date(c.start), date(c.end), flag(c.approximate), num(c.weight),
    flag(c.directed), c.description, list(c.sources), c.note,
  ]; // prettier-ignore
}

function sourceRow(s: Source): Cell[] {
  return [s.id, s.file, s.title, s.language, date(s.published), s.dateBasis, s.publisher, s.author, s.url];
}

/** Header plus rows through io's `toCsv` (neutralised, quoted, CRLF); strings get the apostrophe guard first. */
function table(header: readonly string[], rows: readonly Cell[][], bom: boolean): string {
  const safe = [header, ...rows].map((row) =>
    row.map((cell) => (typeof cell === 'string' ? protectApostrophe(cell) : cell)),
  );
  return toCsv(safe, { bom });
}

function withAttributes<T extends { attributes: Readonly<Record<string, string>> }>(
  rows: readonly T[],
  header: readonly string[],
  toRow: (row: T) => Cell[],
): { header: string[]; rows: Cell[][] } {
  const keys = attributeKeys(rows, header);
  return {
    header: [...header, ...keys],
    rows: rows.map((r) => [...toRow(r), ...keys.map((k) => r.attributes[k] ?? '')]),
  };
}

/**
 * The three CSV texts for the rows in view. Collaborations follow `collabVisible`; organisations are the visible ones
 * plus every endpoint of an exported collaboration, and sources those cited (all of them without a selection), so the
 * files import back without dangling ids. Lists use `|`, dates keep their precision, open-ended ends stay empty.
 */
export function datasetToCsv(
  dataset: Dataset,
  selection: CsvSelection = {},
  options: CsvExportOptions = {},
): CsvExport {
  const bom = options.bom ?? true;
  const { orgVisible, collabVisible } = selection;
  const collabs = dataset.collaborations.filter((_c, j) => collabVisible === undefined || collabVisible[j] === 1);
  const endpoints = new Set(collabs.flatMap((c) => [c.source, c.target]));
  const orgs = dataset.organisations.filter(
    (o, i) => orgVisible === undefined || orgVisible[i] === 1 || endpoints.has(o.id),
  );
  const all = orgVisible === undefined && collabVisible === undefined;
  const cited = new Set([...orgs, ...collabs].flatMap((r) => r.sources));
  const sources = dataset.sources.filter((s) => all || cited.has(s.id));
  const o = withAttributes(orgs, ORGANISATION_HEADER, organisationRow);
  const c = withAttributes(collabs, COLLABORATION_HEADER, collaborationRow);
  return {
    organisations: table(o.header, o.rows, bom),
    collaborations: table(c.header, c.rows, bom),
    sources: table(SOURCE_HEADER, sources.map(sourceRow), bom),
  };
}
