/**
 * Dates of events, at the precision the draft writes them: a day, a month, a year, a decade or
 * a range ("1980-88"). A date is a claim when a frame ties it to something the base dates:
 * - an event's start, end or time: "the Iran-Iraq War ended in 1988", "when the war ended in
 *   1987", "the end of the Iran-Iraq War in 1988", "In 1988, the war came to an end", "the 1979
 *   Iranian revolution", "the Iran-Iraq War (1980–1988)";
 * - a visit or a meeting: "Khamenei visited North Korea in 1989", "Khamenei's 1989 trip to
 *   Pyongyang", "Ri Yong Ho was received by Rouhani on 15 August 2018";
 * - the order of two events: "shortly after the Singapore summit".
 * An event that happens once (a war's end) has one date, and another date is refuted. A visit or
 * a meeting can repeat: its date is refuted only when the draft identifies the recorded occasion
 * (judge/occasions.ts), and otherwise a date that differs from every record is noted as such.
 * A date inside a name ("the 1979 revolution") is part of the name.
 */

import { formatDate, onDate, type FuzzyDate } from '../factbase/dates.js';
import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import type { FrameMatch } from '../frames/match.js';
import { interval, type DateSpan } from '../reading/dates.js';
import type { NounPhrase } from '../reading/phrases.js';
import type { QuantitySpan } from '../reading/quantities.js';
import { formatNumber } from '../claims/numbers.js';
import { timeOfFrame, timeOfPhrase, type Time } from '../judge/times.js';
import { fitOf, writeLike } from '../judge/dates.js';
import { identifies, occasionsOf, relationFits, type Occasion } from '../judge/occasions.js';
import { referent } from '../judge/refer.js';
import { denialWords, spanOf } from '../judge/wording.js';
import type { Check, Judgement, Sentence } from './types.js';

type Bound = 'start' | 'end' | 'point';

/** How the draft states a claim: softened, or denied (with the words of the denial). */
interface Stance {
  readonly soft: boolean;
  readonly denial?: ReturnType<typeof denialWords>;
}

function stanceOf(r: Sentence, m: FrameMatch): Stance {
  const denial = denialWords(r, m);
  return { soft: m.hedge !== undefined, ...(denial && { denial }) };
}

export const date: Check = {
  code: 'date',
  description: 'Dates of events at the precision written: "the Iran-Iraq War ended in 1988", "Khamenei visited North Korea in 1989", "Rouhani received Ri Yong Ho in August 2018".',
  run(r, base) {
    const out: Judgement[] = [];
    const used = new Set<DateSpan>();
    for (const m of r.frames) {
      if (m.frame.predicate === 'occurred' || m.frame.predicate === 'focused-on') {
        const event = referent(base, m.subject, ['event', 'agreement', 'relationship'], r);
        if (!event) continue;
        const statements = base.about(event, m.frame.predicate);
        if (m.date && !used.has(m.date)) {
          const j = m.frame.predicate === 'occurred' ? judgeEvent(r, base, m, event, m.unit.bound ?? 'point', m.date) : judgePeriod(r, base, m, statements, m.date);
          const after = j ? undefined : judgeAfter(r, base, m, statements, m.date);
          if (j ?? after) {
            out.push((j ?? after)!);
            used.add(m.date);
          }
        }
        if (m.relation) {
          const j = judgeEventRelation(r, base, m, statements);
          if (j) out.push(j);
        }
      } else if (m.frame.predicate === 'visited' || m.frame.predicate === 'met') {
        const occasions = occasionsOf(base, m);
        if (occasions.length === 0) continue;
        if (m.date && !used.has(m.date)) {
          const j = judgeOccasionDate(r, base, m, occasions, m.date);
          if (j) {
            out.push(j);
            used.add(m.date);
          }
        }
        if (m.relation) {
          const j = judgeRelation(r, base, m, occasions);
          if (j) out.push(j);
        }
      }
    }
    for (const j of namedEventDates(r, base, used)) out.push(j);
    for (const j of anchoredEventDates(r, base, used)) out.push(j);
    for (const j of judgeGaps(r, base)) out.push(j);
    return out;
  },
};

/** The recorded date of an event for a bound: its end, its start, or when it took place. */
function recordedDate(s: Statement, bound: Bound): FuzzyDate | undefined {
  const q = s.qualifiers;
  if (bound === 'end') return q.end;
  if (bound === 'start') return q.start;
  return s.value.kind === 'date' ? s.value.date : q.pointInTime;
}

