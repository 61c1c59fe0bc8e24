// Proves the calendar arithmetic (day numbers ↔ civil dates), strict partial-date parsing and the inclusive time rule.
import { describe, expect, it } from 'vitest';
import {
  civilFromDay,
  dayNumber,
  daysInMonth,
  firstDay,
  formatPartialDate,
  isLeapYear,
  lastDay,
  overlaps,
  parseIsoPartialDate,
  type PartialDate,
} from '../../src/lib/model/dates';

/** Day number of a full ISO date, computed independently of `dayNumber` through UTC milliseconds. */
function utcDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/** Parses a date the test knows to be valid. */
function date(text: string): PartialDate {
  const d = parseIsoPartialDate(text);
  if (d === null) throw new Error(`test date ${text} did not parse`);
  return d;
}

describe('dayNumber / civilFromDay', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-01-01', 10957],
    ['1900-01-01', -25567],
    ['2000-02-29', 11016],
    ['2000-03-01', 11017],
    ['1900-02-28', -25509],
    ['1900-03-01', -25508], // 1900 is not a leap year: no 29 February in between
    ['2016-02-29', 16860],
    ['2024-12-31', 20088],
  ])('%s is day %i', (iso, expected) => {
    const [y, m, d] = iso.split('-').map(Number);
    expect(dayNumber(y!, m!, d!)).toBe(expected);
    expect(utcDay(iso)).toBe(expected);
    expect(civilFromDay(expected)).toEqual({ year: y, month: m, day: d });
  });

  it('round-trips every day from 1600 to 2400 and agrees with Date.UTC', () => {
    const start = dayNumber(1600, 1, 1);
    const end = dayNumber(2400, 12, 31);
    let expected = { year: 1600, month: 1, day: 1 };
    const mismatches: string[] = [];
    for (let n = start; n <= end; n++) {
      const c = civilFromDay(n);
      // Consecutive days: the civil date advances by exactly one calendar day, and dayNumber inverts it.
      if (c.year !== expected.year || c.month !== expected.month || c.day !== expected.day) {
        mismatches.push(`${n}: ${JSON.stringify(c)} ≠ ${JSON.stringify(expected)}`);
      }
      if (dayNumber(c.year, c.month, c.day) !== n) mismatches.push(`${n}: dayNumber(${JSON.stringify(c)})`);
      if (mismatches.length > 5) break;
      const next = expected.day < daysInMonth(expected.year, expected.month);
      expected = next
        ? { ...expected, day: expected.day + 1 }
        : expected.month < 12
          ? { year: expected.year, month: expected.month + 1, day: 1 }
          : { year: expected.year + 1, month: 1, day: 1 };
    }
    expect(mismatches).toEqual([]);
    expect(expected).toEqual({ year: 2401, month: 1, day: 1 }); // walked the whole range
    expect(end - start + 1).toBe(801 * 365 + 195); // 195 leap years in 1600–2400 inclusive
    expect(dayNumber(1600, 1, 1)).toBe(Date.UTC(1600, 0, 1) / 86_400_000);
    expect(dayNumber(2400, 12, 31)).toBe(Date.UTC(2400, 11, 31) / 86_400_000);
  });

  it.each([
    [1900, false],
    [2000, true],
    [2016, true],
    [2019, false],
    [2100, false],
    [2400, true],
  ])('isLeapYear(%i) is %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });
});

