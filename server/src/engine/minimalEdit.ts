/**
 * The smallest honest edit: a check says "these words should read so" for a whole claim (a
 * two-line quotation, say), and the writer should see, and the fix should touch, only the words
 * that differ. `minimalEdit` narrows a replacement to what lies between the longest common
 * prefix and suffix of whole words, so that "…the USA’s hostility toward both…" corrected to
 * "…the USA’s enmity toward both…" underlines "hostility" and replaces it with "enmity". The
 * draft's own line breaks and spacing outside the changed words are never touched (so `--fix`
 * never re-wraps a paragraph); inside them, the draft's line breaks are kept when the words
 * change one for one.
 *
 * Also the words of a fix's title: `fixTitle` says what changes, `Correct "hostility" to
 * "enmity"`, shortened in the middle, at a word, when the words are long.
 */

/** A replacement of `[start, end)` of the old text by `newText`. */
export interface NarrowEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

interface Piece {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Whitespace between words: equal to any other whitespace, since it only says "a break here". */
  readonly space: boolean;
}

/** Words (letters and digits, with inner apostrophes, hyphens and stops: "USA’s", "Nodong-1", "U.S"), single other characters, and runs of whitespace. */
const PIECE = /\s+|[\p{L}\p{N}\p{M}]+(?:['’.\u2010\u2011-][\p{L}\p{N}\p{M}]+)*|[^\s]/gu;

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const m of text.matchAll(PIECE)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, space: /^\s/.test(m[0]) });
  }
  return out;
}

function same(a: Piece, b: Piece): boolean {
  return a.space ? b.space : a.text === b.text;
}

/**
 * The part of `oldText` to replace, and with what, so that the result reads `newText` (up to
 * whitespace inside the changed words) while touching only the whole words that differ.
 *
 * Narrowed only when the correction keeps words on both sides of a change of words for words:
 * a correction that changes the first or the last of the check's words ("some 500" to "some
 * 300", "July 2018" to "August 2018") corrects a phrase the check chose as a whole, and one that
 * only adds or drops words has no words of its own to underline; both are left as they are.
 */
export function minimalEdit(oldText: string, newText: string): NarrowEdit {
  const whole: NarrowEdit = { start: 0, end: oldText.length, newText };
  const a = pieces(oldText);
  const b = pieces(newText);
  let p = 0;
  while (p < a.length && p < b.length && same(a[p]!, b[p]!)) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && same(a[a.length - 1 - s]!, b[b.length - 1 - s]!)) s++;
  const old = a.slice(p, a.length - s);
  const next = b.slice(p, b.length - s);
  if (p === 0 || s === 0 || old.length === 0 || next.length === 0) return whole;
  // The kept words end and start at a space or a sign, so the change is whole words.
  if ([old[0]!, old.at(-1)!, next[0]!, next.at(-1)!].some((x) => x.space)) return whole;
  return { start: old[0]!.start, end: old.at(-1)!.end, newText: keepBreaks(old, next, newText) };
}

/**
 * The new words with the draft's own whitespace between them when the words change one for
 * one, so that a changed run that spans a line break still breaks where the draft did.
 */
function keepBreaks(old: readonly Piece[], next: readonly Piece[], newText: string): string {
  const text = newText.slice(next[0]!.start, next[next.length - 1]!.end);
  if (old.length !== next.length || old.some((x, i) => x.space !== next[i]!.space)) return text;
  return next.map((x, i) => (x.space ? old[i]!.text : x.text)).join('');
}

/** Titles show at most this many characters of each side. */
const MAX_SHOWN = 40;

/** `Correct "hostility" to "enmity"`: the words that go and the words that come, each on one line and short. */
export function fixTitle(oldWords: string, newWords: string): string {
  return `Correct "${shorten(oldWords)}" to "${shorten(newWords)}"`;
}

/**
 * Whitespace folded to single spaces, and a long text shortened in its middle at word
 * boundaries: "Among the reasons why … both our countries".
 */
export function shorten(text: string, max = MAX_SHOWN): string {
  const flat = oneLine(text);
  if (flat.length <= max) return flat;
  const words = flat.split(' ');
  const half = Math.floor((max - 3) / 2);
  const head: string[] = [];
  let headLength = 0;
  while (head.length < words.length && headLength + words[head.length]!.length + (head.length ? 1 : 0) <= half) {
    headLength += words[head.length]!.length + (head.length ? 1 : 0);
    head.push(words[head.length]!);
  }
  const tail: string[] = [];
  let tailLength = 0;
  while (head.length + tail.length < words.length) {
    const next = words[words.length - 1 - tail.length]!;
    if (tailLength + next.length + (tail.length ? 1 : 0) > half) break;
    tailLength += next.length + (tail.length ? 1 : 0);
    tail.unshift(next);
  }
  // One very long word: cut it, since there is no boundary to cut at.
  if (head.length === 0 && tail.length === 0) return `${flat.slice(0, max - 1)}…`;
  return [...head, '…', ...tail].join(' ');
}

/** Whitespace, the draft's hard line breaks included, folded to single spaces. */
export function oneLine(text: string): string {
  // Most messages are one line already: they are only scanned, not copied.
  return /\s\s|[^\S ]|^ | $/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
