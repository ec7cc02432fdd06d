/**
 * Places of visits, meetings and events, from the frames that carry a place: "Khamenei visited
 * North Korea", "Rouhani received Ri Yong Ho in Tehran", "In Tehran, Rouhani hosted Ri Yong Ho",
 * "Ri Yong Ho was received by Rouhani in Isfahan", "the first US-North Korea summit in
 * Singapore", "the summit, which was held in Hanoi", and names that carry the place ("the
 * Singapore summit").
 *
 * An event that happens once has one place: another place is refuted, whether the base knows it
 * or only the gazetteer does ("held in Hanoi"). A visit or a meeting can repeat: its place is
 * refuted only when the draft identifies the recorded occasion (judge/occasions.ts: by the date,
 * the order of events, an office at the time...), and a place that differs from every record is
 * noted otherwise. A place inside the recorded one (a district of Tehran) is finer than the base
 * knows, and is left alone; so are places that are no names ("in a villa").
 */

import type { FactBase } from '../factbase/factbase.js';
import type { FrameMatch } from '../frames/match.js';
import { identifies, occasionsOf, type Occasion } from '../judge/occasions.js';
import { containers, containment, placeFit } from '../judge/places.js';
import { tokenize } from '../text/tokens.js';
import { referent } from '../judge/refer.js';
import { denialWords, spanOf } from '../judge/wording.js';
import type { Name } from '../reading/names.js';
import type { Check, Judgement, Sentence } from './types.js';

export const place: Check = {
  code: 'place',
  description: 'Places of events: "Rouhani received Ri Yong Ho in Tehran", "the first US-North Korea summit in Singapore", "Khamenei rode the Pyongyang subway".',
  run(r, base) {
    const out: Judgement[] = [];
    for (const m of r.frames) {
      let j: Judgement | undefined;
      if (m.frame.predicate === 'visited' || m.frame.predicate === 'met') j = judgeEncounter(r, base, m);
      else if (m.frame.predicate === 'located-in') j = judgeEventPlace(r, base, m);
      if (j) out.push(j);
    }
    for (const n of r.names) {
      const j = nameCarriesPlace(base, n);
      if (j) out.push(j);
    }
    return out;
  },
};

const nameOf = (base: FactBase, id: string) => base.entities.get(id)?.name ?? id;

function judgeEncounter(r: Sentence, base: FactBase, m: FrameMatch): Judgement | undefined {
  const subject = m.subject?.name?.entity;
  const object = m.object?.name?.entity;
  if (!subject || !object) return undefined;
  const occasions = occasionsOf(base, m);
  if (occasions.length === 0) return undefined;
  const soft = m.hedge !== undefined;
  const denial = denialWords(r, m);
  const visit = m.frame.predicate === 'visited';
  const what = visit ? `${nameOf(base, subject)} visited` : `${nameOf(base, subject)} met ${nameOf(base, holder(base, object, subject, occasions[0]!))} in`;
  if (!m.place?.name) {
    // A visit the base records, to this place or one in it.
    if (!visit) return undefined;
    const first = occasions[0]!;
    if (!denial) return { verdict: 'supported', ...spanOf(m.subject, m.object), facts: [first.statement.id], ...(soft && { hedged: true }) };
    return {
      verdict: 'refuted', start: denial.start, end: denial.end, facts: [first.statement.id], hedged: soft,
      ...(denial.replacement !== undefined && { replacement: denial.replacement }),
      message: `The draft denies that ${nameOf(base, subject)} visited ${m.object!.name!.text}; the fact base says ${nameOf(base, subject)} visited ${nameOf(base, first.place ?? object)}.`,
    };
  }
  if (visit) {
    // "visited the Pyongyang subway in North Korea": where the place visited lies.
    const lies = base.about(object, 'located-in').find((s) => s.value.kind === 'entity');
    if (!lies || lies.value.kind !== 'entity') return undefined;
    return compare(r, base, m, [{ place: lies.value.id, statement: lies.id, occasion: undefined }], m.place.name, spanOf(m.subject, m.object), `the ${nameOf(base, object)} is in`, true);
  }
  const where = occasions.filter((o) => o.place !== undefined).map((o) => ({ place: o.place!, statement: o.statement.id, occasion: o }));
  return compare(r, base, m, where, m.place.name, spanOf(m.subject, m.object, m.place), what, false);
}

/** For an office met ("North Korea's foreign minister"), the person the record names: "Ri Yong Ho". */
function holder(base: FactBase, object: string, subject: string, o: Occasion): string {
  if (base.entities.get(object)?.type !== 'office') return object;
  const s = o.statement;
  const people = [s.subject, s.value.kind === 'entity' ? s.value.id : '', ...s.qualifiers.with].filter((id) => id && id !== subject);
  return people[0] ?? object;
}

