// Decides per column whether `NN/NN/YYYY` dates are day-first (Europe) or month-first (US), from the values themselves.
import { parseUserDate, SLASH_DATE, type DateOrder } from './cells';
import type { PartialDate } from '../model/dates';
import type { RecordTable } from './csv-table';
import type { ProblemLog } from './problems';

interface Evidence {
  readonly line: number;
  readonly path: string | undefined;
  readonly value: string;
}

interface ColumnScan {
  readonly index: number;
  dayFirst?: Evidence;
  monthFirst?: Evidence;
  firstSlash?: Evidence;
}

function scanColumn(table: RecordTable, index: number): ColumnScan {
  const scan: ColumnScan = { index };
  for (const row of table.rows) {
    const value = (row.cells[index] ?? '').trim();
    const m = SLASH_DATE.exec(value);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    const at = () => ({ line: row.line, path: row.path, value });
    scan.firstSlash ??= at();
    // A value with both parts above 12 is no date at all; the row check reports it.
    if (a > 12 && b <= 12) scan.dayFirst ??= at();
    if (b > 12 && a <= 12) scan.monthFirst ??= at();
    if (scan.dayFirst && scan.monthFirst) break;
  }
  return scan;
}

/** A column's reading order; `conflict` when it mixes both (an error is already reported, so values are read either way). */
export type ColumnOrder = DateOrder | 'conflict';

const where = (e: Evidence): string => (e.line > 0 ? `line ${e.line}` : (e.path ?? ''));

/**
 * Order of each date column (by column index). A column with a first part above 12 is day-first;
 * one with a second part above 12 is month-first (warned once); both is an `ambiguous-date` error.
 * A column with every part ≤ 12 follows the other date columns of the file when they agree, else
 * it is read day-first with one `ambiguous-date` warning.
 */
export function decideDateOrders(
  table: RecordTable,
  indexes: readonly number[],
  log: ProblemLog,
): Map<number, ColumnOrder> {
  const orders = new Map<number, ColumnOrder>();
  const scans = indexes.map((i) => scanColumn(table, i));
  const ref = (scan: ColumnScan, e: Evidence) => ({
    file: table.file,
    line: e.line,
    field: table.headers[scan.index] ?? '',
    ...(e.path === undefined ? {} : { path: e.path }),
  });
  for (const scan of scans) {
    const { dayFirst, monthFirst } = scan;
    if (dayFirst && monthFirst) {
      orders.set(scan.index, 'conflict');
      log.report(
        'error',
        'ambiguous-date',
        ref(scan, monthFirst),
        monthFirst.value,
        `This column mixes day-first dates (${dayFirst.value}, ${where(dayFirst)}) and month-first dates ` +
          `(${monthFirst.value}, ${where(monthFirst)}). Write every date as YYYY-MM-DD.`,
      );
    } else if (monthFirst) {
      orders.set(scan.index, 'month-first');
      log.report(
        'warning',
        'month-first-date',
        ref(scan, monthFirst),
        monthFirst.value,
        'Dates in this column are read month-first (US style, MM/DD/YYYY), since a second part above 12 cannot be a month.',
      );
    } else if (dayFirst) orders.set(scan.index, 'day-first');
  }
  const decided = new Set([...orders.values()].filter((o) => o !== 'conflict'));
  for (const scan of scans) {
    if (orders.has(scan.index) || !scan.firstSlash) continue;
    const only = decided.size === 1 ? [...decided][0] : undefined;
    if (only !== undefined) {
      orders.set(scan.index, only);
      continue;
    }
    orders.set(scan.index, 'day-first');
    log.report(
      'warning',
      'ambiguous-date',
      ref(scan, scan.firstSlash),
      scan.firstSlash.value,
      'No date in this column shows whether the day or the month comes first; they are read day-first ' +
        '(DD/MM/YYYY). If they are month-first, write them as YYYY-MM-DD.',
    );
  }
  return orders;
}

/** Parses a date in its column's order; a conflicting column accepts either order, since the import is blocked anyway. */
export function parseInColumn(text: string, order: ColumnOrder | undefined): PartialDate | null {
  if (order !== 'conflict') return parseUserDate(text, order);
  return parseUserDate(text, 'day-first') ?? parseUserDate(text, 'month-first');
}
