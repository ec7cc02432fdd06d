/**
 * Occasions: the recorded visits, meetings and events a claim may be about, and whether the
 * draft identifies one of them.
 *
 * A war ends once; a visit, a meeting or a sale can happen many times. So a date or a place in a
 * claim about a unique event is compared with the record outright, but for an event that repeats
 * it contradicts the record only when the draft identifies the recorded occasion:
 * - by a detail that only the recorded occasion has (one suffices): the time relation the base
 *   records ("shortly after the Singapore summit"), an office the person held at the time
 *   ("then-President", "as president"), another recorded act of the same day ("a visit best
 *   remembered for his ride on the Pyongyang subway"), the date itself when the place is judged,
 *   or a reference to the source's own picture when the base took the fact from its caption
 *   ("the photo accompanying the piece");
 * - or by two weaker ones: the recorded place, and the recorded year with another month.
 * Otherwise a date or a place that differs from every record is only noted ("the base records a
 * meeting in August 2018, not one in September 2016"), never an error.
 */

import type { FuzzyDate } from '../factbase/dates.js';
import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import type { Filler, FrameMatch } from '../frames/match.js';
import type { Reading } from '../reading/reading.js';
import { fitOf, sameYearOnly } from './dates.js';
import { titleKeys } from './offices.js';
import { within } from './places.js';

export interface Occasion {
  readonly statement: Statement;
  readonly date?: FuzzyDate;
  /** For an event: when it began and ended. */
  readonly start?: FuzzyDate;
  readonly end?: FuzzyDate;
  /** Where: a meeting's location, a visit's destination, an event's place. */
  readonly place?: string;
  readonly after: readonly string[];
  readonly before: readonly string[];
}

export type Aspect = 'date' | 'place' | 'relation' | 'participant';

/** The recorded visits or meetings a visited/met frame can be about. */
export function occasionsOf(base: FactBase, m: FrameMatch): Occasion[] {
  const subject = m.subject?.name?.entity;
  const object = m.object?.name?.entity;
  // "Iran's president" stands for whoever held the office at the time of each record.
  if (subject && base.entities.get(subject)?.type === 'office') return byOffice(base, m, 'subject', subject);
  if (object && base.entities.get(object)?.type === 'office') return byOffice(base, m, 'object', object);
  const out: Occasion[] = [];
  if (m.frame.predicate === 'met') {
    const records = [
      ...(subject ? base.about(subject, 'met') : []),
      ...(object ? base.about(object, 'met') : []),
      ...(object ? base.pointingTo(object, 'met') : []),
      ...(subject ? base.pointingTo(subject, 'met') : []),
    ];
    for (const s of new Set(records)) {
      const people = [s.subject, s.value.kind === 'entity' ? s.value.id : '', ...s.qualifiers.with];
      // A meeting of both people, or of one of them when the other is a name the base does not link.
      const both = subject && object && people.includes(subject) && people.includes(object);
      const one = (subject && people.includes(subject) && !object) || (object && people.includes(object) && !subject);
      if (both || one) out.push(occasion(s, s.qualifiers.location));
    }
    return out;
  }
  if (m.frame.predicate === 'visited' && subject) {
    // "Ri Yong Ho's August 2018 visit" says no place: any of the visitor's recorded visits.
    for (const s of base.about(subject, 'visited')) {
      const to = s.value.kind === 'entity' ? s.value.id : undefined;
      const related = (id: string | undefined) => id !== undefined && object !== undefined && (within(base, id, object) || within(base, object, id));
      if (!object || related(to) || related(s.qualifiers.location)) out.push(occasion(s, to));
    }
  }
  return out;
}

/** The occasions of the people who held an office, each at a time they held it. */
function byOffice(base: FactBase, m: FrameMatch, role: 'subject' | 'object', office: string): Occasion[] {
  const out: Occasion[] = [];
  for (const held of base.pointingTo(office, 'held-office')) {
    const when = held.qualifiers.pointInTime;
    const filler = m[role]!;
    const stand: FrameMatch = { ...m, [role]: { ...filler, name: { ...filler.name!, entity: held.subject } } };
    // The holder's own occasions, with the same object: only those of a time they held the office.
    for (const o of occasionsOf(base, stand)) if (!when || !o.date || o.date.year === when.year) out.push(o);
  }
  return out;
}

