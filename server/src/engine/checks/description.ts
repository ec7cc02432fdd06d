/**
 * How the base describes a thing or a relation, in the words a draft uses for it: the class of a
 * weapon ("the Shahab-3, an intercontinental ballistic missile"), how a relation went ("North
 * Korea shunned Baghdad" against "sought quietly to develop its relationship"), who went on a
 * visit ("sent their deputy chiefs"), what a sale was of ("$1 billion in fissile material"),
 * and a claim that a relation had only one party ("sold weapons only to Iran").
 *
 * The statement must first be identified by the frames: its subject named with its predicate
 * and object (or, for a figure, by judge/figures.ts, or for a class, by a phrase said of the
 * subject). Its `supports` and `contradicts` wordings (judge/terms.ts) are then looked for in the
 * words that describe it: a contradicting wording is refuted (fix: the first restating one), a
 * restating one supported. A relation the base records with several parties (North Korea sold
 * weapons to Iran, Syria and Myanmar) refutes "only".
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import type { FrameMatch } from '../frames/match.js';
import { figureClaims } from '../judge/figures.js';
import { countriesOf } from '../judge/figures.js';
import { findTerms, inflectLike } from '../judge/terms.js';
import { nameOfPhrase } from '../judge/refer.js';
import { spanOf, withArticle } from '../judge/wording.js';
import { subjectOf } from '../frames/match.js';
import type { NounPhrase } from '../reading/phrases.js';
import type { Check, Judgement, Sentence } from './types.js';

export const description: Check = {
  code: 'description',
  description: 'How the base describes a thing or a relation: a weapon\'s class, how a relation went, who went, what was sold, and "only" where the base records others.',
  run(r, base) {
    const out: Judgement[] = [];
    const add = (j: Judgement | undefined) => {
      if (j && !out.some((o) => o.start === j.start && o.end === j.end)) out.push(j);
    };
    for (const m of r.frames) {
      for (const s of statementsOf(r, base, m)) add(judgeWords(r, s, wordsOfFrame(r, m)));
      if (m.frame.predicate === 'sold-to') add(judgeOnly(r, base, m));
      if (m.frame.predicate === 'trading-partner') add(judgeRanked(r, base, m));
    }
    // What a figure was of: only a contradiction is new; the quantity check supports the figure.
    for (const c of figureClaims(r, base)) {
      if (!c.statement.qualifiers.contradicts) continue;
      const j = judgeWords(r, c.statement, { from: c.phrase.last + 1, to: clauseEnd(r, c.phrase.last) });
      if (j?.verdict === 'refuted') add(j);
    }
    for (const { statement, phrase } of classClaims(r, base)) add(judgeWords(r, statement, { from: phrase.first, to: phrase.last }));
    return out;
  },
};

/** The statements a frame identifies: same predicate, subject and object (a city standing for its country). */
function statementsOf(r: Sentence, base: FactBase, m: FrameMatch): Statement[] {
  const subject = m.subject?.name?.entity;
  const object = m.object?.name?.entity;
  if (!subject || !object) return [];
  const is = (id: string, target: string) => id === target || countriesOf(base, id).includes(target);
  const out: Statement[] = [];
  for (const candidate of [subject, ...countriesOf(base, subject)]) {
    for (const s of base.about(candidate, m.frame.predicate)) {
      if (s.value.kind === 'entity' && is(object, s.value.id) && (s.qualifiers.supports || s.qualifiers.contradicts)) out.push(s);
    }
  }
  return out;
}

/** The words of a frame's claim: from its subject to the end of its clause. */
function wordsOfFrame(r: Sentence, m: FrameMatch): { from: number; to: number } {
  const start = r.wordAt(Math.min(m.subject?.start ?? m.triggerStart, m.triggerStart))?.i ?? 0;
  const trigger = r.wordAt(m.triggerStart)?.i ?? start;
  return { from: start, to: clauseEnd(r, trigger) };
}

function clauseEnd(r: Sentence, k: number): number {
  const c = r.clauses[r.clauseOf[k] ?? 0];
  return c ? c.last : r.words.length - 1;
}

function judgeWords(r: Sentence, s: Statement, { from, to }: { from: number; to: number }): Judgement | undefined {
  const supports = s.qualifiers.supports ?? [];
  const against = findTerms(r, s.qualifiers.contradicts ?? [], from, to).filter((h) => !h.setAside);
  const restating = findTerms(r, supports, from, to).filter((h) => !h.setAside);
  if (against.length) {
    const hit = against[0]!;
    const replacement = supports[0] !== undefined && hit.last === hit.first ? inflectLike(supports[0], r.words[hit.last]!) : supports[0];
    // A verb of the relation's opposite ("shunned") has no single right replacement.
    const verb = r.words[hit.first]!.tag === 'VERB';
    const edit = replacement !== undefined && !verb ? withArticle(r, hit.start, hit.end, replacement) : { start: hit.start, end: hit.end };
    return {
      verdict: 'refuted', ...edit, facts: [s.id],
      message: `The draft says "${r.text.slice(hit.start, hit.end)}"; the fact base ${describe(s)}.`,
    };
  }
  if (restating.length) return { verdict: 'supported', start: restating[0]!.start, end: restating[restating.length - 1]!.end, facts: [s.id] };
  return undefined;
}

