/**
 * Quantities and money: "some 300 North Korean military advisers", "fourteen midget
 * submarines", "more than $1 billion in arms", "a billion dollars", "1,000,000,000 dollars",
 * "more than a dozen".
 *
 * Which figures speak of which statement is decided in judge/figures.ts. A figure is supported
 * when the base's interval lies inside the draft's (the base implies the draft: "more than $500
 * million" is supported by "more than $1 billion"), refuted when the two are disjoint (with the
 * base's figure in the draft's style as the fix, and a message that says whether the draft
 * overstates or understates it), and silent when they only overlap ("$3 billion" against "more
 * than $1 billion": compatible, but the base does not say it). A figure more than ten times off
 * is more likely about a part (the two advisers on one visit) than a rival count of the whole,
 * and is left alone. A denial of a figure the base records is refuted.
 *
 * The things counted have an origin when the statement's unit carries a demonym ("North Korean
 * midget submarines"): a figure of them with another demonym ("14 Russian-built midget subs",
 * "300 Chinese military advisers") is refuted at the demonym.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Bound, Quantity, Statement } from '../factbase/types.js';
import { formatNumber } from '../claims/numbers.js';
import { affirm } from '../claims/affirm.js';
import { figureClaims, type FigureClaim } from '../judge/figures.js';
import { withArticle } from '../judge/wording.js';
import type { Check, Judgement, Sentence } from './types.js';

export const quantity: Check = {
  code: 'quantity',
  description: 'Quantities and money: "some 300 North Korean military advisers", "fourteen midget submarines", "more than $1 billion in arms".',
  run(r, base) {
    const out: Judgement[] = [];
    const seen = new Set<string>();
    for (const c of figureClaims(r, base)) {
      const key = `${c.start}:${c.end}`;
      if (seen.has(key)) continue;
      const j = c.origin ? judgeOrigin(r, base, c) : judge(r, c);
      if (j) {
        seen.add(key);
        out.push(j);
      }
    }
    return out;
  },
};

/** The negated verb group of the figure's clause, if the clause denies it. */
function denialOf(r: Sentence, c: FigureClaim): { start: number; end: number } | undefined {
  const clause = r.clauseOf[c.phrase.first];
  const v = r.verbs.find((g) => g.negation && r.clauseOf[g.first] === clause);
  return v ? { start: v.start, end: v.end } : undefined;
}

function hedgedIn(r: Sentence, c: FigureClaim): boolean {
  const clause = r.clauseOf[c.phrase.first];
  return r.verbs.some((v) => v.hedge && r.clauseOf[v.first] === clause) || r.words.some((w) => w.tag === 'ADV' && /^(?:reportedly|allegedly|apparently|probably|possibly)$/.test(w.norm)) || r.words.some((w) => w.tag === 'MODAL' && /^(?:may|might|could)$/.test(w.norm));
}

function judge(r: Sentence, c: FigureClaim): Judgement | undefined {
  const soft = hedgedIn(r, c);
  const facts = [c.statement.id];
  const said = r.text.slice(c.start, c.unitEnd).replace(/\s+/g, ' ');
  const denial = denialOf(r, c);
  if (denial) {
    if (c.fit !== 'supported') return undefined;
    const positive = affirm(r.text.slice(denial.start, denial.end));
    return {
      verdict: 'refuted', ...denial, facts, hedged: soft, ...(positive !== undefined && { replacement: positive }),
      message: `The draft denies ${said}; the fact base says ${describe(c.statement, c.quantity)}.`,
    };
  }
  if (c.fit === 'supported') return { verdict: 'supported', start: c.start, end: c.unitEnd, facts, ...(soft && { hedged: true }) };
  if (c.fit === 'open') return undefined;
  const ratio = c.figure.value / c.quantity.amount;
  if (!(ratio >= 0.1 && ratio <= 10)) return undefined;
  const how = ratio > 1 ? 'overstates' : 'understates';
  return {
    verdict: 'refuted', start: c.start, end: c.end, facts, hedged: soft,
    replacement: replacement(c),
    message: `The draft says ${said}, which ${how} it; the fact base says ${describe(c.statement, c.quantity)}.`,
  };
}

/** "300 Chinese military advisers": the things the statement counts come from another country. */
function judgeOrigin(r: Sentence, base: FactBase, c: FigureClaim): Judgement | undefined {
  const { demonym, expected } = c.origin!;
  if (c.fit === 'refuted' || denialOf(r, c)) return undefined;
  const right = base.entities.get(expected);
  const replacement = right?.demonyms[0];
  const edit = replacement === undefined ? { start: demonym.start, end: demonym.end } : withArticle(r, demonym.start, demonym.end, replacement);
  return {
    verdict: 'refuted', ...edit, facts: [c.statement.id], hedged: hedgedIn(r, c),
    message: `The draft calls them ${demonym.text}; the fact base says ${describe(c.statement, c.quantity)}.`,
  };
}

/** "some 300 military advisers (North Korean military advisers on the ground in Iran), as of 1988". */
export function describe(s: Statement, q: Quantity): string {
  const money = q.unit === 'USD';
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
function replacement(c: FigureClaim): string {
  const q = c.quantity;
  const f = c.figure;
  const number = formatNumber(q.amount, f.number);
  const draftBound = f.bound === 'nearly' || f.bound === 'just-over' ? 'approximate' : f.bound;
  const draftApprox = draftBound === 'approximate' && f.boundWords !== '';
  let bound: string;
  if (draftApprox && (q.bound === 'approximate' || q.bound === 'exact')) bound = f.boundWords;
  else if (q.bound === 'exact' || (q.bound === 'approximate' && f.boundWords === '')) bound = '';
  else if (draftBound === q.bound && f.boundWords !== '') bound = f.boundWords;
  else bound = BASE_BOUND_WORDS[q.bound];
  // Digits glued to a scale ("$100m", "$1bn") are rewritten in full.
  return `${bound ? `${bound.trim()} ` : ''}${f.currencyPrefix}${number}`;
}
