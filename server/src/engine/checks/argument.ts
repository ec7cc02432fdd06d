/**
 * What a source argues: "Oba argues that Pyongyang sold arms out of ideological solidarity",
 * "In Oba's telling, Tehran and Pyongyang have built a comprehensive strategic alliance", "the
 * transactional value ..., Oba writes, is less compelling than in the 1980s".
 *
 * What an author argues is a fact about the source, recorded as an `argues` statement with the
 * wordings that restate it (`supports`) and those that turn it around (`contradicts`). A
 * sentence is a claim about an argument when it attributes something to the author ("X argues
 * / writes / predicts / reads ... as", "in X's telling", "X's argument", "according to X") and
 * speaks of the argument's subject (one of its `with` entities, or two words of what it is
 * about). It is supported when it uses a restating wording, and refuted when it uses a
 * contradicting one that the sentence does not itself set aside ("rather than", "not"); the fix
 * is the argument's first restating wording, in the draft's form. A writer's own opinion, not
 * attributed to the author, is the writer's: it is left alone.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import { findTerms, inflectLike } from '../judge/terms.js';
import { tokenize } from '../text/tokens.js';
import type { Check, Judgement, Sentence } from './types.js';
import { oncePerBase } from '../factbase/memo.js';

export const argument: Check = {
  code: 'argument',
  description: 'What a source argues: "Oba argues that ...", "in Oba\'s telling ...", judged against the arguments the base records and the words that restate or contradict them.',
  run(r, base) {
    const out: Judgement[] = [];
    const authors = new Map<string, { start: number; end: number }>();
    for (const m of r.frames) {
      const who = m.frame.predicate === 'reported' ? m.subject?.name?.entity : undefined;
      if (who && base.about(who, 'argues').length) authors.set(who, m.subject!.name!);
    }
    for (const [author, name] of authors) {
      for (const s of base.about(author, 'argues')) {
        if (!topical(r, base, s)) continue;
        const j = judge(r, s, name);
        if (j) out.push(j);
      }
    }
    // A writer who says the same as the author, on their own account, makes a claim the source
    // supports; disagreeing on their own account is their opinion, and left alone.
    if (authors.size === 0) {
      for (const s of argumentsAbout(r, base)) {
        const j = judge(r, s, { start: -1, end: -1 });
        if (j?.verdict === 'supported') out.push(j);
      }
    }
    return out;
  },
};

/** The arguments whose `with` entities the sentence all names (an unattributed restatement needs the whole subject). */
function argumentsAbout(r: Sentence, base: FactBase): Statement[] {
  const named = new Set<string>();
  for (const n of r.names) {
    const id = n.entity ?? n.demonymOf;
    if (id === undefined) continue;
    named.add(id);
    for (const st of base.about(id, 'located-in')) if (st.value.kind === 'entity') named.add(st.value.id);
  }
  const out = new Set<Statement>();
  for (const id of named) {
    for (const s of arguesInvolving(base, id)) if (s.qualifiers.with.every((w) => named.has(w))) out.add(s);
  }
  return [...out];
}

/** The `argues` statements an entity takes part in. */
const arguesInvolving = oncePerBase((base, id): readonly Statement[] => base.involving(id).filter((s) => s.predicate === 'argues'));

/** Whether the sentence speaks of what the argument is about. */
function topical(r: Sentence, base: FactBase, s: Statement): boolean {
  const named = new Set(r.names.map((n) => n.entity ?? n.demonymOf).filter((e): e is string => e !== undefined));
  const capitals = new Set<string>();
  for (const id of named) for (const st of base.about(id, 'located-in')) if (st.value.kind === 'entity') capitals.add(st.value.id);
  if (s.qualifiers.with.some((w) => named.has(w) || capitals.has(w))) return true;
  const words = new Set(r.words.map((w) => w.lemma));
  const about = tokenize(s.qualifiers.of ?? '').map((t) => t.norm).filter((w) => w.length > 3);
  return about.filter((w) => words.has(w)).length >= 2;
}

function judge(r: Sentence, s: Statement, author: { start: number; end: number }): Judgement | undefined {
  const supports = s.qualifiers.supports ?? [];
  const contradicts = s.qualifiers.contradicts ?? [];
  const outside = (h: { start: number; end: number }) => h.end <= author.start || h.start >= author.end;
  const restating = findTerms(r, supports).filter((h) => outside(h) && !h.setAside);
  const against = findTerms(r, contradicts).filter((h) => outside(h) && !h.setAside);
  // A sentence that restates the argument and mentions the other side contrasts the two: it
  // is the restatement that the sentence asserts.
  if (restating.length) return { verdict: 'supported', start: restating[0]!.start, end: restating[restating.length - 1]!.end, facts: [s.id] };
  if (!against.length) return undefined;
  const hit = against[0]!;
  const last = r.words[hit.last]!;
  const replacement = supports[0] !== undefined ? inflectLike(supports[0], last) : undefined;
  return {
    verdict: 'refuted', start: hit.start, end: hit.end, facts: [s.id],
    ...(replacement !== undefined && { replacement }),
    message: `The draft has the author argue "${r.text.slice(hit.start, hit.end)}"; the fact base records the argument: ${s.value.kind === 'text' ? s.value.text : ''}`,
  };
}
