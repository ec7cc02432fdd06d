/**
 * Numbers as drafts write them: in digits ("300", "1,000,000,000", "1.2 billion") or in words
 * ("fourteen", "three hundred", "a billion", "two dozen"), and back again in the draft's own
 * style, so a correction reads like the sentence it corrects.
 *
 * Only cardinal numbers are read. A digit run glued to a word ("Shahab-3", "F-14", "3rd") is a
 * name or an ordinal, not a number, and is skipped.
 */

/** A number found in a text. Indices are into the text that was scanned. */
export interface NumberPhrase {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  /** How the draft wrote it. */
  readonly style: 'digits' | 'words';
  /** Digits with thousands separators: "1,000,000,000". */
  readonly commas: boolean;
  /** Digits followed by a scale word: "1.2 billion", "300 thousand". */
  readonly scaled: boolean;
  /** Words starting with "a": "a billion", "a dozen". */
  readonly article: boolean;
}

// Maps, not object literals: a word such as "constructor" must not find the object's prototype.
const SMALL: ReadonlyMap<string, number> = new Map(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
}));
const TENS: ReadonlyMap<string, number> = new Map(Object.entries({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}));
const SCALES: ReadonlyMap<string, number> = new Map(Object.entries({
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9,
}));
const SMALL_NAMES = [...SMALL.keys()];
/** The words a number in words can open with, in lower case, capitalized and in capitals. */
const OPENERS = new Set([...SMALL.keys(), ...TENS.keys(), 'a', 'an'].flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]));
const TENS_NAMES = [...TENS.keys()];

/**
 * Whether a word (folded) can open a number: digits, or a number word ("fourteen",
 * "twenty-five", "hundred", "dozen"). "a" opens one too ("a dozen"), but only before such a
 * word, so a text without either has no number.
 */
export function opensNumber(norm: string): boolean {
  const c = norm.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  const head = norm.includes('-') ? norm.slice(0, norm.indexOf('-')) : norm;
  return SMALL.has(head) || TENS.has(head) || SCALES.has(head) || head === 'hundred' || head === 'dozen';
}

/** Words and digit runs, with hyphenated words ("twenty-five") kept whole. */
const WORD = /[A-Za-z]+(?:-[A-Za-z]+)*|\d[\d,]*(?:\.\d+)?/g;

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The numbers in `text` between `from` and `to`, in order. "a" and "one" count only before
 * "hundred", a scale word or "dozen"; "and" only inside a number ("three hundred and fifty").
 */
export function findNumbers(text: string, from = 0, to = text.length): NumberPhrase[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    let raw = m[0];
    // "1,000," ends a clause: the trailing comma is punctuation.
    while (raw.endsWith(',')) raw = raw.slice(0, -1);
    if (m.index + raw.length > to) break;
    words.push({ text: raw, start: m.index, end: m.index + raw.length });
  }
  const out: NumberPhrase[] = [];
  for (let i = 0; i < words.length; ) {
    const found = readNumber(text, words, i);
    if (found) {
      out.push(found.phrase);
      i = found.next;
    } else i++;
  }
  return out;
}

