/**
 * Noun phrases and verb groups: the units that claims are built from. "North Korea's Nodong-1
 * missile" is one noun phrase whose owner is "North Korea" and whose referent is the Nodong-1;
 * "is reportedly based" is one verb group (the lemma "base", passive, hedged).
 *
 * Phrases are found in one left-to-right pass over the tagged words and the spans on them
 * (names, dates, figures, titles): a span is never split, a possessive "'s" closes a phrase and
 * makes it the owner of the next one, and a phrase ends at the first word that cannot be inside
 * one (a finite verb, a preposition, a conjunction, punctuation).
 */

import type { DateSpan } from './dates.js';
import type { Name } from './names.js';
import type { QuantitySpan } from './quantities.js';
import { OCCUPATION_HEADS, TITLE_HEADS, type Title } from './titles.js';
import type { Word } from './words.js';

export interface NounPhrase {
  /** Word indices, inclusive, including the owner. */
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  /** The head word (the last nominal word). */
  readonly head: Word;
  /** The head's lemma, or the name's text when a name is the head. */
  readonly headLemma: string;
  readonly determiner?: Word;
  /** "the", "this", a possessive: the phrase refers to something already known. */
  readonly definite: boolean;
  /** The possessor: "Iran's" in "Iran's version". */
  readonly owner?: NounPhrase;
  /** Names inside the phrase (not the owner's), demonyms included. */
  readonly names: readonly Name[];
  /** The name the phrase picks out, if any: "Nodong-1" in "North Korea's Nodong-1 missile". */
  readonly referent?: Name;
  /** Demonyms among the modifiers: "North Korean" in "the North Korean firm". */
  readonly demonyms: readonly Name[];
  readonly date?: DateSpan;
  readonly quantity?: QuantitySpan;
  readonly title?: Title;
  /** A pronoun standing for a phrase: "he", "it", "its" (as owner). */
  readonly pronoun?: Word;
  /** Words between the determiner and the head that are not names (modifiers): lemmas. */
  readonly modifiers: readonly string[];
}

export interface VerbGroup {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  /** The main verb's lemma ("be" for a bare copula). */
  readonly lemma: string;
  /** The main verb word. */
  readonly verb: Word;
  readonly passive: boolean;
  /** "not", "never", "n't" inside the group. */
  readonly negation?: Word;
  readonly modal?: Word;
  /** A copula: "is", "was", "remains", "appears to be". */
  readonly copula: boolean;
  /** "appears to", "seems to", "reportedly": the claim is softened. */
  readonly hedge?: Word;
}

export interface SpanIndex {
  /** The span that starts at a word, if any. */
  nameAt(k: number): Name | undefined;
  dateAt(k: number): DateSpan | undefined;
  quantityAt(k: number): QuantitySpan | undefined;
  titleAt(k: number): Title | undefined;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const OPENS_PHRASE = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'ADV']);
/**
 * Verbs of more than one word, read as one: "took place" is "occur", "came to an end" is
 * "end", "broke out" is "erupt", "held talks" is "meet", "pulled out of" is "withdraw".
 */
const MULTIWORD: Readonly<Record<string, ReadonlyArray<{ readonly words: readonly string[]; readonly lemma: string }>>> = {
  take: [{ words: ['place'], lemma: 'occur' }],
  come: [{ words: ['to', 'an', 'end'], lemma: 'end' }, { words: ['to', 'a', 'close'], lemma: 'end' }, { words: ['to', 'power'], lemma: 'rise' }],
  draw: [{ words: ['to', 'a', 'close'], lemma: 'end' }],
  wind: [{ words: ['down'], lemma: 'end' }],
  break: [{ words: ['out'], lemma: 'erupt' }],
  hold: [{ words: ['talks'], lemma: 'meet' }],
  pull: [{ words: ['out'], lemma: 'withdraw' }],
  set: [{ words: ['up'], lemma: 'establish' }],
  sit: [{ words: ['down'], lemma: 'meet' }],
};
const COPULAS = new Set(['be', 'remain', 'become', 'stay', 'grow']);
const HEDGE_VERBS = new Set(['appear', 'seem', 'look']);
/** Nouns of acts whose names before them are participants, not what the phrase names. */
const EVENT_HEADS = new Set(['meeting', 'visit', 'trip', 'tour', 'talks', 'reception', 'journey', 'sale', 'deal', 'encounter', 'stay', 'ride']);
/**
 * Verbs that take another verb and say it happened: "kept courting", "began visiting", "managed
 * to visit". Verbs that do not ("tried to", "planned to", "stopped") are left as they are.
 */