function eventName(base: FactBase, id: string): string {
  const n = base.entities.get(id)?.name ?? id;
  return /^the\s/i.test(n) ? n.slice(4) : n;
}

function judgeEvent(r: Sentence, base: FactBase, m: FrameMatch, event: string, bound: Bound, d: DateSpan): Judgement | undefined {
  const what = bound === 'end' ? `the ${eventName(base, event)} ended` : bound === 'start' ? `the ${eventName(base, event)} began` : `the ${eventName(base, event)} took place`;
  const known = base.about(event, 'occurred').map((s) => ({ s, date: recordedDate(s, bound) })).filter((k): k is { s: Statement; date: FuzzyDate } => k.date !== undefined);
  if (known.length === 0) return undefined;
  return verdict(r, stanceOf(r, m), d, known, what, spanOf(m.subject, d, { start: m.triggerStart, end: m.triggerEnd }), true);
}

function judgeOccasionDate(r: Sentence, base: FactBase, m: FrameMatch, occasions: readonly Occasion[], d: DateSpan): Judgement | undefined {
  const dated = occasions.filter((o): o is Occasion & { date: FuzzyDate } => o.date !== undefined);
  if (dated.length === 0) return undefined;
  const name = (f: FrameMatch['subject']) => (f?.name?.entity ? (base.entities.get(f.name.entity)?.name ?? f.name.text) : (f?.name?.text ?? ''));
  const visit = m.frame.predicate === 'visited';
  const what = visit ? `${name(m.subject)} visited ${name(m.object)}` : `${name(m.subject)} met ${name(m.object)}`;
  const occasion = visit ? `a visit by ${name(m.subject)} to ${name(m.object)}` : `a meeting of ${name(m.subject)} and ${name(m.object)}`;
  // "Kim Jong Un met Rouhani in 2018": Rouhani's recorded meetings were with others, and say
  // nothing of one with a person the base does not know: neither an agreeing date (no support)
  // nor another one (even when details point at a recorded meeting, its parties are not the
  // draft's, and a date message would say they met).
  if (!visit && [m.subject, m.object].some((f) => f?.name !== undefined && f.name.entity === undefined && !f.name.candidates?.length)) return undefined;
  const known = dated.map((o) => ({ s: o.statement, date: o.date }));
  const identified = dated.some((o) => identifies(r, base, m, o, 'date'));
  return verdict(r, stanceOf(r, m), d, known, what, spanOf(m.subject, m.object, d), identified, occasion);
}

/**
 * Supported when a recorded date lies within the draft's; a denial of an agreeing date is
 * refuted; a date that conflicts with every record is refuted when the occasion is the recorded
 * one (`identified`), and noted otherwise. A date that only overlaps (finer than the record) is
 * left alone.
 */
function verdict(r: Sentence, how: Stance, d: DateSpan, known: ReadonlyArray<{ s: Statement; date: FuzzyDate }>, what: string, claim: { start: number; end: number }, identified: boolean, occasion = 'it'): Judgement | undefined {
  const { soft, denial } = how;
  const fits = known.map((k) => ({ ...k, fit: fitOf(d, k.date) }));
  const agree = fits.find((k) => k.fit === 'agrees');
  const written = `${d.date.precision === 'day' ? 'on' : 'in'} ${r.text.slice(d.start, d.end)}`;
  if (agree && !denial) return { verdict: 'supported', ...claim, facts: [agree.s.id], ...(soft && { hedged: true }) };
  if (agree && denial) {
    return {
      verdict: 'refuted', start: denial.start, end: denial.end, facts: [agree.s.id], hedged: soft,
      ...(denial.replacement !== undefined && { replacement: denial.replacement }),
      message: `The draft denies that ${what} ${written}; the fact base says it did, in ${formatDate(agree.date)}.`,
    };
  }
  if (denial || !fits.every((k) => k.fit === 'conflicts')) return undefined;
  const right = known[0]!;
  if (!identified) {
    const dates = [...new Set(known.map((k) => onDate(k.date)))];
    return {
      verdict: 'unconfirmed', start: d.start, end: d.end, facts: known.map((k) => k.s.id),
      message: `The fact base records ${occasion} ${dates.join(' and ')}, not one ${written}; if the draft means that one, the date is wrong.`,
    };
  }
  const replacement = writeLike(right.date, d);
  // "on 15 August" corrected to a month or a year reads "in August 2018": take the preposition along.
  const before = r.words.find((w) => w.end <= d.start && d.start - w.end <= 1 && w.norm === 'on');
  const widen = before !== undefined && d.date.precision === 'day' && right.date.precision !== 'day';
  return {
    verdict: 'refuted', start: widen ? before.start : d.start, end: d.end, facts: [right.s.id], hedged: soft,
    replacement: widen ? `in ${replacement}` : replacement,
    message: `The draft says ${what} ${written}; the fact base says ${formatDate(right.date)}.`,
  };
}

