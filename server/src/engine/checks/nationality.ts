/**
 * Nationality and origin of organizations and weapons: "KOMID, an Iranian firm", "the North
 * Korean firm Green Pine", "Iran's KOMID", "the Iranian-made Yono-class", "KOMID is a Chinese
 * company", "the Iranian Ghadir-class submarine", "two North Korean arms organizations, KOMID and
 * Green Pine".
 *
 * A country word (a demonym, or a country's name with "'s") counts only when it is attached to
 * the organization or weapon: directly before it, with at most a few words ending in a noun of a
 * small list between ("firm", "company", "missile", "submarine"...); in apposition after it ("X,
 * an Iranian firm"); or as its predicate ("X is a North Korean company", "X is Iranian"). It is
 * compared with the subject's `country` statement.
 *
 * A possessive can mean who owns or operates a thing rather than where it comes from: "Iran's
 * Nodong-1" may be the missile Iran fields. So possessives are only judged for organizations;
 * for weapons only the adjective ("the Iranian Nodong-1") is. Design origin ("a Chinese
 * design", "Chinese-designed") belongs to the lineage check and is skipped here; offices and
 * people are other checks' subjects. A denial ("KOMID is not a North Korean firm") is refuted
 * when the base says it is, and left alone otherwise.
 */

import type { FactBase } from '../factbase/factbase.js';
import { hedged, negated, type ResolvedMention, type SentenceView } from '../claims/sentence.js';
import { DESIGN_WORD, ORGANIZATION_TYPES, WEAPON_TYPES } from '../claims/kinds.js';
import { affirmation } from '../claims/affirm.js';
import type { Check, Judgement } from './types.js';