function judgeEventPlace(r: Sentence, base: FactBase, m: FrameMatch): Judgement | undefined {
  const event = referent(base, m.subject);
  const drafted = m.object?.name;
  if (!event || !drafted) return undefined;
  const where = eventPlaces(base, event);
  if (where.length === 0) return undefined;
  return compare(r, base, m, where, drafted, spanOf(m.subject, m.object), `the ${nameOf(base, event).replace(/^the\s/i, '')} took place in`, true);
}

interface Where {
  readonly place: string;
  readonly statement: string;
  /** For a visit or a meeting: the recorded occasion, which the draft must identify. */
  readonly occasion: Occasion | undefined;
}

/** Where the base puts an event: its `located-in` objects and its `occurred` location. */
function eventPlaces(base: FactBase, id: string): Where[] {
  const out: Where[] = [];
  for (const s of base.about(id, 'located-in')) if (s.value.kind === 'entity') out.push({ place: s.value.id, statement: s.id, occasion: undefined });
  for (const s of base.about(id, 'occurred')) if (s.qualifiers.location) out.push({ place: s.qualifiers.location, statement: s.id, occasion: undefined });
  return out;
}

function compare(r: Sentence, base: FactBase, m: FrameMatch, where: readonly Where[], drafted: Name, claim: { start: number; end: number }, what: string, unique: boolean): Judgement | undefined {
  if (where.length === 0) return undefined;
  const soft = m.hedge !== undefined;
  const denial = denialWords(r, m);
  const fits = where.map((w) => ({ ...w, fit: placeFit(base, drafted, w.place) }));
  const hit = fits.find((w) => w.fit === 'agrees');
  const facts = (w: Where) => [w.statement, ...(drafted.entity ? containment(base, w.place, drafted.entity) : [])];
  if (hit && !denial) return { verdict: 'supported', start: claim.start, end: Math.max(claim.end, drafted.end), facts: facts(hit), ...(soft && { hedged: true }) };
  if (hit && denial) {
    return {
      verdict: 'refuted', start: denial.start, end: denial.end, facts: facts(hit), hedged: soft,
      ...(denial.replacement !== undefined && { replacement: denial.replacement }),
      message: `The draft denies that ${what} ${drafted.text}; the fact base says ${nameOf(base, hit.place)}.`,
    };
  }
  if (denial || !fits.every((w) => w.fit === 'conflicts')) return undefined;
  const right = fits[0]!;
  const identified = unique || fits.some((w) => w.occasion !== undefined && identifies(r, base, m, w.occasion, 'place'));
  if (!identified) {
    return {
      verdict: 'unconfirmed', start: drafted.start, end: drafted.end, facts: fits.map((w) => w.statement),
      message: `The fact base records this in ${[...new Set(fits.map((w) => nameOf(base, w.place)))].join(' and ')}, not in ${drafted.text}; if the draft means that occasion, the place is wrong.`,
    };
  }
  // Name the recorded place at the draft's level: a country for a country.
  const type = drafted.entity ? base.entities.get(drafted.entity)?.type : drafted.placeKind;
  const level = [right.place, ...containers(base, right.place)].find((id) => base.entities.get(id)?.type === type) ?? right.place;
  return {
    verdict: 'refuted', start: drafted.start, end: drafted.end, facts: [right.statement, ...containment(base, right.place, level)], hedged: soft,
    replacement: nameOf(base, level),
    message: `The draft says ${what} ${drafted.text}; the fact base says ${nameOf(base, right.place)}${level !== right.place ? `, in ${nameOf(base, level)}` : ''}.`,
  };
}

/** "the Singapore summit": the name itself says where the event was, as the base records it. */
function nameCarriesPlace(base: FactBase, n: Name): Judgement | undefined {
  if (!n.entity || !n.kinds.has('event')) return undefined;
  const words = tokenize(n.text).map((t) => t.norm);
  const named = eventPlaces(base, n.entity).find((w) => {
    const e = base.entities.get(w.place);
    return e !== undefined && [e.name, ...e.aliases].some((x) => contains(words, tokenize(x).map((t) => t.norm)));
  });
  return named ? { verdict: 'supported', start: n.start, end: n.end, facts: [named.statement] } : undefined;
}

/** Whether `part` occurs in `whole` as consecutive words. */
function contains(whole: readonly string[], part: readonly string[]): boolean {
  if (part.length === 0) return false;
  for (let i = 0; i + part.length <= whole.length; i++) if (part.every((w, j) => whole[i + j] === w)) return true;
  return false;
}
