// Validates one collaboration period: real dates in the column's order, start before end, nothing far in the future.
import { firstDay, lastDay, type PartialDate } from '../model/dates';
import type { RecordRow, RecordTable } from './csv-table';
import { parseInColumn, type ColumnOrder } from './date-columns';
import type { ProblemLog } from './problems';
import { cellRef } from './table-checks';
import type { PeriodText } from './time-interval';

/** Dates this many days after today are typos (2202 for 2022), not plans. */
const FAR_FUTURE_DAYS = 3653;

/** Per-table settings, built once so the row loop allocates nothing for them. */
export interface PeriodContext {
  readonly log: ProblemLog;
  readonly today: number;
  readonly strict: boolean;
  readonly table: RecordTable;
}

/** Columns a period was read from (both the interval column for Gephi cells), and their reading order. */
export interface PeriodColumns {
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly startOrder: ColumnOrder | undefined;
  readonly endOrder: ColumnOrder | undefined;
}

export interface Period {
  readonly start: PartialDate | null;
  readonly end: PartialDate | null;
}

/** Validates one period of a row; undefined when an error was reported. */
export function readPeriod(p: PeriodText, c: PeriodContext, row: RecordRow, cols: PeriodColumns): Period | undefined {
  const ref = (which: 'start' | 'end') => cellRef(c.table, row, which === 'start' ? cols.start : cols.end, which);
  const parse = (text: string | null, order: ColumnOrder | undefined, which: 'start' | 'end') => {
    if (text === null || text === '') return null;
    const d = parseInColumn(text, order);
    if (d !== null) return d;
    const serial = /^\d{5}$/.test(text) ? ' It looks like a spreadsheet date number: format the column as text.' : '';
    c.log.report(
      'error',
      'invalid-date',
      ref(which),
      text,
      `Not a real date. Write YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY.${serial}`,
    );
    return undefined;
  };
  const start = parse(p.start, cols.startOrder, 'start');
  const end = parse(p.end, cols.endOrder, 'end');
  if (start === undefined || end === undefined) return undefined;
  let ok = true;
  if (start === null && end !== null) {
    c.log.report(
      'error',
      'missing-value',
      ref('start'),
      '',
      'An end date needs a start date: add the start, or clear the end.',
    );
    ok = false;
  }
  if (start && end && lastDay(end) < firstDay(start)) {
    c.log.report('error', 'reversed-period', ref('end'), p.end ?? '', 'The end date lies before the start date.');
    ok = false;
  }
  if (start && !checkFuture(start, true, p.start ?? '', c, () => ref('start'))) ok = false;
  if (end && !checkFuture(end, false, p.end ?? '', c, () => ref('end'))) ok = false;
  return ok ? { start, end } : undefined;
}

/** A start after today is a plan (warning) unless strict; anything ten years ahead is a typo (error). */
function checkFuture(
  d: PartialDate,
  isStart: boolean,
  text: string,
  c: PeriodContext,
  ref: () => ReturnType<typeof cellRef>,
): boolean {
  const first = firstDay(d);
  if (first <= c.today || (!isStart && first <= c.today + FAR_FUTURE_DAYS)) return true;
  const far = first > c.today + FAR_FUTURE_DAYS;
  const severity = far || c.strict ? 'error' : 'warning';
  c.log.report(
    severity,
    'future-date',
    ref(),
    text,
    far
      ? 'This date lies more than ten years ahead; check the year (leave the end empty for open-ended).'
      : 'The start date lies in the future.',
  );
  return severity !== 'error';
}
