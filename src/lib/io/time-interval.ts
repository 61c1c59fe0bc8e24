// Reads Gephi's dynamic cells — `<[2016,2019];[2021,2023]>` intervals and `<[2016,2018,2020]>` timestamps — into periods.
import { timeValueToDateText } from './cells';

/** One period as date text (`2016`, `2016-03-01`); null is an open bound (Gephi's `-Infinity`/`Infinity`). */
export interface PeriodText {
  readonly start: string | null;
  readonly end: string | null;
}

export type IntervalParse =
  | { readonly ok: true; readonly periods: readonly PeriodText[] }
  /** `value` is the offending part, for the report. */
  | { readonly ok: false; readonly reason: 'malformed' | 'not-a-date'; readonly value: string };

const GROUP = /[[(]([^\])]*)[\])]/g;
const INFINITY = /^[+-]?(inf|infinity)$/i;

/**
 * Parses one cell. A group of two values is an interval; a group of one, or more than two, holds
 * timestamps, each a one-day-precision instant. With `timestamps` set (a `timeset`/`timestamp` column)
 * every value is an instant. Numbers are years (`2016.0`); other numbers are refused.
 */
export function parseTimeInterval(text: string, timestamps = false): IntervalParse {
  const body = text.trim().replace(/^</, '').replace(/>$/, '').trim();
  if (body === '') return { ok: true, periods: [] };
  const periods: PeriodText[] = [];
  let matched = '';
  for (const m of body.matchAll(GROUP)) {
    matched += m[0];
    const values = (m[1] ?? '').split(',').map((v) => v.trim());
    const dates: (string | null)[] = [];
    for (const v of values) {
      if (INFINITY.test(v)) {
        dates.push(null);
        continue;
      }
      const d = timeValueToDateText(v);
      if (d === null || d === '') return { ok: false, reason: 'not-a-date', value: v };
      dates.push(d);
    }
    if (dates.length === 2 && !timestamps) periods.push({ start: dates[0] ?? null, end: dates[1] ?? null });
    else for (const d of dates) periods.push({ start: d, end: d });
  }
  // Everything outside the groups must be separators, or the cell is not in Gephi's notation.
  const rest = body.replace(GROUP, '').replace(/[;,\s]/g, '');
  if (periods.length === 0 || rest !== '' || matched === '')
    return { ok: false, reason: 'malformed', value: text.trim() };
  return { ok: true, periods };
}
