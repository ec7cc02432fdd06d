/**
 * Dates of events, at the precision the draft writes them: a year ("in 1989", "the 1989
 * visit", "1988's end"), a month ("in August 2018", "Aug. 2018") or a day ("on 15 August 2018",
 * "August 15, 2018").
 *
 * A date is a claim only when the words tie it to something the base dates:
 * - an event: "the Iran-Iraq War ended in 1988", "the end of the Iran-Iraq War in 1988", "the
 *   Iran-Iraq War's end in 1988", "In 1988, the Iran-Iraq War ended", "the 1979 Iranian
 *   revolution", "the Iranian revolution of 1979", "the Iran-Iraq War (1980–1988)";
 * - an encounter of a subject and an object (see claims/events.ts): "Khamenei visited North Korea
 *   in 1989", "Rouhani received Ri Yong Ho in Tehran in August 2018", "Khamenei's 1989 visit to
 *   Pyongyang", "In 1989, Khamenei visited North Korea". A visit to a place is the same visit as
 *   one to a place it lies in or that lies in it ("Pyongyang" for North Korea).
 * A date that merely shares a sentence with a name ("By 1988, 300 advisers were in Iran") is no
 * claim. "ended" is compared with the event's `end`, "began" with its `start`, and a date with no
 * such verb with its point in time; the war's end says nothing of when it "took place", so that
 * stays silent. Dates are compared at the coarser of the two precisions (compareAtCommonPrecision),
 * so "2018" is right for an August 2018 meeting and "July 2018" is wrong. A date inside a name
 * ("the 1979 revolution") is part of the name, not a claim.
 */

import { compareAtCommonPrecision, formatDate, monthName, type FuzzyDate, type Precision } from '../factbase/dates.js';
import type { FactBase } from '../factbase/factbase.js';
import { cueSpan, encounterStatements, encounters, sameClause, type Encounter } from '../claims/events.js';
import { hedged, negated, type ResolvedMention, type SentenceView } from '../claims/sentence.js';
import { affirmation } from '../claims/affirm.js';
import type { Check, Judgement } from './types.js';

/** A date as the draft writes it. */
export interface WrittenDate {
  readonly start: number;
  readonly end: number;
  readonly date: FuzzyDate;
  /** Day-month-year, month-day-year, month-year or year. */
  readonly style: 'dmy' | 'mdy' | 'my' | 'y';
  /** The month as written, to copy its form ("Aug.", "Sept", "August"). */
  readonly month?: string;
}

type Bound = 'start' | 'end' | 'point';

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(\\.?)';
const YEAR_RE = '(1[6-9]\\d\\d|20\\d\\d)';
const FORMS: ReadonlyArray<[WrittenDate['style'], RegExp]> = [
  ['dmy', new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR_RE}\\b`, 'g')],
  ['mdy', new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR_RE}\\b`, 'g')],
  ['my', new RegExp(`\\b${MONTH},?\\s+(?:of\\s+)?${YEAR_RE}\\b`, 'g')],
  // A bare year: not a decade ("1990s"), an amount ("$1988", "1,988") or a part of a longer number.
  ['y', new RegExp(`(?<![\\d$£€.,])\\b${YEAR_RE}\\b(?![\\d%]|s\\b|\\.\\d|,\\d)`, 'g')],
];

/** The dates written in [from, to) of a text, in order, none inside another. */
export function writtenDates(text: string, from: number, to: number): WrittenDate[] {
  const slice = text.slice(from, to);
  const out: WrittenDate[] = [];
  for (const [style, re] of FORMS) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (out.some((d) => d.start < end && start < d.end)) continue;
      const parsed = parseMatch(style, m);
      if (parsed) out.push({ start, end, ...parsed });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function parseMatch(style: WrittenDate['style'], m: RegExpExecArray): Omit<WrittenDate, 'start' | 'end'> | undefined {
  const monthOf = (name: string) => ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3).toLowerCase()) + 1;
  if (style === 'y') return { style, date: { year: Number(m[1]), precision: 'year' } };
  const [monthText, dot, dayText, yearText] =
    style === 'dmy' ? [m[2]!, m[3]!, m[1]!, m[4]!] : style === 'mdy' ? [m[1]!, m[2]!, m[3]!, m[4]!] : [m[1]!, m[2]!, undefined, m[3]!];
  const year = Number(yearText);
  const month = monthOf(monthText);
  const written = monthText + dot;
  if (dayText === undefined) return { style, month: written, date: { year, month, precision: 'month' } };
  const day = Number(dayText);
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return { style, month: written, date: { year, month, day, precision: 'day' } };
}