const CATENATIVES = new Set(['keep', 'continue', 'begin', 'start', 'manage', 'resume']);
const HEDGE_ADVERBS = new Set(['reportedly', 'allegedly', 'apparently', 'reputedly', 'supposedly', 'effectively', 'probably', 'possibly', 'likely', 'seemingly', 'purportedly']);

/** The noun phrases and verb groups of a sentence, in order. */
export function findPhrases(words: readonly Word[], spans: SpanIndex): { phrases: NounPhrase[]; verbs: VerbGroup[] } {
  const phrases: NounPhrase[] = [];
  const verbs: VerbGroup[] = [];
  let owner: NounPhrase | undefined;
  for (let k = 0; k < words.length; ) {
    const verb = verbGroupAt(words, k);
    if (verb) {
      verbs.push(verb);
      owner = undefined;
      k = verb.last + 1;
      continue;
    }
    const np = phraseAt(words, k, spans, owner);
    if (!np) {
      owner = undefined;
      k++;
      continue;
    }
    const poss = words[np.last + 1];
    if (poss && (poss.tag === 'POSS' || (poss.text === "'" || poss.text === '’') && /s$/.test(words[np.last]!.norm) && poss.joined && words[np.last + 2] && NOMINAL.has(words[np.last + 2]!.tag))) {
      owner = np;
      k = np.last + 2;
      continue;
    }
    if (np.pronoun && np.pronoun.tag === 'PPOSS') {
      owner = np;
      k = np.last + 1;
      continue;
    }
    phrases.push(np);
    owner = undefined;
    k = np.last + 1;
  }
  // An owner left without a phrase after it ("the country's", "Iran's" at the end) is a phrase itself.
  if (owner) phrases.push(owner);
  return { phrases, verbs };
}

