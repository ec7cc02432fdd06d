/**
 * The writer's stance: which words of a sentence the writer asserts. Only an assertion can be
 * refuted. A claim the writer reports and rejects is not the writer's ("the myth that X",
 * "wrongly reported that X", "contrary to claims that X", "it is often said that X; in fact
 * ...", "A viral post says X. It does not."): its rejection is, and it agrees with the base when
 * X is wrong. A claim the writer asks about, supposes or recommends asserts nothing ("Is X?",
 * "If X, ...", "Washington should insist that X", "we hope that X").
 *
 * Stance is worked out on the words of the draft's own sentence (block indices), so it applies
 * to what the engine reads in it and to the clauses it writes out (recast.ts) alike.
 */

import type { Reading } from './reading.js';
import type { Word } from './words.js';

export type StanceKind = 'rejected' | 'unasserted';

/** Words of a sentence the writer does not assert, in block indices. */
export interface StanceSpan {
  readonly kind: StanceKind;
  readonly start: number;
  readonly end: number;
}

/** Nouns for a claim the writer holds to be false: "the myth that", "a misconception that". */
const FALSEHOODS = new Set(['myth', 'misconception', 'canard', 'fiction', 'falsehood', 'fallacy', 'fable', 'rumor', 'rumour', 'legend', 'misreading', 'misunderstanding']);
/** Adjectives that make a report false: "the false claim that", "it is untrue that". */
const FALSE = new Set(['false', 'untrue', 'wrong', 'mistaken', 'erroneous', 'bogus', 'baseless', 'groundless', 'discredited', 'debunked', 'unfounded', 'incorrect', 'inaccurate']);
/** Nouns for a report: "claims that", "the false notion that". */
const REPORTS = new Set(['claim', 'claims', 'notion', 'idea', 'belief', 'report', 'reports', 'assertion', 'story', 'stories', 'suggestion', 'allegation', 'allegations', 'view', 'impression', 'assumption', 'narrative', 'talk']);
/** Adverbs that make a saying false: "wrongly reported that". */
const WRONGLY = new Set(['wrongly', 'falsely', 'mistakenly', 'erroneously', 'incorrectly', 'inaccurately', 'wrongfully']);
/** Verbs of saying, believing and supposing, whose complement is someone's claim. */
const SAYING = new Set([
  'say', 'claim', 'report', 'write', 'assert', 'allege', 'suggest', 'state', 'insist', 'argue', 'contend', 'believe', 'think', 'assume', 'suppose',
  'hold', 'maintain', 'tell', 'post', 'tweet', 'repeat', 'circulate', 'spread', 'describe', 'call', 'portray', 'present', 'reckon', 'imagine',
]);
/** Verbs of wishing and asking: their complement is not asserted ("we hope that X"). */
const WISHING = new Set(['hope', 'wish', 'want', 'pray', 'wonder', 'ask', 'demand', 'urge', 'recommend', 'propose', 'request', 'doubt']);
/** Modals of advice and possibility: "Washington should insist that X". */
const ADVISING = new Set(['should', 'must', 'ought', 'could', 'would', 'might', 'may']);
/** Words that set the writer's own account against a report: "in fact", "actually". */
const IN_FACT: ReadonlyArray<readonly string[]> = [['in', 'fact'], ['actually'], ['in', 'reality'], ['in', 'truth'], ['the', 'truth', 'is'], ['but', 'in', 'fact']];

/** The spans of a sentence the writer does not assert. */
export function stanceOf(r: Reading): StanceSpan[] {
  const words = r.words;
  const out: StanceSpan[] = [];
  if (words.length === 0) return out;
  const outside = (w: Word) => !r.quotes.some((q) => q.open < w.start && w.start < q.close);
  // A question asserts nothing, nor does a conditional: "If X, Y" supposes both.
  const last = lastWord(words);
  if (last?.norm === '?' && outside(last)) return [{ kind: 'unasserted', start: r.start, end: r.end }];
  if (words.some((w, k) => (w.norm === 'if' || w.norm === 'unless') && w.tag === 'SUB' && (k === 0 || words[k - 1]!.norm === ',') && words[k - 1]?.norm !== 'as' && outside(w))) {
    return [{ kind: 'unasserted', start: r.start, end: r.end }];
  }
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (!outside(w)) continue;
    // "the myth that X", "the false claim that X", "contrary to claims that X", "it is untrue that X".
    const falsehood = FALSEHOODS.has(w.lemma) || (FALSE.has(w.norm) && (REPORTS.has(words[k + 1]?.norm ?? '') || words[k + 1]?.norm === 'that'));
    const contrary = w.norm === 'contrary' && words[k + 1]?.norm === 'to';
    if (falsehood || contrary) {
      const that = thatAfter(words, k + 1, 4);
      if (that >= 0) out.push(span(r, 'rejected', that, clauseEnd(r, that)));
      continue;
    }
    // "wrongly reported that X", "falsely claimed X".
    if (WRONGLY.has(w.norm)) {
      const verb = r.verbs.find((v) => (v.first === k + 1 || v.last === k - 1 || (v.first <= k && k <= v.last)) && SAYING.has(v.lemma));
      if (verb) out.push(complementOf(r, verb.last, 'rejected'));
      continue;
    }
  }
  for (const v of r.verbs) {
    // "X should insist that Y", "we hope that Y": what is advised or wished is not asserted.
    const advised = v.modal !== undefined && ADVISING.has(v.modal.norm) && SAYING.has(v.lemma);
    if ((advised || WISHING.has(v.lemma)) && outside(words[v.first]!)) out.push(complementOf(r, v.last, 'unasserted'));
    // "It is often said that X; in fact, Y": the report the writer goes on to correct.
    const expletive = v.passive && SAYING.has(v.lemma) && words[v.first - 1]?.norm === 'it';
    if (expletive) {
      const reported = complementOf(r, v.last, 'rejected');
      const after = words.findIndex((x) => x.start >= reported.end);
      if (after >= 0 && startsWithAny(words, after, IN_FACT, 3)) out.push(reported);
    }
  }
  return out;
}

