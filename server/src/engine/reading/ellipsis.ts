/**
 * Gapping: a coordinated clause that leaves out the verb it shares with the clause before it,
 * a comma standing where the verb would be. "Iran's Shahab-3 is its version of the Nodong-1;
 * the Ghadir, of the Yono" says "the Ghadir is its version of the Yono"; "Iran's navy got its
 * Ghadir from the Yono; its missile force, the Shahab-3 from the Nodong-1" says "its missile
 * force got the Shahab-3 from the Nodong-1".
 *
 * The remnants are the new subject (before the comma) and what follows the verb (after it).
 * When that second remnant opens with a preposition, the gap is everything from the first
 * clause's verb up to the same preposition ("is its version" before "of"); otherwise it is the
 * verb group alone ("got"). The gapped clause is written out as a recast (recast.ts) and read
 * like any sentence.
 */

import type { VerbGroup } from './phrases.js';
import type { Reading } from './reading.js';
import { RecastBuilder, type Recast } from './recast.js';
import type { Word } from './words.js';

/** Words that join a gapped clause to the clause before it, after a semicolon or a comma. */
const JOINERS = new Set(['and', 'while', 'whereas', 'but']);

/** The gapped clauses of a sentence, written out; empty when it has none. */
export function gappedClauses(r: Reading): Recast[] {
  const out: Recast[] = [];
  const words = r.words;
  let clauseStart = 0;
  for (let s = 0; s < words.length; s++) {
    const w = words[s]!;
    const boundary = w.norm === ';' || (w.norm === ',' && JOINERS.has(words[s + 1]?.norm ?? ''));
    if (!boundary) continue;
    const recast = gapAfter(r, clauseStart, s);
    if (recast) out.push(recast);
    clauseStart = s + 1;
  }
  return out;
}

/** The clause after the boundary at word `s`, written out with the verb of the clause [from, s), if it is gapped. */
function gapAfter(r: Reading, from: number, s: number): Recast | undefined {
  const words = r.words;
  let open = s + 1;
  if (JOINERS.has(words[open]?.norm ?? '')) open++;
  // The gapped clause runs to the next boundary or the sentence's end, without closing punctuation.
  let close = open;
  while (close < words.length && words[close]!.norm !== ';' && !(words[close]!.norm === ',' && JOINERS.has(words[close + 1]?.norm ?? ''))) close++;
  while (close > open && isClosing(words[close - 1]!)) close--;
  // A gapped clause has no verb of its own. (Words are looked up, not verbs searched, so a long
  // run of clauses costs its length.)
  for (let k = open; k < close; k++) if (r.verbOf(k)) return undefined;
  const comma = indexOf(words, ',', open, close);
  if (comma <= open || comma >= close - 1) return undefined;
  // The first remnant is a new subject: a noun phrase, not an adverbial ("in return, oil").
  const subject = words[open]!;
  if (subject.tag === 'PREP' || subject.tag === 'ADV' || subject.tag === 'SUB' || subject.tag === 'CONJ') return undefined;
  if (indexOf(words, ',', comma + 1, close) >= 0) return undefined;
  let verb: VerbGroup | undefined;
  for (let k = from + 1; k < s && !verb; k++) verb = r.verbOf(k);
  if (!verb || verb.last >= s) return undefined;
  // The first clause needs a subject of its own for the parallel to hold.
  if (verb.first === from) return undefined;
  const rest = words[comma + 1]!;
  let gapEnd = verb.last;
  if (rest.tag === 'PREP') {
    const k = indexOf(words, rest.norm, verb.last + 1, s);
    if (k < 0) return undefined;
    gapEnd = k - 1;
  }
  const text = r.text;
  return new RecastBuilder()
    .piece(text, subject.start, words[comma - 1]!.end)
    .own(' ')
    .piece(text, words[verb.first]!.start, words[gapEnd]!.end)
    .own(' ')
    .piece(text, rest.start, words[close - 1]!.end)
    .own('.')
    .build();
}

function indexOf(words: readonly Word[], norm: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (words[k]!.norm === norm) return k;
  return -1;
}

function isClosing(w: Word): boolean {
  return w.norm === '.' || w.norm === '!' || w.norm === '?' || w.norm === ')' || w.norm === '"' || w.norm === '”';
}
