/**
 * When the things a sentence speaks of happened: a frame's own date as the draft gives it, or
 * the date the base records for it (an event's start, end or time; the one recorded occasion of
 * a visit or a meeting). Used for arithmetic between two events ("five years after the
 * revolution") and their order.
 */

import type { FuzzyDate } from '../factbase/dates.js';
import type { FactBase } from '../factbase/factbase.js';
import type { FrameMatch } from '../frames/match.js';
import type { NounPhrase } from '../reading/phrases.js';
import type { Reading } from '../reading/reading.js';
import { occasionsOf } from './occasions.js';
import { referent } from './refer.js';

export interface Time {
  readonly date: FuzzyDate;
  /** Statements the time comes from (none when the draft gives it). */
  readonly facts: readonly string[];
}

const END_WORDS = new Set(['end', 'ended', 'ending', 'conclusion', 'close']);
const START_WORDS = new Set(['start', 'began', 'beginning', 'outbreak', 'onset']);

/** The time of a frame: its date as the draft writes it, else the one the base records for it. */
export function timeOfFrame(r: Reading, base: FactBase, m: FrameMatch): Time | undefined {
  if (m.date && m.date.style !== 'decade' && m.date.style !== 'range') return { date: m.date.date, facts: [] };
  if (m.frame.predicate === 'visited' || m.frame.predicate === 'met') {
    const dated = occasionsOf(base, m).filter((o) => o.date !== undefined);
    const years = new Set(dated.map((o) => o.date!.year));
    if (years.size === 1) return { date: dated[0]!.date!, facts: dated.map((o) => o.statement.id) };
    return undefined;
  }
  if (m.frame.predicate === 'occurred') {
    const event = referent(base, m.subject, ['event', 'agreement', 'relationship'], r);
    return event ? eventTime(base, event, m.unit.bound ?? 'point') : undefined;
  }
  return undefined;
}

/** An event's recorded time for a bound: its end, its start, or when it took place. */
export function eventTime(base: FactBase, event: string, bound: 'start' | 'end' | 'point'): Time | undefined {
  for (const s of base.about(event, 'occurred')) {
    const q = s.qualifiers;
    const date = bound === 'end' ? q.end : bound === 'start' ? q.start : (s.value.kind === 'date' ? s.value.date : (q.pointInTime ?? q.start));
    if (date) return { date, facts: [s.id] };
  }
  return undefined;
}

/**
 * The time of what a phrase names: a frame whose trigger lies in it ("Khamenei's ride on the
 * Pyongyang subway", "the end of the Iran-Iraq War"), a frame it is the subject of ("the
 * Iran-Iraq War ended"), or the event it refers to ("the revolution", "the 1979 revolution").
 */
export function timeOfPhrase(r: Reading & { readonly frames: readonly FrameMatch[] }, base: FactBase, p: NounPhrase, until = p.last): Time | undefined {
  for (const m of r.frames) {
    const at = r.wordAt(m.triggerStart)?.i ?? -1;
    const inside = at >= p.first && at <= until;
    const about = m.subject?.phrase === p && at > p.last && at <= until + 3;
    if (!inside && !about) continue;
    const t = timeOfFrame(r, base, m);
    if (t) return t;
  }
  const event = referent(base, { phrase: p, ...(p.referent && { name: p.referent }), start: p.start, end: p.end }, ['event', 'agreement', 'relationship'], r);
  if (!event) return undefined;
  const after = r.words[p.last + 1];
  const before = r.words[p.first - 1];
  const bound = (after && END_WORDS.has(after.norm)) || p.head.lemma === 'end' || (before?.norm === 'of' && END_WORDS.has(r.words[p.first - 2]?.norm ?? '')) ? 'end'
    : (after && START_WORDS.has(after.norm)) || (before?.norm === 'of' && START_WORDS.has(r.words[p.first - 2]?.norm ?? '')) ? 'start' : 'point';
  return eventTime(base, event, bound);
}
