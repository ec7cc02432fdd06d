/**
 * The reading of a sentence, computed once and shared by every check (as spaCy's `Doc` is
 * shared by its pipeline's components): the words with their tags and lemmas, typed spans
 * (names linked to the base or not, titles, dates, figures, quotations), noun phrases and verb
 * groups, and clauses. Checks read this; none of them re-tokenises or re-scans the raw text.
 *
 * Every step is a single left-to-right pass over the sentence's words (or a pass over the spans
 * found in it), so a reading costs time in proportion to the sentence's length.
 */

import type { Mention } from '../entities/matcher.js';
import { findClauses, type Clause } from './clauses.js';
import { findDates, type DateSpan } from './dates.js';
import { findNames, type Name, type NameContext } from './names.js';
import { findPhrases, type NounPhrase, type VerbGroup } from './phrases.js';
import { findQuantities, type QuantitySpan } from './quantities.js';
import type { QuoteSpan } from './quotes.js';
import { findTitles, type Title } from './titles.js';
import { readWords, type Word } from './words.js';

import type { BlockKind } from '../markdown/parse.js';

export type { BlockKind };

export interface Reading {
  /** The whole block's text. */
  readonly text: string;
  /** This sentence's range in `text`. */
  readonly start: number;
  readonly end: number;
  readonly words: readonly Word[];
  readonly names: readonly Name[];
  readonly titles: readonly Title[];
  readonly dates: readonly DateSpan[];
  readonly quantities: readonly QuantitySpan[];
  /** The block's quotations that overlap this sentence. */
  readonly quotes: readonly QuoteSpan[];
  readonly phrases: readonly NounPhrase[];
  readonly verbs: readonly VerbGroup[];
  readonly clauses: readonly Clause[];
  /** The clause of each word. */
  readonly clauseOf: readonly number[];
  readonly blockKind: BlockKind;
  /** The word at a block index, if a word starts or lies there. */
  wordAt(index: number): Word | undefined;
  /** The phrase a word belongs to. */
  phraseOf(k: number): NounPhrase | undefined;
  /** The verb group a word belongs to. */
  verbOf(k: number): VerbGroup | undefined;
}

export interface SentenceInput {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The matcher's mentions in this sentence, all of them (ambiguous ones too). */
  readonly mentions: readonly Mention[];
  readonly quotes: readonly QuoteSpan[];
  readonly blockKind: BlockKind;
}

export function readSentence(input: SentenceInput, context: NameContext): Reading {
  const { text, start, end } = input;
  const words: Word[] = readWords(text, start, end);
  const titleCase = input.blockKind === 'heading' && isTitleCase(words);
  const titles = findTitles(words);
  const names = findNames(words, input.mentions, titles, titleCase ? { ...context, titleCase } : context);
  nominalAfterDemonyms(words, names);
  // A word of a name is a proper noun, whatever its shape made the tagger think ("Rouhani met").
  for (const n of names) if (n.demonymOf === undefined) for (let k = n.first; k <= n.last; k++) if (words[k]!.tag === 'NOUN') words[k]!.tag = 'PROPN';
  const nameAt = indexBy(words.length, names);
  const inName = coverage(words.length, names);
  const dates = findDates(words).filter((d) => !overlaps(inName, d.first, d.last));
  const inDate = coverage(words.length, dates);
  const quantities = findQuantities(words, text, (a, b) => overlaps(inName, a, b) || overlaps(inDate, a, b));
  const titleAt = indexBy(words.length, titles.filter((t) => !overlaps(inName, t.first, t.last)));
  const dateAt = indexBy(words.length, dates);
  const quantityAt = indexBy(words.length, quantities);
  const { phrases, verbs } = findPhrases(words, {
    nameAt: (k) => nameAt[k],
    dateAt: (k) => dateAt[k],
    quantityAt: (k) => quantityAt[k],
    titleAt: (k) => titleAt[k],
  });
  const { clauses, clauseOf } = findClauses(words, phrases, verbs);
  const phraseOfWord = new Array<NounPhrase | undefined>(words.length);
  for (const p of phrases) {
    for (let k = p.first; k <= p.last; k++) phraseOfWord[k] = p;
  }
  const verbOfWord = new Array<VerbGroup | undefined>(words.length);
  for (const v of verbs) for (let k = v.first; k <= v.last; k++) verbOfWord[k] = v;
  const quotes = input.quotes.filter((q) => q.open < end && q.close >= start);
  return {
    text,
    start,
    end,
    words,
    names,
    titles,
    dates,
    quantities,
    quotes,
    phrases,
    verbs,
    clauses,
    clauseOf,
    blockKind: input.blockKind,
    wordAt: (index) => wordAt(words, index),
    phraseOf: (k) => phraseOfWord[k],
    verbOf: (k) => verbOfWord[k],
  };
}

/**
 * A demonym is an adjective: the verb-looking word after it is a noun ("a Chinese design",
 * "the Iranian version"). Tagging could not know this before the names were found.
 */
function nominalAfterDemonyms(words: Word[], names: readonly Name[]): void {
  for (const n of names) {
    const next = words[n.last + 1];
    if (!next || next.tag !== 'VERB' || next.joined) continue;
    if (n.demonymOf !== undefined) {
      if (next.form === 'base' || next.form === 'third') nominal(next);
      continue;
    }
    // A verb's base form cannot follow a singular name as its subject ("the ONI report", "a
    // 2017 Defense Intelligence Agency report found"): it is the head of the name's phrase,
    // when a determiner opens the phrase or a finite verb follows.
    if (next.form !== 'base') continue;
    const opener = words[n.first - 1];
    const after = words[n.last + 2];
    const determined = opener !== undefined && (opener.tag === 'DET' || opener.tag === 'NUM' || opener.tag === 'POSS' || opener.tag === 'PPOSS');
    const finiteAfter = after !== undefined && (after.tag === 'VERB' || after.tag === 'AUX') && after.form !== 'base';
    const coordinated = words[n.first - 1]?.norm === 'and';
    if ((determined || finiteAfter || (after?.tag === 'PUNCT' && opener?.tag !== 'CONJ')) && !coordinated) nominal(next);
  }
}

function nominal(w: Word): void {
  w.tag = 'NOUN';
  w.form = undefined;
}

/** A heading in title case ("Khamenei's 1991 Pyongyang Visit Set The Tone"). */
function isTitleCase(words: readonly Word[]): boolean {
  let letters = 0;
  let capitals = 0;
  for (const w of words) {
    if (!/^\p{L}/u.test(w.text) || w.text.length < 4) continue;
    letters++;
    if (w.cap) capitals++;
  }
  return letters >= 4 && capitals / letters > 0.7;
}

interface Ranged {
  readonly first: number;
  readonly last: number;
}

function indexBy<T extends Ranged>(length: number, spans: readonly T[]): Array<T | undefined> {
  const out = new Array<T | undefined>(length);
  for (const s of spans) out[s.first] ??= s;
  return out;
}

function coverage(length: number, spans: readonly Ranged[]): boolean[] {
  const out = new Array<boolean>(length).fill(false);
  for (const s of spans) for (let k = s.first; k <= s.last; k++) out[k] = true;
  return out;
}

function overlaps(covered: readonly boolean[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (covered[k]) return true;
  return false;
}

/** Binary search for the word at a block index. */
function wordAt(words: readonly Word[], index: number): Word | undefined {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid]!;
    if (index < w.start) hi = mid - 1;
    else if (index >= w.end) lo = mid + 1;
    else return w;
  }
  return undefined;
}
