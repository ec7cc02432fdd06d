/**
 * Lineage and design origin of weapons, from the `derived-from` and `country` frames: "X is a
 * copy of / Iran's version of / Iran's take on Y", "X was developed from / modeled on Y",
 * "Tehran modeled X on Y", "Y was the model for X", "the Y-derived X", "X, a Y variant", "X, a
 * Chinese design", "the Chinese-designed X", "X is of Chinese origin".
 *
 * A weapon has one design parent: when the base records the subject's lineage, a claim naming
 * anything else as its parent is refuted, whether the base knows that other weapon or not ("a
 * copy of the Scud-C", "developed from the Taepodong-2"); the fix names the recorded parent. The
 * recorded chain counts as a whole (an ancestor of the parent is right too), a lineage written
 * backwards is refuted with the two names swapped, and a denial of the recorded lineage is
 * refuted with the denial taken out. Design origin is the country of the oldest recorded
 * ancestor, or of the weapon itself. When the base records no lineage for the subject, or the
 * subject is a weapon it does not know, nothing is said.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import { describeStatement } from '../describe.js';
import type { FrameMatch } from '../frames/match.js';
import { denialWords, nameInStyle, nounAfter, spanOf, withArticle } from '../judge/wording.js';
import type { Check, Judgement, Sentence } from './types.js';

export const lineage: Check = {
  code: 'lineage',
  description: 'Lineage and design origin of weapons: "X is based on / a copy of / a version of Y", "the Y-derived X", "X, a Chinese design".',
  run(r, base) {
    const out: Judgement[] = [];
    for (const m of r.frames) {
      const j = m.frame.predicate === 'derived-from' ? judgeLineage(r, base, m) : m.frame.predicate === 'country' ? judgeOrigin(r, base, m) : undefined;
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

/**
 * The statements that lead from `id` up to its ancestor `target` through any recorded parent (a
 * design can have two), nearest first; undefined when `target` is not an ancestor.
 */
function pathTo(base: FactBase, id: string, target: string): Statement[] | undefined {
  const queue: Array<{ at: string; path: Statement[] }> = [{ at: id, path: [] }];
  const seen = new Set([id]);
  while (queue.length > 0) {
    const { at, path } = queue.shift()!;
    for (const s of base.about(at, 'derived-from')) {
      if (s.value.kind !== 'entity' || seen.has(s.value.id)) continue;
      const next = [...path, s];
      if (s.value.id === target) return next;
      seen.add(s.value.id);
      queue.push({ at: s.value.id, path: next });
    }
  }
  return undefined;
}

const name = (base: FactBase, id: string) => base.entities.get(id)?.name ?? id;

function judgeLineage(r: Sentence, base: FactBase, m: FrameMatch): Judgement | undefined {
  const subject = m.subject?.name?.entity;
  const object = m.object;
  if (!subject || !object) return undefined;
  // "X is a copy of a North Korean design": the parent is described by its origin only.
  if (!object.name) return undefined;
  const soft = m.hedge !== undefined;
  // A weapon may have more than one recorded parent: naming any ancestor is right, and a wrong
  // one is corrected to the parent recorded first (`chain` follows the first parent up).
  const chain = ancestry(base, subject);
  const target = object.name.entity;
  const path = target === undefined ? undefined : pathTo(base, subject, target);
  if (path) {
    const facts = path.map((s) => s.id);
    const denial = denialWords(r, m);
    if (!denial) return { verdict: 'supported', ...spanOf(m.subject, object), facts, ...(soft && { hedged: true }) };
    return {
      verdict: 'refuted', start: denial.start, end: denial.end, facts, hedged: soft,
      ...(denial.replacement !== undefined && { replacement: denial.replacement }),
      message: `The draft denies that the ${name(base, subject)} derives from the ${name(base, target!)}; the fact base says it ${describeStatement(base, path[0]!, { withoutAttributions: true })}.`,
    };
  }
  if (m.negation) return undefined;
  // The reverse claim: "the Nodong-1 is based on the Shahab-3" when the base says the opposite.
  // The statement that names the subject as the target's ancestor.
  const reverse = target === undefined ? undefined : pathTo(base, target, subject)?.at(-1);
  // "The Nodong-1 is the North Korean counterpart of the Shahab-3": kinship either way holds.
  if (reverse && m.unit.undirected) return { verdict: 'supported', ...spanOf(m.subject, object), facts: [reverse.id], ...(soft && { hedged: true }) };
  if (reverse) {
    const [first, second] = m.subject!.start < object.start ? [m.subject!, object] : [object, m.subject!];
    const swapped = r.text.slice(second.start, second.end) + r.text.slice(first.end, second.start) + r.text.slice(first.start, first.end);
    return {
      verdict: 'refuted', start: first.start, end: second.end, facts: [reverse.id], hedged: soft, replacement: swapped,
      message: `The draft has the lineage backwards: the fact base says the ${name(base, target!)} ${describeStatement(base, reverse, { withoutAttributions: true })}.`,
    };
  }
  if (chain.length === 0 || !m.frame.oneValue) return undefined;
  const parent = chain[0]!;
  return {
    verdict: 'refuted', start: object.start, end: object.end, facts: [parent.statement.id], hedged: soft,
    replacement: nameInStyle(base, parent.id, object.name.text, nounAfter(object)),
    message: `The draft says the ${name(base, subject)} derives from the ${object.name.text}; the fact base says it ${describeStatement(base, parent.statement, { withoutAttributions: true })}.`,
  };
}

/** "X, a Chinese design": the country of X's oldest recorded ancestor. */
function judgeOrigin(r: Sentence, base: FactBase, m: FrameMatch): Judgement | undefined {
  const subject = m.subject?.name?.entity;
  const demonym = m.object?.name;
  if (!subject || !demonym?.demonymOf || !isWeapon(base, subject)) return undefined;
  // Where a weapon was designed is its lineage; where it was made or who sold it is its nationality.
  if (!/^(?:design|origin)/.test(r.text.slice(m.triggerStart, m.triggerEnd).toLowerCase())) return undefined;
  const chain = ancestry(base, subject);
  const root = chain.length ? chain[chain.length - 1]!.id : subject;
  const country = base.about(root, 'country').find((s) => s.value.kind === 'entity');
  if (!country || country.value.kind !== 'entity') return undefined;
  const facts = [...chain.map((c) => c.statement.id), country.id];
  const right = country.value.id === demonym.demonymOf;
  const soft = m.hedge !== undefined;
  if (right && !m.negation) return { verdict: 'supported', ...spanOf(m.subject, m.object, { start: m.triggerStart, end: m.triggerEnd }), facts, ...(soft && { hedged: true }) };
  if (m.negation) return undefined;
  const correct = base.entities.get(country.value.id);
  const replacement = correct?.demonyms[0];
  const why = chain.length ? `the fact base says it ${describeStatement(base, chain[0]!.statement, { withoutAttributions: true })}` : `the fact base gives its origin as ${correct?.name ?? country.value.id}`;
  const edit = replacement === undefined ? { start: demonym.start, end: demonym.end } : withArticle(r, demonym.start, demonym.end, replacement);
  return {
    verdict: 'refuted', ...edit, facts, hedged: soft,
    message: `The draft calls the ${name(base, subject)} a ${demonym.text} design; ${why}.`,
  };
}

function isWeapon(base: FactBase, id: string): boolean {
  return ['missile', 'submarine-class', 'vessel-type', 'weapon'].includes(base.entities.get(id)?.type ?? '');
}


