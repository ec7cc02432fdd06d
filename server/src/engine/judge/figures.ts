/**
 * Figures that speak of a `count` or `value` statement, found from the reading: the figure (its
 * number and bound), the phrase it counts ("some 300 North Korean military advisers"), and what
 * the sentence says around it. A bare number next to a country's name is usually about
 * something else, so a figure speaks of a statement only when all of these hold:
 * - the sentence names the statement's subject and every `with` entity (directly, by demonym,
 *   or by a city the base places in that country: "Pyongyang sold Tehran...");
 * - for a count, the phrase's head noun is the unit's head noun up to plural and synonyms
 *   ("advisers", "advisors"; "submarines", "subs"), and every other word of the phrase is one
 *   the statement uses ("North Korean", "military", "midget"); a demonym of another country is
 *   kept as a contradiction of the things' origin ("300 Chinese military advisers"), not a
 *   mismatch;
 * - for money, a currency, a word of what was paid for, and for a sale a sale frame in the right
 *   direction ("North Korea sold Iran", "Iran bought from North Korea");
 * - a year in the clause, if any, is the statement's as-of year or its decade (years that date a
 *   report, "a 2015 report", are the attribution check's);
 * - a place the figure is "in" is the statement's location, when it has one; an entity that
 *   "has" or "fields" the figure is its subject.
 * The draft's figure and the base's are intervals: exact is a point, "some"/"about" is ±10%,
 * "more than" is open above, "nearly" just under; a bare draft number against an approximate
 * base figure is read as rounded (±10%).
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Bound, Quantity, Statement } from '../factbase/types.js';
import type { Name } from '../reading/names.js';
import type { NounPhrase } from '../reading/phrases.js';
import type { DraftBound, QuantitySpan } from '../reading/quantities.js';
import type { Reading } from '../reading/reading.js';
import { singular } from '../reading/lexicon.js';
import { fold, tokenize } from '../text/tokens.js';
import type { FrameMatch } from '../frames/match.js';
import { isReportDate } from './reporters.js';
import { oncePerBase } from '../factbase/memo.js';

/** How a figure relates to the base's figure for the same thing. */
export type Fit = 'supported' | 'refuted' | 'open';

export interface FigureClaim {
  readonly statement: Statement;
  readonly quantity: Quantity;
  readonly figure: QuantitySpan;
  /** The phrase that holds the figure. */
  readonly phrase: NounPhrase;
  /** The figure's words, and the end of what it counts ("some 300 ... advisers"). */
  readonly start: number;
  readonly end: number;
  readonly unitEnd: number;
  readonly fit: Fit;
  /** A demonym among the counted things' words that names another country than the statement's. */
  readonly origin?: { readonly demonym: Name; readonly expected: string };
}

/** Spelling variants and synonyms of head nouns, folded to one key. */
const NOUN_SYNONYMS: Readonly<Record<string, string>> = {
  advisor: 'adviser', sub: 'submarine', troop: 'soldier', outfit: 'organization', firm: 'organization',
  organisation: 'organization', entity: 'organization', company: 'organization', group: 'organization', boat: 'submarine',
};
/** Words that never distinguish what is counted. */
const STOP = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'to', 'by', 'and', 'or', 'for', 'from', 'with', 'at', 'as', 'held', 'ground', 's', 'its', 'their', 'his', 'her']);
/** Participles of making after a demonym: "Russian-built", "Chinese-made". */
const MAKING = new Set(['built', 'buil', 'made', 'mad', 'design', 'produc', 'produce', 'supplied', 'suppli', 'manufactur', 'manufacture', 'make', 'build', 'supply']);
/** Verbs whose subject holds what the object counts. */
const HOLDING = new Set(['have', 'hold', 'field', 'own', 'keep', 'maintain', 'send', 'deploy', 'operate', 'possess', 'station']);

const memo = new WeakMap<Reading, FigureClaim[]>();

/** Every figure of the sentence that speaks of a `count` or `value` statement, with how it fits. */
export function figureClaims(r: Reading & { readonly frames: readonly FrameMatch[] }, base: FactBase): FigureClaim[] {
  let out = memo.get(r);
  if (!out) memo.set(r, (out = compute(r, base)));
  return out;
}

