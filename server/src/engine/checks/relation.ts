/**
 * Relations between two things of the base that no other check reads: an organization's
 * headquarters, membership, taking part in an event, a weapon used in an event, arms supplied,
 * and a person's military rank.
 *
 * A relation the base records is supported ("KOMID, headquartered in Pyongyang"). A different
 * value is refuted only where the relation has one true value (a headquarters, a rank); where
 * a thing can have many (members, participants, weapons used, supplies), another value is no
 * contradiction and stays silent. A denial of a recorded relation is refuted.
 *
 * A rank is read where drafts write it, before the name ("Lt. Gen. Jeffrey Harrigian"): the
 * rank words there against the rank the base records, written in the draft's style (abbreviated
 * or not). "General" for a lieutenant general is how one addresses him, and is right.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import type { FrameMatch } from '../frames/match.js';
import { within } from '../judge/places.js';
import { denialWords, nameInStyle, spanOf } from '../judge/wording.js';
import { describeStatement } from '../describe.js';
import type { Check, Judgement, Sentence } from './types.js';

const JUDGED = new Set(['headquarters', 'member-of', 'participant-in', 'used-in', 'supplied']);

export const relation: Check = {
  code: 'relation',
  description: 'Relations no other check reads: "KOMID, headquartered in Pyongyang", membership, taking part in an event, a weapon used in one, arms supplied, and a rank before a name ("Lt. Gen. Jeffrey Harrigian").',
  run(r, base) {
    const out: Judgement[] = [];
    for (const m of r.frames) {
      if (!JUDGED.has(m.frame.predicate)) continue;
      const j = judgeRelation(r, base, m);
      if (j) out.push(j);
    }
    out.push(...judgeRanks(r, base));
    return out;
  },
};

const name = (base: FactBase, id: string) => base.entities.get(id)?.name ?? id;

function judgeRelation(r: Sentence, base: FactBase, m: FrameMatch): Judgement | undefined {
  const subject = m.subject?.name?.entity;
  const object = m.object?.name;
  if (!subject || !object) return undefined;
  const recorded = base.about(subject, m.frame.predicate).filter((s): s is Statement & { value: { kind: 'entity'; id: string } } => s.value.kind === 'entity');
  if (recorded.length === 0) return undefined;
  const soft = m.hedge !== undefined;
  // A place may be named at any level: "headquartered in North Korea" holds for Pyongyang.
  const hit = object.entity === undefined ? undefined : recorded.find((s) => s.value.id === object.entity || within(base, s.value.id, object.entity!));
  if (hit) {
    const denial = denialWords(r, m);
    if (!denial) return { verdict: 'supported', ...spanOf(m.subject, m.object), facts: [hit.id], ...(soft && { hedged: true }) };
    return {
      verdict: 'refuted', start: denial.start, end: denial.end, facts: [hit.id], hedged: soft,
      ...(denial.replacement !== undefined && { replacement: denial.replacement }),
      message: `The draft denies this; the fact base says ${name(base, subject)} ${describeStatement(base, hit, { withoutAttributions: true })}.`,
    };
  }
  if (!m.frame.oneValue || m.negation || object.entity === undefined) return undefined;
  const right = recorded[0]!;
  return {
    verdict: 'refuted', start: object.start, end: object.end, facts: [right.id], hedged: soft,
    replacement: nameInStyle(base, right.value.id, object.text, false),
    message: `The draft names ${object.text} here; the fact base says ${name(base, subject)} ${describeStatement(base, right, { withoutAttributions: true })}.`,
  };
}

/** Military ranks as drafts write them before a name, each with its abbreviation. */
const RANKS: ReadonlyArray<readonly [full: string, short: string]> = [
  ['general', 'gen.'], ['lieutenant general', 'lt. gen.'], ['major general', 'maj. gen.'], ['brigadier general', 'brig. gen.'],
  ['colonel', 'col.'], ['lieutenant colonel', 'lt. col.'], ['major', 'maj.'], ['captain', 'capt.'], ['lieutenant', 'lt.'],
  ['admiral', 'adm.'], ['vice admiral', 'vice adm.'], ['rear admiral', 'rear adm.'], ['commodore', 'cdre.'],
  ['field marshal', 'field marshal'], ['marshal', 'marshal'], ['sergeant', 'sgt.'], ['air marshal', 'air marshal'],
];

/** Rank words as compared: lower case, without the abbreviations' dots. */
const key = (s: string) => s.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();
const BY_KEY = new Map<string, readonly [string, string]>(RANKS.flatMap((r) => [[key(r[0]), r], [key(r[1]), r]] as const));

/** "Lt. Gen. Jeffrey Harrigian" against the rank the base records for him. */
function judgeRanks(r: Sentence, base: FactBase): Judgement[] {
  const out: Judgement[] = [];
  for (const n of r.names) {
    if (!n.entity) continue;
    const recorded = base.about(n.entity, 'rank').find((s) => s.value.kind === 'text');
    if (!recorded || recorded.value.kind !== 'text') continue;
    const written = rankBefore(r, n.first);
    if (!written) continue;
    const right = BY_KEY.get(key(recorded.value.text));
    if (!right) continue;
    // "Gen. Harrigian" for a lieutenant general, "Admiral" for a vice admiral: the grade's
    // family name is how such officers are addressed, and is right.
    if (written.rank === right || right[0].endsWith(` ${written.rank[0]}`)) {
      out.push({ verdict: 'supported', start: written.start, end: n.end, facts: [recorded.id] });
      continue;
    }
    const abbreviated = written.text.includes('.');
    const capital = /^\p{Lu}/u.test(written.text);
    const words = abbreviated ? right[1] : right[0];
    const replacement = capital ? words.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()) : words;
    out.push({
      verdict: 'refuted', start: written.start, end: written.end, facts: [recorded.id], replacement,
      message: `The draft gives ${name(base, n.entity)} the rank ${written.text}; the fact base records ${recorded.value.text}.`,
    });
  }
  return out;
}

/** The longest rank written right before word `first` ("Lt. Gen." is four tokens with its dots). */
function rankBefore(r: Sentence, first: number): { rank: readonly [string, string]; text: string; start: number; end: number } | undefined {
  for (let span = 6; span >= 1; span--) {
    const from = first - span;
    if (from < 0) continue;
    const words = r.words.slice(from, first);
    if (words.some((w) => w.start < r.start)) continue;
    const text = r.text.slice(words[0]!.start, words[words.length - 1]!.end);
    const rank = BY_KEY.get(key(text));
    if (rank) return { rank, text, start: words[0]!.start, end: words[words.length - 1]!.end };
  }
  return undefined;
}