/** "the arms relationship shifted toward missiles in the 1980s" against a recorded period. */
function judgePeriod(r: Sentence, base: FactBase, m: FrameMatch, statements: readonly Statement[], d: DateSpan): Judgement | undefined {
  for (const s of statements) {
    const { start, end } = s.qualifiers;
    const from = start ?? s.qualifiers.pointInTime;
    if (!from) continue;
    const fit = fitOf(d, from, end);
    const subject = eventName(base, s.subject);
    const when = end ? `from ${formatDate(from)} to ${formatDate(end)}` : formatDate(from);
    if (fit === 'agrees' && !m.negation) return { verdict: 'supported', ...spanOf(m.subject, d, { start: m.triggerStart, end: m.triggerEnd }), facts: [s.id] };
    if (fit !== 'conflicts' || m.negation) return undefined;
    return {
      verdict: 'refuted', start: d.start, end: d.end, facts: [s.id], hedged: m.hedge !== undefined,
      replacement: writeLike(from, d, end),
      message: `The draft dates this to ${r.text.slice(d.start, d.end)}; the fact base dates it for the ${subject} ${when}.`,
    };
  }
  return undefined;
}

/**
 * A start the base knows only as "after E" ("ties first emerged after the 1979 revolution"): a
 * date wholly before E's is refuted, and the fix says "after E".
 */
function judgeAfter(r: Sentence, base: FactBase, m: FrameMatch, statements: readonly Statement[], d: DateSpan): Judgement | undefined {
  for (const s of statements) {
    for (const e of s.qualifiers.after ?? []) {
      const when = base.about(e, 'occurred').map((x) => recordedDate(x, 'point') ?? x.qualifiers.start).find((x) => x !== undefined);
      if (!when || fitOf(d, when) !== 'conflicts' || d.hi > interval(when)[0]) continue;
      if (m.negation) return undefined;
      // "in the early 1970s" is replaced with its preposition: "after the 1979 Iranian revolution".
      const before = r.words[d.first - 1]?.tag === 'DET' ? d.first - 2 : d.first - 1;
      const prep = r.words[before];
      const start = prep && ['in', 'during', 'by', 'from', 'around'].includes(prep.norm) ? prep.start : d.start;
      const name = base.entities.get(e)?.name ?? e;
      return {
        verdict: 'refuted', start, end: d.end, facts: [s.id], hedged: m.hedge !== undefined,
        replacement: `after the ${name.replace(/^the\s/i, '')}`,
        message: `The draft dates this to ${r.text.slice(d.start, d.end)}; the fact base says the ${eventName(base, s.subject)} began after the ${name.replace(/^the\s/i, '')} (${formatDate(when)}).`,
      };
    }
  }
  return undefined;
}

/** "relations date from the years after the 1979 revolution": the recorded order of two events. */
function judgeEventRelation(r: Sentence, base: FactBase, m: FrameMatch, statements: readonly Statement[]): Judgement | undefined {
  const rel = m.relation!;
  const event = rel.event.name?.entity;
  if (!event) return undefined;
  for (const s of statements) {
    const same = rel.relation === 'after' ? s.qualifiers.after : s.qualifiers.before;
    const other = rel.relation === 'after' ? s.qualifiers.before : s.qualifiers.after;
    if (same?.includes(event)) return { verdict: 'supported', ...spanOf(m.subject, rel.event, { start: m.triggerStart, end: m.triggerEnd }), facts: [s.id] };
    if (other?.includes(event)) {
      const right = rel.relation === 'after' ? 'before' : 'after';
      return {
        verdict: 'refuted', start: rel.word.start, end: rel.word.end, facts: [s.id], hedged: m.hedge !== undefined, replacement: right,
        message: `The draft puts this ${rel.relation} the ${eventName(base, event)}; the fact base says ${right}.`,
      };
    }
  }
  return undefined;
}