function compute(r: Reading & { readonly frames: readonly FrameMatch[] }, base: FactBase): FigureClaim[] {
  const figures = r.quantities.filter((q) => q.duration === undefined);
  if (figures.length === 0) return [];
  const present = presentEntities(r, base);
  const statements = quantityStatements(base, present, r);
  if (statements.length === 0) return [];
  const out: FigureClaim[] = [];
  for (const q of figures) {
    const own = r.phrases.find((p) => p.quantity === q);
    if (!own) continue;
    // "put the number of advisers at some 300": a bare figure counts the phrase "the number of" names.
    const phrase = own.head.i === q.last ? (numberOf(r, own) ?? own) : own;
    for (const s of statements) {
      if (s.value.kind !== 'quantity') continue;
      const amount = s.value.quantity;
      const money = amount.unit === 'USD';
      if (money !== (q.currency !== undefined)) continue;
      const origin = money ? undefined : originConflict(base, s, phrase, r);
      const needed = [s.subject, ...s.qualifiers.with].filter((e) => !(origin && e === origin.expected));
      if (!needed.every((e) => present.has(e))) continue;
      if (!rightTime(r, s, phrase)) continue;
      let unitEnd: number;
      if (money) {
        if (!aboutWhat(r, s, phrase) || !rightDirection(r, base, s)) continue;
        unitEnd = Math.max(q.moneyEnd, q.end);
      } else {
        if (!countsTheUnit(r, s, amount, phrase, q, origin?.demonym)) continue;
        if (!rightPlace(r, base, s, phrase) || !rightHolder(r, base, s, phrase)) continue;
        unitEnd = phrase.head.end;
      }
      const draft = interval(q.bound, q.value, amount.bound);
      const fact = interval(amount.bound, amount.amount, amount.bound);
      const fit: Fit = contains(draft, fact) ? 'supported' : disjoint(draft, fact) ? 'refuted' : 'open';
      out.push({ statement: s, quantity: amount, figure: q, phrase, start: q.start, end: q.end, unitEnd: Math.max(unitEnd, q.end), fit, ...(origin && { origin }) });
    }
  }
  return out;
}

const NUMBER_NOUNS = new Set(['number', 'total', 'count', 'tally', 'figure', 'strength', 'size']);

/**
 * The phrase a bare figure counts through "the number of": "put the number of North Korean
 * advisers in Iran at some 300", "the number of midget submarines was fourteen".
 */
function numberOf(r: Reading, figure: NounPhrase): NounPhrase | undefined {
  const clause = r.clauseOf[figure.first];
  for (const p of r.phrases) {
    if (p.last >= figure.first || r.clauseOf[p.first] !== clause || !NUMBER_NOUNS.has(p.head.lemma)) continue;
    if (r.words[p.last + 1]?.norm !== 'of') continue;
    const counted = r.phraseOf(p.last + 2);
    if (counted && counted.first === p.last + 2) return { ...counted, quantity: figure.quantity! };
  }
  return undefined;
}

/** Entities the sentence names, with the countries of the cities it names ("Tehran" names Iran too). */
export function presentEntities(r: Reading, base: FactBase): Set<string> {
  const out = new Set<string>();
  for (const n of r.names) {
    const id = n.entity ?? n.demonymOf;
    if (!id || !base.entities.has(id)) continue;
    out.add(id);
    for (const c of countriesOf(base, id)) out.add(c);
  }
  return out;
}

/** The countries a city lies in, by the base's `located-in` statements. */
export function countriesOf(base: FactBase, id: string): string[] {
  if (base.entities.get(id)?.type !== 'city') return [];
  const out: string[] = [];
  for (const s of base.about(id, 'located-in')) {
    if (s.value.kind === 'entity' && base.entities.get(s.value.id)?.type === 'country') out.push(s.value.id);
  }
  return out;
}

/**
 * The figures about the entities a sentence names: looked up by subject, so the cost follows the
 * sentence, not the size of the fact base. A demonym of another country counts as naming the
 * statement's own country for the statements whose unit carries a demonym, so that a wrong
 * origin can be found.
 */
function quantityStatements(base: FactBase, present: ReadonlySet<string>, r: Reading): Statement[] {
  const out = new Set<Statement>();
  const subjects = new Set(present);
  if (r.names.some((n) => n.demonymOf !== undefined)) for (const s of originStatements(base)) subjects.add(s.subject);
  for (const entity of subjects) for (const s of figuresAbout(base, entity)) out.add(s);
  return [...out];
}

/** An entity's `count` and `value` statements, in the base's order. */
const figuresAbout = oncePerBase((base, entity): readonly Statement[] =>
  base.about(entity).filter((s) => (s.predicate === 'count' || s.predicate === 'value') && s.value.kind === 'quantity'),
);

const origins = new WeakMap<FactBase, Map<string, string>>();

