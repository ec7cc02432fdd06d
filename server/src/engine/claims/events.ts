/**
 * What the date and place checks share: encounters between a subject and an object ("Khamenei
 * visited North Korea", "Rouhani received Ri Yong Ho", "Khamenei's visit to Pyongyang", "Ri was
 * received by Rouhani"), the base's statements behind them, and containment of places through
 * `located-in` ("in Iran" is true of a meeting in Tehran).
 *
 * An encounter is recognised only when the words between the two mentions are a verb of the act
 * (with at most a short title or apposition around it), so "Khamenei, who later met ..." or two
 * names that merely share a sentence do not form one.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import type { ResolvedMention, SentenceView } from './sentence.js';

/** Entity types that are places. */
export const PLACE_TYPES = ['country', 'city', 'place'];

/** What an encounter is: a visit to a place, or a meeting with someone. */
export type Act = 'visit' | 'meet';

export interface Encounter {
  readonly act: Act;
  /** The visitor or host (for a passive "Ri was received by Rouhani", Rouhani). */
  readonly subject: ResolvedMention;
  /** The place visited or the person met. */
  readonly object: ResolvedMention;
  /** The mention written first and the one written second. */
  readonly first: ResolvedMention;
  readonly second: ResolvedMention;
  /** The words between the two mentions: the verb and what goes with it. */
  readonly cueStart: number;
  readonly cueEnd: number;
}

const ADVERB = String.raw`(?:\p{L}+ly\s+)?`;
const AUX = String.raw`(?:(?:did|does|do|has|had|have|was|were|is|would|will)\s+)?`;
const NEG = String.raw`(?:(?:not|never)\s+)?`;
const APPOSITION = String.raw`(?:\s*,[^,;:.()]{1,60},)?`;
/** Up to six words of title before the object ("North Korean Foreign Minister"), but no clause of its own. */
const TITLE = String.raw`(?:(?!(?:who|whom|which|that|after|before|when|while|but|then|because|since|until|following)\b)[\p{L}\p{N}'’.-]+,?\s+){0,6}?`;
const VISIT = String.raw`(?:visit(?:ed|s|ing)?|tour(?:ed|s|ing)?|(?:rode|ride|rides|riding)(?:\s+on)?|(?:travell?(?:ed|s|ing)?|travel|went|go|goes|going|flew|fly|flies|came|come|comes)\s+to|(?:made|make|makes|paid|pay|pays)\s+(?:a|an|his|her|their|its)\s+(?:[\p{L}-]+\s+)?(?:visit|trip)\s+to)`;
const MEET = String.raw`(?:(?:met|meet|meets|meeting)(?:\s+with)?|receiv(?:ed|e|es|ing)|host(?:ed|s|ing)?|welcom(?:ed|e|es|ing)|(?:held|hold|holds|holding)\s+talks\s+with)`;

const ACTIVE: Record<Act, RegExp> = {
  visit: new RegExp(String.raw`^${APPOSITION}\s+${ADVERB}${AUX}${NEG}${ADVERB}${VISIT}\s+${TITLE}$`, 'iu'),
  meet: new RegExp(String.raw`^${APPOSITION}\s+${ADVERB}${AUX}${NEG}${ADVERB}${MEET}\s+${TITLE}$`, 'iu'),
};
/** "Khamenei's 1989 visit to", "Rouhani's meeting with". */
const POSSESSIVE: Record<Act, RegExp> = {
  visit: new RegExp(String.raw`^['’]s?\s+(?:[\p{L}\p{N}-]+\s+){0,3}?(?:visit|trip|journey|tour)\s+(?:to|of)\s+(?:the\s+)?$`, 'iu'),
  meet: new RegExp(String.raw`^['’]s?\s+(?:[\p{L}\p{N}-]+\s+){0,3}?(?:meeting|talks)\s+with\s+${TITLE}$`, 'iu'),
};
/** "Ri Yong Ho was received by Rouhani". */
const PASSIVE_MEET = new RegExp(String.raw`^${APPOSITION}\s+${ADVERB}(?:was|were|is|had\s+been|has\s+been|been)\s+${NEG}${ADVERB}(?:received|hosted|welcomed|met)\s+by\s+${TITLE}$`, 'iu');

