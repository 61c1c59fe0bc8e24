// Cell-level parsers for imported tables: each returns a value or null, never throws and never uses `Date`.
import { makePartialDate, parseIsoPartialDate, type PartialDate } from '../model/dates';

export { problem, type CellRef } from './problems';

const EMPTY_LIST: readonly string[] = Object.freeze([]);

/** Splits a `|`-separated list, trimming and dropping empty items (a shared frozen array when empty). */
export function splitList(text: string): readonly string[] {
  if (text === '') return EMPTY_LIST;
  return text
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** How a column writes `NN/NN/YYYY`: Europe's day first, or the US month first. */
export type DateOrder = 'day-first' | 'month-first';

/** `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY` (or month first); groups: first part, second part, year. */
export const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
// ISO day with a time (Excel and GEXF dateTime write `2016-01-01T00:00:00Z` or `2016-01-01 00:00`): the day counts.
const ISO_WITH_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a time after the day is ignored) and `NN/NN/YYYY` in the
 * given order (`/`, `-` or `.` as separator). Returns null for other text and for impossible dates (31/02/2020).
 */
export function parseUserDate(text: string, order: DateOrder = 'day-first'): PartialDate | null {
  const t = text.trim();
  const iso = parseIsoPartialDate(t);
  if (iso) return iso;
  const withTime = ISO_WITH_TIME.exec(t);
  if (withTime?.[1] !== undefined) return parseIsoPartialDate(withTime[1]);
  const m = SLASH_DATE.exec(t);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return order === 'day-first' ? makePartialDate(Number(m[3]), b, a) : makePartialDate(Number(m[3]), a, b);
}

/**
 * A time value of Gephi or GEXF as date text: dates pass through; numbers (`timeformat="double"`, Gephi's
 * `2016.0`) are years when whole and in 1000–9999. Returns null for other numbers (abstract time steps).
 */
export function timeValueToDateText(text: string): string | null {
  const t = text.trim();
  if (/^[+-]?\d+(\.0*)?$/.test(t)) {
    const year = Number(t.replace(/\.0*$/, ''));
    return year >= 1000 && year <= 9999 ? String(year) : null;
  }
  if (/^[+-]?(\d+\.\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  return t;
}

/** Parses a decimal number, accepting a decimal comma (`50,85`) as spreadsheets in Europe write it. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return null;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Parses a non-negative whole number; thousands separators (`18,500`, `18.500`, `18 500`) are accepted. */
export function parseCount(text: string): number | null {
  const t = text.trim().replace(/[\s,.']/g, '');
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/** Reads `true/false/yes/no/1/0` (case-insensitive); empty is false. */
export function parseFlag(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'false' || t === 'no' || t === '0') return false;
  if (t === 'true' || t === 'yes' || t === '1') return true;
  return null;
}

const DIRECTIONS: ReadonlyMap<string, boolean> = new Map([
  ['directed', true],
  ['undirected', false],
  // Gephi writes Mixed for a graph type; Kumu's "mutual" is a two-way link: both are drawn without an arrow.
  ['mixed', false],
  ['mutual', false],
]);

/** Whether a value names an edge direction as Gephi (`Directed`, `Undirected`, `Mixed`) or Kumu (`mutual`) write it. */
export function isDirectionWord(text: string): boolean {
  return DIRECTIONS.has(text.trim().toLowerCase());
}

/** Reads a direction word or a flag (`true` = directed); empty is undirected. */
export function parseDirection(text: string): boolean | null {
  return DIRECTIONS.get(text.trim().toLowerCase()) ?? parseFlag(text);
}
