/**
 * Dates and periods as drafts write them, each read as the interval of time it covers at the
 * precision it is written:
 * - a day ("15 August 2018", "August 15, 2018"), a month ("August 2018", "Aug. 2018",
 *   "Sept 2016"), a year ("1989");
 * - a decade ("the 1980s", "the '80s"), or part of one ("the early 1970s", "the mid-1990s",
 *   "the late 1980s"): a range, not a year;
 * - a range of years ("1980-88", "1980–1988", "from 1980 to 1988", "between 1980 and 1988"),
 *   and two periods joined by "and" ("the 1970s and 1980s"), which cover both.
 *
 * A number is a year only from 1600 to 2099 and never when it is an amount ("$1988", "1,988")
 * or part of a name ("Shahab-3", "Resolution 1874"). Relative dates ("last year", "this month")
 * depend on when the text was written and are not read.
 */

import type { FuzzyDate, Precision } from '../factbase/dates.js';
import type { Word } from './words.js';

export type DateStyle = 'dmy' | 'mdy' | 'my' | 'y' | 'decade' | 'range';

export interface DateSpan {
  /** Word indices, inclusive. */
  readonly first: number;
  readonly last: number;
  /** Block indices. */
  readonly start: number;
  readonly end: number;
  /** The first and last day the date can mean, as ordinal numbers (days since 1 January 1 CE, roughly). */
  readonly lo: number;
  readonly hi: number;
  /** A single date's value; for a period, its start. */
  readonly date: FuzzyDate;
  /** For a range or a period, its last date. */
  readonly until?: FuzzyDate;
  readonly style: DateStyle;
  /** The month as written, to copy its form in a fix ("Aug.", "Sept", "August"). */
  readonly month?: string;
  /** "early", "mid" or "late" before a decade. */
  readonly part?: 'early' | 'mid' | 'late';
}

// A Map, not an object literal: a word such as "constructor" must not find the prototype.
const MONTHS: ReadonlyMap<string, number> = new Map(Object.entries({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
}));

/** A day as a number that orders days; only differences and order matter. */
export function dayNumber(year: number, month = 1, day = 1): number {
  return year * 372 + (month - 1) * 31 + (day - 1);
}

/** The interval of days a fact-base date covers at its precision. */
export function interval(d: FuzzyDate): [number, number] {
  if (d.precision === 'year' || d.month === undefined) return [dayNumber(d.year), dayNumber(d.year, 12, 31)];
  if (d.precision === 'month' || d.day === undefined) return [dayNumber(d.year, d.month), dayNumber(d.year, d.month, 31)];
  return [dayNumber(d.year, d.month, d.day), dayNumber(d.year, d.month, d.day)];
}

function isYear(w: Word | undefined): boolean {
  return w !== undefined && /^(?:1[6-9]|20)\d\d$/.test(w.text);
}

function yearOf(w: Word): number {
  return Number(w.text);
}

/** The dates of a sentence, in order, none overlapping. */
export function findDates(words: readonly Word[]): DateSpan[] {
  const out: DateSpan[] = [];
  for (let k = 0; k < words.length; k++) {
    const found = dateAt(words, k);
    if (!found) continue;
    const previous = out[out.length - 1];
    // "the 1970s and 1980s", "1970s-80s": one period covering both.
    if (previous && found.style === 'decade' && previous.style === 'decade' && previous.last + 2 === found.first && ['and', '-', '–', 'to'].includes(words[previous.last + 1]!.norm)) {
      out[out.length - 1] = { ...previous, last: found.last, end: found.end, hi: found.hi, until: found.until ?? found.date, style: 'decade' };
    } else out.push(found);
    k = found.last;
  }
  return out;
}