const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

/** `date` written like `like`: at the coarser of the two precisions, in the draft's order and month form. */
export function writeLike(date: FuzzyDate, like: WrittenDate): string {
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

const ADVERB = String.raw`(?:\p{L}+ly\s+)?`;
const AUX = String.raw`(?:(?:did|does|do|has|had|have|was|were|is|would|will)(?:n['’]t)?\s+)?`;
const NEG = String.raw`(?:(?:not|never)\s+)?`;
const APPOSITION = String.raw`(?:\s*,[^,;:.()]{1,60},)?`;
const PREP = String.raw`(?:in|on|during|around)\s+(?:early\s+|late\s+|mid-?\s*)?`;
const END = String.raw`ended|end|ends|ending|came\s+to\s+an\s+end|come\s+to\s+an\s+end|concluded|conclude|finished|finish|was\s+over|wound\s+down`;
const START = String.raw`began|begin|begins|beginning|started|start|starts|broke\s+out|break\s+out|erupted|erupt|commenced|commence`;
const POINT = String.raw`took\s+place|take\s+place|takes\s+place|occurred|occur|occurs|happened|happen|happens|was\s+held|were\s+held|is\s+held|held|was\s+signed|signed|convened|unfolded`;
const VERB = `(?<end>${END})|(?<start>${START})|(?<point>${POINT})`;

/** "the Iran-Iraq War ended in", "..., which began in". */
const VERB_AFTER = new RegExp(String.raw`^${APPOSITION}\s+(?:(?:which|that)\s+)?${ADVERB}${AUX}${NEG}${ADVERB}(?:${VERB})\s+${PREP}$`, 'iu');
/** "In 1988, the Iran-Iraq War ended": the verb after the event. */
const VERB_NEXT = new RegExp(String.raw`^\s+${ADVERB}${AUX}${NEG}${ADVERB}(?:${VERB})\b`, 'iu');
/** "the Iran-Iraq War's end in". */
const NOUN_AFTER = new RegExp(String.raw`^['’]s?\s+(?:(?<end>end|conclusion|close)|(?<start>start|beginning|outbreak|onset))\s+(?:came\s+)?${PREP}$`, 'iu');
/** "the end of the Iran-Iraq War in": the noun before the event. */
const NOUN_BEFORE = /\b(?:(?<end>end|conclusion|close)|(?<start>start|beginning|outbreak|onset))\s+of\s+(?:the\s+)?$/iu;
/** "the Iran-Iraq War's 1988 end". */
const NOUN_NEXT = /^\s+(?:(?<end>end|conclusion|close)|(?<start>start|beginning|outbreak|onset))\b/iu;
/** The sentence opens with the date: "In 1989, ...". */
const FRONTED = new RegExp(String.raw`^[^\p{L}\p{N}]*${PREP}$`, 'iu');

function boundOf(groups: Record<string, string | undefined> | undefined): Bound {
  if (groups?.end !== undefined) return 'end';
  if (groups?.start !== undefined) return 'start';
  return 'point';
}

export const date: Check = {
  code: 'date',
  description: 'Dates of events at the precision written: "the Iran-Iraq War ended in 1988", "Khamenei visited North Korea in 1989", "Rouhani received Ri Yong Ho in August 2018".',
  run(view, base) {
    const dates = writtenDates(view.text, view.start, view.end).filter((d) => !view.mentions.some((m) => m.start < d.end && d.start < m.end));
    if (dates.length === 0) return [];
    const out: Judgement[] = [];
    const used = new Set<WrittenDate>();
    for (const e of encounters(view, base)) {
      const d = dates.find((x) => !used.has(x) && datesEncounter(view, e, x));
      if (!d) continue;
      used.add(d);
      const j = judgeEncounter(view, base, e, d);
      if (j) out.push(j);
    }
    for (const m of view.mentions) {
      if (!base.about(m.entity, 'occurred').length) continue;
      for (const d of dates) {
        if (used.has(d)) continue;
        const link = eventLink(view, m, d, dates);
        if (!link) continue;
        used.add(d);
        const j = judgeEvent(view, base, m, d, link);
        if (j) out.push(j);
      }
    }
    return out;
  },
};

/** Whether the date `d` belongs to the encounter: after it in the same clause, inside "X's 1989 visit to", or opening the sentence. */
function datesEncounter(view: SentenceView, e: Encounter, d: WrittenDate): boolean {
  const t = view.text;
  if (d.start >= e.second.end) {
    const gap = t.slice(e.second.end, d.start);
    return sameClause(gap) && new RegExp(String.raw`(?:^|\s)${PREP}$`, 'iu').test(gap);
  }
  if (d.start >= e.cueStart && d.end <= e.cueEnd) return /^['’]s?\s+$/.test(t.slice(e.cueStart, d.start));
  if (d.end <= e.first.start) {
    return FRONTED.test(t.slice(view.start, d.start)) && /^\s*,?\s*(?:[\p{L}'’.-]+\s+){0,4}$/u.test(t.slice(d.end, e.first.start));
  }
  return false;
}

interface Link {
  readonly bound: Bound;
  /** The words that carry the link, for a denial: "did not end". */
  readonly cueStart: number;
  readonly cueEnd: number;
}

/** How the words tie the date `d` to the event mention `m`, if they do. */
function eventLink(view: SentenceView, m: ResolvedMention, d: WrittenDate, dates: readonly WrittenDate[]): Link | undefined {
  const t = view.text;
  if (d.start >= m.end) {
    const gap = t.slice(m.end, d.start);
    if (gap.length > 90) return undefined;
    const verb = VERB_AFTER.exec(gap);
    if (verb) return { bound: boundOf(verb.groups), ...span(cueSpan(view, m.end, d.start)) };
    const noun = NOUN_AFTER.exec(gap);
    if (noun) return { bound: boundOf(noun.groups), cueStart: m.end, cueEnd: m.end };
    const before = NOUN_BEFORE.exec(t.slice(view.start, m.start));
    if (before && new RegExp(String.raw`^\s+${PREP}$`, 'iu').test(gap)) return { bound: boundOf(before.groups), cueStart: m.end, cueEnd: m.end };
    if (/^['’]s?\s+$/.test(gap)) {
      const next = NOUN_NEXT.exec(t.slice(d.end, view.end));
      if (next) return { bound: boundOf(next.groups), cueStart: m.end, cueEnd: m.end };
    }
    if (/^\s+(?:of|in)\s+$/i.test(gap)) return { bound: 'point', cueStart: m.end, cueEnd: m.end };
    if (/^\s*\(\s*$/.test(gap)) {
      const rest = t.slice(d.end, view.end);
      if (/^\s*\)/.test(rest)) return { bound: 'point', cueStart: m.end, cueEnd: m.end };
      // "(1980–1988)": the first date is the start and the second the end.
      const other = dates.find((x) => x.start > d.end && /^\s*[-–—]\s*$/.test(t.slice(d.end, x.start)) && /^\s*\)/.test(t.slice(x.end, view.end)));
      if (other) return { bound: 'start', cueStart: m.end, cueEnd: m.end };
    }
    const range = dates.find((x) => x.end <= d.start && x.start > m.end && /^\s*\(\s*$/.test(t.slice(m.end, x.start)) && /^\s*[-–—]\s*$/.test(t.slice(x.end, d.start)));
    if (range && /^\s*\)/.test(t.slice(d.end, view.end))) return { bound: 'end', cueStart: m.end, cueEnd: m.end };
    return undefined;
  }
  if (d.end > m.start) return undefined;
  const gap = t.slice(d.end, m.start);
  // "the 1978 Iranian revolution": the date names the event's time.
  if (/^\s+$/.test(gap) && /\b(?:the|a|an|its|their)\s+$/i.test(t.slice(view.start, d.start))) return { bound: 'point', cueStart: d.start, cueEnd: d.start };
  // "In 1988, the Iran-Iraq War ended."
  if (FRONTED.test(t.slice(view.start, d.start)) && /^\s*,?\s*(?:the\s+)?$/i.test(gap)) {
    const verb = VERB_NEXT.exec(t.slice(m.end, view.end));
    if (verb) return { bound: boundOf(verb.groups), cueStart: m.end + verb[0].length - verb[0].trimStart().length, cueEnd: m.end + verb[0].length };
  }
  return undefined;
}

function span([cueStart, cueEnd]: [number, number]): { cueStart: number; cueEnd: number } {
  return { cueStart, cueEnd };
}

interface Dated {
  readonly id: string;
  readonly date: FuzzyDate;
}

function judgeEvent(view: SentenceView, base: FactBase, m: ResolvedMention, d: WrittenDate, link: Link): Judgement | undefined {
  const known: Dated[] = [];
  for (const s of base.about(m.entity, 'occurred')) {
    const q = s.qualifiers;
    const when = link.bound === 'end' ? q.end : link.bound === 'start' ? q.start : s.value.kind === 'date' ? s.value.date : q.pointInTime;
    if (when) known.push({ id: s.id, date: when });
  }
  const written = view.text.slice(m.start, m.end);
  const name = /^the\s/i.test(written) ? written.slice(4) : written;
  const what = link.bound === 'end' ? `the ${name} ended` : link.bound === 'start' ? `the ${name} began` : `the ${name} took place`;
  return verdict(view, d, known, what, Math.min(m.start, d.start), Math.max(m.end, d.end, link.cueEnd), link.cueStart, link.cueEnd);
}

function judgeEncounter(view: SentenceView, base: FactBase, e: Encounter, d: WrittenDate): Judgement | undefined {
  const known: Dated[] = [];
  for (const s of encounterStatements(base, e)) if (s.qualifiers.pointInTime) known.push({ id: s.id, date: s.qualifiers.pointInTime });
  const name = (m: ResolvedMention) => base.entities.get(m.entity)?.name ?? view.text.slice(m.start, m.end);
  const what = e.act === 'visit' ? `${name(e.subject)} visited ${name(e.object)}` : `${name(e.subject)} met ${name(e.object)}`;
  const [cueStart, cueEnd] = cueSpan(view, e.cueStart, e.cueEnd);
  return verdict(view, d, known, what, Math.min(e.first.start, d.start), Math.max(e.second.end, d.end), cueStart, cueEnd);
}

/** Supported when a known date agrees at the common precision; a denial of an agreeing date is refuted; a wrong date is refuted with the right one. */
function verdict(view: SentenceView, d: WrittenDate, known: readonly Dated[], what: string, start: number, end: number, cueStart: number, cueEnd: number): Judgement | undefined {
  if (known.length === 0) return undefined;
  const soft = hedged(view, start, end);
  const no = cueEnd > cueStart && negated(view, cueStart, cueEnd);
  const agree = known.find((k) => compareAtCommonPrecision(d.date, k.date) === 0);
  const written = `${d.date.precision === 'day' ? 'on' : 'in'} ${view.text.slice(d.start, d.end)}`;
  if (agree && !no) return { verdict: 'supported', start, end, facts: [agree.id], ...(soft && { hedged: true }) };
  if (agree) {
    return {
      verdict: 'refuted', start: cueStart, end: cueEnd, facts: [agree.id], hedged: soft, ...affirmation(view.text.slice(cueStart, cueEnd)),
      message: `The draft denies that ${what} ${written}; the fact base says it did, in ${formatDate(agree.date)}.`,
    };
  }
  if (no) return undefined;
  const right = known[0]!;
  const replacement = writeLike(right.date, d);
  // "on 15 August" corrected to a month or a year reads "in August 2018": take the preposition along.
  const on = /\bon\s+$/i.exec(view.text.slice(view.start, d.start));
  const widen = on !== null && d.date.precision === 'day' && right.date.precision !== 'day';
  return {
    verdict: 'refuted', start: widen ? d.start - on[0].length : d.start, end: d.end, facts: [right.id], hedged: soft,
    replacement: widen ? `in ${replacement}` : replacement,
    message: `The draft says ${what} ${written}; the fact base says ${formatDate(right.date)}.`,
  };
}