function readNumber(text: string, words: readonly Word[], i: number): { phrase: NumberPhrase; next: number } | undefined {
  const first = words[i]!;
  if (/^\d/.test(first.text)) {
    // Digits glued to a letter or a hyphenated name are part of a name: "Shahab-3", "3rd". A
    // scale glued to money is a figure: "$1bn", "$500m".
    const before = text.slice(Math.max(0, first.start - 2), first.start);
    const glued = /^(bn|mn|m|k|tn)\b/i.exec(text.slice(first.end, first.end + 3));
    const money = /[$€£]$/.test(before);
    if (money && glued) {
      if (!/^\d+(?:\.\d+)?$/.test(first.text)) return undefined;
      const scale = { bn: 1e9, mn: 1e6, m: 1e6, k: 1e3, tn: 1e12 }[glued[1]!.toLowerCase() as 'bn' | 'mn' | 'm' | 'k' | 'tn'];
      const end = first.end + glued[1]!.length;
      const next = words.findIndex((w, k) => k > i && w.start >= end);
      return { phrase: { start: first.start, end, value: round(Number(first.text) * scale), style: 'digits', commas: false, scaled: true, article: false }, next: next < 0 ? words.length : next };
    }
    if (/[\p{L}\d][-‑–]?$/u.test(before) || /^[\p{L}]/u.test(text.slice(first.end, first.end + 1))) return undefined;
    if (!/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(first.text)) return undefined;
    let value = Number(first.text.replace(/,/g, ''));
    let end = first.end;
    let next = i + 1;
    const scale = words[next];
    const scaleValue = scale ? SCALES.get(scale.text.toLowerCase()) : undefined;
    if (scale && scaleValue !== undefined && /^\s*$/.test(text.slice(end, scale.start))) {
      value *= scaleValue;
      end = scale.end;
      next++;
    }
    return {
      phrase: { start: first.start, end, value: round(value), style: 'digits', commas: first.text.includes(','), scaled: next > i + 1, article: false },
      next,
    };
  }
  // A number in words starts with a number word or with "a" ("a dozen"): most words are neither,
  // which a look-up of the word as written (or of its part before a hyphen) tells without folding it.
  const dash = first.text.indexOf('-');
  if (!OPENERS.has(dash < 0 ? first.text : first.text.slice(0, dash))) return undefined;
  const opening = first.text.toLowerCase();
  if (opening !== 'a' && opening !== 'an' && wordValue(opening) === undefined) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  let article = false;
  let end = first.end;
  let j = i;
  for (; j < words.length; j++) {
    const w = words[j]!;
    if (j > i && !/^[\s-]*$/.test(text.slice(words[j - 1]!.end, w.start))) break;
    const lower = w.text.toLowerCase();
    const nextWord = words[j + 1]?.text.toLowerCase() ?? '';
    const multiplier = nextWord === 'hundred' || nextWord === 'dozen' || SCALES.has(nextWord);
    if ((lower === 'a' || lower === 'an') && !seen && multiplier && nextWord !== 'bn') {
      article = true;
      current = 1;
      continue;
    }
    if (lower === 'and' && seen && (SMALL.has(nextWord) || TENS.has(nextWord.split('-')[0] ?? ''))) continue;
    const small = wordValue(lower);
    if (small !== undefined) {
      current += small;
    } else if (lower === 'hundred' && (seen || article)) {
      current = (current || 1) * 100;
    } else if (lower === 'dozen' && (seen || article)) {
      current = (current || 1) * 12;
    } else if (SCALES.has(lower) && lower !== 'bn' && (seen || article)) {
      total += (current || 1) * SCALES.get(lower)!;
      current = 0;
    } else break;
    seen = true;
    end = w.end;
  }
  if (!seen) return undefined;
  // "one" alone is as often a pronoun as a number; it counts only before a noun the caller checks.
  return { phrase: { start: first.start, end, value: total + current, style: 'words', commas: false, scaled: false, article }, next: j };
}

/** The value of "fourteen", "ninety", "twenty-five"; undefined for other words. */
function wordValue(word: string): number | undefined {
  const value = SMALL.get(word) ?? TENS.get(word);
  if (value !== undefined || !word.includes('-')) return value;
  const [tens, unit, ...rest] = word.split('-');
  if (rest.length || tens === undefined || unit === undefined) return undefined;
  const t = TENS.get(tens);
  const u = SMALL.get(unit);
  return t !== undefined && u !== undefined && u > 0 && u < 10 ? t + u : undefined;
}

/** Parses a whole text as one number ("three hundred", "1,000,000,000", "1.2 billion"); undefined if it is not one. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const [n] = findNumbers(trimmed);
  return n && n.start === 0 && n.end === trimmed.length ? n.value : undefined;
}

/** A number in words: 14 → "fourteen", 300 → "three hundred", 1e9 → "one billion". Undefined for fractions. */
export function toWords(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 0 || value >= 1e15) return undefined;
  if (value < 20) return SMALL_NAMES[value];
  if (value < 100) {
    const tens = TENS_NAMES[Math.floor(value / 10) - 2]!;
    return value % 10 ? `${tens}-${SMALL_NAMES[value % 10]}` : tens;
  }
  if (value < 1000) {
    const rest = value % 100;
    return `${SMALL_NAMES[Math.floor(value / 100)]} hundred${rest ? ` ${toWords(rest)}` : ''}`;
  }
  for (const [name, scale] of [['trillion', 1e12], ['billion', 1e9], ['million', 1e6], ['thousand', 1e3]] as const) {
    if (value >= scale) {
      const rest = value % scale;
      return `${toWords(Math.floor(value / scale))} ${name}${rest ? ` ${toWords(rest)}` : ''}`;
    }
  }
  return undefined;
}

/**
 * `value` written the way `like` was written: words for words ("a billion" if the draft said
 * "a"), a scale word for scaled digits ("1 billion"), separators for separated digits.
 */
export function formatNumber(value: number, like: Pick<NumberPhrase, 'style' | 'commas' | 'scaled' | 'article'>): string {
  if (like.style === 'words') {
    const words = toWords(value);
    if (words !== undefined) return like.article ? words.replace(/^one (hundred|thousand|million|billion|trillion)\b/, 'a $1') : words;
  }
  if (like.scaled && value >= 1e3) {
    for (const [name, scale] of [['trillion', 1e12], ['billion', 1e9], ['million', 1e6], ['thousand', 1e3]] as const) {
      if (value >= scale) return `${round(value / scale)} ${name}`;
    }
  }
  if (like.commas || value >= 10000) return value.toLocaleString('en-US');
  return String(value);
}

/** Rounds away floating-point noise ("1.2 billion" is 1200000000, not 1199999999.9999998). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
