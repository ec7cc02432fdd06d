/**
 * Quantities and money: "some 300 North Korean military advisers", "fourteen midget
 * submarines", "more than $1 billion in arms", "a billion dollars", "1,000,000,000 dollars".
 *
 * A figure in a sentence is a claim about a `count` or `value` statement only when all of these
 * hold, because a bare number next to a country name is usually about something else:
 * - the sentence names the statement's subject and every `with` entity (directly, by demonym,
 *   or by a city the base places in that country: "Pyongyang sold Tehran...");
 * - the figure counts the statement's unit: the head noun after the number is the unit's head
 *   noun up to plural and spelling ("advisers", "advisors"; "submarines", "subs"), and every
 *   word between them is one the statement uses for it ("North Korean", "military", "midget");
 *   money needs a currency sign or word ("$", "dollars", "USD") and a USD statement;
 * - for a money value, the sentence names what was paid for (a word of the statement's `of`),
 *   and for a sale ("sold to") a sale or purchase cue in the right direction;
 * - a year in the sentence, if any, is the statement's as-of year (or its decade): "in 2020
 *   Iran had 5 midget submarines" is about another time and stays silent;
 * - a place the figure is "in" or "sent to" is the statement's location, when it has one.
 *
 * Both figures are intervals: exact is a point, "some"/"about" is ±10%, "more than" is open
 * above, "fewer than" open below, "nearly" just under. A bare draft number against an
 * approximate base figure is read as rounded (±10%). The claim is supported when the base's
 * interval lies inside the draft's (the base implies the draft: "more than $500 million" is
 * supported by "more than $1 billion"), refuted when the two are disjoint, and silent when they
 * only overlap ("$3 billion" or "$1 billion" against "more than $1 billion": compatible, but the
 * base does not say it).
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Bound, Quantity, Statement } from '../factbase/types.js';
import { findNumbers, formatNumber, type NumberPhrase } from '../claims/numbers.js';
import { hedged, negated, type SentenceView } from '../claims/sentence.js';
import { fold } from '../text/tokens.js';
import { affirmation } from '../claims/affirm.js';
import type { Check, Judgement } from './types.js';

/** How a figure relates to the base's figure for the same thing. */
export type Fit = 'supported' | 'refuted' | 'open';

/** A figure of the draft that speaks of a `count` or `value` statement. */
export interface QuantityClaim {
  readonly statement: Statement;
  readonly quantity: Quantity;
  /** The figure's words: bound words, currency sign, number and scale ("more than $1 billion"). */
  readonly start: number;
  readonly end: number;
  /** The number alone. */
  readonly number: NumberPhrase;
  /** The draft's bound words as written ("some", "more than"), or '' for a bare figure. */
  readonly boundWords: string;
  readonly bound: Bound;
  readonly currencyPrefix: string;
  /** End of the unit's head noun, or of the money phrase. */
  readonly unitEnd: number;
  readonly fit: Fit;
}

export const quantity: Check = {
  code: 'quantity',
  description: 'Quantities and money: "some 300 North Korean military advisers", "fourteen midget submarines", "more than $1 billion in arms".',
  run(view, base) {
    const out: Judgement[] = [];
    const seen = new Set<string>();
    for (const c of quantityClaims(view, base)) {
      const key = `${c.start}:${c.end}`;
      if (seen.has(key)) continue;
      const j = judge(view, c);
      if (j) {
        seen.add(key);
        out.push(j);
      }
    }
    return out;
  },
};