function phraseAt(words: readonly Word[], k: number, spans: SpanIndex, owner: NounPhrase | undefined): NounPhrase | undefined {
  const w = words[k]!;
  if (w.tag === 'PRON' || w.tag === 'PPOSS') {
    if (owner) return undefined;
    return phrase(k, k, w.start, w, w.norm, true, [], [], [], noOptional(w));
  }
  // Only a determiner, a nominal word, an adverb of degree, a joined mark or a span can open a
  // phrase: most other words are let go here, before anything is allocated for them.
  if (!OPENS_PHRASE.has(w.tag) && w.text !== '-' && w.text !== '/' && !spans.nameAt(k) && !spans.dateAt(k) && !spans.quantityAt(k) && !spans.titleAt(k)) return undefined;
  let j = k;
  let determiner: Word | undefined;
  // "some 300 advisers": the figure's bound word is no determiner of its own.
  if (w.tag === 'DET' && !spans.quantityAt(k)) {
    determiner = w;
    j++;
  }
  const names: Name[] = [];
  let date: DateSpan | undefined;
  let quantity: QuantitySpan | undefined;
  let title: Title | undefined;
  let last = -1;
  let headName: Name | undefined;
  const modifiers: string[] = [];
  for (; j < words.length; ) {
    const x = words[j]!;
    const name = spans.nameAt(j);
    // A place's name followed by another name are two phrases: "sold Iran torpedo/missile boats".
    if (name && headName && last === headName.last && headName.kinds.has('place') && headName.kinds.size === 1 && !name.kinds.has('office') && name.demonymOf === undefined && !determiner) break;
    if (name) {
      names.push(name);
      headName = name;
      last = name.last;
      j = name.last + 1;
      continue;
    }
    const d = spans.dateAt(j);
    if (d) {
      date = d;
      last = d.last;
      j = d.last + 1;
      headName = undefined;
      // A phrase that is a date ("in 1986") ends with it, unless a noun follows ("1989 visit").
      if (d.first === k && words[j]?.tag !== 'NOUN') break;
      continue;
    }
    const q = spans.quantityAt(j);
    // A figure after a name starts a phrase of its own: "sold Iran more than $1 billion".
    if (q && headName && last === headName.last) break;
    if (q && !quantity) {
      quantity = q;
      last = q.last;
      j = q.last + 1;
      headName = undefined;
      continue;
    }
    const t = spans.titleAt(j);
    if (t) {
      title = t;
      last = t.last;
      j = t.last + 1;
      headName = undefined;
      continue;
    }
    // An adjective after a name is said of it ("KOMID active in Iran"), not part of its phrase.
    if (x.tag === 'ADJ' && headName && last === headName.last && headName.demonymOf === undefined) break;
    if (NOMINAL.has(x.tag)) {
      modifiers.push(x.lemma);
      last = j;
      j++;
      headName = undefined;
      continue;
    }
    // "arms-dealing", "medium-range", "Russian-built", "torpedo/missile": joined compounds.
    if ((x.text === '-' || x.text === '/') && x.joined && last === j - 1 && words[j + 1]?.joined && /[\p{L}\d]/u.test(words[j + 1]!.text)) {
      const after = words[j + 1]!;
      const dateAfter = spans.dateAt(j + 1);
      if (dateAfter) break;
      // "the Rouhani-Ri meeting": a name after the hyphen is a name of the phrase.
      if (spans.nameAt(j + 1)) {
        j++;
        continue;
      }
      modifiers.push(after.lemma);
      last = j + 1;
      j += 2;
      headName = undefined;
      continue;
    }
    // "a very large", "an increasingly active": an adverb inside the phrase before a modifier.
    if (x.tag === 'ADV' && /ly$/.test(x.norm) && last < 0 && words[j + 1] && NOMINAL.has(words[j + 1]!.tag)) {
      j++;
      continue;
    }
    break;
  }
  if (last < 0) return undefined;
  const head = words[last]!;
  const demonyms = names.filter((n) => n.demonymOf !== undefined);
  // "a CIA analyst", "the State Department diplomat": a person's title or line of work after a
  // name makes the name a modifier; the phrase refers to the person.
  // "the Rouhani-Ri meeting", "Khamenei's Pyongyang visit": names before an act are its participants.
  const personHead = !headName && (TITLE_HEADS.has(head.norm) || OCCUPATION_HEADS.has(head.norm) || EVENT_HEADS.has(head.lemma));
  const referent = headName && headName.demonymOf === undefined ? headName : personHead ? undefined : [...names].reverse().find((n) => n.demonymOf === undefined && classNounsOnly(words, n.last + 1, last));
  const headLemma = headName ? headName.text : head.lemma;
  const definite = Boolean(owner) || (determiner !== undefined && ['the', 'this', 'that', 'these', 'those'].includes(determiner.norm));
  return phrase(owner ? owner.first : k, last, owner ? owner.start : words[k]!.start, head, headLemma, definite, names, demonyms, modifiers, {
    determiner, owner, referent, date, quantity, title, pronoun: undefined,
  });
}

/**
 * Every phrase has every field, in one order, absent ones undefined: the checks read phrases by
 * the thousand, and objects of one shape keep those reads fast (V8's inline caches stay
 * monomorphic instead of meeting a shape per combination of optional fields).
 */
function phrase(
  first: number, last: number, start: number, head: Word, headLemma: string, definite: boolean,
  names: readonly Name[], demonyms: readonly Name[], modifiers: readonly string[],
  optional: Pick<NounPhrase, 'determiner' | 'owner' | 'referent' | 'date' | 'quantity' | 'title' | 'pronoun'>,
): NounPhrase {
  return {
    first, last, start, end: head.end, head, headLemma,
    determiner: optional.determiner, definite, owner: optional.owner, names, referent: optional.referent, demonyms,
    date: optional.date, quantity: optional.quantity, title: optional.title, pronoun: optional.pronoun, modifiers,
  };
}