/** The country whose demonym a count statement's unit or `of` carries ("North Korean midget submarines"), by statement id. */
function originsOf(base: FactBase): Map<string, string> {
  let map = origins.get(base);
  if (map) return map;
  map = new Map();
  const demonyms: Array<{ words: string[]; country: string }> = [];
  for (const e of base.ofType('country')) {
    for (const d of e.demonyms) demonyms.push({ words: tokenize(d).map((t) => t.norm), country: e.id });
  }
  // Through the base's own lookup, so that a dispute's other values are left out (`choosing`).
  for (const s of base.withPredicate('count')) {
    if (s.value.kind !== 'quantity') continue;
    const words = tokenize(`${s.value.quantity.unit ?? ''} ${s.qualifiers.of ?? ''}`).map((t) => t.norm);
    const hit = demonyms.find((d) => words.some((_, i) => d.words.every((w, j) => words[i + j] === w)));
    if (hit) map.set(s.id, hit.country);
  }
  origins.set(base, map);
  return map;
}

const originLists = new WeakMap<FactBase, readonly Statement[]>();

function originStatements(base: FactBase): readonly Statement[] {
  let list = originLists.get(base);
  if (!list) originLists.set(base, (list = [...originsOf(base).keys()].map((id) => base.statements.get(id)!).filter(Boolean)));
  return list;
}

/** A demonym in the counted phrase that is not the one the statement's unit carries. */
function originConflict(base: FactBase, s: Statement, phrase: NounPhrase, r: Reading & { readonly frames: readonly FrameMatch[] }): { demonym: Name; expected: string } | undefined {
  const expected = originsOf(base).get(s.id);
  if (!expected) return undefined;
  const other = phrase.demonyms.find((d) => d.demonymOf !== expected && d.first > (phrase.quantity?.last ?? -1));
  if (other) return { demonym: other, expected };
  // "Iran's fourteen midget submarines are of Chinese origin": the origin said of the phrase.
  const said = r.frames.find((m) => m.frame.predicate === 'country' && m.subject?.phrase === phrase && m.object?.name?.demonymOf !== undefined && m.object.name.demonymOf !== expected);
  return said?.object?.name ? { demonym: said.object.name, expected } : undefined;
}

/** A head noun without plural or spelling variants: "advisors" and "advisers" → "adviser". */
function nounKey(word: string): string {
  const w = singular(fold(word));
  return NOUN_SYNONYMS[w] ?? w;
}

const wordCache = new Map<string, string[]>();

/** The folded words of a fact-base text, read once: the same units and `of`s come up in every sentence. */
function wordsOf(text: string): string[] {
  let words = wordCache.get(text);
  if (!words) {
    words = tokenize(text).map((t) => t.norm);
    if (wordCache.size > 10_000) wordCache.clear();
    wordCache.set(text, words);
  }
  return words;
}

/** "300 North Korean military advisers": after the number, only words the statement uses, then its head noun. */
function countsTheUnit(r: Reading, s: Statement, q: Quantity, phrase: NounPhrase, figure: QuantitySpan, wrongOrigin: Name | undefined): boolean {
  const unitWords = wordsOf(q.unit ?? '');
  const head = unitWords[unitWords.length - 1];
  if (head === undefined || nounKey(phrase.head.lemma) !== nounKey(head)) return false;
  const allowed = new Set([...unitWords, ...wordsOf(s.qualifiers.of ?? '')].filter((w) => !STOP.has(w)).map(nounKey));
  const own = new Set([s.subject, ...s.qualifiers.with, ...(s.qualifiers.location ? [s.qualifiers.location] : [])]);
  for (let k = figure.last + 1; k < phrase.head.i; k++) {
    const w = r.words[k]!;
    if (w.tag === 'PUNCT') continue;
    // "Russian-built": a participle of making joined to the demonym says where they come from.
    if (wrongOrigin && k === wrongOrigin.last + 2 && w.joined && MAKING.has(w.lemma.replace(/e?d$/, '')) ) continue;
    const name = phrase.names.find((n) => n.first <= k && k <= n.last);
    if (name) {
      if (name === wrongOrigin) continue;
      const id = name.entity ?? name.demonymOf;
      if (!id || !own.has(id)) return false;
      continue;
    }
    if (!allowed.has(nounKey(w.norm)) && !allowed.has(w.norm)) return false;
  }
  return true;
}

/** Years in the figure's clause must include the statement's date; a report's own year is not the figure's. */
function rightTime(r: Reading, s: Statement, phrase: NounPhrase): boolean {
  const date = s.qualifiers.asOf ?? s.qualifiers.pointInTime;
  const clause = r.clauseOf[phrase.first];
  const years = r.dates.filter((d) => {
    if (d.style === 'range') return false;
    if (isReportDate(r, d) && r.phraseOf(d.first) !== phrase) return false;
    return r.clauseOf[d.first] === clause || r.clauses[r.clauseOf[d.first]!]?.parent === clause;
  });
  if (years.length === 0) return true;
  if (!date) return false;
  return years.some((d) => d.date.year <= date.year && (d.until?.year ?? d.date.year) >= date.year);
}

