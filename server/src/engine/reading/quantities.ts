/**
 * Figures as drafts write them: a number in digits or words ("300", "three hundred", "a
 * dozen", "$1bn"), its bound ("some", "more than", "nearly", "at least"), its currency ("$",
 * "dollars", "USD") and, found later by the phrase reader, the noun it counts ("advisers",
 * "submarines"). A figure of time ("five years", "a decade", "three decades") is a duration.
 *
 * Both the draft's figure and the base's are read as intervals when they are compared: "some
 * 300" is about 300, "more than $1 billion" is open above.
 */

import type { Bound } from '../factbase/types.js';
import { findNumbers, opensNumber, type NumberPhrase } from '../claims/numbers.js';
import type { Word } from './words.js';

/** A draft's bound: the base's bounds, and two that only drafts write. */
export type DraftBound = Bound | 'nearly' | 'just-over';

export interface QuantitySpan {
  /** Word indices, inclusive, of the whole figure: bound words, currency and number. */
  readonly first: number;
  readonly last: number;
  /** Block indices of the whole figure. */
  readonly start: number;
  readonly end: number;
  readonly number: NumberPhrase;
  readonly value: number;
  readonly bound: DraftBound;
  /** The bound words as written ("some", "more than"), or '' for a bare figure. */
  readonly boundWords: string;
  /** The currency, when the figure is money. */
  readonly currency?: string;
  /** The currency sign as written before the number ("$", "US$"), or ''. */
  readonly currencyPrefix: string;
  /** The end of the money phrase ("dollars" after the number), in block indices. */
  readonly moneyEnd: number;
  /** For a figure of time: its unit. */
  readonly duration?: 'day' | 'week' | 'month' | 'year' | 'decade';
}

/** Bound words before a figure, longest first, as sequences of folded words. */
const BOUND_WORDS: ReadonlyArray<[string, DraftBound]> = [
  ['more than', 'more-than'], ['well over', 'more-than'], ['upwards of', 'more-than'], ['in excess of', 'more-than'],
  ['greater than', 'more-than'], ['over', 'more-than'], ['above', 'more-than'], ['at least', 'at-least'],
  ['no fewer than', 'at-least'], ['no less than', 'at-least'], ['a minimum of', 'at-least'],
  ['just over', 'just-over'], ['slightly more than', 'just-over'], ['a little over', 'just-over'],
  ['fewer than', 'less-than'], ['less than', 'less-than'], ['under', 'less-than'], ['below', 'less-than'],
  ['up to', 'at-most'], ['at most', 'at-most'], ['no more than', 'at-most'], ['a maximum of', 'at-most'],
  ['nearly', 'nearly'], ['almost', 'nearly'], ['just under', 'nearly'], ['close to', 'nearly'], ['not quite', 'nearly'],
  ['some', 'approximate'], ['about', 'approximate'], ['around', 'approximate'], ['roughly', 'approximate'],
  ['approximately', 'approximate'], ['an estimated', 'approximate'], ['estimated', 'approximate'],
  ['as many as', 'approximate'], ['perhaps', 'approximate'], ['circa', 'approximate'], ['ca', 'approximate'],
  ['barely', 'approximate'], ['just', 'approximate'], ['only', 'approximate'],
];

const BOUNDS_BY_LAST_WORD = new Map<string, Array<{ readonly parts: readonly string[]; readonly bound: DraftBound }>>();
for (const [phrase, bound] of BOUND_WORDS) {
  const parts = phrase.split(' ');
  const last = parts[parts.length - 1]!;
  BOUNDS_BY_LAST_WORD.set(last, [...(BOUNDS_BY_LAST_WORD.get(last) ?? []), { parts, bound }]);
}

const CURRENCY_WORDS: Readonly<Record<string, string>> = { dollars: 'USD', dollar: 'USD', usd: 'USD' };
const TIME_UNITS: Readonly<Record<string, QuantitySpan['duration']>> = {
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
  decade: 'decade', decades: 'decade',
};

