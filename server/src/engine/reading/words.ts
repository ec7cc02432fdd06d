/**
 * The words of a sentence with their part of speech and lemma: the first layer of a reading.
 * Words, numbers and punctuation are all tokens here (unlike text/tokens.ts, which keeps only
 * letters and digits for name matching), because commas, dashes and quote marks carry structure.
 *
 * Tagging is a lexicon lookup for the closed classes and the listed verbs, then a few rules of
 * English on the neighbours: after a determiner or a possessive a word is nominal ("the visit"),
 * after a subject or an auxiliary it is a verb ("Khamenei visits", "was visited"), "to" before a
 * verb is an infinitive marker. The tags only have to be good enough to find phrases and
 * clauses; names, dates and figures are recognised as spans on top of them.
 */

import { fold, isPlain } from '../text/tokens.js';
import {
  ADJECTIVES,
  ADVERBS,
  americanSpelling,
  AUXILIARIES,
  CONJUNCTIONS,
  DETERMINERS,
  LY_NOT_ADVERB,
  MODALS,
  NEGATIONS,
  NOUN_FIRST,
  POSSESSIVE_PRONOUNS,
  PREPOSITIONS,
  PRONOUNS,
  RELATIVES,
  singular,
  SUBORDINATORS,
  VERB_FORMS,
  WH_WORDS,
  type Tag,
} from './lexicon.js';

/** How a verb is inflected, as far as the form shows. */
export type VerbForm = 'base' | 'third' | 'past' | 'participle' | 'gerund' | 'past-or-participle';

export interface Word {
  /** Index among the sentence's words. */
  readonly i: number;
  /** As written. */
  readonly text: string;
  /** Folded: lower case, no diacritics. */
  readonly norm: string;
  /** Block indices. */
  readonly start: number;
  readonly end: number;
  tag: Tag;
  /** The dictionary form: "visited" → "visit", "submarines" → "submarine"; the norm otherwise. */
  lemma: string;
  form?: VerbForm;
  /** Starts with a capital letter. */
  readonly cap: boolean;
  /** All capitals, two letters or more: an acronym. */
  readonly upper: boolean;
  /** Nothing but white space or nothing at all stands between this word and the one before. */
  readonly joined: boolean;
  /** The first word of the sentence (after any opening punctuation or Markdown marks). */
  initial: boolean;
}

/**
 * Tokens: an abbreviation with dots ("U.S.", "U.N."), a number with separators ("1,000",
 * "1.2"), digits with letters ("1980s", "1bn", "3rd"), a word with "n't" split off, the possessive "'s", a letter-and-digit run, or one mark
 * of punctuation (a run for "..." and dashes).
 */
