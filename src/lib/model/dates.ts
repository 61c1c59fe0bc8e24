// Partial dates (year, month or day precision) and their day ranges; never uses `Date` parsing.

/** How much of a date is known. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A calendar date known to year, month or day precision. */
export interface PartialDate {
  readonly year: number;
  /** 1–12 when precision is month or day. */
  readonly month?: number;
  /** 1–31 when precision is day. */
  readonly day?: number;
  readonly precision: DatePrecision;
}

/** Smallest and largest day numbers used as "no bound" sentinels in typed arrays. */
export const DAY_MIN = -2147483648;
export const DAY_MAX = 2147483647;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link dayNumber}. */
export function civilFromDay(dayNo: number): { year: number; month: number; day: number } {
  const z = dayNo + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Returns null for any other text and for
 * impossible dates (`2020-02-30`, month 13) instead of rolling them over as `Date` would.
 */
export function parseIsoPartialDate(text: string): PartialDate | null {
  const m = ISO_PARTIAL.exec(text.trim());
  if (!m) return null;
  return makePartialDate(
    Number(m[1]),
    m[2] === undefined ? undefined : Number(m[2]),
    m[3] === undefined ? undefined : Number(m[3]),
  );
}

/** Builds a validated partial date, or null when a component is out of range. */
export function makePartialDate(year: number, month?: number, day?: number): PartialDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (month === undefined) return { year, precision: 'year' };
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day === undefined) return { year, month, precision: 'month' };
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, precision: 'day' };
}

/** First day covered by a partial date: 2017 → 2017-01-01, 2017-06 → 2017-06-01. */
export function firstDay(d: PartialDate): number {
  return dayNumber(d.year, d.month ?? 1, d.day ?? 1);
}

/** Last day covered by a partial date: 2017 → 2017-12-31, 2017-02 → 2017-02-28. */
export function lastDay(d: PartialDate): number {
  const month = d.month ?? 12;
  return dayNumber(d.year, month, d.day ?? daysInMonth(d.year, month));
}

/** Canonical text of a partial date at its own precision. */
export function formatPartialDate(d: PartialDate): string {
  const y = String(d.year).padStart(4, '0');
  if (d.month === undefined) return y;
  const m = String(d.month).padStart(2, '0');
  if (d.day === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(d.day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` for a day number. */
export function dayToIso(dayNo: number): string {
  const { year, month, day } = civilFromDay(dayNo);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day number of today in UTC; the clock is read here only, so callers can pass a fixed day in tests. */
export function todayDay(now: number = Date.now()): number {
  return Math.floor(now / 86_400_000);
}

/**
 * Whether a period overlaps an inclusive window. A period dated only by year or month covers
 * every day of that year or month, so "2017" overlaps a window ending 2017-06-30.
 */
export function overlaps(periodFirst: number, periodLast: number, windowFrom: number, windowTo: number): boolean {
  return periodFirst <= windowTo && periodLast >= windowFrom;
}
