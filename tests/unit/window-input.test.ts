// Proves window bounds parse to whole periods, format in UTC, and step/play by calendar units (month-end aware).
import { afterEach, describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/lib/model/dates';
import type { TimeWindow } from '../../src/lib/timeline/temporal-index';
import {
  addMonths,
  clampWindow,
  formatDay,
  formatWindowCaption,
  monthStart,
  parseWindowBound,
  quarterStart,
  shiftWindow,
  slideForPlay,
  windowPrecision,
  yearStart,
  type StepUnit,
} from '../../src/lib/timeline/window-input';

/** Day number of an ISO date written in full. */
function d(iso: string): number {
  const [y, m, day] = iso.split('-').map(Number);
  return dayNumber(y!, m!, day!);
}
const w = (from: string, to: string): TimeWindow => ({ from: d(from), to: d(to) });

describe('parseWindowBound', () => {
  const cases: [string, 'from' | 'to', string | null][] = [
    ['2019', 'from', '2019-01-01'],
    ['2019', 'to', '2019-12-31'],
    ['2017-02', 'from', '2017-02-01'],
    ['2017-02', 'to', '2017-02-28'],
    ['2016-02', 'to', '2016-02-29'],
    ['2017-06-30', 'from', '2017-06-30'],
    ['2017-06-30', 'to', '2017-06-30'],
    ['2020-02-29', 'to', '2020-02-29'],
    [' 2019 ', 'to', '2019-12-31'],
    ['1969-12', 'from', '1969-12-01'],
    ['2019-02-29', 'from', null],
    ['2019-13', 'to', null],
    ['2019-00', 'from', null],
    ['2019-04-31', 'to', null],
    ['19', 'from', null],
    ['2019-1', 'from', null],
    ['2019/01/01', 'from', null],
    ['01/02/2019', 'to', null],
    ['', 'from', null],
    ['2019-01-01T00:00', 'from', null],
  ];
  it.each(cases)('%j as %s → %s', (text, side, expected) => {
    expect(parseWindowBound(text, side)).toBe(expected === null ? null : d(expected));
  });
});

describe('formatting', () => {
  it.each([
    ['2017-02-03', 'day', '2017-02-03'],
    ['2017-02-03', 'month', '2017-02'],
    ['2017-02-03', 'year', '2017'],
    ['1960-05-01', 'day', '1960-05-01'],
  ] as const)('formatDay(%s, %s) → %s', (iso, precision, expected) => {
    expect(formatDay(d(iso), precision)).toBe(expected);
  });

  it.each([
    [w('2016-01-01', '2021-12-31'), 'year'],
    [w('2016-01-01', '2021-06-30'), 'month'],
    [w('2016-02-01', '2016-02-29'), 'month'],
    [w('2016-01-01', '2016-02-28'), 'day'],
    [w('2016-01-02', '2021-12-31'), 'day'],
  ] as const)('windowPrecision(%j) → %s', (window, expected) => {
    expect(windowPrecision(window)).toBe(expected);
  });

  it.each([
    [w('2016-01-01', '2021-12-31'), 'month', 'en-GB', 'Jan 2016 – Dec 2021'],
    [w('2016-01-01', '2021-12-31'), 'month', 'fr-BE', 'janv. 2016 – déc. 2021'],
    [w('2016-01-01', '2021-12-31'), 'year', 'nl-BE', '2016 – 2021'],
    [w('2016-01-01', '2021-12-31'), 'day', 'en-US', 'Jan 1, 2016 – Dec 31, 2021'],
    [w('2020-03-01', '2020-03-31'), 'month', 'en-GB', 'Mar 2020'],
  ] as const)('caption of %j at %s in %s', (window, precision, locale, expected) => {
    expect(formatWindowCaption(window, precision, locale)).toBe(expected);
  });

  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });
  it('formats in UTC whatever the time zone (no day shift west of Greenwich)', () => {
    process.env.TZ = 'Pacific/Honolulu';
    expect(formatWindowCaption(w('2016-01-01', '2016-01-31'), 'day', 'en-IE')).toBe('1 Jan 2016 – 31 Jan 2016');
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2016-01-31', 1, '2016-02-29'],
    ['2016-02-29', 1, '2016-03-31'],
    ['2016-01-30', 1, '2016-02-29'],
    ['2016-03-30', 1, '2016-04-30'],
    ['2016-03-15', -3, '2015-12-15'],
    ['2016-02-29', 12, '2017-02-28'],
    ['2015-02-28', 12, '2016-02-29'],
    ['1970-01-01', -1, '1969-12-01'],
    ['2016-05-17', 0, '2016-05-17'],
  ])('addMonths(%s, %i) → %s', (from, months, expected) => {
    expect(addMonths(d(from), months)).toBe(d(expected));
  });

  const shifts: [TimeWindow, StepUnit, number, TimeWindow][] = [
    [w('2016-01-01', '2016-01-31'), 'month', 1, w('2016-02-01', '2016-02-29')],
    [w('2016-02-01', '2016-02-29'), 'month', 1, w('2016-03-01', '2016-03-31')],
    [w('2016-01-31', '2016-03-31'), 'month', -1, w('2015-12-31', '2016-02-29')],
    [w('2016-01-01', '2017-12-31'), 'quarter', 1, w('2016-04-01', '2018-03-31')],
    [w('2016-01-01', '2016-03-31'), 'quarter', -1, w('2015-10-01', '2015-12-31')],
    [w('2015-03-01', '2016-02-29'), 'year', 1, w('2016-03-01', '2017-02-28')],
    [w('2016-01-15', '2018-01-14'), 'year', 2, w('2018-01-15', '2020-01-14')],
  ];
  it.each(shifts)('shiftWindow(%j, %s, %i)', (window, unit, count, expected) => {
    expect(shiftWindow(window, unit, count)).toEqual(expected);
  });

  it('shifting month-aligned windows forth and back is the identity', () => {
    for (let start = d('2010-01-01'); start < d('2013-01-01'); start = addMonths(start, 1)) {
      for (const months of [1, 5, 12, 23]) {
        const window = { from: start, to: addMonths(start, months) - 1 };
        for (const unit of ['month', 'quarter', 'year'] as const) {
          expect(shiftWindow(shiftWindow(window, unit, 7), unit, -7)).toEqual(window);
        }
      }
    }
  });

  it.each([
    ['2016-05-17', '2016-05-01', '2016-04-01', '2016-01-01'],
    ['2016-12-31', '2016-12-01', '2016-10-01', '2016-01-01'],
    ['2016-01-01', '2016-01-01', '2016-01-01', '2016-01-01'],
    ['1969-12-15', '1969-12-01', '1969-10-01', '1969-01-01'],
  ])('starts of %s: month %s, quarter %s, year %s', (day, month, quarter, year) => {
    expect([monthStart(d(day)), quarterStart(d(day)), yearStart(d(day))]).toEqual([d(month), d(quarter), d(year)]);
  });
});

