// Validates one collaboration period: real dates in the column's order, start before end, nothing far in the future.
import { firstDay, lastDay, type PartialDate } from '../model/dates';
import { parseInColumn, type ColumnOrder } from './date-columns';
import type { CellRef, ProblemLog } from './problems';
import type { PeriodText } from './time-interval';

/** Dates this many days after today are typos (2202 for 2022), not plans. */
const FAR_FUTURE_DAYS = 3653;

export interface PeriodCheck {
  readonly log: ProblemLog;
  readonly today: number;
  readonly strict: boolean;
  readonly startRef: CellRef;
  readonly endRef: CellRef;
}

/** Validates one period; undefined when an error was reported. */
export function readPeriod(
  p: PeriodText,
  orders: [ColumnOrder?, ColumnOrder?],
  c: PeriodCheck,
): { start: PartialDate | null; end: PartialDate | null } | undefined {
  const parse = (text: string | null, order: ColumnOrder | undefined, ref: CellRef): PartialDate | null | undefined => {
    if (text === null || text === '') return null;
    const d = parseInColumn(text, order);
    if (d !== null) return d;
    const serial = /^\d{5}$/.test(text)
      ? ' It looks like a spreadsheet date number: format the column as text or as a date.'
      : '';
    c.log.report(
      'error',
      'invalid-date',
      ref,
      text,
      `Not a real date. Write YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY.${serial}`,
    );
    return undefined;
  };
  const start = parse(p.start, orders[0], c.startRef);
  const end = parse(p.end, orders[1], c.endRef);
  if (start === undefined || end === undefined) return undefined;
  let ok = true;
  if (start === null && end !== null) {
    c.log.report(
      'error',
      'missing-value',
      c.startRef,
      '',
      'An end date needs a start date: add the start, or clear the end.',
    );
    ok = false;
  }
  if (start && end && lastDay(end) < firstDay(start)) {
    c.log.report('error', 'reversed-period', c.endRef, p.end ?? '', 'The end date lies before the start date.');
    ok = false;
  }
  for (const [d, ref, text] of [
    [start, c.startRef, p.start],
    [end, c.endRef, p.end],
  ] as const) {
    if (!d) continue;
    const far = firstDay(d) > c.today + FAR_FUTURE_DAYS;
    if (far || (d === start && firstDay(d) > c.today)) {
      const severity = far || c.strict ? 'error' : 'warning';
      c.log.report(
        severity,
        'future-date',
        ref,
        text ?? '',
        far
          ? 'This date lies more than ten years ahead; check the year (leave the end empty for open-ended).'
          : 'The start date lies in the future.',
      );
      if (severity === 'error') ok = false;
    }
  }
  return ok ? { start, end } : undefined;
}
