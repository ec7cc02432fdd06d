/**
 * The words of a verdict: where a claim rests in the sentence, how a recorded value is written
 * in the draft's style, and the words of a denial (with their affirmation, for the fix). Shared
 * by the checks, so that a fix reads the same whichever check makes it.
 */

import { affirm } from '../claims/affirm.js';
import type { FactBase } from '../factbase/factbase.js';
import type { Filler, FrameMatch } from '../frames/match.js';
import type { Reading } from '../reading/reading.js';
import { fold } from '../text/tokens.js';

/** The range from the first to the last of some ranges. */
export function spanOf(...parts: ReadonlyArray<{ readonly start: number; readonly end: number } | undefined>): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const p of parts) {
    if (!p) continue;
    start = Math.min(start, p.start);
    end = Math.max(end, p.end);
  }
  return { start, end };
}

/**
 * The recorded entity's name as the draft would write it in place of `written`: the alias that
 * keeps the draft's form ("Sang-O-class" → "Yono-class", "the Musudan" → "Nodong-1"), without a
 * class noun when the draft's phrase goes on with one ("Romeo-class submarine" keeps
 * "submarine").
 */
export function nameInStyle(base: FactBase, entity: string, written: string, nounAfter: boolean): string {
  const e = base.entities.get(entity);
  if (!e) return entity;
  const names = [e.name, ...e.aliases];
  const w = fold(written);
  const classSuffix = /[-\s]class$/.exec(w)?.[0];
  if (classSuffix) {
    const hit = names.find((n) => fold(n).endsWith(classSuffix));
    if (hit) return hit;
  }
  if (nounAfter) {
    // The shortest name that is not just the class noun again: "Yono-class" for "... submarine".
    const bare = names.filter((n) => !/\b(?:submarine|missile|boat|class)s?$/i.test(n) || /[-\s]class$/i.test(n));
    const shortest = bare.sort((a, b) => a.length - b.length).find((n) => n.length > 3 && !/^\p{Lu}{2,}$/u.test(n));
    if (shortest) return shortest;
  }
  return e.name;
}

/** Whether a noun follows a filler's name inside its phrase ("the Romeo-class submarine"). */
export function nounAfter(f: Filler): boolean {
  return f.name !== undefined && f.phrase.head.i > f.name.last;
}

/**
 * The words that deny a claim, from the negated verb group to the end of the trigger ("is not
 * based on", "did not end"), and the same words affirmed, when the affirmation is known.
 */
export function denialWords(r: Reading, m: FrameMatch): { start: number; end: number; replacement?: string } | undefined {
  if (!m.negation) return undefined;
  const start = m.verb ? m.verb.start : m.negation.start;
  let end = Math.max(m.verb?.end ?? m.negation.end, m.triggerStart < start ? m.negation.end : m.triggerEnd);
  // Take the unit's preposition along: "is not based on".
  const after = r.wordAt(end + 1) ?? r.words.find((w) => w.start > end);
  if (after && after.tag === 'PREP' && m.unit.prep?.includes(after.norm)) end = after.end;
  const positive = affirm(r.text.slice(start, end));
  return { start, end, ...(positive !== undefined && { replacement: positive }) };
}

/**
 * An edit that replaces [start, end) with `replacement`, taking a preceding "a" or "an" along
 * when the replacement needs the other one ("an Iranian" → "a North Korean").
 */
export function withArticle(r: Reading, start: number, end: number, replacement: string): { start: number; end: number; replacement: string } {
  const before = r.words.find((w) => w.end <= start && r.wordAt(w.end) === undefined && r.text.slice(w.end, start).trim() === '');
  if (!before || (before.norm !== 'a' && before.norm !== 'an')) return { start, end, replacement };
  const article = /^[aeiou]/i.test(replacement) && !/^(?:uni|eu|one|us\b|u\.s)/i.test(replacement) ? 'an' : 'a';
  if (article === before.norm) return { start, end, replacement };
  const written = before.text[0] === 'A' ? article[0]!.toUpperCase() + article.slice(1) : article;
  return { start: before.start, end, replacement: `${written}${r.text.slice(before.end, start)}${replacement}` };
}
