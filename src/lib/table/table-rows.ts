// Rows of the table view: the organisations and collaborations shown, filtered by text, sorted, cut into pages.
import type { CompiledDataset } from '../model/compiled';
import { formatPartialDate } from '../model/dates';

export type OrgColumn = 'name' | 'type' | 'country' | 'region' | 'degree';
export type CollabColumn = 'a' | 'b' | 'kind' | 'start' | 'end';

export interface OrgRow {
  /** Organisation index in the dataset. */
  readonly index: number;
  readonly name: string;
  readonly type: string;
  readonly country: string;
  readonly region: string;
  /** Collaborations shown (in the window, through the filters). */
  readonly degree: number;
}

export interface CollabRow {
  /** Collaboration index in the dataset. */
  readonly index: number;
  readonly a: string;
  readonly b: string;
  /** Organisation indexes of both ends, so a row can select one. */
  readonly aIndex: number;
  readonly bIndex: number;
  readonly kind: string;
  /** Dates as written (`2017`, `2017-03`), '' when undated or still running. */
  readonly start: string;
  readonly end: string;
  /** Day numbers for sorting: undated first, open ends last. */
  readonly startDay: number;
  readonly endDay: number;
}

export interface Sort<C extends string> {
  readonly column: C;
  readonly descending: boolean;
}

/** The organisations shown (`orgVisible[i] === 1`), in dataset order. */
export function orgRows(
  compiled: CompiledDataset,
  orgVisible: ArrayLike<number>,
  orgDegree: ArrayLike<number>,
  regionName: (code: string) => string,
): OrgRow[] {
  const rows: OrgRow[] = [];
  const orgs = compiled.dataset.organisations;
  for (let i = 0; i < compiled.orgCount; i++) {
    if (orgVisible[i] !== 1) continue;
    const o = orgs[i]!;
    rows.push({
      index: i,
      name: o.name,
      type: o.type,
      country: o.country,
      region: o.nuts ? regionName(o.nuts) : '',
      degree: orgDegree[i]!,
    });
  }
  return rows;
}

/** The collaborations shown (`collabVisible[j] === 1`), in dataset order. */
export function collabRows(compiled: CompiledDataset, collabVisible: ArrayLike<number>): CollabRow[] {
  const rows: CollabRow[] = [];
  const { organisations, collaborations } = compiled.dataset;
  for (let j = 0; j < compiled.collabCount; j++) {
    if (collabVisible[j] !== 1) continue;
    const c = collaborations[j]!;
    const s = compiled.collabSource[j]!;
    const t = compiled.collabTarget[j]!;
    rows.push({
      index: j,
      a: organisations[s]!.name,
      b: organisations[t]!.name,
      aIndex: s,
      bIndex: t,
      kind: c.kind,
      start: c.start ? formatPartialDate(c.start) : '',
      end: c.end ? formatPartialDate(c.end) : '',
      startDay: compiled.collabFirst[j]!,
      endDay: compiled.collabLast[j]!,
    });
  }
  return rows;
}

/** Lower case without accents, so `liege` finds Liège and `slaskie` Śląskie. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();
}

/** Rows where every word of `query` occurs in one of `fields` (accents and case ignored). */
export function filterRows<R>(rows: readonly R[], query: string, fields: (row: R) => readonly string[]): R[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = fields(row).map(foldText).join('\u0000');
    return words.every((w) => text.includes(w));
  });
}

const ORG_NUMERIC: ReadonlySet<string> = new Set(['degree']);

/** Rows sorted by a column (stable; text by `compare`, numbers numerically; ties by dataset index). */
export function sortRows<R extends { readonly index: number }, C extends string>(
  rows: readonly R[],
  sort: Sort<C>,
  value: (row: R, column: C) => string | number,
  compare: (a: string, b: string) => number,
): R[] {
  const dir = sort.descending ? -1 : 1;
  return [...rows].sort((x, y) => {
    const a = value(x, sort.column);
    const b = value(y, sort.column);
    const c = typeof a === 'number' && typeof b === 'number' ? a - b : compare(String(a), String(b));
    return c !== 0 ? c * dir : x.index - y.index;
  });
}

export function orgValue(row: OrgRow, column: OrgColumn): string | number {
  return ORG_NUMERIC.has(column) ? row.degree : row[column];
}

export function collabValue(row: CollabRow, column: CollabColumn): string | number {
  if (column === 'start') return row.startDay;
  if (column === 'end') return row.endDay;
  return row[column];
}

/** The next sort after activating a column header: a new column sorts ascending, the same one flips. */
export function toggleSort<C extends string>(sort: Sort<C>, column: C): Sort<C> {
  return sort.column === column ? { column, descending: !sort.descending } : { column, descending: false };
}

/** The page (0-based) holding row position `at`, or `current` when the row is not in the list (`at < 0`). */
export function pageHolding(at: number, pageSize: number, current: number): number {
  return at < 0 ? current : Math.floor(at / pageSize);
}

/** A page index kept inside `[0, pages - 1]` for `total` rows. */
export function clampPage(page: number, total: number, pageSize: number): number {
  const last = Math.max(0, Math.ceil(total / pageSize) - 1);
  return Math.max(0, Math.min(last, page));
}
