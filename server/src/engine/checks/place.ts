/**
 * Places of events: where a meeting, a visit or an event took place.
 *
 * Recognises:
 * - a meeting with a place: "Rouhani received Ri Yong Ho in Tehran", "In Tehran, Rouhani met
 *   Ri Yong Ho", compared with the `location` of the base's `met` statement;
 * - a visit: "Khamenei rode the Pyongyang subway", "Ri Yong Ho visited Tehran", compared with
 *   the base's `visited` statements, and "... in <place>" after it with where the place visited lies;
 * - an event with a place: "the first US-North Korea summit in Singapore", "..., held in
 *   Singapore", and a name that carries the place ("the Singapore summit"), compared with the
 *   event's `located-in` statements and the `location` of its `occurred` statement.
 *
 * `located-in` is containment both ways: "in Iran" is right for a meeting in Tehran, and a place
 * inside the recorded one ("in a district of Tehran") cannot be judged, so it stays silent. A place
 * that is no entity ("held in Hanoi") is no claim. People visit many places, so a visit to a
 * place the base does not record is left alone; only where a recorded visit or event took place
 * can be wrong. A wrong place is replaced by the recorded one, or by the recorded one's country
 * when the draft named a country.
 */

import type { FactBase } from '../factbase/factbase.js';
import { containers, containment, cueSpan, encounterStatements, encounters, PLACE_TYPES, sameClause, within, type Encounter } from '../claims/events.js';
import { hedged, negated, type ResolvedMention, type SentenceView } from '../claims/sentence.js';
import { affirmation } from '../claims/affirm.js';
import type { Check, Judgement } from './types.js';

/** "..., held in", "which took place in", "in": between an event and its place. */
const HELD_IN = /^(?:\s*,)?\s+(?:(?:which|that)\s+)?(?:(?:was|were|is|had\s+been|has\s+been)\s+)?(?:(?:not|never)\s+)?(?:(?:held|hosted|convened|staged|took\s+place|happened|occurred)\s+)?in\s+(?:the\s+(?:city|capital|city-state)\s+of\s+)?$/i;

export const place: Check = {
  code: 'place',
  description: 'Places of events: "Rouhani received Ri Yong Ho in Tehran", "the first US-North Korea summit in Singapore", "Khamenei rode the Pyongyang subway".',
  run(view, base) {
    const out: Judgement[] = [];
    const isPlace = (m: ResolvedMention) => PLACE_TYPES.includes(base.entities.get(m.entity)?.type ?? '');
    const places = view.mentions.filter((m) => m.kind === 'name' && isPlace(m));
    for (const e of encounters(view, base)) {
      const p = placeOf(view, e, places);
      const j = e.act === 'meet' ? (p ? judgeMeeting(view, base, e, p) : undefined) : judgeVisit(view, base, e, p);
      if (j) out.push(j);
    }
    for (const m of view.mentions) {
      if (isPlace(m)) continue;
      const where = eventPlaces(base, m.entity);
      if (where.length === 0) continue;
      const p = places.find((x) => x.start >= m.end && HELD_IN.test(view.text.slice(m.end, x.start)));
      if (p) {
        const cue = /\b(?:not|never)\b/i.test(view.text.slice(m.end, p.start)) ? cueSpan(view, m.end, p.start) : ([m.end, m.end] as [number, number]);
        const name = base.entities.get(m.entity)?.name ?? view.text.slice(m.start, m.end);
        const j = compare(view, base, where, p, [m.start, p.end], cue, `the ${name} took place in`);
        if (j) out.push(j);
        continue;
      }
      // "the Singapore summit": the name itself says where.
      const named = where.find((w) => namesIn(base, w.place).some((n) => wordsIn(view.text.slice(m.start, m.end), n)));
      if (named) out.push({ verdict: 'supported', start: m.start, end: m.end, facts: [named.id] });
    }
    return out;
  },
};

interface Where {
  readonly place: string;
  /** The statement that says so. */
  readonly id: string;
}

/** Where the base puts an event: its `located-in` objects and its `occurred` location. */
function eventPlaces(base: FactBase, id: string): Where[] {
  const out: Where[] = [];
  for (const s of base.about(id, 'located-in')) if (s.value.kind === 'entity') out.push({ place: s.value.id, id: s.id });
  for (const s of base.about(id, 'occurred')) if (s.qualifiers.location) out.push({ place: s.qualifiers.location, id: s.id });
  return out;
}