function describe(s: Statement): string {
  if (s.value.kind === 'text') return `says "${s.value.text}"`;
  if (s.qualifiers.of) return `says ${s.qualifiers.of}`;
  if (s.note) return `says: ${s.note.replace(/\.$/, '')}`;
  const supports = s.qualifiers.supports ?? [];
  return supports.length ? `says "${supports[0]}"` : 'says otherwise';
}

/** "sold weapons only to Iran", "Iran was North Korea's only customer": a relation with one party. */
function judgeOnly(r: Sentence, base: FactBase, m: FrameMatch): Judgement | undefined {
  const subject = m.subject?.name?.entity;
  const object = m.object;
  if (!subject || !object?.name?.entity) return undefined;
  const only = r.words.find((w) => w.norm === 'only' && w.i >= (r.wordAt(m.triggerStart)?.i ?? 0) && w.end <= object.start && object.start - w.end < 12);
  // "not only to Iran but to Syria" says there were others.
  if (!only || r.words[only.i - 1]?.norm === 'not') return undefined;
  const all = [subject, ...countriesOf(base, subject)].flatMap((id) => base.about(id, m.frame.predicate)).filter((s) => s.value.kind === 'entity');
  const others = all.filter((s) => s.value.kind === 'entity' && s.value.id !== object.name!.entity && !countriesOf(base, object.name!.entity!).includes(s.value.id));
  if (others.length === 0) return undefined;
  const names = [...new Set(others.map((s) => (s.value.kind === 'entity' ? (base.entities.get(s.value.id)?.name ?? s.value.id) : '')))];
  return {
    verdict: 'refuted', ...spanOf(only, object), facts: others.map((s) => s.id),
    message: `The draft says only ${object.name.text}; the fact base records ${names.join(', ')} too.`,
  };
}

/** Words that rank a partner first: "its key trading partner", "China, its main trading partner". */
const FIRST_RANK = new Set(['key', 'main', 'largest', 'biggest', 'top', 'chief', 'principal', 'leading', 'primary', 'most', 'important', 'foremost']);

/**
 * "a record trade deficit with Russia, its key trading partner": a partner of a rank the base
 * records has one value (the key trading partner is China), so another country is refuted.
 */
function judgeRanked(r: Sentence, base: FactBase, m: FrameMatch): Judgement | undefined {
  const subject = m.subject?.name?.entity;
  const object = m.object?.name;
  if (!subject || !object || !object.kinds.has('place')) return undefined;
  const trigger = r.wordAt(m.triggerStart);
  const phrase = trigger ? r.phraseOf(trigger.i) : undefined;
  if (!phrase) return undefined;
  const partners = [subject, ...countriesOf(base, subject)].flatMap((id) => base.about(id, 'trading-partner')).filter((s) => s.value.kind === 'entity');
  // Any recorded partner supports "a trade deficit with China"; only a rank word makes one value.
  const recorded = partners.find((s) => s.value.kind === 'entity' && (object.entity === s.value.id || (object.entity !== undefined && countriesOf(base, object.entity).includes(s.value.id))));
  if (recorded) return { verdict: 'supported', ...spanOf(object, phrase), facts: [recorded.id] };
  if (!r.words.slice(phrase.first, phrase.head.i).some((w) => FIRST_RANK.has(w.norm))) return undefined;
  const ranked = partners.filter((s) => s.qualifiers.rank === 'key');
  const first = ranked[0];
  if (!first || first.value.kind !== 'entity') return undefined;
  const right = first.value.id;
  return {
    verdict: 'refuted', start: object.start, end: object.end, facts: [first.id], replacement: base.entities.get(right)?.name ?? right,
    message: `The draft calls ${object.text} the key trading partner; the fact base says ${base.entities.get(right)?.name ?? right}.`,
  };
}

/** Phrases said of a weapon whose class the base records: "X, an intercontinental ballistic missile,", "X is a full-size submarine". */
function classClaims(r: Sentence, base: FactBase): Array<{ statement: Statement; phrase: NounPhrase }> {
  const out: Array<{ statement: Statement; phrase: NounPhrase }> = [];
  for (const p of r.phrases) {
    const subject = nameOfPhrase(r, p)?.entity;
    const classes = subject ? base.about(subject, 'instance-of').filter((s) => s.qualifiers.contradicts) : [];
    if (classes.length === 0) continue;
    // The phrase itself ("the intercontinental Shahab-3"), an apposition, or a predicate after a copula.
    const said: NounPhrase[] = [p];
    const next = r.words[p.last + 1]?.text === ',' ? r.phraseOf(p.last + 2) : undefined;
    if (next && next.first === p.last + 2 && !next.referent) said.push(next);
    const v = r.verbs.find((g) => g.copula && g.first > p.last && g.first <= p.last + 4 && subjectOf(r, g.first) === p);
    const pred = v ? r.phrases.find((x) => x.first > v.last && x.first <= v.last + 3 && !x.referent) : undefined;
    if (pred) said.push(pred);
    for (const phrase of said) for (const statement of classes) out.push({ statement, phrase });
  }
  return out;
}
