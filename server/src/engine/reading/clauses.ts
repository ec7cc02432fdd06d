/**
 * Clauses: which words of a sentence make one claim together. A claim's parts (its subject, its
 * verb, its object, its date) stand in one clause, so a date in "Khamenei, who later met Kim,
 * visited North Korea in 1989" belongs to the visit and not to the meeting.
 *
 * The splitter is a rule of punctuation and clause words, in one pass:
 * - semicolons, colons, dashes around an aside and parentheses always separate;
 * - a relative pronoun ("which", "who") opens a relative clause about the phrase before it;
 * - a subordinator ("when", "while", "although", "because", "if") or "after"/"before" followed
 *   by a verb opens a subordinate clause;
 * - "but", "while", "whereas", and "and" after a comma open a coordinate clause;
 * - "that" after a verb of saying or thinking ("argues that") opens a complement clause;
 * - a stretch between commas that is a noun phrase alone is an apposition of the phrase before
 *   it ("Kim Yong Nam, North Korea's premier, met..."); one that is a name and a verb of saying
 *   ("Oba notes") or "according to X" is an aside that says who stands behind the clause.
 */

import type { NounPhrase, VerbGroup } from './phrases.js';
import type { Word } from './words.js';

export type ClauseKind = 'main' | 'relative' | 'subordinate' | 'coordinate' | 'complement' | 'apposition' | 'aside';

export interface Clause {
  readonly index: number;
  readonly first: number;
  readonly last: number;
  readonly kind: ClauseKind;
  /** The word that opens it: "which", "when", "that", "but". */
  readonly marker?: Word;
  /** The clause it belongs to (for all but main clauses). */
  readonly parent?: number;
  /** For a relative clause or an apposition: the phrase it is about. */
  readonly antecedent?: NounPhrase;
}

/** Verbs whose "that" opens what someone said, thought or found. */
export const SAYING_VERBS = new Set(
  `say tell write argue note add declare warn estimate claim report insist recall conclude testify state observe assert
  announce quip explain indicate believe think find suggest show contend maintain acknowledge admit deny allege predict
  expect fear hope suspect assess charge point stress underscore emphasize reveal confirm concede reckon judge caution
  remark respond reply counter observe agree doubt know learn hear read understand`.split(/\s+/),
);

const SUBORDINATE_OPENERS = new Set(['when', 'while', 'whereas', 'although', 'though', 'because', 'if', 'unless', 'whether', 'once', 'whenever', 'since', 'until', 'as']);
const RELATIVE_OPENERS = new Set(['which', 'who', 'whom', 'whose']);

export interface ClauseReading {
  readonly clauses: readonly Clause[];
  /** The clause of each word. */
  readonly clauseOf: readonly number[];
}