/** A money value needs the sentence to say what was paid for. */
function aboutWhat(r: Reading, s: Statement, phrase: NounPhrase): boolean {
  const ofWords = new Set(wordsOf(s.qualifiers.of ?? '').filter((w) => !STOP.has(w) && w.length > 2).map(stem));
  return r.words.some((w) => (w.i < phrase.first || w.i > phrase.last) && ofWords.has(stem(w.norm)));
}

function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, '').slice(0, 6);
}

/** A sale's value needs a sale in the statement's direction: its subject sold, its `with` bought. */
function rightDirection(r: Reading & { readonly frames: readonly FrameMatch[] }, base: FactBase, s: Statement): boolean {
  if (!/\b(?:sold|sales?|exported)\s+to\b/i.test(s.qualifiers.of ?? '')) return true;
  const is = (id: string | undefined, target: string) => id !== undefined && (id === target || countriesOf(base, id).includes(target));
  return r.frames.some((m) => m.frame.predicate === 'sold-to' && is(m.subject?.name?.entity, s.subject) && s.qualifiers.with.some((w) => is(m.object?.name?.entity, w)));
}

/** "Iran has 300 advisers": an entity that has, keeps or sends the counted things must be the subject. */
function rightHolder(r: Reading, base: FactBase, s: Statement, phrase: NounPhrase): boolean {
  const verb = r.verbOf(phrase.first - 1);
  if (!verb || !HOLDING.has(verb.lemma)) return true;
  const holder = r.phrases.filter((p) => p.last < verb.first && p.referent?.entity).at(-1)?.referent?.entity;
  if (!holder) return true;
  return holder === s.subject || countriesOf(base, holder).includes(s.subject);
}

/** A place the figure is "in" or "sent to" must be the statement's location, when it has one. */
function rightPlace(r: Reading, base: FactBase, s: Statement, phrase: NounPhrase): boolean {
  const location = s.qualifiers.location;
  if (!location) return true;
  const clause = r.clauseOf[phrase.first];
  for (const p of r.phrases) {
    if (p.first <= phrase.last || r.clauseOf[p.first] !== clause) continue;
    const id = p.referent?.entity;
    const type = id ? base.entities.get(id)?.type : undefined;
    if (!id || (type !== 'country' && type !== 'city')) continue;
    const prep = r.words[p.first - 1];
    if (!prep || !['in', 'to', 'into', 'inside', 'within'].includes(prep.norm)) continue;
    if (id !== location && !countriesOf(base, id).includes(location)) return false;
  }
  return true;
}

interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

/**
 * The interval a figure stands for. A draft's bare number is read as rounded (±10%) when the
 * base's own figure is approximate, and as exact otherwise.
 */
export function interval(bound: Bound | DraftBound, a: number, against: Bound): Interval {
  switch (bound) {
    case 'exact':
      return against === 'approximate' ? { lo: a * 0.9, hi: a * 1.1, loOpen: false, hiOpen: false } : { lo: a, hi: a, loOpen: false, hiOpen: false };
    case 'approximate':
      return { lo: a * 0.9, hi: a * 1.1, loOpen: false, hiOpen: false };
    case 'nearly':
      return { lo: a * 0.9, hi: a, loOpen: false, hiOpen: true };
    case 'just-over':
      return { lo: a, hi: a * 1.1, loOpen: true, hiOpen: false };
    case 'more-than':
      return { lo: a, hi: Infinity, loOpen: true, hiOpen: false };
    case 'at-least':
      return { lo: a, hi: Infinity, loOpen: false, hiOpen: false };
    case 'less-than':
      return { lo: 0, hi: a, loOpen: false, hiOpen: true };
    case 'at-most':
      return { lo: 0, hi: a, loOpen: false, hiOpen: false };
  }
}

/** Whether `inner` lies inside `outer`. */
function contains(outer: Interval, inner: Interval): boolean {
  const loOk = outer.lo < inner.lo || (outer.lo === inner.lo && (!outer.loOpen || inner.loOpen));
  const hiOk = outer.hi > inner.hi || (outer.hi === inner.hi && (!outer.hiOpen || inner.hiOpen));
  return loOk && hiOk;
}

function disjoint(a: Interval, b: Interval): boolean {
  const below = (x: Interval, y: Interval) => x.hi < y.lo || (x.hi === y.lo && (x.hiOpen || y.loOpen));
  return below(a, b) || below(b, a);
}
