/**
 * Dates at the precision they are known: a year, a month or a day. Fact files write them as
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; drafts write them in prose, and the date check compares the
 * two at the coarser of the two precisions.
 */

export type Precision = 'year' | 'month' | 'day';

export interface FuzzyDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: Precision;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns a reason instead of a date when the text is
 * not one, or names a day that does not exist (2018-02-30).
 */
export function parseIsoDate(text: string): FuzzyDate | { error: string } {
  const m = ISO.exec(text);
  if (!m) return { error: `'${text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD` };
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { error: `'${text}' has no month ${month}: months run from 01 to 12` };
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { error: `'${text}' is not a real day: ${year}-${m[2]} has ${last} days` };
  }
  return { year, month, day, precision: 'day' };
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The English month name, 1-based. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** Formats a date the way a writer would: "1989", "August 2018", "15 August 2018". */
export function formatDate(date: FuzzyDate): string {
  if (date.precision === 'year' || date.month === undefined) return String(date.year);
  if (date.precision === 'month' || date.day === undefined) return `${monthName(date.month)} ${date.year}`;
  return `${date.day} ${monthName(date.month)} ${date.year}`;
}

/** A date with its preposition: "in 1989", "in August 2018", "on 15 August 2018". */
export function onDate(date: FuzzyDate): string {
  return `${date.precision === 'day' ? 'on' : 'in'} ${formatDate(date)}`;
}

/** The ISO text of a date at its own precision. */
export function isoDate(date: FuzzyDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Compares `a` with `b` after cutting both to the coarser precision: -1, 0 or 1. */
export function compareAtCommonPrecision(a: FuzzyDate, b: FuzzyDate): -1 | 0 | 1 {
  const sign = (x: number) => (x < 0 ? -1 : x > 0 ? 1 : 0);
  if (a.year !== b.year) return sign(a.year - b.year);
  if (a.month === undefined || b.month === undefined) return 0;
  if (a.month !== b.month) return sign(a.month - b.month);
  if (a.day === undefined || b.day === undefined) return 0;
  return sign(a.day - b.day);
}