/** "shortly before the first US-North Korea summit" against a record of "after". */
function judgeRelation(r: Sentence, base: FactBase, m: FrameMatch, occasions: readonly Occasion[]): Judgement | undefined {
  const rel = m.relation!;
  const event = rel.event.name?.entity;
  if (!event) return undefined;
  const fits = occasions.map((o) => ({ o, fit: relationFits(o, rel.relation, rel.event) })).filter((x) => x.fit !== 'unknown');
  const agree = fits.find((x) => x.fit === 'agrees');
  if (agree) return { verdict: 'supported', ...spanOf(rel.word, rel.event), facts: [agree.o.statement.id] };
  if (fits.length === 0) return undefined;
  const right = rel.relation === 'after' ? 'before' : 'after';
  const identified = fits.find((x) => identifies(r, base, m, x.o, 'relation'));
  if (!identified) {
    return {
      verdict: 'unconfirmed', start: rel.word.start, end: rel.word.end, facts: fits.map((x) => x.o.statement.id),
      message: `The fact base records this ${right} the ${eventName(base, event)}, not ${rel.relation} it; if the draft means that occasion, the order is wrong.`,
    };
  }
  return {
    verdict: 'refuted', start: rel.word.start, end: rel.word.end, facts: [identified.o.statement.id], hedged: m.hedge !== undefined,
    replacement: rel.word.text[0] === rel.word.text[0]!.toUpperCase() ? right[0]!.toUpperCase() + right.slice(1) : right,
    message: `The draft puts this ${rel.relation} the ${eventName(base, event)}; the fact base says it came ${right} it.`,
  };
}

/**
 * Dates written with an event's name: "the 1978 Iranian revolution", "the 1980-88 Iran-Iraq
 * war", "the Iran-Iraq War (1980–1987)". A year that is part of the name as the base writes it
 * ("the 1979 revolution") is no separate claim.
 */
function namedEventDates(r: Sentence, base: FactBase, used: Set<DateSpan>): Judgement[] {
  const out: Judgement[] = [];
  for (const p of r.phrases) {
    const event = p.referent?.entity;
    if (!event || !p.referent!.kinds.has('event')) continue;
    let d = p.date && p.date.last < p.referent!.first ? p.date : undefined;
    if (!d) {
      // "(1980–1988)" right after the name.
      const open = r.words[p.last + 1];
      const inner = open?.text === '(' ? r.dates.find((x) => x.first === p.last + 2) : undefined;
      if (inner && r.words[inner.last + 1]?.text === ')') d = inner;
    }
    if (!d || used.has(d)) continue;
    used.add(d);
    const occurred = base.about(event, 'occurred');
    const name = eventName(base, event);
    const claim = spanOf(p.referent, d);
    const plain: Stance = { soft: false };
    if (d.until) {
      // A range: its end against the recorded end, its start against the recorded start.
      const end = occurred.map((s) => ({ s, date: s.qualifiers.end })).filter((k): k is { s: Statement; date: FuzzyDate } => k.date !== undefined);
      const endSpan: DateSpan = { ...d, lo: d.hi - 0, date: d.until, style: 'y' };
      const j = end.length ? verdict(r, plain, endSpan, end, `the ${name} ended`, claim, true) : undefined;
      if (j) out.push(rangeEnd(r, d, j));
      continue;
    }
    const known = occurred.map((s) => ({ s, date: recordedDate(s, 'point') })).filter((k): k is { s: Statement; date: FuzzyDate } => k.date !== undefined);
    if (known.length === 0) continue;
    const j = verdict(r, plain, d, known, `the ${name} took place`, claim, true);
    if (j) out.push(j);
  }
  return out;
}

type Anchor = 'place' | 'participant' | 'weapon';

/**
 * Dates of events the draft does not name, found by what it does name of them: at least two of
 * the event's place, its participants and the weapons used in it (or a weapon's class, "a
 * ballistic missile"). "On November 14, 2017, Saudi Arabia intercepted a ballistic missile near
 * Riyadh" speaks of the recorded missile attack on Riyadh, or of another like it: the base cannot
 * tell which, so a date that agrees is supported and one that differs is only noted.
 */
