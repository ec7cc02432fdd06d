/**
 * Words of prose, for name matching and claim patterns. A token is a run of letters and digits;
 * everything else (spaces, hyphens, apostrophes, punctuation) separates tokens, which is what
 * makes "Shahab-3", "Shahab 3" and "Shahab‑3" the same two tokens and "North Korea's" the
 * tokens of "North Korea" followed by "s".
 */

export interface Token {
  /** Folded for comparison: lower case, no diacritics. */
  readonly norm: string;
  /** Start and end (exclusive) as UTF-16 indices into the text that was tokenized. */
  readonly start: number;
  readonly end: number;
  /** The token as written is all upper case (an acronym: "US", "ONI"). */
  readonly upper: boolean;
  /** The token as written starts with a capital letter or a digit. */
  readonly capital: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Lower case without diacritics: "P'yŏngyang" and "Pyongyang" fold alike ("yongyang"). */
export function fold(word: string): string {
  // Most words are plain ASCII, which has no marks to strip.
  return ASCII.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const ASCII = /^[ -~\t\n\r]*$/;

/**
 * Plain text: ASCII, the no-break space and the typographic marks writers use (dashes, curly
 * quotes, the ellipsis). None of these is a letter, a mark or a digit beyond ASCII's, so patterns
 * of ASCII classes find in it exactly what the Unicode patterns find, and much faster.
 */
// Control characters are plain too: they are neither letters nor digits in either pattern.
// eslint-disable-next-line no-control-regex
const PLAIN = /^[\x00-\x7f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/;

export function isPlain(text: string, start = 0, end = text.length): boolean {
  return PLAIN.test(start === 0 && end === text.length ? text : text.slice(start, end));
}

/** WORD, for plain text. */
const PLAIN_WORD = /[A-Za-z0-9]+/g;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const pattern = isPlain(text) ? PLAIN_WORD : WORD;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const raw = m[0];
    const shape = shapeOf(raw);
    out.push({ norm: shape.norm, start: m.index, end: m.index + raw.length, upper: shape.upper, capital: shape.capital });
  }
  return out;
}

type Shape = Pick<Token, 'norm' | 'upper' | 'capital'>;

// Every block is tokenized, and drafts repeat their words: each form is folded once. Bounded, so
// a draft of unique tokens cannot grow the cache without end.
const shapes = new Map<string, Shape>();

function shapeOf(raw: string): Shape {
  let shape = shapes.get(raw);
  if (shape === undefined) {
    shape = {
      norm: fold(raw),
      upper: raw.length > 1 && raw === raw.toUpperCase() && raw !== raw.toLowerCase(),
      capital: /^[\p{Lu}\p{Lt}\p{N}]/u.test(raw),
    };
    if (shapes.size >= 50_000) shapes.clear();
    shapes.set(raw, shape);
  }
  return shape;
}