function judge(view: SentenceView, c: QuantityClaim): Judgement | undefined {
  // The figure's own clause: from the last comma or semicolon before it to the next break after it.
  const clauseStart = Math.max(view.start, view.text.lastIndexOf(';', c.start) + 1, view.text.lastIndexOf(',', c.start) + 1);
  const rest = /[,;:]|\b(?:which|who|but|while|whereas)\b/.exec(view.text.slice(c.unitEnd, view.end));
  const clauseEnd = rest ? c.unitEnd + rest.index : view.end;
  const no = negated(view, clauseStart, clauseEnd);
  const soft = hedged(view, c.start, c.unitEnd);
  const facts = [c.statement.id];
  const said = view.text.slice(c.start, c.unitEnd);
  if (no) {
    if (c.fit !== 'supported') return undefined;
    // The denying verb phrase, so the fix can say it positively: "did not have" → "had".
    const neg = /\b(?:(?:did|does|do)\s+not\s+\p{L}+|(?:did|does|do)n['’]t\s+\p{L}+|(?:is|are|was|were|has|have|had)\s+(?:not|never)|(?:is|are|was|were|has|have|had)n['’]t|never\s+\p{L}+|no\s+longer\s+\p{L}+|not|cannot|\w+n['’]t)\b/iu.exec(view.text.slice(clauseStart, clauseEnd));
    if (!neg) return undefined;
    const start = clauseStart + neg.index;
    return {
      verdict: 'refuted', start, end: start + neg[0].length, facts, hedged: soft, ...affirmation(neg[0]),
      message: `The draft denies ${said}; the fact base says ${describe(c.statement, c.quantity)}.`,
    };
  }
  if (c.fit === 'supported') return { verdict: 'supported', start: c.start, end: c.unitEnd, facts, hedged: soft };
  if (c.fit === 'open') return undefined;
  // A figure far from the base's (more than ten times off) is more likely about a part, such as
  // the two advisers on one visit or one deal, than a rival count of the whole: stay silent.
  const ratio = c.number.value / c.quantity.amount;
  if (!(ratio >= 0.1 && ratio <= 10)) return undefined;
  return {
    verdict: 'refuted', start: c.start, end: c.end, facts, hedged: soft,
    replacement: replacement(c),
    message: `The draft says ${said}; the fact base says ${describe(c.statement, c.quantity)}.`,
  };
}

/** "some 300 military advisers (North Korean military advisers on the ground in Iran), as of 1988". */
export function describe(s: Statement, q: Quantity): string {
  const money = isMoney(q);
  const amount = money ? `$${formatNumber(q.amount, { style: 'digits', commas: false, scaled: q.amount >= 1e6, article: false })}` : formatNumber(q.amount, { style: 'digits', commas: false, scaled: q.amount >= 1e6, article: false });
  const bound = BASE_BOUND_WORDS[q.bound];
  // `of` says what is counted in words ("North Korean midget submarines held by Iran"); it reads
  // better than the bare unit, which it usually repeats.
  const what = s.qualifiers.of ? (money ? ` in ${s.qualifiers.of}` : ` ${s.qualifiers.of}`) : money ? '' : ` ${q.unit ?? ''}`;
  const when = s.qualifiers.asOf ? `, as of ${s.qualifiers.asOf.year}` : '';
  return `${bound}${amount}${what}${when}`.replace(/\s+/g, ' ').trim();
}

const BASE_BOUND_WORDS: Readonly<Record<Bound, string>> = {
  exact: '', approximate: 'some ', 'more-than': 'more than ', 'at-least': 'at least ', 'less-than': 'less than ', 'at-most': 'at most ',
};

/** The base's figure in the draft's style, keeping the draft's bound words when they still fit. */
function replacement(c: QuantityClaim): string {
  const q = c.quantity;
  const number = formatNumber(q.amount, c.number);
  const draftApprox = c.bound === 'approximate' && c.boundWords !== '';
  let bound: string;
  if (draftApprox && (q.bound === 'approximate' || q.bound === 'exact')) bound = c.boundWords;
  else if (q.bound === 'exact' || (q.bound === 'approximate' && c.boundWords === '')) bound = '';
  else if (c.bound === q.bound && c.boundWords !== '') bound = c.boundWords;
  else bound = BASE_BOUND_WORDS[q.bound];
  return `${bound ? `${bound.trim()} ` : ''}${c.currencyPrefix}${number}`;
}

// ---------------------------------------------------------------------------------------------
// Recognition

/** Bound words just before a number (or its currency sign), longest first. */
const BOUNDS: ReadonlyArray<[RegExp, Bound | 'nearly' | 'just-over']> = [
  [/\b(?:more\s+than|over|upwards\s+of|in\s+excess\s+of|above|greater\s+than)\s*$/i, 'more-than'],
  [/\b(?:at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of)\s*$/i, 'at-least'],
  [/\b(?:just\s+over|slightly\s+more\s+than|a\s+little\s+over)\s*$/i, 'just-over'],
  [/\b(?:fewer\s+than|less\s+than|under|below)\s*$/i, 'less-than'],
  [/\b(?:up\s+to|at\s+most|no\s+more\s+than|a\s+maximum\s+of)\s*$/i, 'at-most'],
  [/\b(?:nearly|almost|just\s+under|close\s+to|not\s+quite)\s*$/i, 'nearly'],
  [/(?:\b(?:some|about|around|roughly|approximately|an\s+estimated|estimated|as\s+many\s+as|perhaps|circa|ca\.)|~)\s*$/i, 'approximate'],
];

const CURRENCY_BEFORE = /(?:US\s?\$|\$|\bUSD\s?)$/;
const CURRENCY_AFTER = /^\s+(?:(?:US|U\.S\.|American)\s+)?dollars\b|^\s+USD\b/i;
const CURRENCIES = new Set(['USD']);

/** Spelling variants of head nouns, folded to one key. */
const NOUN_SYNONYMS: Readonly<Record<string, string>> = {
  advisor: 'adviser', sub: 'submarine', troop: 'soldier',
};

/** Words that never distinguish what is counted. */
const STOP = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'to', 'by', 'and', 'or', 'for', 'from', 'with', 'at', 'as', 'held', 'ground', 's']);

