/**
 * Lineage and design origin of weapons: "X is based on / a copy of / Iran's version of /
 * derived from / modeled on Y", "the Y-derived X", and "X, a Chinese design".
 *
 * The base's `derived-from` statements are a chain (Shahab-3 → Nodong-1); a claim naming any
 * ancestor is supported. A claim naming another weapon is refuted only when the base records the
 * subject's lineage at all; a denial ("is not based on Y") is refuted when the base says it is,
 * and left alone otherwise. Design origin is the country of the oldest ancestor.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import { hedged, negated, type ResolvedMention, type SentenceView } from '../claims/sentence.js';
import { DESIGN_WORD, WEAPON_TYPES } from '../claims/kinds.js';
import { describeStatement } from '../describe.js';
import { affirmation } from '../claims/affirm.js';
import type { Check, Judgement } from './types.js';

/** "version of", "based on"... between the subject and the object. */
const CUE = /\b(?:(?:version|copy|variant|derivative|clone|knock-?off|adaptation|descendant|offshoot|development|replica|imitation)\s+of|(?:based|modell?ed|patterned|derived|developed|copied|reverse[- ]engineered|adapted|built)\s+(?:on|upon|from|after))\b/i;
/** "Nodong-derived Shahab-3": the object first, then the cue joined to it. */
const PREFIX_CUE = /^[\s\u2010-\u2014-]*(?:derived|based|copied|modell?ed)\b[\s\w-]{0,20}$/i;
/** "X, a Chinese design" / "X is of Chinese origin", then "-designed X". */
const DESIGN_BEFORE = /^\s*(?:,|\(|[-–—])?\s*(?:(?:which|that)\s+)?(?:is|was|are|were|remains)?\s*(?:not\s+)?(?:(?:a|an|of)\s+)?(?:\w+\s+)?$/i;

export const lineage: Check = {
  code: 'lineage',
  description: 'Lineage and design origin of weapons: "X is based on / a copy of / a version of Y", "the Y-derived X", "X, a Chinese design".',
  run(view, base) {
    const out: Judgement[] = [];
    const type = (m: ResolvedMention) => base.entities.get(m.entity)?.type ?? '';
    const weapons = view.mentions.filter((m) => WEAPON_TYPES.includes(type(m)));
    for (let a = 0; a < weapons.length; a++) {
      for (let b = a + 1; b < weapons.length; b++) {
        const x = weapons[a]!;
        const y = weapons[b]!;
        if (x.entity === y.entity) continue;
        // Only adjacent weapon mentions form a claim: "X ... Y ... Z" judges X-Y and Y-Z.
        if (b !== a + 1) continue;
        const gap = view.text.slice(x.end, y.start);
        if (gap.length <= 80 && CUE.test(gap) && !/[;:]/.test(gap)) {
          const j = judge(view, base, x, y, x.end, y.start);
          if (j) out.push(j);
        } else if (PREFIX_CUE.test(gap)) {
          // "the Nodong-derived Shahab-3": y is the subject, x the object.
          const j = judge(view, base, y, x, x.end, y.start);
          if (j) out.push(j);
        }
      }
    }
    for (const d of view.mentions.filter((m) => m.kind === 'demonym')) {
      const j = designOrigin(view, base, d, weapons);
      if (j) out.push(j);
    }
    return out;
  },
};

/** The derived-from chain of an entity, nearest first (with the statements that link it). */
export function ancestry(base: FactBase, id: string): Array<{ id: string; statement: Statement }> {
  const out: Array<{ id: string; statement: Statement }> = [];
  const seen = new Set([id]);
  let current = id;
  for (;;) {
    const s = base.about(current, 'derived-from').find((st) => st.value.kind === 'entity');
    if (!s || s.value.kind !== 'entity' || seen.has(s.value.id)) return out;
    seen.add(s.value.id);
    out.push({ id: s.value.id, statement: s });
    current = s.value.id;
  }
}

function judge(view: SentenceView, base: FactBase, x: ResolvedMention, y: ResolvedMention, cueFrom: number, cueTo: number): Judgement | undefined {
  const no = negated(view, cueFrom, cueTo);
  const soft = hedged(view, cueFrom, cueTo);
  const chain = ancestry(base, x.entity);
  const hit = chain.findIndex((c) => c.id === y.entity);
  const name = (id: string) => base.entities.get(id)?.name ?? id;
  if (hit >= 0) {
    const facts = chain.slice(0, hit + 1).map((c) => c.statement.id);
    if (!no) return { verdict: 'supported', start: Math.min(x.start, y.start), end: Math.max(x.end, y.end), facts };
    const [start, end] = cueWords(view.text, cueFrom, cueTo);
    return {
      verdict: 'refuted', start, end, facts, hedged: soft, ...affirmation(view.text.slice(start, end)),
      message: `The draft denies that the ${name(x.entity)} derives from the ${name(y.entity)}; the fact base says it ${describeStatement(base, chain[0]!.statement, { withoutAttributions: true })}.`,
    };
  }
  // The reverse claim: "Nodong-1 is based on Shahab-3" when the base says the opposite.
  const reverse = ancestry(base, y.entity).find((c) => c.id === x.entity);
  if (reverse && !no) {
    // The fix swaps the two names and keeps the words between them.
    const [first, second] = x.start < y.start ? [x, y] : [y, x];
    const swapped = view.text.slice(second.start, second.end) + view.text.slice(first.end, second.start) + view.text.slice(first.start, first.end);
    return {
      verdict: 'refuted', start: first.start, end: second.end, facts: [reverse.statement.id], hedged: soft, replacement: swapped,
      message: `The draft has the lineage backwards: the fact base says the ${name(y.entity)} ${describeStatement(base, reverse.statement, { withoutAttributions: true })}.`,
    };
  }
  if (chain.length === 0 || no) return undefined;
  const parent = chain[0]!;
  return {
    verdict: 'refuted', start: y.start, end: y.end, facts: [parent.statement.id], hedged: soft,
    replacement: name(parent.id),
    message: `The draft says the ${name(x.entity)} derives from the ${view.text.slice(y.start, y.end)}; the fact base says it ${describeStatement(base, parent.statement, { withoutAttributions: true })}.`,
  };
}

function designOrigin(view: SentenceView, base: FactBase, d: ResolvedMention, weapons: readonly ResolvedMention[]): Judgement | undefined {
  const after = DESIGN_WORD.exec(view.text.slice(d.end, d.end + 24));
  if (!after) return undefined;
  const designEnd = d.end + after[0].length;
  // The weapon is just before ("X, a Chinese design") or just after ("the Chinese-designed X").
  const before = [...weapons].reverse().find((w) => w.end <= d.start && DESIGN_BEFORE.test(view.text.slice(w.end, d.start)));
  const next = weapons.find((w) => w.start >= d.end && /^[\s\u2010-\u2014-]*designed\s+(?:\w+\s+)?$/i.test(view.text.slice(d.end, w.start)));
  const x = before ?? next;
  if (!x) return undefined;
  const chain = ancestry(base, x.entity);
  const root = chain.length ? chain[chain.length - 1]!.id : x.entity;
  const country = base.about(root, 'country').find((s) => s.value.kind === 'entity');
  if (!country || country.value.kind !== 'entity') return undefined;
  const facts = [...chain.map((c) => c.statement.id), country.id];
  const no = negated(view, Math.min(x.end, d.start), d.start);
  const right = country.value.id === d.entity;
  if (right !== no) return { verdict: 'supported', start: Math.min(x.start, d.start), end: Math.max(x.end, designEnd), facts };
  if (no) return undefined;
  const correct = base.entities.get(country.value.id);
  const demonym = correct?.demonyms[0];
  const name = base.entities.get(x.entity)?.name ?? x.entity;
  const why = chain.length ? `the fact base says it ${describeStatement(base, chain[0]!.statement, { withoutAttributions: true })}` : `the fact base gives its origin as ${correct?.name ?? country.value.id}`;
  return {
    verdict: 'refuted', start: d.start, end: d.end, facts, hedged: hedged(view, x.start, d.end),
    ...(demonym !== undefined && { replacement: demonym }),
    message: `The draft calls the ${name} a ${view.text.slice(d.start, d.end)} design; ${why}.`,
  };
}

/** The words of a cue, without the spaces, articles and possessives around it: "is not based on". */
function cueWords(text: string, from: number, to: number): [number, number] {
  const gap = text.slice(from, to);
  const lead = gap.length - gap.trimStart().length;
  const tail = /(?:\s+(?:the|a|an|[\p{L}\s]+['’]s))*\s*$/iu.exec(gap.slice(lead))!;
  return [from + lead, from + lead + tail.index];
}