function occasion(s: Statement, place: string | undefined): Occasion {
  const q = s.qualifiers;
  const date = q.pointInTime ?? (s.value.kind === 'date' ? s.value.date : undefined);
  return {
    statement: s,
    ...(date && { date }),
    ...(q.start && { start: q.start }),
    ...(q.end && { end: q.end }),
    ...(place !== undefined && { place }),
    after: q.after ?? [],
    before: q.before ?? [],
  };
}

/**
 * Whether the draft identifies the recorded occasion, leaving out the aspect being judged (a
 * date cannot identify the occasion whose date it contradicts).
 */
export function identifies(r: Reading, base: FactBase, m: FrameMatch, o: Occasion, judged: Aspect): boolean {
  let strong = 0;
  let weak = 0;
  if (judged !== 'relation' && m.relation && relationFits(o, m.relation.relation, m.relation.event) === 'agrees') strong++;
  if (judged !== 'date' && m.date && o.date) {
    const fit = fitOf(m.date, o.date);
    if (fit === 'agrees' && m.date.style !== 'decade') strong++;
    else if (sameYearOnly(m.date, o.date)) weak++;
  }
  if (judged === 'date' && m.date && o.date && sameYearOnly(m.date, o.date)) weak++;
  if (judged !== 'place' && m.place?.name?.entity && o.place && (within(base, o.place, m.place.name.entity) || within(base, m.place.name.entity, o.place))) weak++;
  const subject = m.subject?.name?.entity;
  if (subject && o.date && officeAtTheTime(r, base, subject, o.date)) strong++;
  if (subject && o.date && sameDayDetail(r, base, subject, o)) strong++;
  if (fromCaption(r, o)) strong++;
  return strong >= 1 || weak >= 2;
}

/** How the draft's "after E" / "before E" fits the record's order of events. */
export function relationFits(o: Occasion, relation: 'after' | 'before', event: Filler): 'agrees' | 'conflicts' | 'unknown' {
  const id = event.name?.entity;
  if (!id) return 'unknown';
  const same = relation === 'after' ? o.after : o.before;
  const other = relation === 'after' ? o.before : o.after;
  if (same.includes(id)) return 'agrees';
  if (other.includes(id)) return 'conflicts';
  return 'unknown';
}

/** A title in the sentence that names an office the person held at that date ("then-President", "as president"). */
function officeAtTheTime(r: Reading, base: FactBase, person: string, date: FuzzyDate): boolean {
  if (r.titles.length === 0) return false;
  const held = base.about(person, 'held-office').filter((s) => s.qualifiers.pointInTime && fitsYear(s.qualifiers.pointInTime, date));
  if (held.length === 0) return false;
  const keys = new Set(held.flatMap((s) => (s.value.kind === 'entity' ? [...titleKeys(base, s.value.id)] : [])));
  return r.titles.some((t) => keys.has(t.key));
}

function fitsYear(a: FuzzyDate, b: FuzzyDate): boolean {
  return a.year === b.year;
}

/** Another recorded act of the same person on the same date whose object the sentence names. */
function sameDayDetail(r: Reading, base: FactBase, person: string, o: Occasion): boolean {
  const named = new Set(r.names.map((n) => n.entity).filter((e): e is string => e !== undefined));
  for (const s of base.about(person)) {
    if (s.id === o.statement.id || s.value.kind !== 'entity' || s.value.id === o.place) continue;
    const when = s.qualifiers.pointInTime;
    if (!when || !o.date || when.year !== o.date.year) continue;
    if (named.has(s.value.id)) return true;
  }
  return false;
}

const PICTURE_WORDS = new Set(['photo', 'photograph', 'picture', 'pictured', 'caption', 'image', 'shown']);

/** The draft speaks of the source's picture, and the base took this occasion from its caption. */
function fromCaption(r: Reading, o: Occasion): boolean {
  if (!o.statement.references.some((ref) => /caption|image|photo/i.test(ref.locator ?? ''))) return false;
  return r.words.some((w) => PICTURE_WORDS.has(w.norm));
}