/** Encounters in a sentence, each pairing a subject with the nearest object the words link it to. */
export function encounters(view: SentenceView, base: FactBase): Encounter[] {
  const type = (m: ResolvedMention) => base.entities.get(m.entity)?.type ?? '';
  const out: Encounter[] = [];
  const ms = view.mentions.filter((m) => m.kind === 'name');
  for (let a = 0; a < ms.length; a++) {
    const x = ms[a]!;
    if (PLACE_TYPES.includes(type(x))) continue;
    for (let b = a + 1; b < ms.length; b++) {
      const y = ms[b]!;
      if (y.entity === x.entity) continue;
      const gap = view.text.slice(x.end, y.start);
      if (gap.length > 90) break;
      let act: Act | undefined;
      let passive = false;
      if (PLACE_TYPES.includes(type(y))) {
        if (ACTIVE.visit.test(gap) || POSSESSIVE.visit.test(gap)) act = 'visit';
      } else if (type(x) === 'person' && type(y) === 'person') {
        if (ACTIVE.meet.test(gap) || POSSESSIVE.meet.test(gap)) act = 'meet';
        else if (PASSIVE_MEET.test(gap)) [act, passive] = ['meet', true];
      }
      if (!act) continue;
      out.push({ act, subject: passive ? y : x, object: passive ? x : y, first: x, second: y, cueStart: x.end, cueEnd: y.start });
      break;
    }
  }
  return out;
}

/** The places an entity is in, nearest first (not including itself). */
export function containers(base: FactBase, id: string): string[] {
  const out: string[] = [];
  let current = id;
  for (;;) {
    const s = base.about(current, 'located-in').find((st) => st.value.kind === 'entity');
    if (!s || s.value.kind !== 'entity' || out.includes(s.value.id) || s.value.id === id) return out;
    out.push(s.value.id);
    current = s.value.id;
  }
}

/** Whether `inner` is `outer` or lies in it, following `located-in`. */
export function within(base: FactBase, inner: string, outer: string): boolean {
  return inner === outer || containers(base, inner).includes(outer);
}

/** The `located-in` statements that take `inner` up to `outer`, for a verdict's facts. */
export function containment(base: FactBase, inner: string, outer: string): string[] {
  const out: string[] = [];
  let current = inner;
  while (current !== outer) {
    const s = base.about(current, 'located-in').find((st) => st.value.kind === 'entity');
    if (!s || s.value.kind !== 'entity' || out.includes(s.id)) return out;
    out.push(s.id);
    current = s.value.id;
  }
  return out;
}

/** The base's statements of an encounter: visits of the subject to a place related to the object, or meetings of the two either way round. */
export function encounterStatements(base: FactBase, e: Encounter): Statement[] {
  if (e.act === 'meet') {
    const forward = base.about(e.subject.entity, 'met').filter((s) => s.value.kind === 'entity' && s.value.id === e.object.entity);
    const back = base.about(e.object.entity, 'met').filter((s) => s.value.kind === 'entity' && s.value.id === e.subject.entity);
    return [...forward, ...back];
  }
  const o = e.object.entity;
  const related = (id: string | undefined) => id !== undefined && (within(base, id, o) || within(base, o, id));
  return base.about(e.subject.entity, 'visited').filter((s) => (s.value.kind === 'entity' && related(s.value.id)) || related(s.qualifiers.location));
}

/**
 * Whether the words between a claim's last mention and a later date or place continue the same
 * clause: no clause break, no second verb of time ("after", "before", "when"...).
 */
export function sameClause(text: string): boolean {
  if (text.length > 70 || /[;:()\u2013\u2014[\]]/.test(text)) return false;
  return !/\b(?:after|before|when|while|but|and|or|which|who|whom|that|because|since|until|following|whereas|although|though|where)\b/i.test(text);
}

/** The words of a verb phrase in [from, to), without spaces, apposition and the object's title. */
export function cueSpan(view: SentenceView, from: number, to: number): [number, number] {
  const gap = view.text.slice(from, to);
  const comma = /^\s*,[^,]*,/.exec(gap);
  const skip = comma ? comma[0].length : 0;
  const rest = gap.slice(skip);
  const lead = rest.length - rest.trimStart().length;
  const verb = /^(?:\p{L}+ly\s+)?(?:(?:did|does|do|has|had|have|was|were|is|would|will)(?:n['’]t)?\s+)?(?:(?:not|never)\s+)?(?:\p{L}+ly\s+)?[\p{L}'’]+(?:\s+(?:with|to|on|by))?/iu.exec(rest.slice(lead));
  const s = from + skip + lead;
  return [s, s + (verb ? verb[0].length : rest.trim().length)];
}