/** "a 2017 report", "wrote in 2017": the year of a report, not of what it reports. */
export const REPORT_YEAR = /\b((?:19|20)\d\d)\s+(?:report|study|assessment|estimate|analysis|article|paper|book|survey|review)\b|\b(?:wrote|reported|said|estimated|found|published|noted)\s+in\s+((?:19|20)\d\d)\b/i;

/** Sale and purchase cues, for money values of a sale ("sold to"). */
const SELL = /\b(?:sold|sells?|selling|sales?|exported|exports?|supplied|supplies|provided|shipped)\b/i;
const BUY = /\b(?:bought|buys?|buying|purchased|purchases?|imported|imports?|acquired|paid)\b/i;

/**
 * Every figure in the sentence that speaks of a `count` or `value` statement, with how it fits.
 * With `reportYears`, years that date a report ("a 2015 report", "wrote in 2015") are not
 * compared with the statement's date: the attribution check judges those.
 */
/** Claims per sentence, for both year modes: the quantity and attribution checks both ask. */
const memo = new WeakMap<SentenceView, Map<string, QuantityClaim[]>>();

export function quantityClaims(view: SentenceView, base: FactBase, reportYears = false): QuantityClaim[] {
  let byMode = memo.get(view);
  if (!byMode) memo.set(view, (byMode = new Map()));
  const key = reportYears ? 'report-years' : 'plain';
  let claims = byMode.get(key);
  if (!claims) byMode.set(key, (claims = computeQuantityClaims(view, base, reportYears)));
  return claims;
}

function computeQuantityClaims(view: SentenceView, base: FactBase, reportYears: boolean): QuantityClaim[] {
  const numbers = findNumbers(view.text, view.start, view.end).filter((n) => !view.mentions.some((m) => n.start < m.end && n.end > m.start));
  if (numbers.length === 0) return [];
  const present = presentEntities(view, base);
  const out: QuantityClaim[] = [];
  for (const s of quantityStatements(base, present)) {
    if (s.value.kind !== 'quantity') continue;
    const q = s.value.quantity;
    if (![s.subject, ...s.qualifiers.with].every((e) => present.has(e))) continue;
    if (!rightTime(view, s, reportYears)) continue;
    for (const n of numbers) {
      const figure = isMoney(q) ? moneyFigure(view, n) : countFigure(view, base, s, q, n);
      if (!figure) continue;
      if (isMoney(q) && !aboutWhat(view, base, s, figure)) continue;
      if (!isMoney(q) && (!rightPlace(view, base, s, figure.unitEnd) || !rightHolder(view, base, s, figure.start))) continue;
      const { bound, words, start } = boundBefore(view, figure.start);
      const draft = interval(bound, n.value, q.bound);
      const fact = interval(q.bound, q.amount, q.bound);
      const fit: Fit = contains(draft, fact) ? 'supported' : disjoint(draft, fact) ? 'refuted' : 'open';
      out.push({
        statement: s, quantity: q, start, end: n.end, number: n, boundWords: words,
        bound: bound === 'nearly' || bound === 'just-over' ? 'approximate' : bound,
        currencyPrefix: view.text.slice(figure.start, n.start), unitEnd: figure.unitEnd, fit,
      });
    }
  }
  return out;
}

