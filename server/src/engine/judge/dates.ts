/**
 * Comparing a draft's date with a recorded one, and writing the recorded one the way the draft
 * writes dates ("Aug. 2018" stays abbreviated, "the 1980s" stays a decade, a day-month-year
 * draft gets day-month-year).
 */

import { monthName, type FuzzyDate, type Precision } from '../factbase/dates.js';
import { interval, type DateSpan } from '../reading/dates.js';

export type DateFit = 'agrees' | 'conflicts' | 'overlaps';

/**
 * How the draft's date fits a recorded one: it agrees when one lies inside the other (they are
 * compared at the coarser precision), conflicts when the two do not meet, and only overlaps
 * when two periods share part of their time ("1985-1995" against "the 1990s").
 */
export function fitOf(draft: DateSpan, recorded: FuzzyDate, until?: FuzzyDate): DateFit {
  const [lo, hi0] = interval(recorded);
  const hi = until ? interval(until)[1] : hi0;
  if (draft.hi < lo || draft.lo > hi) return 'conflicts';
  // Either lies within the other: they agree at the coarser precision ("15 August 2018" for a
  // record of August 2018, "the 1980s" for 1988).
  if ((draft.lo <= lo && draft.hi >= hi) || (draft.lo >= lo && draft.hi <= hi)) return 'agrees';
  return 'overlaps';
}

/** Whether two dates agree at the year while the draft's month or day differs from the record's. */
export function sameYearOnly(draft: DateSpan, recorded: FuzzyDate): boolean {
  return draft.style !== 'decade' && draft.style !== 'range' && draft.date.year === recorded.year && fitOf(draft, recorded) === 'conflicts';
}

const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

/** The recorded date written like the draft's: at the coarser of the two precisions, in the draft's order and month form. */
export function writeLike(date: FuzzyDate, like: DateSpan, until?: FuzzyDate): string {
  if (like.style === 'decade') {
    const decade = (y: number) => `${Math.floor(y / 10) * 10}s`;
    const from = decade(date.year);
    const to = until ? decade(until.year) : from;
    return from === to ? from : `${from} and ${to}`;
  }
  if (like.style === 'range' && until) {
    const written = String(until.year);
    return `${date.year}–${written}`;
  }
  const precision = RANK[date.precision] <= RANK[like.date.precision] ? date.precision : like.date.precision;
  if (precision === 'year' || date.month === undefined) return String(date.year);
  const name = monthLike(date.month, like.month);
  if (precision === 'month' || date.day === undefined) return `${name} ${date.year}`;
  return like.style === 'mdy' ? `${name} ${date.day}, ${date.year}` : `${date.day} ${name} ${date.year}`;
}

/** A month named the way `as` names one: in full, or abbreviated with or without a point. */
function monthLike(month: number, as: string | undefined): string {
  const full = monthName(month);
  const bare = as?.replace(/\.$/, '');
  if (bare === undefined || Array.from({ length: 12 }, (_, i) => monthName(i + 1)).includes(bare)) return full;
  const short = month === 9 && bare.length === 4 ? 'Sept' : full.slice(0, 3);
  return as?.endsWith('.') ? `${short}.` : short;
}
