/**
 * Claims about facts the sources disagree on. A disputed statement is in the base once per
 * value (factbase/load.ts), so a check sees every value at once and may settle on any of them.
 * What the writer is owed is the answer for each value on its own: the check is asked again
 * with the base as each source has it (`FactBase.choosing`), and
 * - a claim that one source supports and another contradicts gets "sources differ", an
 *   information with both values and their sources, never an error;
 * - a claim every source supports is supported;
 * - a claim every source contradicts stays refuted, with a fix only where the sources agree on
 *   the words that would put it right; one that some contradict and the others cannot judge
 *   gets "sources differ" too, since an error needs every source against the draft.
 * Checks know nothing of this; it works for any check and any predicate.
 */

import { describeStatement } from '../describe.js';
import { sourceLabel, type FactBase } from '../factbase/factbase.js';
import type { Dispute, Statement } from '../factbase/types.js';
import type { Judgement } from '../checks/types.js';

/**
 * The judgements `found` with every one that rests on a disputed value settled as above.
 * `again` runs the same check on the same sentence against another base.
 */
export function settleDisputes(found: readonly Judgement[], base: FactBase, again: (base: FactBase) => readonly Judgement[]): readonly Judgement[] {
  const disputes = new Map<string, Dispute>();
  for (const j of found) {
    for (const id of j.facts) {
      const dispute = base.statements.get(id)?.dispute;
      if (dispute) disputes.set(dispute.id, dispute);
    }
  }
  if (disputes.size === 0) return found;
  let out = found;
  for (const dispute of disputes.values()) {
    const byValue = dispute.values.map((value) => ({ value, found: again(base.choosing(value)) }));
    out = out.map((j) => (j.facts.some((f) => dispute.values.includes(f)) ? settle(j, base, byValue) : j));
  }
  return out;
}

function settle(j: Judgement, base: FactBase, byValue: ReadonlyArray<{ value: string; found: readonly Judgement[] }>): Judgement {
  // What the check says of the same words when only this value is recorded.
  const each = byValue.map(({ value, found }) => ({ value, j: found.find((k) => k.facts.includes(value) && k.start < j.end && j.start < k.end) }));
  const agree = each.filter((e) => e.j?.verdict === 'supported');
  const differ = each.filter((e) => e.j !== undefined && e.j.verdict !== 'supported');
  const statement = (id: string) => base.statements.get(id)!;
  if (agree.length > 0 && differ.length > 0) {
    const first = agree[0]!.j!;
    return {
      verdict: 'disputed',
      start: first.start,
      end: first.end,
      facts: [...agree, ...differ].map((e) => e.value),
      message: `Sources differ. ${[...agree, ...differ].map((e) => says(base, statement(e.value))).join(' ')} The draft agrees with the first${agree.length === 1 ? '' : ` ${agree.length}`}.`,
      namesSources: true,
      ...(first.hedged && { hedged: true }),
    };
  }
  if (agree.length === byValue.length) return { ...j, facts: agree.map((e) => e.value) };
  // Refuted by some sources while the others cannot judge it (the base as they have it lacks a
  // fact the claim needs): not an error, since an error needs every source against the draft.
  if (j.verdict === 'refuted' && agree.length === 0 && differ.length < byValue.length) {
    return {
      verdict: 'disputed',
      start: j.start,
      end: j.end,
      facts: byValue.map((e) => e.value),
      message: `Sources differ. ${byValue.map((e) => says(base, statement(e.value))).join(' ')}`,
      namesSources: true,
      ...(j.hedged && { hedged: true }),
    };
  }
  if (j.verdict === 'refuted' && agree.length === 0 && differ.length === byValue.length) {
    const fixes = new Set(differ.map((e) => e.j!.replacement));
    const { replacement: _none, ...rest } = j;
    return {
      ...(fixes.size === 1 ? j : rest),
      facts: differ.map((e) => e.value),
      message: `No source agrees with the draft, and the sources differ on what is right. ${differ.map((e) => says(base, statement(e.value))).join(' ')}`,
      namesSources: true,
    };
  }
  return j;
}

/** "Hassan Rouhani met Kim Yong Nam in August 2018 (Oba, IranSource, image caption)." */
function says(base: FactBase, s: Statement): string {
  const sources = [...new Set(s.references.map((r) => r.source))];
  return `${describeStatement(base, s, { withSubject: true, withoutAttributions: true })} (${sources.map((id) => sourceLabel(base, id, [s.id])).join('; ')}).`;
}