function isMoney(q: Quantity): boolean {
  return q.unit !== undefined && CURRENCIES.has(q.unit);
}

/**
 * The figures about the entities a sentence names: looked up by subject, so the cost follows the
 * sentence, not the size of the fact base.
 */
function quantityStatements(base: FactBase, present: ReadonlySet<string>): Statement[] {
  const out: Statement[] = [];
  for (const entity of present) {
    for (const s of base.about(entity)) {
      if ((s.predicate === 'count' || s.predicate === 'value') && s.value.kind === 'quantity') out.push(s);
    }
  }
  return out;
}

/** Entities the sentence names, with the countries of the cities it names ("Tehran" names Iran too). */
export function presentEntities(view: SentenceView, base: FactBase): Set<string> {
  const out = new Set<string>();
  for (const m of view.mentions) {
    out.add(m.entity);
    for (const c of countriesOf(base, m.entity)) out.add(c);
  }
  return out;
}

/** The countries a city lies in, by the base's `located-in` statements. */
function countriesOf(base: FactBase, id: string): string[] {
  if (base.entities.get(id)?.type !== 'city') return [];
  const out: string[] = [];
  for (const s of base.about(id, 'located-in')) {
    if (s.value.kind === 'entity' && base.entities.get(s.value.id)?.type === 'country') out.push(s.value.id);
  }
  return out;
}

/** Years (1900-2099) and decades ("the 1980s") in the sentence must include the statement's date. */
function rightTime(view: SentenceView, s: Statement, reportYears: boolean): boolean {
  const date = s.qualifiers.asOf ?? s.qualifiers.pointInTime;
  let sentence = view.text.slice(view.start, view.end);
  if (reportYears) sentence = sentence.replace(new RegExp(REPORT_YEAR.source, 'gi'), ' ');
  const years = [...sentence.matchAll(/\b(19|20)(\d\d)(s)?\b/g)];
  if (years.length === 0) return true;
  if (!date) return false;
  return years.some((y) => {
    const value = Number(`${y[1]}${y[2]}`);
    return y[3] ? date.year >= value && date.year < value + 10 : date.year === value;
  });
}

/** "$1 billion", "1,000,000,000 dollars", "USD 1.2 billion": the money phrase around a number. */
function moneyFigure(view: SentenceView, n: NumberPhrase): { start: number; unitEnd: number } | undefined {
  const before = CURRENCY_BEFORE.exec(view.text.slice(Math.max(view.start, n.start - 4), n.start));
  const after = CURRENCY_AFTER.exec(view.text.slice(n.end, view.end));
  if (!before && !after) return undefined;
  return { start: n.start - (before?.[0].length ?? 0), unitEnd: n.end + (after?.[0].length ?? 0) };
}

/** "300 North Korean military advisers": the number, then only words the statement uses, then its head noun. */
function countFigure(view: SentenceView, base: FactBase, s: Statement, q: Quantity, n: NumberPhrase): { start: number; unitEnd: number } | undefined {
  const unitWords = (q.unit ?? '').split(/\s+/).filter(Boolean);
  const head = unitWords[unitWords.length - 1];
  if (head === undefined) return undefined;
  const headKey = nounKey(head);
  const allowed = new Set([...wordsOf(q.unit ?? ''), ...wordsOf(s.qualifiers.of ?? '')].filter((w) => !STOP.has(w)));
  const own = new Set([s.subject, ...s.qualifiers.with, ...(s.qualifiers.location ? [s.qualifiers.location] : [])]);
  const after = view.tokens.filter((t) => t.start >= n.end).slice(0, 6);
  // The gap between words may hold spaces, hyphens and slashes only: no clause break.
  let last = n.end;
  for (const t of after) {
    if (!/^[\s\-‐‑/]*$/.test(view.text.slice(last, t.start))) return undefined;
    if (nounKey(t.norm) === headKey) return { start: n.start, unitEnd: t.end };
    const mention = view.mentions.find((m) => t.start >= m.start && t.end <= m.end);
    if (mention ? !own.has(mention.entity) : !allowed.has(t.norm)) return undefined;
    last = t.end;
  }
  return undefined;
}