function dateAt(words: readonly Word[], k: number): DateSpan | undefined {
  const w = words[k]!;
  const month = MONTHS.get(w.norm);
  if (month !== undefined && w.cap) return monthFirst(words, k, month);
  // Every other date starts with a digit or an apostrophe ("the '80s"): most words are let go here.
  const c = w.text.charCodeAt(0);
  if (!(c >= 48 && c <= 57) && w.text !== "'" && w.text !== '’') return undefined;
  if (/^\d{1,2}$/.test(w.text)) {
    // "15 August 2018", "15th of August 2018".
    let j = k + 1;
    if (/^(?:st|nd|rd|th)$/.test(words[j]?.norm ?? '') && words[j]!.joined) j++;
    if (words[j]?.norm === 'of') j++;
    const m = words[j] ? MONTHS.get(words[j]!.norm) : undefined;
    if (m !== undefined && words[j]!.cap) {
      let y = j + 1;
      if (words[y]?.text === '.') y++;
      if (words[y]?.text === ',') y++;
      const day = Number(w.text);
      if (isYear(words[y]) && validDay(yearOf(words[y]!), m, day)) {
        const year = yearOf(words[y]!);
        return span(words, k, y, { year, month: m, day, precision: 'day' }, 'dmy', words[j]!.text + (words[j + 1]?.text === '.' ? '.' : ''));
      }
    }
    return undefined;
  }
  // "the '80s"
  if ((w.text === "'" || w.text === '’') && /^\d0s$/.test(words[k + 1]?.norm ?? '') && words[k + 1]!.joined) {
    const decade = 1900 + Number(words[k + 1]!.norm.slice(0, 2));
    return decadeSpan(words, k, k + 1, decade);
  }
  if (/^(?:1[6-9]|20)\d0s$/.test(w.norm)) return decadeSpan(words, k, k, Number(w.norm.slice(0, 4)));
  if (isYear(w) && yearContext(words, k)) {
    const year = yearOf(w);
    // "1980-88", "1980–1988", "1980 to 1988"
    const dash = words[k + 1];
    const end = words[k + 2];
    if (dash && end && (dash.text === '-' || dash.text === '–' || dash.text === '—' || dash.norm === 'to') && /^\d{2}(?:\d{2})?$/.test(end.text)) {
      const until = end.text.length === 2 ? Math.floor(year / 100) * 100 + Number(end.text) : Number(end.text);
      if (until > year && until - year < 100) {
        return { ...span(words, k, k + 2, { year, precision: 'year' }, 'range'), hi: dayNumber(until, 12, 31), until: { year: until, precision: 'year' } };
      }
    }
    return span(words, k, k, { year, precision: 'year' }, 'y');
  }
  return undefined;
}

function monthFirst(words: readonly Word[], k: number, month: number): DateSpan | undefined {
  let j = k + 1;
  let written = words[k]!.text;
  if (words[j]?.text === '.' && words[j]!.joined) {
    written += '.';
    j++;
  }
  // "May" is also a verb: only "May 2018", "May 15, 2018" are dates.
  if (/^\d{1,2}$/.test(words[j]?.text ?? '')) {
    const day = Number(words[j]!.text);
    let y = j + 1;
    if (/^(?:st|nd|rd|th)$/.test(words[y]?.norm ?? '')) y++;
    if (words[y]?.text === ',') y++;
    if (isYear(words[y]) && validDay(yearOf(words[y]!), month, day)) {
      return span(words, k, y, { year: yearOf(words[y]!), month, day, precision: 'day' }, 'mdy', written);
    }
    return undefined;
  }
  if (words[j]?.text === ',') j++;
  if (words[j]?.norm === 'of') j++;
  if (isYear(words[j])) return span(words, k, j, { year: yearOf(words[j]!), month, precision: 'month' }, 'my', written);
  return undefined;
}

function validDay(year: number, month: number, day: number): boolean {
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A bare four-digit number is a year unless it is an amount or part of a name or a number. */
function yearContext(words: readonly Word[], k: number): boolean {
  const w = words[k]!;
  const prev = words[k - 1];
  const next = words[k + 1];
  if (prev && w.joined && (prev.text === '$' || prev.text === '-' || /[\p{L}\d]/u.test(prev.text))) return false;
  if (prev && (prev.text === '$' || prev.text === '€' || prev.text === '£')) return false;
  if (next && next.joined && (next.text === '%' || /^[\p{L}]/u.test(next.text))) return false;
  // "Resolution 1874", "No. 1988": a number that names a document.
  if (prev && /^(?:resolution|no|number|room|route|flight|page|pp|article)$/.test(prev.norm)) return false;
  return true;
}

function decadeSpan(words: readonly Word[], first: number, last: number, decade: number): DateSpan {
  let from = first;
  let part: DateSpan['part'];
  const before = words[first - 1];
  if (before && /^(?:early|mid|late)$/.test(before.norm)) {
    part = before.norm as DateSpan['part'];
    from = first - 1;
  } else if (before?.text === '-' && words[first - 2]?.norm === 'mid') {
    part = 'mid';
    from = first - 2;
  }
  const [a, b] = part === 'early' ? [0, 3] : part === 'mid' ? [3, 6] : part === 'late' ? [6, 9] : [0, 9];
  const start = decade + a;
  const end = decade + b;
  return {
    first: from,
    last,
    start: words[from]!.start,
    end: words[last]!.end,
    lo: dayNumber(start),
    hi: dayNumber(end, 12, 31),
    date: { year: start, precision: 'year' },
    until: { year: end, precision: 'year' },
    style: 'decade',
    month: undefined,
    part: part || undefined,
  };
}

function span(words: readonly Word[], first: number, last: number, date: FuzzyDate, style: DateStyle, month?: string): DateSpan {
  const [lo, hi] = interval(date);
  // One shape for every date (absent fields undefined): see NounPhrase.
  return { first, last, start: words[first]!.start, end: words[last]!.end, lo, hi, date, until: undefined, style, month, part: undefined };
}

/** The precision of a span, for writing a correction at the draft's precision. */
export function precisionOf(d: DateSpan): Precision {
  return d.date.precision;
}
