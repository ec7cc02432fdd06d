/**
 * Wordings a statement lists as restating it (`supports`) or turning it around (`contradicts`),
 * found in a stretch of a sentence by their lemmas: "strengthen" is found in "strengthened",
 * "deputy chiefs" in "their deputy chiefs", and determiners and possessives may stand between
 * the words of a wording ("strengthened its leverage" holds "strengthen leverage").
 *
 * A wording the sentence sets aside ("not out of solidarity", "rather than an alliance", "more
 * than any special fondness") is not asserted, and is reported as such.
 */

import { americanSpelling, singular, VERB_FORMS } from '../reading/lexicon.js';
import type { Reading } from '../reading/reading.js';
import type { Word } from '../reading/words.js';
import { fold, tokenize } from '../text/tokens.js';
import { pastTense } from '../claims/affirm.js';

export interface TermHit {
  readonly term: string;
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  /** Set aside by the sentence: negated, or on the far side of "rather than" / "more than". */
  readonly setAside: boolean;
}

/** The lemma-like forms of a wording's word, to compare with a draft word's norm and lemma. */
function forms(word: string): Set<string> {
  const w = americanSpelling(fold(word));
  const out = new Set([w, singular(w)]);
  const verb = VERB_FORMS.get(w);
  if (verb) out.add(verb);
  return out;
}

const SKIPPABLE = new Set(['DET', 'PPOSS', 'POSS']);
const ASIDE_BEFORE = [['rather', 'than'], ['instead', 'of'], ['more', 'than'], ['not'], ['no'], ['never'], ['nt'], ['than'], ['without']];

const compiled = new Map<string, Array<Set<string>>>();

function compile(term: string): Array<Set<string>> {
  let c = compiled.get(term);
  if (!c) {
    c = tokenize(term).map((t) => forms(t.norm));
    compiled.set(term, c);
  }
  return c;
}

/** The wordings of `terms` found among words [from, to], longest first where they overlap. */
export function findTerms(r: Reading, terms: readonly string[], from = 0, to = r.words.length - 1): TermHit[] {
  const hits: TermHit[] = [];
  // Most wordings share no word with the sentence: they are set aside before any scan.
  const present = formsOf(r);
  const possible = terms.filter((t) => compile(t).every((part) => someIn(part, present)));
  if (possible.length === 0) return hits;
  const sorted = possible.sort((a, b) => compile(b).length - compile(a).length);
  const taken = new Set<number>();
  for (const term of sorted) {
    const parts = compile(term);
    if (parts.length === 0) continue;
    for (let k = from; k <= to; k++) {
      const end = matchAt(r.words, parts, k, to);
      if (end === undefined) continue;
      let overlaps = false;
      for (let j = k; j <= end; j++) if (taken.has(j)) overlaps = true;
      if (overlaps) continue;
      for (let j = k; j <= end; j++) taken.add(j);
      hits.push({ term, first: k, last: end, start: r.words[k]!.start, end: r.words[end]!.end, setAside: setAside(r, k) });
    }
  }
  return hits.sort((a, b) => a.first - b.first);
}

function someIn(forms: ReadonlySet<string>, present: ReadonlySet<string>): boolean {
  for (const f of forms) if (present.has(f)) return true;
  return false;
}

const sentenceForms = new WeakMap<Reading, ReadonlySet<string>>();

/** Every form a word of the sentence can match: its norm, lemma and singular. */
function formsOf(r: Reading): ReadonlySet<string> {
  let out = sentenceForms.get(r);
  if (!out) {
    const forms = new Set<string>();
    for (const w of r.words) forms.add(w.norm).add(w.lemma).add(singular(w.norm));
    sentenceForms.set(r, forms);
    out = forms;
  }
  return out;
}

function matches(w: Word, part: Set<string>): boolean {
  return part.has(w.norm) || part.has(w.lemma) || part.has(singular(w.norm));
}

function matchAt(words: readonly Word[], parts: ReadonlyArray<Set<string>>, k: number, to: number): number | undefined {
  let j = k;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      j++;
      // "-" inside a compound is part of the wording ("full-size"); determiners may stand between words.
      while (j <= to && (words[j]!.text === '-' || (SKIPPABLE.has(words[j]!.tag) && !matches(words[j]!, parts[p]!)))) j++;
    }
    if (j > to || !matches(words[j]!, parts[p]!)) return undefined;
  }
  return j;
}

/** Whether the words just before `k` set the wording aside, or its clause's verb is negated. */
function setAside(r: Reading, k: number): boolean {
  for (const before of ASIDE_BEFORE) {
    const at = k - before.length;
    if (at < 0) continue;
    let ok = true;
    for (let i = 0; i < before.length; i++) {
      const w = r.words[at + i]!;
      if (w.norm !== before[i] && !(before[i] === 'nt' && w.tag === 'NEG')) ok = false;
    }
    if (ok) return true;
    // One determiner may stand between: "rather than a comprehensive alliance".
    if (at - 1 >= 0 && SKIPPABLE.has(r.words[k - 1]!.tag)) {
      let ok2 = true;
      for (let i = 0; i < before.length; i++) if (r.words[at - 1 + i]!.norm !== before[i]) ok2 = false;
      if (ok2) return true;
    }
  }
  const clause = r.clauseOf[k];
  return r.verbs.some((v) => v.negation !== undefined && r.clauseOf[v.first] === clause && v.first < k);
}

/** A wording written in the form of the draft's word it replaces: "minimize" for "strengthened" is "minimized". */
export function inflectLike(replacement: string, written: Word): string {
  const words = replacement.split(' ');
  if (words.length !== 1) return replacement;
  const verb = VERB_FORMS.get(fold(replacement));
  if (!verb) return replacement;
  if (written.form === 'past-or-participle' || written.form === 'participle' || written.form === 'past') return pastTense(verb);
  if (written.form === 'third') return verb.endsWith('e') ? `${verb}s` : /(?:s|sh|ch|x|z)$/.test(verb) ? `${verb}es` : `${verb}s`;
  if (written.form === 'gerund') return verb.endsWith('e') ? `${verb.slice(0, -1)}ing` : `${verb}ing`;
  return replacement;
}