/** The figures of a sentence, in order. Numbers inside `exclude` (names, dates) are not figures. */
export function findQuantities(words: readonly Word[], text: string, exclude: (first: number, last: number) => boolean): QuantitySpan[] {
  if (words.length === 0) return [];
  const out: QuantitySpan[] = [];
  const from = words[0]!.start;
  const to = words[words.length - 1]!.end;
  // Most sentences hold no number; their words say so without a scan of the text.
  const numbers = words.some((x) => opensNumber(x.norm)) ? findNumbers(text, from, to) : [];
  let w = 0;
  for (const n of withDecades(words, text, numbers)) {
    while (w < words.length && words[w]!.end <= n.start) w++;
    let last = w;
    while (last + 1 < words.length && words[last + 1]!.start < n.end) last++;
    if (w >= words.length || exclude(w, last)) continue;
    let first = w;
    let currencyPrefix = '';
    let currency: string | undefined;
    // "$1 billion", "US$1 billion", "USD 1 billion".
    const sign = words[first - 1];
    if (sign && (sign.text === '$' || sign.norm === 'usd')) {
      currency = 'USD';
      first--;
      const us = words[first - 1];
      currencyPrefix = sign.text === '$' && us && us.norm === 'us' && sign.joined ? `${us.text}$` : sign.text === '$' ? '$' : `${sign.text} `;
      if (currencyPrefix.startsWith('US') && us) first--;
    }
    let moneyEnd = words[last]!.end;
    let unitAt = last + 1;
    if (/bn$/i.test(words[last]!.text) && currency) moneyEnd = words[last]!.end;
    const after = words[unitAt];
    if (after && CURRENCY_WORDS[after.norm] !== undefined) {
      currency = CURRENCY_WORDS[after.norm];
      moneyEnd = after.end;
      unitAt++;
    }
    const bound = boundBefore(words, first);
    const start = bound ? bound.first : first;
    const unit = words[unitAt];
    const duration = unit ? TIME_UNITS[unit.norm] : undefined;
    out.push({
      first: start,
      last,
      start: words[start]!.start,
      end: n.end,
      number: n,
      value: n.value,
      bound: bound?.bound ?? 'exact',
      boundWords: bound?.words ?? '',
      currency,
      currencyPrefix,
      moneyEnd,
      duration,
    });
  }
  return out;
}

/**
 * "a decade", "a year": an article before a unit of time is the number one. findNumbers reads
 * "a" only before scale words, so these are added here.
 */
function withDecades(words: readonly Word[], text: string, numbers: NumberPhrase[]): NumberPhrase[] {
  let out = numbers;
  for (let k = 0; k + 1 < words.length; k++) {
    const a = words[k]!;
    if (a.norm !== 'a' && a.norm !== 'an') continue;
    const unit = words[k + 1]!;
    if (!ONE_UNITS.has(unit.norm) || unit.joined || !/^\s+$/.test(text.slice(a.end, unit.start))) continue;
    if (out.some((n) => n.start <= a.start && a.start < n.end)) continue;
    if (out === numbers) out = [...numbers];
    out.push({ start: a.start, end: a.end, value: 1, style: 'words', commas: false, scaled: false, article: true });
  }
  return out === numbers ? out : out.sort((x, y) => x.start - y.start);
}

const ONE_UNITS = new Set(['decade', 'year', 'month', 'week', 'day']);

function boundBefore(words: readonly Word[], first: number): { first: number; bound: DraftBound; words: string } | undefined {
  // A bound's last word is the word before the figure: only the bounds ending in it are tried.
  const before = words[first - 1];
  for (const { parts, bound } of (before && BOUNDS_BY_LAST_WORD.get(before.norm)) ?? []) {
    const at = first - parts.length;
    if (at < 0) continue;
    let ok = true;
    for (let j = 0; j < parts.length && ok; j++) if (words[at + j]!.norm !== parts[j]) ok = false;
    if (ok) return { first: at, bound, words: words.slice(at, first).map((x) => x.text).join(' ') };
  }
  if (words[first - 1]?.text === '~') return { first: first - 1, bound: 'approximate', words: '~' };
  return undefined;
}
