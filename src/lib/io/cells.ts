// Cell-level parsers for imported tables: each returns a value or a typed problem, never throws.
import { makePartialDate, parseIsoPartialDate, type PartialDate } from '../model/dates';
import type { ImportProblem, ProblemCode, Severity } from '../model/errors';

/** Where a cell came from, so every problem can name file, line and field. */
export interface CellRef {
  readonly file: string;
  readonly line: number;
  readonly field: string;
}

export function problem(
  severity: Severity,
  code: ProblemCode,
  ref: CellRef,
  value: string,
  message: string,
): ImportProblem {
  // Long cells would flood the report; the start of the value is enough to find it.
  const shown = value.length > 80 ? `${value.slice(0, 77)}…` : value;
  return { severity, code, file: ref.file, line: ref.line, field: ref.field, value: shown, message };
}

/** Splits a `|`-separated list, trimming and dropping empty items. */
export function splitList(text: string): string[] {
  return text
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` and the European day-first forms `DD/MM/YYYY`,
 * `DD-MM-YYYY`, `DD.MM.YYYY`. Returns null for anything else or an impossible date (31/02/2020).
 */
export function parseUserDate(text: string): PartialDate | null {
  const t = text.trim();
  const iso = parseIsoPartialDate(t);
  if (iso) return iso;
  const m = DAY_FIRST.exec(t);
  if (!m) return null;
  return makePartialDate(Number(m[3]), Number(m[2]), Number(m[1]));
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