/** A head noun without plural or spelling variants: "advisors" and "advisers" → "adviser". */
function nounKey(word: string): string {
  let w = fold(word);
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) w = w.slice(0, -1);
  return NOUN_SYNONYMS[w] ?? w;
}

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(fold);
}

/** A money value needs the sentence to say what it paid for, and a sale its direction. */
function aboutWhat(view: SentenceView, base: FactBase, s: Statement, figure: { start: number; unitEnd: number }): boolean {
  const of = s.qualifiers.of ?? '';
  const ofWords = new Set(wordsOf(of).filter((w) => !STOP.has(w) && w.length > 2).map(stem));
  const rest = view.tokens.filter((t) => t.end <= figure.start || t.start >= figure.unitEnd);
  const sentence = view.text.slice(view.start, view.end);
  const sale = /\b(?:sold|sales?|exported)\s+to\b/i.test(of);
  if (sale) {
    const subject = view.mentions.find((m) => m.entity === s.subject || countriesOf(base, m.entity).includes(s.subject));
    const other = view.mentions.find((m) => s.qualifiers.with.some((w) => m.entity === w || countriesOf(base, m.entity).includes(w)));
    if (!subject || !other) return false;
    const sells = SELL.test(sentence);
    const buys = BUY.test(sentence);
    if (sells === buys) return false;
    return sells ? subject.start < other.start : other.start < subject.start;
  }
  return rest.some((t) => ofWords.has(stem(t.norm)));
}

function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, '').slice(0, 6);
}

/** "Iran has 300 advisers": an entity that has, keeps or sends the counted things must be the subject. */
function rightHolder(view: SentenceView, base: FactBase, s: Statement, at: number): boolean {
  const holder = [...view.mentions].reverse().find((m) => m.end <= at);
  if (!holder) return true;
  if (!/^\s*(?:has|had|have|holds?|held|fields?|fielded|owns?|owned|keeps?|kept|maintain(?:s|ed)?|sen[dt]s?|deploy(?:s|ed)?|operate[sd]?)\s+(?:\w+\s+)?$/i.test(view.text.slice(holder.end, at))) return true;
  return holder.entity === s.subject || countriesOf(base, holder.entity).includes(s.subject);
}

/** A place the figure is "in" or "sent to" must be the statement's location, when it has one. */
function rightPlace(view: SentenceView, base: FactBase, s: Statement, from: number): boolean {
  const location = s.qualifiers.location;
  if (!location) return true;
  for (const m of view.mentions) {
    if (m.start < from) continue;
    const type = base.entities.get(m.entity)?.type;
    if (type !== 'country' && type !== 'city') continue;
    if (!/\b(?:in|to|into|inside|within)\s+(?:the\s+)?$/i.test(view.text.slice(Math.max(from, m.start - 16), m.start))) continue;
    if (m.entity !== location && !countriesOf(base, m.entity).includes(location)) return false;
  }
  return true;
}

function boundBefore(view: SentenceView, at: number): { bound: Bound | 'nearly' | 'just-over'; words: string; start: number } {
  const before = view.text.slice(Math.max(view.start, at - 30), at);
  for (const [re, bound] of BOUNDS) {
    const m = re.exec(before);
    if (m) {
      const words = m[0].trim();
      return { bound, words, start: at - m[0].length + (m[0].length - m[0].trimStart().length) };
    }
  }
  return { bound: 'exact', words: '', start: at };
}

// ---------------------------------------------------------------------------------------------
// Intervals

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
function interval(bound: Bound | 'nearly' | 'just-over', a: number, against: Bound): Interval {
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