/** Whether only class words ("missile", "class", "submarine") stand between a name and the head. */
function classNounsOnly(words: readonly Word[], from: number, to: number): boolean {
  for (let j = from; j <= to; j++) {
    const w = words[j]!;
    if (w.tag !== 'NOUN' && w.tag !== 'ADJ' && w.text !== '-') return false;
  }
  return true;
}

function noOptional(pronoun?: Word): Parameters<typeof phrase>[9] {
  return { determiner: undefined, owner: undefined, referent: undefined, date: undefined, quantity: undefined, title: undefined, pronoun };
}


/** A verb group starting at `k`: auxiliaries, negation and adverbs, then the main verb. */
function verbGroupAt(words: readonly Word[], k: number): VerbGroup | undefined {
  const w = words[k]!;
  // "never said", "not once visited": a negation before the verb belongs to its group.
  const negationFirst = w.tag === 'NEG' && ['VERB', 'AUX', 'MODAL'].includes(words[k + 1]?.tag ?? '');
  if (w.tag !== 'AUX' && w.tag !== 'MODAL' && w.tag !== 'VERB' && !negationFirst) return undefined;
  // A participle or gerund after a noun without an auxiliary is a modifier, handled by phrases.
  let j = k;
  let negation: Word | undefined;
  let modal: Word | undefined;
  let hedge: Word | undefined;
  let be = false;
  let main: Word | undefined;
  let last = k;
  for (; j < words.length && j < k + 8; j++) {
    const x = words[j]!;
    if (x.tag === 'MODAL') {
      modal ??= x;
      last = j;
      continue;
    }
    if (x.tag === 'NEG') {
      negation ??= x;
      last = j;
      continue;
    }
    if (x.tag === 'ADV') {
      if (HEDGE_ADVERBS.has(x.norm)) hedge ??= x;
      // An adverb only belongs to the group when more of the group follows it.
      const next = words[j + 1];
      if (next && (next.tag === 'VERB' || next.tag === 'AUX' || next.tag === 'NEG' || next.tag === 'ADV')) continue;
      break;
    }
    if (x.tag === 'AUX') {
      if (x.lemma === 'be') be = true;
      main = x;
      last = j;
      continue;
    }
    if (x.tag === 'VERB') {
      main = x;
      last = j;
      // "appears to be", "seems to have", "looks to be".
      if (HEDGE_VERBS.has(x.lemma) && words[j + 1]?.tag === 'TO') {
        hedge ??= x;
        j++;
        last = j;
        continue;
      }
      // "kept quietly courting", "began visiting": the second verb is the act.
      if (CATENATIVES.has(x.lemma)) {
        let n = j + 1;
        while (words[n]?.tag === 'ADV') n++;
        if (words[n]?.tag === 'TO') n++;
        const then = words[n];
        if (then?.tag === 'VERB' && (then.form === 'gerund' || (then.form === 'base' && words[n - 1]?.tag === 'TO'))) {
          j = n - 1;
          continue;
        }
      }
      break;
    }
    if (x.tag === 'TO' && main && HEDGE_VERBS.has(main.lemma)) continue;
    break;
  }
  if (!main) return undefined;
  let lemma = main.lemma;
  for (const entry of MULTIWORD[main.lemma] ?? []) {
    if (entry.words.every((x, i) => words[last + 1 + i]?.norm === x)) {
      lemma = entry.lemma;
      last += entry.words.length;
      break;
    }
  }
  const passive = be && main.tag === 'VERB' && (main.form === 'participle' || main.form === 'past-or-participle');
  const copula = (main.tag === 'AUX' && main.lemma === 'be') || COPULAS.has(lemma);
  return {
    first: k,
    last,
    start: w.start,
    end: words[last]!.end,
    lemma,
    verb: main,
    passive,
    negation,
    modal,
    copula,
    hedge,
  };
}