/**
 * Whether a sentence (its words, folded, without punctuation) rejects the report of the sentence
 * before: "It is not.", "That is false.", "It did no such thing.", "The report says no such
 * thing.", "In fact, ...".
 */
export function rejectsReport(norms: readonly string[]): boolean {
  if (norms.length === 0) return false;
  if (IN_FACT.some((p) => p.every((x, j) => norms[j] === x))) return true;
  for (let k = 0; k + 2 < norms.length; k++) if (norms[k] === 'no' && norms[k + 1] === 'such' && norms[k + 2] === 'thing') return true;
  if (norms.length > 6) return false;
  const opener = norms[0]!;
  const refers = opener === 'it' || opener === 'that' || opener === 'this' || opener === 'they' || opener === 'he' || opener === 'she' || opener === 'not' || opener === 'wrong' || opener === 'false';
  if (!refers) return false;
  // The sentence ends with its negation or its verdict: "It is not (true).", "That is false.";
  // "It is not clear why." says something else.
  const at = norms.findIndex((n) => n === 'not' || n === 't' || n === 'never' || FALSE.has(n));
  return at >= 0 && norms.slice(at + 1).every((n) => VERDICT_WORDS.has(n) || FALSE.has(n));
}

/** Words that may close a rejection after its negation: "not true", "not the case", "not so". */
const VERDICT_WORDS = new Set(['true', 'so', 'correct', 'accurate', 'right', 'the', 'case', 'at', 'all', 'quite']);

/** What a sentence reports someone else saying (for a rejection in the sentence after it), or undefined. */
export function reportOf(r: Reading): StanceSpan | undefined {
  for (const v of r.verbs) {
    if (!SAYING.has(v.lemma) || v.negation) continue;
    // The writer's own saying ("I argue", "we say") is the writer's claim.
    const subject = r.words[v.first - 1];
    if (subject && (subject.norm === 'i' || subject.norm === 'we')) continue;
    const reported = complementOf(r, v.last, 'rejected');
    if (reported.end > reported.start) return reported;
  }
  return undefined;
}

/** Whether [start, end) of the block lies in a span. */
export function inStance(spans: readonly StanceSpan[], start: number, end: number): StanceSpan | undefined {
  return spans.find((s) => s.start <= start && end <= s.end);
}

/** The complement of a verb ending at word `k`: its "that" clause, or the rest of its clause. */
function complementOf(r: Reading, k: number, kind: StanceKind): StanceSpan {
  const that = r.words[k + 1]?.norm === 'that' ? k + 1 : -1;
  const from = that >= 0 ? that : k + 1;
  return span(r, kind, from, from < r.words.length ? clauseEnd(r, from) : k);
}

/** The last word of the clause that opens at word `k`, and of the clauses inside it. */
function clauseEnd(r: Reading, k: number): number {
  const words = r.words;
  let end = k;
  // A clause runs to a semicolon, or to a comma followed by a new subject and verb (the main
  // clause after "Contrary to claims that X, ..."), or to the sentence's end; and no further than
  // a long clause's length, so that a run-on sentence of many verbs costs its length, not more.
  for (let j = k + 1; j < words.length && j - k <= MAX_CLAUSE_WORDS; j++) {
    const w = words[j]!;
    if (w.norm === ';') break;
    if (w.norm === ',' && mainClauseAfter(r, j + 1)) break;
    end = j;
  }
  return end;
}

/** Whether a subject and its verb (or "in fact") follow word `k`: "..., it is Iran's version". */
function mainClauseAfter(r: Reading, k: number): boolean {
  if (startsWithAny(r.words, k, IN_FACT, 1)) return true;
  // A subject of a few words, then its verb.
  for (let j = k; j < r.words.length && j <= k + 6; j++) {
    if (j > k && r.verbOf(j)) return true;
    const w = r.words[j]!;
    if (w.norm === ',' || w.tag === 'SUB' || w.tag === 'REL' || w.tag === 'CONJ' || w.tag === 'PREP' || r.verbOf(j)) return false;
  }
  return false;
}

/** How far a clause of a stance reaches, in words. */
const MAX_CLAUSE_WORDS = 80;

function span(r: Reading, kind: StanceKind, first: number, last: number): StanceSpan {
  const a = r.words[first];
  const b = r.words[Math.max(first, last)];
  return { kind, start: a ? a.start : r.end, end: b ? b.end : r.end };
}

function thatAfter(words: readonly Word[], from: number, reach: number): number {
  for (let j = from; j < words.length && j <= from + reach; j++) if (words[j]!.norm === 'that') return j;
  return -1;
}

function startsWithAny(words: readonly Word[], k: number, phrases: ReadonlyArray<readonly string[]>, skip: number): boolean {
  for (let s = k; s < Math.min(words.length, k + skip); s++) {
    if (phrases.some((p) => p.every((x, j) => words[s + j]?.norm === x))) return true;
    if (words[s]!.tag !== 'PUNCT' && words[s]!.tag !== 'CONJ') return false;
  }
  return false;
}

function lastWord(words: readonly Word[]): Word | undefined {
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!;
    if (w.norm !== '"' && w.norm !== '”' && w.norm !== ')' && w.norm !== '’') return w;
  }
  return undefined;
}