/** Every frame from `window` until slideForPlay says stop. */
function play(window: TimeWindow, unit: StepUnit, bounds: TimeWindow): TimeWindow[] {
  const frames: TimeWindow[] = [];
  for (let next = slideForPlay(window, unit, bounds); next !== null; next = slideForPlay(next, unit, bounds)) {
    frames.push(next);
    if (frames.length > 1000) throw new Error('play never ends');
  }
  return frames;
}

describe('slideForPlay', () => {
  it('slides a two-year window by months and lands exactly on bounds.to', () => {
    const frames = play(w('2016-01-01', '2017-12-31'), 'month', w('2016-01-01', '2021-06-15'));
    expect(frames[0]).toEqual(w('2016-02-01', '2018-01-31'));
    expect(frames.at(-2)).toEqual(w('2019-06-01', '2021-05-31'));
    expect(frames.at(-1)).toEqual(w('2019-06-16', '2021-06-15'));
    expect(frames).toHaveLength(42);
    frames.slice(1).forEach((f, i) => expect(f.to).toBeGreaterThan(frames[i]!.to));
  });

  it('ends on a whole step when bounds.to is a month end', () => {
    const frames = play(w('2016-01-01', '2017-12-31'), 'quarter', w('2016-01-01', '2018-12-31'));
    expect(frames.map((f) => f.to)).toEqual(['2018-03-31', '2018-06-30', '2018-09-30', '2018-12-31'].map(d));
    expect(frames.at(-1)).toEqual(w('2017-01-01', '2018-12-31'));
  });

  it('keeps the length in years on the last, partial step', () => {
    const frames = play(w('2016-01-01', '2016-12-31'), 'year', w('2016-01-01', '2018-03-10'));
    expect(frames).toEqual([w('2017-01-01', '2017-12-31'), w('2017-03-11', '2018-03-10')]);
  });

  it('returns null once the window reaches bounds.to', () => {
    expect(slideForPlay(w('2019-06-16', '2021-06-15'), 'month', w('2016-01-01', '2021-06-15'))).toBeNull();
    expect(slideForPlay(w('2020-01-01', '2022-12-31'), 'month', w('2016-01-01', '2021-06-15'))).toBeNull();
  });
});

describe('clampWindow', () => {
  const bounds = w('2010-01-01', '2020-12-31');
  it.each([
    ['inside', w('2012-01-01', '2014-12-31'), w('2012-01-01', '2014-12-31')],
    ['over both ends', w('2000-01-01', '2030-12-31'), bounds],
    ['past the end', w('2019-01-01', '2025-01-01'), w('2019-01-01', '2020-12-31')],
    ['wholly before', w('2001-01-01', '2002-01-01'), w('2010-01-01', '2010-01-01')],
    ['reversed', w('2014-12-31', '2012-01-01'), w('2012-01-01', '2014-12-31')],
  ])('%s', (_name, window, expected) => {
    expect(clampWindow(window, bounds)).toEqual(expected);
  });

  it('returns the same object when nothing changes, so state writes can skip it', () => {
    const window = w('2012-01-01', '2014-12-31');
    expect(clampWindow(window, bounds)).toBe(window);
  });
});
