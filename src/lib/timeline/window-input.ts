// Time-window bounds as users type, read and step them: parsing, formatting, calendar shifts and play-mode slides.
import { civilFromDay, dayNumber, dayToIso, daysInMonth, firstDay, lastDay, parseIsoPartialDate } from '../model/dates';
import type { DatePrecision } from '../model/dates';
import type { TimeWindow } from './temporal-index';

/** Calendar unit for stepping and playing a window. */
export type StepUnit = 'month' | 'quarter' | 'year';

const UNIT_MONTHS: Readonly<Record<StepUnit, number>> = { month: 1, quarter: 3, year: 12 };

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (surrounding spaces ignored) into a day number: the first day of the
 * period for `from`, its last day for `to`, so "2019" as `to` keeps all of 2019. Null for other text and impossible
 * dates (`2019-02-29`).
 */
export function parseWindowBound(text: string, side: 'from' | 'to'): number | null {
  const date = parseIsoPartialDate(text);
  if (date === null) return null;
  return side === 'from' ? firstDay(date) : lastDay(date);
}

/** Text for a date input: `YYYY-MM-DD`, or shortened to `YYYY-MM`/`YYYY` at a coarser precision. */
export function formatDay(day: number, precision: DatePrecision = 'day'): string {
  const iso = dayToIso(day);
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso;
}

/** The coarsest precision at which the window's bounds are whole periods (years, then months, else days). */
export function windowPrecision(window: TimeWindow): DatePrecision {
  const from = civilFromDay(window.from);
  const to = civilFromDay(window.to);
  if (from.day !== 1 || to.day !== daysInMonth(to.year, to.month)) return 'day';
  return from.month === 1 && to.month === 12 ? 'year' : 'month';
}

const captionFormats = new Map<string, Intl.DateTimeFormat>();

/** Caption such as "Jan 2016 – Dec 2021" in `locale`, in UTC so the viewer's time zone never shifts a day. */
export function formatWindowCaption(window: TimeWindow, precision: DatePrecision, locale: string): string {
  const key = `${locale}|${precision}`;
  let format = captionFormats.get(key);
  if (format === undefined) {
    // Built once per locale and precision: constructing Intl formatters costs far more than using them.
    const month = precision === 'year' ? undefined : 'short';
    const day = precision === 'day' ? 'numeric' : undefined;
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month, day });
    captionFormats.set(key, format);
  }
  const from = format.format(dayToUtcMs(window.from));
  const to = format.format(dayToUtcMs(window.to));
  return from === to ? from : `${from} – ${to}`;
}

function dayToUtcMs(day: number): number {
  return day * 86_400_000;
}

/**
 * Adds calendar months to a day. Month ends stay month ends (2016-01-31 + 1 → 2016-02-29 → 2016-03-31) so windows
 * ending on a month's last day keep doing so; other days are clamped to the target month's length.
 */
export function addMonths(day: number, months: number): number {
  const { year, month, day: dom } = civilFromDay(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const length = daysInMonth(y, m);
  const atEnd = dom === daysInMonth(year, month);
  return dayNumber(y, m, atEnd ? length : Math.min(dom, length));
}

/** Moves both bounds by `count` units (negative moves back), month-end aware. */
export function shiftWindow(window: TimeWindow, unit: StepUnit, count: number): TimeWindow {
  const months = UNIT_MONTHS[unit] * count;
  return { from: addMonths(window.from, months), to: addMonths(window.to, months) };
}

/**
 * The next frame when playing: the window moves one unit and keeps its length in months; the frame that would pass
 * `bounds.to` is pulled back to end exactly on it. Null once the window already reaches `bounds.to`.
 */
export function slideForPlay(window: TimeWindow, unit: StepUnit, bounds: TimeWindow): TimeWindow | null {
  if (window.to >= bounds.to) return null;
  const next = shiftWindow(window, unit, 1);
  if (next.to <= bounds.to) return next;
  // The max keeps play moving forward for windows that are not whole months (their month span is rounded).
  const from = addMonths(bounds.to + 1, -monthSpan(window));
  return { from: Math.max(from, window.from, bounds.from), to: bounds.to };
}

/** Whole months from `from` to the day after `to`: 24 for 2016-01-01..2017-12-31 and for 2016-01-15..2018-01-14. */
function monthSpan(window: TimeWindow): number {
  const a = civilFromDay(window.from);
  const b = civilFromDay(window.to + 1);
  return Math.max(1, (b.year - a.year) * 12 + (b.month - a.month));
}

/** Keeps both bounds inside `bounds` and in order; returns `window` itself when nothing changes. */
export function clampWindow(window: TimeWindow, bounds: TimeWindow): TimeWindow {
  const a = clamp(window.from, bounds.from, bounds.to);
  const b = clamp(window.to, bounds.from, bounds.to);
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  return from === window.from && to === window.to ? window : { from, to };
}

function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}

/** First day of the day's month. */
export function monthStart(day: number): number {
  const { year, month } = civilFromDay(day);
  return dayNumber(year, month, 1);
}

/** First day of the day's calendar quarter (Jan, Apr, Jul, Oct). */
export function quarterStart(day: number): number {
  const { year, month } = civilFromDay(day);
  return dayNumber(year, month - ((month - 1) % 3), 1);
}

/** First day of the day's year. */
export function yearStart(day: number): number {
  return dayNumber(civilFromDay(day).year, 1, 1);
}