function anchoredEventDates(r: Sentence, base: FactBase, used: Set<DateSpan>): Judgement[] {
  const dates = r.dates.filter((d) => !used.has(d) && !r.names.some((n) => n.first <= d.first && d.last <= n.last));
  if (dates.length === 0) return [];
  const named = new Set(r.names.map((n) => n.entity).filter((e): e is string => e !== undefined));
  const anchors = new Map<string, Set<Anchor>>();
  const add = (event: string, anchor: Anchor) => {
    if (named.has(event) || base.entities.get(event)?.type !== 'event') return;
    let set = anchors.get(event);
    if (!set) anchors.set(event, (set = new Set()));
    set.add(anchor);
  };
  for (const id of named) {
    for (const s of base.pointingTo(id, 'located-in')) add(s.subject, 'place');
    for (const s of base.about(id, 'participant-in')) if (s.value.kind === 'entity') add(s.value.id, 'participant');
    for (const s of base.about(id, 'used-in')) if (s.value.kind === 'entity') add(s.value.id, 'weapon');
    for (const s of base.involving(id)) if (s.predicate === 'occurred') add(s.subject, 'participant');
  }
  const out: Judgement[] = [];
  for (const [event, found] of anchors) {
    // A weapon written by its class: the class of a weapon the base records as used in the event.
    if (!found.has('weapon') && weaponClassIn(r, base, event)) found.add('weapon');
    if (found.size < 2) continue;
    const known = base.about(event, 'occurred').map((s) => ({ s, date: recordedDate(s, 'point') })).filter((k): k is { s: Statement; date: FuzzyDate } => k.date !== undefined);
    if (known.length === 0) continue;
    for (const d of dates) {
      if (used.has(d)) continue;
      const j = verdict(r, { soft: false }, d, known, `the ${eventName(base, event)} took place`, d, false, `the ${eventName(base, event)}`);
      if (!j) continue;
      used.add(d);
      out.push(j);
    }
  }
  return out;
}

/** Whether the sentence writes the class of a weapon used in `event` ("a ballistic missile"). */
function weaponClassIn(r: Sentence, base: FactBase, event: string): boolean {
  const classes = base.pointingTo(event, 'used-in')
    .flatMap((u) => base.about(u.subject, 'instance-of'))
    .map((s) => (s.value.kind === 'text' ? s.value.text.toLowerCase() : undefined))
    .filter((t): t is string => t !== undefined);
  if (classes.length === 0) return false;
  return r.phrases.some((p) => {
    const words = r.text.slice(p.start, p.end).toLowerCase();
    return classes.some((c) => words === c || words.endsWith(` ${c}`));
  });
}

/** A refuted range points at its last year, written as the draft writes it ("88" or "1988"). */
function rangeEnd(r: Sentence, d: DateSpan, j: Judgement): Judgement {
  if (j.verdict !== 'refuted') return j;
  const last = r.words[d.last]!;
  const replacement = j.replacement !== undefined && last.text.length === 2 ? j.replacement.slice(-2) : j.replacement;
  return { ...j, start: last.start, end: last.end, ...(replacement !== undefined && { replacement }) };
}

// ---------------------------------------------------------------------------------------------
// Time between two events: "five years after the revolution", "three decades separate A and B".

interface Gap {
  readonly figure: QuantitySpan;
  /** The span to correct: the figure and its unit ("five years"). */
  readonly start: number;
  readonly end: number;
  readonly later: Time;
  readonly earlier: Time;
}

/** The years a duration can mean, as written: "five years" 4-6, "a decade" 8-12, "nearly three decades" 24-30. */
function yearsInterval(q: QuantitySpan): [number, number] | undefined {
  const scale = q.duration === 'decade' ? 10 : q.duration === 'year' ? 1 : undefined;
  if (scale === undefined) return undefined;
  const v = q.value * scale;
  const slack = scale === 10 ? 2 : 1;
  switch (q.bound) {
    case 'exact': return [v - slack, v + slack];
    case 'approximate': return [Math.min(v - slack, v * 0.85), Math.max(v + slack, v * 1.15)];
    case 'nearly': return [v * 0.8, v + 0.5];
    case 'just-over': return [v, v * 1.2 + 1];
    case 'more-than': return [v + 0.01, Infinity];
    case 'at-least': return [v, Infinity];
    case 'less-than': return [0, v - 0.01];
    case 'at-most': return [0, v];
  }
}