describe('parseIsoPartialDate', () => {
  it.each([
    ['2017', { year: 2017, precision: 'year' }],
    ['2017-09', { year: 2017, month: 9, precision: 'month' }],
    ['2017-09-30', { year: 2017, month: 9, day: 30, precision: 'day' }],
    ['2020-02-29', { year: 2020, month: 2, day: 29, precision: 'day' }],
    ['2000-02-29', { year: 2000, month: 2, day: 29, precision: 'day' }],
    ['  2017-06 ', { year: 2017, month: 6, precision: 'month' }],
    ['\t2017\n', { year: 2017, precision: 'year' }],
  ])('parses %j', (text, expected) => {
    expect(parseIsoPartialDate(text)).toEqual(expected);
  });

  it.each([
    ['2020-02-30', 'impossible day'],
    ['2019-02-29', 'no leap day in 2019'],
    ['1900-02-29', 'no leap day in 1900'],
    ['2017-04-31', 'April has 30 days'],
    ['2017-13', 'month 13'],
    ['2017-00', 'month 0'],
    ['2017-01-00', 'day 0'],
    ['2017-01-32', 'day 32'],
    ['03/04/2020', 'not ISO'],
    ['2020/03/04', 'wrong separator'],
    ['20170101', 'no separators'],
    ['2017-1', 'one-digit month'],
    ['2017-01-1', 'one-digit day'],
    ['17', 'two-digit year'],
    ['0999', 'year before 1000'],
    ['2017-01-01T00:00', 'a time'],
    ['2017 -01', 'inner space'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['２０１７', 'full-width digits'],
    ['2017-09-30\nx', 'trailing line'],
  ])('rejects %j (%s)', (text) => {
    expect(parseIsoPartialDate(text)).toBeNull();
  });

  it.each(['2017', '2017-09', '2017-09-03', '1999-12-31'])('formats %s back to the same text', (text) => {
    expect(formatPartialDate(date(text))).toBe(text);
  });
});

describe('firstDay / lastDay per precision', () => {
  it.each([
    ['2017', '2017-01-01', '2017-12-31'],
    ['2016', '2016-01-01', '2016-12-31'],
    ['2017-02', '2017-02-01', '2017-02-28'],
    ['2016-02', '2016-02-01', '2016-02-29'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['2017-09', '2017-09-01', '2017-09-30'],
    ['2017-12', '2017-12-01', '2017-12-31'],
    ['2017-09-15', '2017-09-15', '2017-09-15'],
  ])('%s covers %s … %s', (text, first, last) => {
    const d = date(text);
    expect(firstDay(d)).toBe(utcDay(first));
    expect(lastDay(d)).toBe(utcDay(last));
  });
});

describe('overlaps: inclusive at both ends', () => {
  const p = (a: string, b: string): [number, number] => [utcDay(a), utcDay(b)];
  it.each([
    // [period, window, expected]
    [p('2017-01-01', '2017-12-31'), p('2017-12-31', '2018-06-30'), true], // touches the window's first day
    [p('2017-01-01', '2017-12-31'), p('2016-01-01', '2017-01-01'), true], // touches the window's last day
    [p('2017-01-01', '2017-12-31'), p('2018-01-01', '2018-12-31'), false], // ends the day before
    [p('2017-01-01', '2017-12-31'), p('2016-01-01', '2016-12-31'), false], // starts the day after
    [p('2017-06-15', '2017-06-15'), p('2017-06-15', '2017-06-15'), true], // one day in a one-day window
    [p('2017-03-01', '2017-03-31'), p('2017-01-01', '2017-12-31'), true], // inside
    [p('2010-01-01', '2030-12-31'), p('2017-01-01', '2017-01-31'), true], // around
  ])('period %j, window %j → %s', ([pf, pl], [wf, wt], expected) => {
    expect(overlaps(pf, pl, wf, wt)).toBe(expected);
  });

  it.each([
    ['2017', '2016-01-01', '2017-06-30', true], // docs/data-format.md: "2017" is inside a window ending 30 June 2017
    ['2017', '2017-06-30', '2017-07-01', true],
    ['2017', '2016-01-01', '2016-12-31', false],
    ['2017-09', '2017-01-01', '2017-09-01', true],
    ['2017-09', '2017-01-01', '2017-08-31', false],
    ['2017-09', '2017-09-30', '2018-01-01', true],
    ['2017-09', '2017-10-01', '2018-01-01', false],
    ['2017-09-15', '2017-09-15', '2017-09-15', true],
    ['2017-09-15', '2017-09-16', '2017-12-31', false],
  ])('a collaboration dated %s against window %s … %s → %s', (text, from, to, expected) => {
    const d = date(text);
    expect(overlaps(firstDay(d), lastDay(d), utcDay(from), utcDay(to))).toBe(expected);
  });
});