export const TOKEN = /(?:\p{Lu}\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?\p{L}+|\d+(?:\.\d+)?|[\p{L}\p{M}]+(?=n['’]t\b)|n['’]t\b|['’]s\b|[\p{L}\p{M}\p{N}]+|\.{2,}|[\u2013\u2014-]{2,}|[^\s\p{L}\p{M}\p{N}]/gu;

/**
 * The same tokens for plain text (see PLAIN): no Unicode property lookups, which cost most of a
 * sentence's tokenizing. A first alternative takes a whole run of letters that nothing else could
 * claim (no digit, apostrophe or dot after it), as the general pattern's last word alternative would.
 * @internal Exported for the test that holds the two patterns to the same tokens.
 */
export const PLAIN_TOKEN = /[A-Za-z]+(?![A-Za-z0-9'’.])|(?:[A-Z]\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?[A-Za-z]+|\d+(?:\.\d+)?|[A-Za-z]+(?=n['’]t\b)|n['’]t\b|['’]s\b|[A-Za-z0-9]+|\.{2,}|[\u2013\u2014-]{2,}|[^\sA-Za-z0-9]/g;

/** Tokenizes and tags the sentence [start, end) of a block's text. */
export function readWords(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  const pattern = isPlain(text, start, end) ? PLAIN_TOKEN : TOKEN;
  pattern.lastIndex = start;
  let previousEnd = start;
  let sentenceStart = true;
  for (let m = pattern.exec(text); m && m.index < end; m = pattern.exec(text)) {
    const raw = m[0];
    if (m.index + raw.length > end) break;
    let lexeme = lexemeOf(raw, false);
    // Only opening marks may come before the first word, which is read as a sentence's first.
    const initial = sentenceStart && lexeme.wordy;
    if (initial) {
      sentenceStart = false;
      lexeme = lexemeOf(raw, true);
    }
    const word: Word = {
      i: words.length,
      text: raw,
      norm: lexeme.norm,
      start: m.index,
      end: m.index + raw.length,
      tag: lexeme.tag,
      lemma: lexeme.lemma,
      cap: lexeme.cap,
      upper: lexeme.upper,
      joined: m.index === previousEnd,
      initial,
      // Every word has a form, undefined for most: words keep one shape (see NounPhrase's).
      form: lexeme.form,
    };
    words.push(word);
    previousEnd = m.index + raw.length;
  }
  for (const w of words) contextual(words, w);
  return words;
}

/** A word form out of context: its fold, its shape and its lexical tag. */
interface Lexeme {
  readonly norm: string;
  readonly cap: boolean;
  readonly upper: boolean;
  /** Holds a letter or a digit (a word, not a mark). */
  readonly wordy: boolean;
  readonly tag: Tag;
  readonly lemma: string;
  readonly form?: VerbForm;
}

// Drafts repeat their words (as all text does), so each form is analysed once, as spaCy keeps a
// lexeme per form in its vocabulary. A sentence's first word is analysed apart: a capital there
// says nothing of a name. Bounded, so a draft of unique tokens cannot grow the caches without end.
const lexemes = new Map<string, Lexeme>();
const initialLexemes = new Map<string, Lexeme>();
const LEXEME_LIMIT = 50_000;

function lexemeOf(raw: string, initial: boolean): Lexeme {
  const cache = initial ? initialLexemes : lexemes;
  let out = cache.get(raw);
  if (out === undefined) {
    const norm = fold(raw);
    const w: Word = {
      i: 0, text: raw, norm, start: 0, end: 0, tag: 'NOUN', lemma: norm,
      cap: /^[\p{Lu}\p{Lt}]/u.test(raw),
      upper: raw.length > 1 && /\p{L}/u.test(raw) && raw === raw.toUpperCase(),
      joined: false, initial,
    };
    lexical(w);
    out = { norm, cap: w.cap, upper: w.upper, wordy: /[\p{L}\p{N}]/u.test(raw), tag: w.tag, lemma: w.lemma, form: w.form };
    if (cache.size >= LEXEME_LIMIT) cache.clear();
    cache.set(raw, out);
  }
  return out;
}

const PUNCT = /^[^\p{L}\p{N}$%&/]+$/u;

/** The tag a word has out of context. */
function lexical(w: Word): void {
  const n = w.norm;
  if (/^\d/.test(n)) {
    if (/^\d+(?:st|nd|rd|th)$/.test(n)) w.tag = 'ADJ';
    else w.tag = /^\d+(?:[.,]\d+)*(?:s|bn|mn|m|k)?$/.test(n) ? 'NUM' : 'PROPN';
    return;
  }
  if (PUNCT.test(w.text)) {
    w.tag = 'PUNCT';
    return;
  }
  if (/^[$%&/€£¥]$/.test(w.text)) {
    w.tag = 'SYM';
    return;
  }
  if (n === "'s" || n === '’s') {
    w.tag = 'POSS';
    return;
  }
  if (n === "n't" || n === 'n’t') {
    w.tag = 'NEG';
    w.lemma = 'not';
    return;
  }
  // An acronym is a name, whatever word it spells: "US" is not "us", "IT" not "it".
  if (w.upper && w.text.length >= 2 && /^\p{Lu}+$/u.test(w.text) && !['I', 'A'].includes(w.text)) return set(w, 'PROPN', n);
  const aux = AUXILIARIES.get(n);
  if (aux) {
    w.tag = 'AUX';
    w.lemma = aux;
    return;
  }
  if (MODALS.has(n)) return set(w, 'MODAL');
  if (n === 'ca' || n === 'wo') return set(w, 'MODAL', n === 'ca' ? 'can' : 'will'); // ca|n't, wo|n't
  if (NEGATIONS.has(n)) return set(w, 'NEG');
  if (NUMBER_WORDS.has(n.split('-')[0]!)) return set(w, 'NUM');
  if (n === 'no' && !w.cap) return set(w, 'DET');
  if (DETERMINERS.has(n)) return set(w, 'DET');
  if (POSSESSIVE_PRONOUNS.has(n)) return set(w, 'PPOSS');
  if (RELATIVES.has(n)) return set(w, 'REL');
  if (PRONOUNS.has(n)) return set(w, 'PRON');
  if (WH_WORDS.has(n)) return set(w, 'WH');
  if (CONJUNCTIONS.has(n)) return set(w, 'CONJ');
  if (n === 'to') return set(w, 'PREP');
  if (SUBORDINATORS.has(n) && n !== 'as') return set(w, 'SUB');
  if (PREPOSITIONS.has(n) || n === 'as' || n === 'than') return set(w, 'PREP');
  if (ADVERBS.has(n)) return set(w, 'ADV');
  if (ADJECTIVES.has(n) && !w.cap) return set(w, 'ADJ');
  const american = americanSpelling(n);
  const verb = VERB_FORMS.get(american);
  if (verb) {
    w.tag = 'VERB';
    w.lemma = verb;
    w.form = formOf(american, verb);
    return;
  }
  if (/ly$/.test(n) && n.length > 4) return set(w, LY_NOT_ADVERB.has(n) ? 'ADJ' : 'ADV');
  if (w.cap && !w.initial) return set(w, 'PROPN', n);
  if (/(?:ed|ing)$/.test(n) && n.length > 5) {
    // An unlisted -ed or -ing word: a participle used as a modifier, or a verb; context decides.
    w.tag = 'ADJ';
    return;
  }
  // Suffixes that make adjectives: "conventional", "ballistic", "transactional", "nuclear".
  if (!w.cap && /(?:al|ic|ive|ous|ful|less|ary|ible|able|ar)$/.test(n) && n.length > 5 && !/(?:ial|ical)s$/.test(n)) return set(w, 'ADJ');
  w.tag = w.cap && w.initial ? 'PROPN' : 'NOUN';
  w.lemma = singular(american);
}

function set(w: Word, t: Tag, lemma = w.norm): void {
  w.tag = t;
  w.lemma = lemma;
}

function formOf(form: string, lemma: string): VerbForm {
  if (form === lemma) return 'base';
  if (form.endsWith('ing')) return 'gerund';
  if (form.endsWith('s') && !form.endsWith('ss')) return 'third';
  return 'past-or-participle';
}

const MONTH_NAMES = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));

/** Number words, which figures are made of. */
const NUMBER_WORDS = new Set('zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen'.split(' '));

/** Plural nouns that head compounds ("arms trade", "sanctions relief") rather than take a verb. */
const PLURAL_MODIFIERS = new Set(['arms', 'sanctions', 'goods', 'forces', 'affairs', 'news', 'talks', 'missiles', 'weapons', 'nuclear']);

/** Nominal words before which a word is read as a noun: "the visit", "his 1989 trip", "Iran's copy". */
const NOMINAL_BEFORE: ReadonlySet<Tag> = new Set(['DET', 'PPOSS', 'POSS', 'ADJ', 'NUM']);

function contextual(words: Word[], w: Word): void {
  const prev = previousWord(words, w.i);
  const next = words[w.i + 1];
  // A sentence-initial capital that is an ordinary word is that word: "Critics say", "Analysts recall".
  if (w.initial && w.tag === 'PROPN' && next && (next.tag === 'VERB' || next.tag === 'AUX' || next.tag === 'MODAL')) {
    w.tag = 'NOUN';
    w.lemma = singular(w.norm);
  }
  // After a determiner or a possessive a verb form is nominal: "a ride", "his visits", "the
  // revised figure" (a participle used as a modifier).
  // After a noun, though, a finite form is the phrase's verb: "the war ended", "the war ends".
  const afterDeterminer = prev !== undefined && (prev.tag === 'DET' || prev.tag === 'PPOSS' || prev.tag === 'POSS' || (prev.tag === 'NUM' && !/^\d{4}$/.test(prev.text)));
  // A plural subject takes the base form: "the two nations date from".
  const pluralSubject = prev !== undefined && prev.tag === 'NOUN' && w.form === 'base' && prev.lemma !== prev.norm && !PLURAL_MODIFIERS.has(prev.norm);
  const finiteAfterNoun = prev !== undefined && (prev.tag === 'NOUN' || prev.tag === 'PROPN') && (w.form === 'past-or-participle' || w.form === 'third' || pluralSubject);
  if (w.tag === 'VERB' && prev && !finiteAfterNoun && (insideNounPhrase(words, w.i) || (prev.tag === 'PREP' && NOUN_FIRST.has(w.norm)))) {
    if (w.form === 'past-or-participle') {
      if (!afterDeterminer && prev.tag !== 'ADJ') return;
      w.tag = 'ADJ';
      return;
    }
    // A gerund that ends its phrase before a finite verb is a noun: "the Rouhani-Ri meeting came".
    if (w.form !== 'gerund' || afterDeterminer || next?.tag === 'NOUN' || (next && (next.tag === 'VERB' || next.tag === 'AUX') && next.form !== 'gerund')) {
      w.tag = 'NOUN';
      w.lemma = w.form === 'gerund' ? w.norm : singular(w.norm);
      w.form = undefined;
      return;
    }
  }
  if (w.tag === 'VERB' && w.form === 'third' && NOUN_FIRST.has(w.norm) && (!prev || prev.tag === 'PUNCT' || prev.tag === 'CONJ')) {
    w.tag = 'NOUN';
    w.lemma = singular(w.norm);
    w.form = undefined;
    return;
  }
  // "found that Iran possesses": "that" before a name, a pronoun or a determiner opens a clause.
  if (w.norm === 'that' && w.tag === 'DET' && next && (next.tag === 'PROPN' || next.tag === 'PRON' || next.tag === 'DET' || next.tag === 'PPOSS' || next.tag === 'NUM' || next.cap)) {
    w.tag = 'SUB';
    return;
  }
  // "last year", "next month", "past decade": a word of time's modifier, not a verb.
  if ((w.norm === 'last' || w.norm === 'next' || w.norm === 'past') && next && /^(?:year|month|week|decade|century|summer|spring|autumn|fall|winter|time|night)s?$/.test(next.norm)) {
    w.tag = 'ADJ';
    w.lemma = w.norm;
    w.form = undefined;
    return;
  }
  // A plural after a verb is its object: "cultivating ties", "sells arms".
  if (w.tag === 'VERB' && w.form === 'third' && prev && prev.tag === 'VERB') {
    w.tag = 'NOUN';
    w.lemma = singular(w.norm);
    w.form = undefined;
    return;
  }
  if (w.tag === 'PREP' && w.norm === 'to' && next && ((next.tag === 'VERB' && next.form === 'base') || (next.tag === 'AUX' && next.norm === next.lemma))) {
    w.tag = 'TO';
    return;
  }
  if (w.tag === 'VERB' && w.form === 'past-or-participle') {
    // After "be" or "have", or with no subject before it, the form is a participle.
    const aux = auxiliaryBefore(words, w.i);
    w.form = aux ? 'participle' : 'past-or-participle';
  }
  if (w.tag === 'ADJ' && /(?:ed|ing)$/.test(w.norm) && !ADJECTIVES.has(w.norm) && prev && (prev.tag === 'AUX' || prev.tag === 'PRON' || prev.tag === 'PROPN')) {
    const lemma = americanSpelling(w.norm).replace(/(?:ed|ing)$/, '');
    w.tag = 'VERB';
    w.lemma = lemma;
    w.form = w.norm.endsWith('ing') ? 'gerund' : 'past-or-participle';
  }
}

/** Whether a determiner, a possessive or a number opens a noun phrase that reaches word `i`. */
function insideNounPhrase(words: readonly Word[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
    const w = words[j]!;
    // A year opens no phrase of its own: "in 1986 changed" has a verb; "the 1989 visit" has a
    // determiner, and "Ri's August 2018 visit" a possessive.
    if ((w.tag === 'NUM' && /^\d{4}$/.test(w.text)) || MONTH_NAMES.has(w.norm)) continue;
    if (NOMINAL_BEFORE.has(w.tag) && w.tag !== 'ADJ') return true;
    if (w.tag !== 'ADJ' && w.tag !== 'NOUN' && w.tag !== 'PROPN' && !(w.text === '-' && w.joined)) return false;
  }
  return false;
}

function previousWord(words: readonly Word[], i: number): Word | undefined {
  return i > 0 ? words[i - 1] : undefined;
}

/** An auxiliary of the verb at `i`, looking back over adverbs and negations. */
export function auxiliaryBefore(words: readonly Word[], i: number): Word | undefined {
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const w = words[j]!;
    if (w.tag === 'AUX' || w.tag === 'MODAL') return w;
    if (w.tag !== 'ADV' && w.tag !== 'NEG') return undefined;
  }
  return undefined;
}