/** Nouns that say what kind of thing the subject is. */
const NOUN = String.raw`(?:firm|company|organi[sz]ation|entity|corporation|group|agency|body|trader|dealer|network|missile|submarine|boat|vessel|system|rocket|weapon|class)(?:e?s)?`;
/** "the North Korean (arms) firm X": country word, up to two modifiers and a noun, then the subject (or a list of them). */
const BEFORE_GAP = new RegExp(String.raw`^(?:-(?:made|built|produced|owned|run|based))?\s+(?:(?:[\p{L}/-]+\s+){0,2}${NOUN}\s*,?\s+)?$`, 'iu');
/** "X, an Iranian firm" / "X, North Korea's arms dealer": the gap before the country word... */
const APPOSITION = /^\s*,\s*(?:(?:which|that)\s+(?:is|was)\s+)?(?:an?\s+|the\s+)?$/i;
/** ... and after it. */
const APPOSITION_AFTER = new RegExp(String.raw`^(?:-(?:made|built|produced|owned|run|based))?\s+(?:[\p{L}/-]+\s+){0,2}${NOUN}\b`, 'iu');
/** "X is (not) a North Korean company" / "X is Iranian". */
const PREDICATE = /^\s+(?:(?:reportedly|allegedly|apparently)\s+)?(?:(?:is|was|are|were|remains|remained)(?:\s+(?:not|never))?|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\s+(?:(?:reportedly|allegedly|apparently|probably)\s+)?(?:an?\s+)?$/i;
const PREDICATE_AFTER = new RegExp(String.raw`^(?:(?:-(?:made|built|produced|owned|run|based))?\s+(?:[\p{L}/-]+\s+){0,2}${NOUN}\b|\s*(?:[.,;:)]|$))`, 'iu');
/** Subjects joined in a list: "KOMID and Green Pine". */
const LIST_GAP = /^\s*(?:,\s*(?:and\s+)?|and\s+)$/i;

export const nationality: Check = {
  code: 'nationality',
  description: 'Nationality and origin of organizations and weapons: "KOMID, an Iranian firm", "the North Korean firm Green Pine", "the Iranian Ghadir-class submarine".',
  run(view, base) {
    const out: Judgement[] = [];
    const type = (m: ResolvedMention) => base.entities.get(m.entity)?.type ?? '';
    const subjects = view.mentions.filter((m) => ORGANIZATION_TYPES.includes(type(m)) || WEAPON_TYPES.includes(type(m)));
    for (const c of view.mentions) {
      if (type(c) !== 'country') continue;
      const possessive = c.kind === 'name' ? /^['’]s\b/.exec(view.text.slice(c.end, c.end + 3)) : null;
      if (c.kind !== 'demonym' && !possessive) continue;
      const wordEnd = c.end + (possessive?.[0].length ?? 0);
      if (DESIGN_WORD.test(view.text.slice(wordEnd, wordEnd + 24))) continue;
      const word = { mention: c, start: c.start, end: wordEnd, possessive: Boolean(possessive) };
      for (const { subject, claimStart, claimEnd, denial } of attached(view, word, subjects)) {
        const j = judge(view, base, word, subject, claimStart, claimEnd, denial, type(subject));
        if (j) out.push(j);
      }
    }
    return out;
  },
};

interface CountryWord {
  readonly mention: ResolvedMention;
  readonly start: number;
  readonly end: number;
  readonly possessive: boolean;
}

interface Attachment {
  readonly subject: ResolvedMention;
  readonly claimStart: number;
  readonly claimEnd: number;
  /** The predicate's words, when the predicate is denied. */
  readonly denial?: readonly [number, number];
}

/** The subjects a country word is attached to. */
function attached(view: SentenceView, word: CountryWord, subjects: readonly ResolvedMention[]): Attachment[] {
  const text = view.text;
  const out: Attachment[] = [];
  const nextIndex = subjects.findIndex((s) => s.start >= word.end);
  const next = subjects[nextIndex];
  if (next && BEFORE_GAP.test(text.slice(word.end, next.start))) {
    out.push({ subject: next, claimStart: word.start, claimEnd: next.end });
    // "North Korean arms organizations, KOMID and Green Pine": the rest of the list too.
    let last = next;
    for (const s of subjects.slice(nextIndex + 1)) {
      if (!LIST_GAP.test(text.slice(last.end, s.start))) break;
      out.push({ subject: s, claimStart: word.start, claimEnd: s.end });
      last = s;
    }
  }
  const previous = [...subjects].reverse().find((s) => s.end <= word.start);
  if (previous) {
    const gap = text.slice(previous.end, word.start);
    const tail = text.slice(word.end, view.end);
    const app = APPOSITION.test(gap) ? APPOSITION_AFTER.exec(tail) : null;
    const pred = !app && PREDICATE.test(gap) ? PREDICATE_AFTER.exec(tail) : null;
    const found = app ?? pred;
    if (found) {
      const claimEnd = word.end + found[0].replace(/\s*[.,;:)]$/, '').length;
      const denied = pred && negated(view, previous.end, word.start);
      out.push({ subject: previous, claimStart: previous.start, claimEnd, ...(denied && { denial: verbRange(text, previous.end, word.start) }) });
    }
  }
  return out;
}

function judge(view: SentenceView, base: FactBase, word: CountryWord, subject: ResolvedMention, claimStart: number, claimEnd: number, denial: readonly [number, number] | undefined, type: string): Judgement | undefined {
  const statement = base.about(subject.entity, 'country').find((s) => s.value.kind === 'entity');
  if (!statement || statement.value.kind !== 'entity') return undefined;
  const right = statement.value.id === word.mention.entity;
  const soft = hedged(view, Math.min(claimStart, word.start), Math.max(claimEnd, word.end));
  const facts = [statement.id];
  const name = `${WEAPON_TYPES.includes(type) ? 'the ' : ''}${base.entities.get(subject.entity)?.name ?? subject.entity}`;
  const correct = base.entities.get(statement.value.id);
  // "Iran's Nodong-1" may be the missile Iran fields: for a weapon a possessive is no claim of origin, right or wrong.
  if (word.possessive && WEAPON_TYPES.includes(type)) return undefined;
  if (right && !denial) return { verdict: 'supported', start: Math.min(claimStart, word.start), end: Math.max(claimEnd, word.end), facts };
  if (right && denial) {
    const words = view.text.slice(denial[0], denial[1]);
    return {
      verdict: 'refuted', start: denial[0], end: denial[1], facts, hedged: soft, ...affirmation(words),
      message: `The draft denies that ${name} is ${correct?.demonyms[0] ?? correct?.name ?? ''}; the fact base gives its country as ${correct?.name ?? statement.value.id}.`,
    };
  }
  if (denial) return undefined;
  const said = view.text.slice(word.start, word.end);
  const apostrophe = said.includes('’') ? '’' : "'";
  let replacement = word.possessive ? (correct ? `${correct.name}${apostrophe}s` : undefined) : correct?.demonyms[0];
  let start = word.start;
  // "an Iranian firm" becomes "a North Korean firm": the article goes with the word.
  const article = /\b(an?)\s+$/i.exec(view.text.slice(Math.max(view.start, word.start - 4), word.start));
  if (article && replacement !== undefined && !word.possessive) {
    const wanted = /^[aeiou]/i.test(replacement) ? 'an' : 'a';
    if (wanted !== article[1]!.toLowerCase()) {
      start = word.start - article[0].length;
      replacement = `${article[1]!.charAt(0) === 'A' ? wanted.charAt(0).toUpperCase() + wanted.slice(1) : wanted} ${replacement}`;
    }
  }
  return {
    verdict: 'refuted', start, end: word.end, facts, hedged: soft,
    ...(replacement !== undefined && { replacement }),
    message: `The draft calls ${name} ${said}; the fact base gives its country as ${correct?.name ?? statement.value.id}.`,
  };
}

/** The verb and its denial in a predicate gap: "is not" in " is not a ". */
function verbRange(text: string, from: number, to: number): readonly [number, number] {
  const gap = text.slice(from, to);
  const m = /\S.*?(?=\s+(?:an?\s+)?$|$)/.exec(gap);
  const start = from + (m?.index ?? 0);
  return [start, start + (m?.[0].length ?? gap.trim().length)];
}