/** Splits a sentence into clauses. */
export function findClauses(words: readonly Word[], phrases: readonly NounPhrase[], verbs: readonly VerbGroup[]): ClauseReading {
  const clauseOf = new Array<number>(words.length).fill(0);
  const clauses: Clause[] = [];
  // By word index: arrays, not maps, for what every word asks.
  const phraseEndingAt = new Array<NounPhrase | undefined>(words.length);
  for (const p of phrases) phraseEndingAt[p.last] = p;
  const inVerb = new Array<number>(words.length).fill(0);
  for (const v of verbs) for (let k = v.first; k <= v.last; k++) inVerb[k] = 1;

  const open = (first: number, kind: ClauseKind, marker?: Word, parent?: number, antecedent?: NounPhrase): number => {
    const index = clauses.length;
    // One shape for every clause (absent fields undefined): see NounPhrase.
    clauses.push({ index, first, last: first, kind, marker, parent, antecedent });
    return index;
  };
  let current = open(0, 'main');
  const stack: number[] = [];
  const lastPhraseBefore = (k: number): NounPhrase | undefined => {
    for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
      const p = phraseEndingAt[j];
      if (p) return p;
      if (words[j]!.tag !== 'PUNCT') return undefined;
    }
    return undefined;
  };
  const hasVerbAhead = (k: number, limit: number): boolean => {
    for (let j = k; j < words.length && j < k + limit; j++) {
      if (inVerb[j] === 1) return true;
      // "after the revolution that brought ...": a verb after a relative word is the relative clause's.
      if (words[j]!.text === ',' || words[j]!.text === ';' || words[j]!.tag === 'REL' || (words[j]!.norm === 'that' && j > k)) return false;
    }
    return false;
  };

  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const prev = words[k - 1];
    // An em dash sets off an aside whether or not spaces surround it ("Oba—formerly a diplomat—is");
    // a joined en dash is a range or a compound ("1980–1988", "Iran–Iraq").
    if (w.text === '(' || w.text === '—' || ((w.text === '–' || w.text === '--') && !w.joined)) {
      // An aside: it ends at the matching mark, and what follows goes on with the clause before it.
      const closing = w.text === '(' ? ')' : w.text;
      const end = findClosing(words, k + 1, closing);
      if (end !== undefined) {
        const aside = open(k, 'aside', w, current);
        for (let j = k; j <= end; j++) clauseOf[j] = aside;
        setLast(clauses, aside, end);
        k = end;
        continue;
      }
      current = open(k, 'coordinate', w, rootOf(clauses, current));
    } else if (w.text === ';' || (w.text === ':' && !/^\d/.test(words[k + 1]?.text ?? ''))) {
      current = open(k, 'coordinate', w, rootOf(clauses, current));
      stack.length = 0;
    } else if (RELATIVE_OPENERS.has(w.norm)) {
      const antecedent = lastPhraseBefore(k);
      stack.push(current);
      current = open(k, 'relative', w, current, antecedent);
    } else if (w.norm === 'that' && prev && inVerb[k - 1] === 1 && SAYING_VERBS.has(verbLemmaAt(verbs, k - 1) ?? '')) {
      stack.push(current);
      current = open(k, 'complement', w, current);
    } else if (w.norm === 'that' && lastPhraseBefore(k) && hasVerbAhead(k + 1, 6) && !(prev && inVerb[k - 1] === 1)) {
      stack.push(current);
      current = open(k, 'relative', w, current, lastPhraseBefore(k));
    } else if ((SUBORDINATE_OPENERS.has(w.norm) || ((w.norm === 'after' || w.norm === 'before') && hasVerbAhead(k + 1, 6))) && (w.tag === 'SUB' || w.norm === 'after' || w.norm === 'before' || w.norm === 'since' || w.norm === 'until' || w.norm === 'as') && hasVerbAhead(k + 1, 8)) {
      stack.push(current);
      current = open(k, 'subordinate', w, current);
    } else if ((w.norm === 'but' || w.norm === 'whereas' || w.norm === 'yet') || (w.norm === 'and' && prev?.text === ',' && hasVerbAhead(k + 1, 8))) {
      current = open(k, 'coordinate', w, rootOf(clauses, current));
      stack.length = 0;
    } else if (w.text === ',' && clauses[current]!.kind !== 'main' && clauses[current]!.kind !== 'coordinate') {
      // A comma closes a relative or subordinate clause when what follows does not go on with it.
      const next = words[k + 1];
      if (clauses[current]!.kind === 'relative' || clauses[current]!.kind === 'subordinate') {
        if (next && !RELATIVE_OPENERS.has(next.norm)) {
          clauseOf[k] = current;
          setLast(clauses, current, k);
          current = stack.pop() ?? current;
          continue;
        }
      }
    }
    clauseOf[k] = current;
    setLast(clauses, current, k);
  }
  return { clauses, clauseOf };
}

function verbLemmaAt(verbs: readonly VerbGroup[], k: number): string | undefined {
  for (const v of verbs) if (v.first <= k && k <= v.last) return v.lemma;
  return undefined;
}

function findClosing(words: readonly Word[], from: number, closing: string): number | undefined {
  for (let j = from; j < words.length && j < from + 40; j++) if (words[j]!.text === closing) return j;
  return undefined;
}

function rootOf(clauses: readonly Clause[], index: number): number {
  let c = clauses[index]!;
  while (c.parent !== undefined && c.kind !== 'coordinate') c = clauses[c.parent]!;
  return c.index;
}

function setLast(clauses: Clause[], index: number, last: number): void {
  // The clauses are this pass's own until it returns, so growing one in place is safe (and spares
  // a copy per word).
  const c = clauses[index] as { last: number };
  if (last > c.last) c.last = last;
}
