// Reads a collaboration's period(s) from Start/End or Gephi's interval cell: real dates, start before end, not far ahead.
import { firstDay, lastDay, type PartialDate } from '../model/dates';
import type { Columns } from './collaboration-rows';
import { normaliseHeader, type RecordRow, type RecordTable } from './csv-table';
import { decideDateOrders, parseInColumn, type ColumnOrder } from './date-columns';
import type { ProblemLog } from './problems';
import { cellAt, cellRef } from './table-checks';
import { parseTimeInterval, type PeriodText } from './time-interval';

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

const refOf = (c: PeriodContext, row: RecordRow, cols: PeriodColumns, which: 'start' | 'end') =>
  cellRef(c.table, row, which === 'start' ? cols.start : cols.end, which);

/** One date of the period: null when empty, undefined after reporting an impossible date. */
function parseDate(text: string | null, c: PeriodContext, row: RecordRow, cols: PeriodColumns, which: 'start' | 'end') {
  if (text === null || text === '') return null;
  const d = parseInColumn(text, which === 'start' ? cols.startOrder : cols.endOrder);
  if (d !== null) return d;
  const serial = /^\d{5}$/.test(text) ? ' It looks like a spreadsheet date number: format the column as text.' : '';
  const message = `Not a real date. Write YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY.${serial}`;
  c.log.report('error', 'invalid-date', refOf(c, row, cols, which), text, message);
  return undefined;
}

/** Validates one period of a row; undefined when an error was reported. */
export function readPeriod(p: PeriodText, c: PeriodContext, row: RecordRow, cols: PeriodColumns): Period | undefined {
  const start = parseDate(p.start, c, row, cols, 'start');
  const end = parseDate(p.end, c, row, cols, 'end');
  if (start === undefined || end === undefined) return undefined;
  let ok = true;
  if (start === null && end !== null) {
    const message = 'An end date needs a start date: add the start, or clear the end.';
    c.log.report('error', 'missing-value', refOf(c, row, cols, 'start'), '', message);
    ok = false;
  }
  if (start && end && lastDay(end) < firstDay(start)) {
    const message = 'The end date lies before the start date.';
    c.log.report('error', 'reversed-period', refOf(c, row, cols, 'end'), p.end ?? '', message);
    ok = false;
  }
  if (start && !checkFuture(start, p.start ?? '', c, row, cols, 'start')) ok = false;
  if (end && !checkFuture(end, p.end ?? '', c, row, cols, 'end')) ok = false;
  return ok ? { start, end } : undefined;
}

/** A start after today is a plan (warning) unless strict; anything ten years ahead is a typo (error). */
function checkFuture(
  d: PartialDate,
  text: string,
  c: PeriodContext,
  row: RecordRow,
  cols: PeriodColumns,
  which: 'start' | 'end',
): boolean {
  const isStart = which === 'start';
  const first = firstDay(d);
  if (first <= c.today || (!isStart && first <= c.today + FAR_FUTURE_DAYS)) return true;
  const far = first > c.today + FAR_FUTURE_DAYS;
  const severity = far || c.strict ? 'error' : 'warning';
  c.log.report(
    severity,
    'future-date',
    refOf(c, row, cols, which),
    text,
    far
      ? 'This date lies more than ten years ahead; check the year (leave the end empty for open-ended).'
      : 'The start date lies in the future.',
  );
  return severity !== 'error';
}

export interface TimeSetup {
  readonly context: PeriodContext;
  readonly plain: PeriodColumns;
  readonly interval: PeriodColumns;
  readonly timestamps: boolean;
  readonly hasTime: boolean;
}

export function timeSetup(
  table: RecordTable,
  columns: Columns,
  log: ProblemLog,
  options: { today: number; strict: boolean },
): TimeSetup {
  const orders = decideDateOrders(
    table,
    [columns.start, columns.end].filter((i): i is number => i !== undefined),
    log,
  );
  const header = normaliseHeader(table.headers[columns.interval ?? -1] ?? '');
  const hasTime = columns.start !== undefined || columns.end !== undefined || columns.interval !== undefined;
  // A file without any date column is undated as a whole: one warning, not one per row.
  if (!hasTime)
    log.report(
      'warning',
      'undated',
      { file: table.file, line: table.rows[0]?.path === undefined ? 1 : 0, field: 'start' },
      '',
      'No date column (Start, End or Time Interval): every collaboration is undated, shown only when "show undated" is on.',
    );
  return {
    context: { log, today: options.today, strict: options.strict, table },
    plain: {
      start: columns.start,
      end: columns.end,
      startOrder: orders.get(columns.start ?? -1),
      endOrder: orders.get(columns.end ?? -1),
    },
    interval: { start: columns.interval, end: columns.interval, startOrder: undefined, endOrder: undefined },
    timestamps: header === 'timeset' || header.startsWith('timestamp'),
    hasTime,
  };
}

const UNDATED: readonly (Period | undefined)[] = [{ start: null, end: null }];

/** The row's periods: Start/End when either is filled, else the Gephi interval cell; undefined entries had errors. */
export function readPeriods(
  t: TimeSetup,
  table: RecordTable,
  row: RecordRow,
  columns: Columns,
): readonly (Period | undefined)[] {
  const start = cellAt(row, columns.start);
  const end = cellAt(row, columns.end);
  const interval = cellAt(row, columns.interval);
  let periods: readonly (Period | undefined)[] = UNDATED;
  if (start !== '' || end !== '' || interval === '') periods = [readPeriod({ start, end }, t.context, row, t.plain)];
  else {
    const parsed = parseTimeInterval(interval, t.timestamps);
    const ref = cellRef(table, row, columns.interval, 'interval');
    if (parsed.ok)
      periods =
        parsed.periods.length === 0 ? UNDATED : parsed.periods.map((p) => readPeriod(p, t.context, row, t.interval));
    else if (parsed.reason === 'not-a-date')
      t.context.log.report(
        'warning',
        'unsupported-time',
        ref,
        parsed.value,
        'Time values that are not dates or years are ignored; the collaboration is undated.',
      );
    else
      t.context.log.report(
        'error',
        'invalid-date',
        ref,
        parsed.value,
        'Write intervals as Gephi does: <[2016,2019];[2021,2023]>.',
      );
  }
  const only = periods.length === 1 ? periods[0] : undefined;
  if (t.hasTime && only && only.start === null)
    t.context.log.report(
      'warning',
      'undated',
      cellRef(table, row, columns.start ?? columns.interval, 'start'),
      '',
      'No start date: shown only when "show undated" is on.',
    );
  return periods;
}
