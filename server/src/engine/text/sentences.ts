/**
 * Sentence boundaries in a prose block. A claim never spans sentences, so checks look for a
 * subject and its predicate inside one. Abbreviations common in policy writing ("U.S.", "Gen.",
 * "Jr.") do not end a sentence.
 */

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'maj', 'capt', 'adm', 'sen', 'rep', 'gov', 'amb',
  'pres', 'prof', 'no', 'vs', 'etc', 'e.g', 'i.e', 'u.s', 'u.n', 'u.k', 'n', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'co', 'corp', 'approx', 'est',
]);

/** The first character after the white space at `lastIndex` (sticky: no copy of the rest of the text). */
const NEXT = /\s+(\S)/y;

/** [start, end) of each sentence in `text`. */
export function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Closing quotes, brackets, stray emphasis markers and footnote references (U+FFFC) may follow
  // the closing punctuation.
  const re = /[.!?…]+["”’')\]*_]*\uFFFC*(?=\s+|$)/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && isAbbreviation(text, m.index)) continue;
    // The next sentence must start like one: a capital, a digit or an opening quote.
    NEXT.lastIndex = end;
    const next = NEXT.exec(text);
    if (next && !/[\p{Lu}\p{N}"“‘'([\uFFFC*_]/u.test(next[1]!)) continue;
    if (text.slice(start, end).trim()) out.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim()) out.push([start, text.length]);
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  // Most sentences end after a word of lower-case letters that is no abbreviation; an abbreviation
  // ends in a letter, so a digit, a bracket or a quote before the dot settles it at once.
  const before = text.charCodeAt(dot - 1);
  if (!(before >= 97 && before <= 122) && !(before >= 65 && before <= 90) && before < 128) return false;
  // The letters and dots before the dot (at most 12 characters back): walked in ASCII, where
  // nearly all of them are; anything else goes to the Unicode pattern.
  let from = dot;
  let ascii = true;
  while (from > Math.max(0, dot - 12)) {
    const c = text.charCodeAt(from - 1);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46) from--;
    else {
      ascii = c < 128;
      break;
    }
  }
  const word = ascii ? (from < dot ? text.slice(from, dot).toLowerCase() : undefined) : /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1]?.toLowerCase();
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter before the dot is an initial ("Bruce E. Bechtol"), unless a hyphen
  // or a digit joins it to what comes before: "the Scud-C." ends a sentence.
  if (ascii) {
    // A capital with no letter before it: a letter outside ASCII before it would be a letter too.
    const c = text.charCodeAt(dot - 1);
    const b = dot >= 2 ? text.charCodeAt(dot - 2) : 32;
    if (!(c >= 65 && c <= 90)) return false;
    if (b < 128) return !((b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b === 45);
  }
  return /^\p{Lu}$/u.test(text.slice(dot - 1, dot)) && !/[\p{L}\p{N}\p{Pd}]/u.test(text.slice(dot - 2, dot - 1));
}