/** The place mention the encounter's words put it in: "... Ri Yong Ho in Tehran", or "In Tehran, ...". */
function placeOf(view: SentenceView, e: Encounter, places: readonly ResolvedMention[]): ResolvedMention | undefined {
  const t = view.text;
  const after = places.find((p) => p.start >= e.second.end && sameClause(t.slice(e.second.end, p.start)) && /(?:^|\s)in\s+(?:the\s+(?:city|capital)\s+of\s+)?$/i.test(t.slice(e.second.end, p.start)));
  if (after) return after;
  return places.find((p) => p.end <= e.first.start && /^[^\p{L}\p{N}]*in\s+$/iu.test(t.slice(view.start, p.start)) && /^\s*,?\s*(?:[\p{L}'’.-]+\s+){0,4}$/u.test(t.slice(p.end, e.first.start)));
}

function judgeMeeting(view: SentenceView, base: FactBase, e: Encounter, p: ResolvedMention): Judgement | undefined {
  const where: Where[] = [];
  for (const s of encounterStatements(base, e)) if (s.qualifiers.location) where.push({ place: s.qualifiers.location, id: s.id });
  const name = (m: ResolvedMention) => base.entities.get(m.entity)?.name ?? m.entity;
  return compare(view, base, where, p, [Math.min(e.first.start, p.start), e.second.end], cueSpan(view, e.cueStart, e.cueEnd), `${name(e.subject)} met ${name(e.object)} in`);
}

function judgeVisit(view: SentenceView, base: FactBase, e: Encounter, p: ResolvedMention | undefined): Judgement | undefined {
  const o = e.object.entity;
  // Only a recorded visit to this place, or to somewhere inside it, is a visit the base knows.
  const visits = encounterStatements(base, e).filter((s) => (s.value.kind === 'entity' && within(base, s.value.id, o)) || (s.qualifiers.location !== undefined && within(base, s.qualifiers.location, o)));
  const cue = cueSpan(view, e.cueStart, e.cueEnd);
  const soft = hedged(view, e.first.start, e.second.end);
  if (!p) {
    const first = visits[0];
    if (!first) return undefined;
    if (!negated(view, cue[0], cue[1])) return { verdict: 'supported', start: e.first.start, end: e.second.end, facts: [first.id], ...(soft && { hedged: true }) };
    const name = (id: string) => base.entities.get(id)?.name ?? id;
    return {
      verdict: 'refuted', start: cue[0], end: cue[1], ...affirmation(view.text.slice(cue[0], cue[1])), facts: [first.id], hedged: soft,
      message: `The draft denies that ${name(e.subject.entity)} visited ${view.text.slice(e.object.start, e.object.end)}; the fact base says ${name(e.subject.entity)} visited ${name(first.value.kind === 'entity' ? first.value.id : o)}.`,
    };
  }
  // "... visited the Pyongyang subway in North Korea": where the place visited lies.
  const lies = base.about(o, 'located-in').find((s) => s.value.kind === 'entity');
  if (!lies || lies.value.kind !== 'entity' || visits.length === 0) return undefined;
  return compare(view, base, [{ place: lies.value.id, id: lies.id }], p, [e.first.start, e.second.end], cue, `the ${base.entities.get(o)?.name ?? o} is in`);
}

/**
 * Judges a written place `p` against the recorded places: supported when one of them lies in
 * `p`, silent when `p` lies inside one (finer than the base knows), refuted otherwise.
 */
function compare(view: SentenceView, base: FactBase, where: readonly Where[], p: ResolvedMention, [start, end]: [number, number], cue: [number, number], what: string): Judgement | undefined {
  if (where.length === 0) return undefined;
  const no = cue[1] > cue[0] && negated(view, cue[0], cue[1]);
  const soft = hedged(view, start, Math.max(end, p.end));
  const written = view.text.slice(p.start, p.end);
  const hit = where.find((w) => within(base, w.place, p.entity));
  if (hit && !no) return { verdict: 'supported', start, end: Math.max(end, p.end), facts: [hit.id, ...containment(base, hit.place, p.entity)], ...(soft && { hedged: true }) };
  const name = (id: string) => base.entities.get(id)?.name ?? id;
  if (hit) {
    return {
      verdict: 'refuted', start: cue[0], end: cue[1], ...affirmation(view.text.slice(cue[0], cue[1])), facts: [hit.id, ...containment(base, hit.place, p.entity)], hedged: soft,
      message: `The draft denies that ${what} ${written}; the fact base says ${name(hit.place)}.`,
    };
  }
  if (no || where.some((w) => within(base, p.entity, w.place))) return undefined;
  const right = where[0]!;
  // Name the recorded place at the draft's level: a country for a country.
  const type = base.entities.get(p.entity)?.type;
  const level = [right.place, ...containers(base, right.place)].find((id) => base.entities.get(id)?.type === type) ?? right.place;
  return {
    verdict: 'refuted', start: p.start, end: p.end, facts: [right.id, ...containment(base, right.place, level)], hedged: soft,
    replacement: name(level),
    message: `The draft says ${what} ${written}; the fact base says ${name(right.place)}${level !== right.place ? `, in ${name(level)}` : ''}.`,
  };
}

/** The names and aliases of an entity. */
function namesIn(base: FactBase, id: string): string[] {
  const e = base.entities.get(id);
  return e ? [e.name, ...e.aliases] : [];
}

/** Whether `name` occurs in `text` as whole words, ignoring case. */
function wordsIn(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}