function judgeGaps(r: Sentence, base: FactBase): Judgement[] {
  const out: Judgement[] = [];
  for (const g of gaps(r, base)) {
    const range = yearsInterval(g.figure);
    if (!range) continue;
    const diff = g.later.date.year - g.earlier.date.year;
    const facts = [...g.later.facts, ...g.earlier.facts];
    if (facts.length === 0) continue;
    if (diff >= range[0] && diff <= range[1]) {
      out.push({ verdict: 'supported', start: g.start, end: g.end, facts });
      continue;
    }
    const unit = r.words.find((w) => w.start >= g.figure.end)!;
    const replacement = g.figure.duration === 'year' && diff > 0 ? `${formatNumber(diff, g.figure.number)} ${diff === 1 ? 'year' : 'years'}` : undefined;
    out.push({
      verdict: 'refuted', start: g.start, end: Math.max(g.end, unit?.end ?? g.end), facts,
      ...(replacement !== undefined && { replacement }),
      message: `The draft puts ${r.text.slice(g.start, g.end)} between the two; the fact base dates them ${formatDate(g.earlier.date)} and ${formatDate(g.later.date)}, ${Math.abs(diff)} ${Math.abs(diff) === 1 ? 'year' : 'years'} apart${diff < 0 ? ', the other way round' : ''}.`,
    });
  }
  return out;
}

/** The durations of a sentence that it puts between two events whose times are known. */
function gaps(r: Sentence, base: FactBase): Gap[] {
  const out: Gap[] = [];
  for (const q of r.quantities) {
    if (q.duration !== 'year' && q.duration !== 'decade') continue;
    const unit = r.words.find((w) => w.start >= q.end);
    if (!unit) continue;
    const next = r.words[unit.i + 1];
    const span = { start: q.start, end: unit.end };
    // "five years after the revolution", "20 years after the Iran-Iraq War ended".
    if (next && (next.norm === 'after' || next.norm === 'before')) {
      const anchor = r.phraseOf(next.i + 1);
      if (!anchor || anchor.first !== next.i + 1) continue;
      const other = timeOfPhrase(r, base, anchor, anchorEnd(r, anchor));
      const own = clauseTime(r, base, q, anchor);
      if (!other || !own) continue;
      out.push(next.norm === 'after' ? { figure: q, ...span, later: own, earlier: other } : { figure: q, ...span, later: other, earlier: own });
      continue;
    }
    // "Three decades separate the end of the war and Ri's visit", "... separated A from B".
    const v = r.verbOf(unit.i + 1);
    if (v && v.lemma === 'separate' && v.first === unit.i + 1) {
      const a = r.phraseOf(v.last + 1);
      if (!a || a.first !== v.last + 1) continue;
      const aEnd = anchorEnd(r, a);
      const link = r.words[aEnd + 1];
      if (!link || (link.norm !== 'and' && link.norm !== 'from')) continue;
      const b = r.phraseOf(aEnd + 2);
      if (!b || b.first !== aEnd + 2) continue;
      const ta = timeOfPhrase(r, base, a, aEnd);
      const tb = timeOfPhrase(r, base, b, anchorEnd(r, b));
      if (!ta || !tb) continue;
      const [later, earlier] = ta.date.year >= tb.date.year ? [ta, tb] : [tb, ta];
      out.push({ figure: q, ...span, later, earlier });
    }
  }
  return out;
}

/** The last word of an anchor with its "of"/"on"/"to" phrases: "the end of the Iran-Iraq War", "Khamenei's ride on the Pyongyang subway". */
function anchorEnd(r: Sentence, p: NounPhrase): number {
  let last = p.last;
  for (let hop = 0; hop < 2; hop++) {
    const prep = r.words[last + 1];
    if (!prep || !['of', 'on', 'to', 'in'].includes(prep.norm)) break;
    const q = r.phraseOf(last + 2);
    if (!q || q.first !== last + 2) break;
    last = q.last;
  }
  return last;
}

/** The time of the clause a duration stands in: its frame's date or recorded time, leaving out the anchor's frames. */
function clauseTime(r: Sentence, base: FactBase, q: QuantitySpan, anchor: NounPhrase): Time | undefined {
  const clause = r.clauseOf[q.first];
  const root = (c: number) => {
    let x = r.clauses[c]!;
    while (x.parent !== undefined && x.kind !== 'main' && x.kind !== 'coordinate') x = r.clauses[x.parent]!;
    return x.index;
  };
  const frames = r.frames.filter((m) => {
    const at = r.wordAt(m.triggerStart)?.i ?? -1;
    if (at >= anchor.first && at <= anchorEnd(r, anchor) + 2) return false;
    return root(r.clauseOf[at] ?? 0) === root(clause ?? 0) && at < q.first;
  });
  for (const m of [...frames.filter((f) => f.date), ...frames.filter((f) => !f.date)]) {
    const t = timeOfFrame(r, base, m);
    if (t) return t;
  }
  return undefined;
}
