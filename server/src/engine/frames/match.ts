/**
 * The frame matcher: finds, in a sentence's reading, the words that evoke a frame (a verb group
 * whose lemma is a lexical unit, a noun phrase whose head is one, a participle joined to a name)
 * and fills the frame's slots from the phrases in the grammatical roles the unit names (see
 * factbase/frames.ts). Adjuncts of the trigger's clause are attached as well: its date ("in
 * 1989", "his 1989 visit"), its place ("in Tehran"), and a time relation to an event ("shortly
 * after the Singapore summit").
 *
 * Every search for a role walks a bounded number of words from the trigger and stays inside
 * the trigger's clause, so matching is linear in the length of the sentence.
 */

import type { FrameDefinition, LexicalUnit, Role, Slot } from '../factbase/frames.js';
import type { Kind } from '../reading/kinds.js';
import type { Name } from '../reading/names.js';
import type { NounPhrase, VerbGroup } from '../reading/phrases.js';
import type { DateSpan } from '../reading/dates.js';
import type { Reading } from '../reading/reading.js';
import type { Clause } from '../reading/clauses.js';
import type { Word } from '../reading/words.js';

/** A phrase in a slot, and the name it picks out if it has one. */
export interface Filler {
  readonly phrase: NounPhrase;
  readonly name?: Name;
  /** The words to point at: the name, or the whole phrase. */
  readonly start: number;
  readonly end: number;
}

export interface TimeRelation {
  readonly relation: 'after' | 'before';
  readonly event: Filler;
  /** The relation word ("after", "before"), for a fix. */
  readonly word: Word;
}

export interface FrameMatch {
  readonly frame: FrameDefinition;
  readonly unit: LexicalUnit;
  /** The words that evoke the frame, block indices. */
  readonly triggerStart: number;
  readonly triggerEnd: number;
  readonly clause: number;
  readonly subject?: Filler;
  readonly object?: Filler;
  readonly negation?: Word;
  readonly hedge?: Word;
  readonly date?: DateSpan;
  readonly place?: Filler;
  readonly relation?: TimeRelation;
  /** The verb group that carries the claim, for a denial's fix. */
  readonly verb?: VerbGroup;
}

/** Verbs after which a noun is the predicate: "made a visit", "paid a visit", "held talks". */
const LIGHT_VERBS = new Set(['make', 'pay', 'undertake', 'hold', 'conduct', 'begin', 'complete', 'have', 'serve', 'become', 'remain']);
const DATE_PREPOSITIONS = new Set(['in', 'on', 'during', 'around', 'by', 'since', 'from', 'of', 'until', 'through']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'inside']);
const HEDGE_WORDS = new Set(['reportedly', 'allegedly', 'apparently', 'reputedly', 'supposedly', 'effectively', 'probably', 'possibly', 'likely', 'seemingly', 'purportedly', 'may', 'might', 'could']);
/** Nouns of phrases that say when ("last year"), not who. */
const TIME_NOUNS = new Set(['year', 'month', 'week', 'day', 'time', 'decade', 'century', 'night', 'morning', 'evening', 'spring', 'summer', 'autumn', 'fall', 'winter', 'era', 'period']);
/** Prepositions whose phrase a search for another preposition may pass over. */
const HOPPABLE = new Set(['on', 'of', 'for', 'about', 'over', 'with', 'at', 'from', 'into']);
/** How far a role may be from its trigger, in words. */
const REACH = 12;

/** How a sentence's pronouns and descriptions find what they stand for beyond the sentence. */
export interface Resolver {
  /** The names a pronoun or a definite description stands for, from earlier sentences. */
  refer(r: Reading, phrase: NounPhrase): readonly Name[];
  /** The act a description of an act ("the talks", "the trip") stands for. */
  occasion(phrase: NounPhrase): FrameMatch | undefined;
}

let resolver: Resolver | undefined;

export function matchFrames(r: Reading, frames: readonly FrameDefinition[], context?: Resolver): FrameMatch[] {
  resolver = context;
  try {
    return withOccasions(r, match(r, frames));
  } finally {
    resolver = undefined;
  }
}

/**
 * "The talks took place in the central city of Isfahan": a frame about a described act of an
 * earlier sentence is that act, with this sentence's place, date or time relation.
 */
function withOccasions(r: Reading, found: FrameMatch[]): FrameMatch[] {
  if (!resolver) return found;
  const out = [...found];
  const merged = new Set<FrameMatch>();
  // "took place in Isfahan" is both located-in and occurred: the place-bearing frame first.
  const ordered = [...found].sort((a, b) => Number(b.frame.predicate === 'located-in') - Number(a.frame.predicate === 'located-in'));
  for (const m of ordered) {
    if (!m.subject || m.subject.name || (m.frame.predicate !== 'located-in' && m.frame.predicate !== 'occurred')) continue;
    const earlier = resolver.occasion(m.subject.phrase);
    if (!earlier || merged.has(earlier)) continue;
    merged.add(earlier);
    const place = m.frame.predicate === 'located-in' && m.object ? (m.object.name ? m.object : placeOfDescription(r, m.object.phrase)) ?? m.place : m.place;
    // The earlier sentence's denial or hedge is its own: this sentence's words decide.
    const { negation: _negation, hedge: _hedge, ...act } = earlier;
    out.push({
      ...act,
      triggerStart: m.triggerStart,
      triggerEnd: m.triggerEnd,
      clause: m.clause,
      // Both sides stand on the words that describe the act here: "The talks".
      ...(earlier.subject && { subject: { ...earlier.subject, start: m.subject.start, end: m.subject.end } }),
      ...(earlier.object && { object: { ...earlier.object, start: m.subject.start, end: m.subject.end } }),
      ...(place && { place }),
      ...(m.date && { date: m.date }),
      ...(m.relation && { relation: m.relation }),
      ...(m.negation && { negation: m.negation }),
      ...(m.hedge && { hedge: m.hedge }),
      verb: m.verb,
    } as FrameMatch);
  }
  return out;
}

/** "the central city of Isfahan", "the port of Bandar Abbas": the place a description of a place names. */
function placeOfDescription(r: Reading, phrase: NounPhrase): Filler | undefined {
  if (phrase.names.length > 0 || r.words[phrase.last + 1]?.norm !== 'of') return undefined;
  const name = r.names.find((n) => n.first === phrase.last + 2 && n.kinds.has('place') && n.demonymOf === undefined);
  const named = name && r.phraseOf(name.first);
  return name && named ? fillerOfName(named, name) : undefined;
}

/** A frame's lexical units, looked up by part of speech and lemma, in declaration order. */
interface UnitIndex {
  readonly verb: ReadonlyMap<string, readonly Entry[]>;
  readonly adjective: ReadonlyMap<string, readonly Entry[]>;
  readonly noun: ReadonlyMap<string, readonly Entry[]>;
  /** Prepositional units by the first word of each of their lemmas ("according" of "according to"). */
  readonly preposition: ReadonlyMap<string, readonly PrepositionEntry[]>;
  readonly participle: readonly Entry[];
  readonly attached: readonly Entry[];
}

interface Entry {
  readonly frame: FrameDefinition;
  readonly unit: LexicalUnit;
  /** Declaration order, so that matches come out as a scan of every unit would give them. */
  readonly order: number;
}

interface PrepositionEntry {
  readonly entry: Entry;
  /** Which of the unit's lemmas, and its words. */
  readonly lemma: number;
  readonly parts: readonly string[];
}

const indexes = new WeakMap<readonly FrameDefinition[], UnitIndex>();

function indexOf(frames: readonly FrameDefinition[]): UnitIndex {
  const cached = indexes.get(frames);
  if (cached) return cached;
  const byLemma = { verb: new Map<string, Entry[]>(), adjective: new Map<string, Entry[]>(), noun: new Map<string, Entry[]>() };
  const lists = { participle: [] as Entry[], attached: [] as Entry[] };
  const preposition = new Map<string, PrepositionEntry[]>();
  let order = 0;
  for (const frame of frames) {
    for (const unit of frame.units) {
      const entry = { frame, unit, order: order++ };
      if (unit.pos === 'verb' || unit.pos === 'adjective' || unit.pos === 'noun') {
        const map = byLemma[unit.pos];
        for (const lemma of new Set(unit.lemmas)) map.set(lemma, [...(map.get(lemma) ?? []), entry]);
      } else if (unit.pos === 'preposition') {
        unit.lemmas.forEach((lemma, i) => {
          const parts = lemma.split(' ');
          preposition.set(parts[0]!, [...(preposition.get(parts[0]!) ?? []), { entry, lemma: i, parts }]);
        });
      } else lists[unit.pos].push(entry);
    }
  }
  const index: UnitIndex = { ...byLemma, ...lists, preposition };
  indexes.set(frames, index);
  return index;
}

function match(r: Reading, frames: readonly FrameDefinition[]): FrameMatch[] {
  const out: FrameMatch[] = [];
  const index = indexOf(frames);
  for (const v of r.verbs) {
    for (const { frame, unit } of index.verb.get(v.lemma) ?? []) {
      const m = verbMatch(r, frame, unit, v);
      if (m) out.push(m);
    }
  }
  for (const w of r.words) {
    if (w.tag !== 'ADJ') continue;
    for (const { frame, unit } of index.adjective.get(w.lemma) ?? []) {
      const m = adjectiveMatch(r, frame, unit, w);
      if (m) out.push(m);
    }
  }
  for (const m of prepositionMatches(r, index.preposition)) out.push(m);
  for (const p of r.phrases) {
    if (p.pronoun) continue;
    const nouns = p.referent ? NO_ENTRIES : (index.noun.get(p.head.lemma) ?? NO_ENTRIES);
    // Participle and attached units need a word shape that most phrases lack: tried only then.
    const participles = p.names.some((n) => r.words[n.last + 1]?.text === '-' && r.words[n.last + 2]?.joined) ? index.participle : NO_ENTRIES;
    const attached = p.referent && prepositionAfter(r, p) ? index.attached : NO_ENTRIES;
    const candidates = inOrder(nouns, participles, attached);
    for (const { frame, unit } of candidates) {
      const m = unit.pos === 'noun' ? nounMatch(r, frame, unit, p) : unit.pos === 'participle' ? participleMatch(r, frame, unit, p) : attachedMatch(r, frame, unit, p);
      if (m) out.push(m);
    }
  }
  return out;
}

const NO_ENTRIES: readonly Entry[] = [];

/** Entries of three lists in declaration order (each list is in that order already); most phrases have one list at most. */
function inOrder(a: readonly Entry[], b: readonly Entry[], c: readonly Entry[]): readonly Entry[] {
  if (b.length === 0 && c.length === 0) return a;
  if (a.length === 0 && c.length === 0) return b;
  if (a.length === 0 && b.length === 0) return c;
  return [...a, ...b, ...c].sort((x, y) => x.order - y.order);
}

/** Whether a preposition follows a phrase, straight or after a comma ("the summit, in Singapore"). */
function prepositionAfter(r: Reading, p: NounPhrase): boolean {
  const comma = r.words[p.last + 1]?.text === ',' ? 1 : 0;
  return r.words[p.last + 1 + comma]?.tag === 'PREP';
}

function verbMatch(r: Reading, frame: FrameDefinition, unit: LexicalUnit, v: VerbGroup): FrameMatch | undefined {
  const reduced = reducedRelative(r, v);
  const roles = v.passive || reduced ? (unit.passive ?? defaultPassive(unit.roles)) : unit.roles;
  const found: Partial<Record<Role, NounPhrase>> = {};
  const subject = reduced ?? subjectOf(r, v.first) ?? inverted(r, v);
  if (subject) found.subject = subject;
  let after = skipAdverbs(r, v.last + 1);
  const object = phraseStartingAt(r, after);
  if (object && r.words[after]!.tag !== 'PREP') {
    found.object = object;
    after = skipApposition(r, object.last + 1);
  } else if (frame.symmetric && subject) {
    // "Rouhani and Kim Yong Nam met": for a symmetric act, a joint subject holds both sides.
    const and = r.words[subject.first - 1];
    const first = and?.norm === 'and' ? r.phraseOf(subject.first - 2) : undefined;
    if (first && first.last === subject.first - 2) {
      found.subject = first;
      found.object = subject;
    }
  }
  if (unit.prep) {
    const prep = findPreposition(r, v.last + 1, unit.prep, object ? after : v.last + 1);
    if (prep) found.prep = prep;
    // "dispatched their top leaders there": "there" is the place the sentence named before.
    else if (r.words[after]?.norm === 'there' || r.words[after]?.norm === 'here') {
      const place = [...r.phrases].reverse().find((x) => x.last < v.first && x.referent?.kinds.has('place') && !x.referent.demonymOf);
      if (place) found.prep = place;
    }
  }
  const by = findPreposition(r, v.last + 1, ['by'], after);
  if (by) found.by = by;
  return assemble(r, frame, unit, roles, found, v.verb.start, v.end, v, v.first);
}

function nounMatch(r: Reading, frame: FrameDefinition, unit: LexicalUnit, p: NounPhrase): FrameMatch | undefined {
  const found: Partial<Record<Role, NounPhrase>> = {};
  const next = p.last + 1;
  if (unit.prep) {
    const w = r.words[next];
    if (w && w.tag === 'PREP' && unit.prep.includes(w.norm)) {
      const np = phraseStartingAt(r, next + 1);
      if (np) found.prep = np;
    }
  }
  if (r.words[next]?.norm === 'by') {
    const np = phraseStartingAt(r, next + 1);
    if (np) found.by = np;
  }
  if (p.owner) found.owner = p.owner;
  const wantsDemonym = Object.keys(unit.roles).includes('demonym');
  const modifiers = p.names.filter((n) => n.demonymOf === undefined && n.last < p.head.i);
  const modifier = wantsDemonym ? p.demonyms[p.demonyms.length - 1] : modifiers[0];
  const governing = predicateOf(r, p);
  const named = governing ? undefined : appositiveAfter(r, p);
  if (governing) found.subject = governing.subject;
  // "its key trading partner, China": a name set off after a relational noun is what it names.
  else if (named) found.subject = named;
  // "it financed a record trade deficit with China": the noun is the verb's object, and the
  // act is the verb's subject's.
  else if (!found.owner) {
    const agent = agentOfObject(r, p);
    if (agent) found.subject = agent;
  }
  // "the Rouhani-Ri meeting": two names before the noun of a symmetric act are its two sides.
  if (frame.symmetric && modifiers.length === 2 && !found.owner && !found.prep) {
    const slots: Partial<Record<Slot, Filler>> = { subject: fillerOfName(p, modifiers[0]!), object: fillerOfName(p, modifiers[1]!) };
    if (typed(frame, slots)) return finish(r, frame, unit, slots, p.head.start, p.head.end, governing?.verb, p.first);
  }
  return assemble(r, frame, unit, unit.roles, found, p.head.start, p.head.end, governing?.verb, p.first, modifier ? fillerOfName(p, modifier) : undefined);
}

/** A name in apposition after a phrase: ", China." or ", Ri Yong Ho," (not the first of a list). */
function appositiveAfter(r: Reading, p: NounPhrase): NounPhrase | undefined {
  if (p.referent || r.words[p.last + 1]?.text !== ',') return undefined;
  const q = phraseStartingAt(r, p.last + 2);
  if (!q?.referent || q.referent.demonymOf !== undefined) return undefined;
  const after = r.words[q.last + 1];
  return !after || (after.tag === 'PUNCT' && after.text !== '-') ? q : undefined;
}

function participleMatch(r: Reading, frame: FrameDefinition, unit: LexicalUnit, p: NounPhrase): FrameMatch | undefined {
  // "the Nodong-derived Shahab-3": a name, a hyphen, a participle of the unit, then the head.
  for (const n of p.names) {
    const hyphen = r.words[n.last + 1];
    const participle = r.words[n.last + 2];
    if (!hyphen || hyphen.text !== '-' || !participle || !participle.joined) continue;
    const lemma = participle.lemma.replace(/(?:ed|d)$/, '');
    if (!unit.lemmas.some((l) => l === participle.lemma || l === lemma || `${l}d` === participle.norm || `${l}ed` === participle.norm)) continue;
    const modifier = fillerOfName(p, n);
    const head = p.referent && p.referent !== n ? fillerOfName(p, p.referent) : undefined;
    const slots: Partial<Record<Slot, Filler>> = {};
    for (const [role, slot] of Object.entries(unit.roles) as Array<[Role, Slot]>) {
      if (role === 'modifier') slots[slot] = modifier;
      else if (role === 'head' && head) slots[slot] = head;
    }
    if (!typed(frame, slots)) continue;
    return finish(r, frame, unit, slots, participle.start, participle.end, undefined, p.first);
  }
  return undefined;
}

/**
 * The subject after the verb in quotative inversion: "“…,” said Khamenei", "“…,” wrote the
 * panel". Only right after a quotation, or a comma that ends one.
 */
function inverted(r: Reading, v: VerbGroup): NounPhrase | undefined {
  const before = r.words[v.first - 1];
  if (!before || !/^[,"”’'»]$/.test(before.text)) return undefined;
  const after = phraseStartingAt(r, v.last + 1);
  return after?.referent && !after.referent.demonymOf ? after : undefined;
}

/**
 * A participle without an auxiliary after a phrase is a passive clause about that phrase: "the
 * summit, held in Hanoi," and "the missile developed by Iran". The phrase is returned.
 */
function reducedRelative(r: Reading, v: VerbGroup): NounPhrase | undefined {
  if (v.first !== v.last || v.verb.tag !== 'VERB' || (v.verb.form !== 'past-or-participle' && v.verb.form !== 'participle')) return undefined;
  const next = r.words[v.last + 1];
  if (!next || next.tag !== 'PREP') return undefined;
  const before = r.words[v.first - 1];
  const at = before?.text === ',' ? v.first - 2 : v.first - 1;
  const p = r.phraseOf(at);
  if (!p || p.last !== at) return undefined;
  // "Khamenei visited in 1989" has a subject and a past verb, not a participle: only "by" after
  // the verb, or a comma before it with the clause's own verb still to come ("the summit, held
  // in Hanoi, ended"), says the participle is passive.
  if (next.norm === 'by') return p;
  if (before?.text !== ',') return undefined;
  const clause = r.clauseOf[v.first];
  return r.verbs.some((g) => g.first > v.last && r.clauseOf[g.first] === clause) ? p : undefined;
}

/** "KOMID is active in Iran", "found Green Pine active in Iran", "KOMID and Green Pine, increasingly active in Iran". */
function adjectiveMatch(r: Reading, frame: FrameDefinition, unit: LexicalUnit, w: Word): FrameMatch | undefined {
  const found: Partial<Record<Role, NounPhrase>> = {};
  let j = w.i - 1;
  while (j >= 0 && r.words[j]!.tag === 'ADV') j--;
  const v = r.verbOf(j);
  let verb: VerbGroup | undefined;
  if (v && v.last === j && v.copula) {
    verb = v;
    const subject = subjectOf(r, v.first);
    if (subject) found.subject = subject;
  } else {
    if (r.words[j]?.text === ',') j--;
    const p = r.phraseOf(j);
    if (p && p.last === j) found.subject = p;
  }
  const prep = r.words[w.i + 1];
  if (prep && prep.tag === 'PREP' && unit.prep?.includes(prep.norm)) {
    const np = phraseStartingAt(r, w.i + 2);
    if (np) found.prep = np;
  }
  return assemble(r, frame, unit, unit.roles, found, w.start, w.end, verb, w.i);
}

/** "according to X", "in the words of X": the phrase after the words. */
function prepositionMatches(r: Reading, units: ReadonlyMap<string, readonly PrepositionEntry[]>): FrameMatch[] {
  // Found word by word through the index, then taken in the order of a scan of every unit, lemma
  // by lemma, so that matches come out as they always have.
  const hits: Array<{ readonly p: PrepositionEntry; readonly k: number }> = [];
  for (let k = 0; k < r.words.length; k++) {
    for (const p of units.get(r.words[k]!.norm) ?? []) {
      if (k + p.parts.length < r.words.length && p.parts.every((x, i) => r.words[k + i]!.norm === x)) hits.push({ p, k });
    }
  }
  hits.sort((a, b) => a.p.entry.order - b.p.entry.order || a.p.lemma - b.p.lemma || a.k - b.k);
  const out: FrameMatch[] = [];
  for (const { p, k } of hits) {
    const { frame, unit } = p.entry;
    const np = phraseStartingAt(r, k + p.parts.length);
    if (!np) continue;
    const m = assemble(r, frame, unit, unit.roles, { prep: np }, r.words[k]!.start, r.words[k + p.parts.length - 1]!.end, undefined, k);
    if (m) out.push(m);
  }
  return out;
}

/** "the first US-North Korea summit in Singapore": a name and the phrase of a preposition after it. */
function attachedMatch(r: Reading, frame: FrameDefinition, unit: LexicalUnit, p: NounPhrase): FrameMatch | undefined {
  // "the first US-North Korea summit in Singapore", or set off: "the summit, in Singapore,".
  const comma = r.words[p.last + 1]?.text === ',' ? 1 : 0;
  const w = r.words[p.last + 1 + comma];
  if (!w || w.tag !== 'PREP' || !unit.prep?.includes(w.norm)) return undefined;
  const np = phraseStartingAt(r, p.last + 2 + comma);
  if (!np) return undefined;
  const found: Partial<Record<Role, NounPhrase>> = { head: p, prep: np };
  const slots: Partial<Record<Slot, Filler>> = {};
  for (const [role, slot] of Object.entries(unit.roles) as Array<[Role, Slot]>) {
    const phrase = found[role];
    const filler = phrase && fillerOf(phrase);
    if (filler?.name) slots[slot] = filler;
  }
  if (!slots.subject || !slots.object || !typed(frame, slots)) return undefined;
  return finish(r, frame, unit, slots, w.start, w.end, undefined, p.first);
}

function defaultPassive(roles: LexicalUnit['roles']): LexicalUnit['roles'] {
  const out: Partial<Record<Role, Slot>> = {};
  for (const [role, slot] of Object.entries(roles) as Array<[Role, Slot]>) {
    if (role === 'object') out.subject = slot;
    else if (role === 'subject') out.by = slot;
    else out[role] = slot;
  }
  return out;
}

function assemble(
  r: Reading,
  frame: FrameDefinition,
  unit: LexicalUnit,
  roles: LexicalUnit['roles'],
  found: Partial<Record<Role, NounPhrase>>,
  triggerStart: number,
  triggerEnd: number,
  verb: VerbGroup | undefined,
  anchor: number,
  modifier?: Filler,
): FrameMatch | undefined {
  if (unit.needs && !found[unit.needs]) return undefined;
  const slots: Partial<Record<Slot, Filler>> = {};
  for (const [role, slot] of Object.entries(roles) as Array<[Role, Slot]>) {
    // A name beats a description for the same slot: "sold weapons to Syria" sold to Syria.
    if (slots[slot]?.name) continue;
    if (role === 'modifier' || role === 'demonym') {
      if (modifier) slots[slot] = modifier;
      continue;
    }
    const phrase = found[role];
    if (!phrase) continue;
    const filler = fillerOf(phrase, r);
    if (filler && (!slots[slot] || filler.name)) slots[slot] = filler;
  }
  // A unit that is only a unit with its modifier ("a Nodong variant") needs one.
  const needsModifier = Object.keys(roles).some((role) => role === 'modifier' || role === 'demonym') && Object.keys(roles).length <= 2;
  if (needsModifier && !modifier) return undefined;
  if (!typed(frame, slots)) return undefined;
  return finish(r, frame, unit, slots, triggerStart, triggerEnd, verb, anchor);
}

function finish(r: Reading, frame: FrameDefinition, unit: LexicalUnit, slots: Partial<Record<Slot, Filler>>, triggerStart: number, triggerEnd: number, verb: VerbGroup | undefined, anchor: number): FrameMatch {
  const clause = r.clauseOf[anchor] ?? 0;
  const negation = verb?.negation;
  const hedge = verb?.hedge ?? hedgeIn(r, clause);
  const adjuncts = adjunctsOf(r, clause, anchor, slots);
  // Every match has every field, in one order (see NounPhrase): the checks read matches by the thousand.
  return {
    frame,
    unit,
    triggerStart,
    triggerEnd,
    clause,
    subject: slots.subject,
    object: slots.object,
    negation,
    hedge,
    date: adjuncts.date,
    place: adjuncts.place,
    relation: adjuncts.relation,
    verb,
  };
}

/** Whether every filled slot can hold what fills it. A slot with a description (no name) is kept for coreference. */
function typed(frame: FrameDefinition, slots: Partial<Record<Slot, Filler>>): boolean {
  if (!slots.subject && !slots.object) return false;
  for (const slot of ['subject', 'object'] as const) {
    const f = slots[slot];
    // A date or a figure is no thing a slot can hold: "ended in 1986" has no place in it.
    if (f && !f.name && (f.phrase.date?.last === f.phrase.head.i || f.phrase.quantity?.last === f.phrase.head.i)) return false;
    if (!f?.name) continue;
    const kinds = frame.slots[slot];
    // A demonym stands for its country: "a Chinese design" names China as the origin.
    const isPlace = f.name.demonymOf !== undefined;
    // An office stands for the person who holds it: "Iran's president met Kim Yong Nam".
    const office = f.name.kinds.has('office');
    if (kinds.length && !kinds.some((k) => f.name!.kinds.has(k) || (isPlace && k === 'place') || (office && k === 'person'))) return false;
  }
  return true;
}

export function fillerOf(phrase: NounPhrase, r?: Reading): Filler | undefined {
  if (phrase.pronoun) {
    const name = r ? (antecedent(r, phrase) ?? resolver?.refer(r, phrase)[0]) : undefined;
    return { phrase, name, start: phrase.start, end: phrase.end };
  }
  if (phrase.referent) return fillerOfName(phrase, phrase.referent);
  // "The missile is ...": a description of something an earlier sentence named.
  const named = r && phrase.definite ? resolver?.refer(r, phrase) : undefined;
  if (named?.length === 1) return { phrase, name: named[0]!, start: phrase.start, end: phrase.end };
  return { phrase, name: undefined, start: phrase.start, end: phrase.end };
}

const PERSONAL = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'herself']);
const IMPERSONAL = new Set(['it', 'its', 'itself']);

/**
 * What a pronoun stands for inside its sentence: the nearest name before it of a kind the
 * pronoun can take ("he", "his": a person; "it", "its": anything but a person), when only one
 * candidate of that kind is near. Across sentences, see the reference layer.
 */
const OBJECT_PRONOUNS = new Set(['it', 'him', 'them', 'himself', 'itself']);

/** The name earlier in the same sentence that a pronoun stands for. */
export function antecedent(r: Reading, phrase: NounPhrase): Name | undefined {
  const word = phrase.pronoun!.norm;
  const person = PERSONAL.has(word);
  if (!person && !IMPERSONAL.has(word)) return undefined;
  // An object pronoun does not stand for a name of its own clause: in "the Ghadir is a copy of
  // it", "it" is not the Ghadir. A possessive may ("Iran fields its Shahab-3").
  const clause = r.clauseOf[phrase.first];
  const object = OBJECT_PRONOUNS.has(word) && r.verbs.some((v) => v.last < phrase.first && r.clauseOf[v.first] === clause);
  let found: Name | undefined;
  for (const n of r.names) {
    if (n.last >= phrase.first) break;
    if (n.demonymOf !== undefined || !n.entity) continue;
    if (object && r.clauseOf[n.first] === clause) continue;
    const isPerson = n.kinds.has('person');
    if (person !== isPerson) continue;
    found = n;
  }
  return found;
}

function fillerOfName(phrase: NounPhrase, name: Name): Filler {
  return { phrase, name, start: name.start, end: name.end };
}

/** The kinds a filler can be. */
export function kindsOf(f: Filler): ReadonlySet<Kind> {
  return f.name?.kinds ?? new Set();
}

/** The phrase that starts at word `k`, if one does (with its owner, if it has one). */
function phraseStartingAt(r: Reading, k: number): NounPhrase | undefined {
  const p = r.phraseOf(k);
  return p && p.first === k ? p : undefined;
}

function skipAdverbs(r: Reading, k: number): number {
  let j = k;
  while (j < r.words.length && (r.words[j]!.tag === 'ADV' || r.words[j]!.tag === 'NEG')) j++;
  return j;
}

/** After a phrase: skip ", an apposition," so that what follows is found. */
function skipApposition(r: Reading, k: number): number {
  if (r.words[k]?.text !== ',') return k;
  const np = phraseStartingAt(r, k + 1);
  if (np && r.words[np.last + 1]?.text === ',') return np.last + 2;
  return k;
}

/**
 * The phrase after one of `preps`, looking from `from` (and from `alsoFrom`), past up to two
 * other prepositional phrases: "worked on Korean Peninsula policy at the State Department".
 */
function findPreposition(r: Reading, from: number, preps: readonly string[], alsoFrom: number): NounPhrase | undefined {
  for (const start of from === alsoFrom ? [from] : [from, alsoFrom]) {
    let j = skipAdverbs(r, start);
    for (let hop = 0; hop < 3; hop++) {
      const w = r.words[j];
      if (!w || w.tag !== 'PREP') break;
      const np = phraseStartingAt(r, j + 1);
      if (!np) break;
      if (preps.includes(w.norm)) return np;
      // Only past a phrase that says what about ("on Korean Peninsula policy"), never past one
      // that says when ("before the summit in Singapore" places the summit).
      if (!HOPPABLE.has(w.norm)) break;
      j = np.last + 1;
    }
  }
  return undefined;
}

/**
 * The subject of the verb at word `k`: the nearest phrase before it in its clause, passing over
 * adverbs, an apposition or an aside between commas, and phrases that are objects of a
 * preposition ("The Shahab-3 of Iran is" has the Shahab-3 as subject). In a relative clause
 * without a subject of its own, the phrase the clause is about.
 */
export function subjectOf(r: Reading, k: number): NounPhrase | undefined {
  const clause = r.clauseOf[k];
  let j = k - 1;
  let appositive: NounPhrase | undefined;
  for (let steps = 0; j >= 0 && steps < REACH; steps++) {
    const w = r.words[j]!;
    if (r.clauseOf[j] !== clause) {
      // An aside or a relative clause inside the clause: step over it.
      const inner = r.clauses[r.clauseOf[j]!]!;
      if (inner.parent === clause && (inner.kind === 'aside' || inner.kind === 'relative')) {
        j = inner.first - 1;
        if (r.words[j]?.text === ',') j--;
        continue;
      }
      break;
    }
    if (w.tag === 'ADV' || w.tag === 'NEG') {
      j--;
      continue;
    }
    // A quotation before the verb is what was said, not who said it.
    if (/^["“”‘’'«»]$/.test(w.text)) break;
    if (w.text === ',') {
      // ", then Iran's president," or ", Oba notes,": step back to the comma before it. A name in
      // apposition to a description is the better subject: "The author, Mintaro Oba, is".
      const before = previousComma(r, j);
      if (before !== undefined) {
        const inner = r.phraseOf(before + 1);
        if (inner && inner.first === before + 1 && inner.last === j - 1 && inner.referent) appositive = inner;
        j = before - 1;
        continue;
      }
      break;
    }
    const p = r.phraseOf(j);
    // "last year", "this month": a phrase of time is no subject.
    if (p && p.last === j && TIME_NOUNS.has(p.head.lemma) && !p.referent) {
      j = p.first - 1;
      continue;
    }
    if (p && p.last === j) {
      const before = r.words[p.first - 1];
      if (before && before.tag === 'PREP' && p.first - 1 > 0 && r.clauseOf[p.first - 2] === clause && r.phraseOf(p.first - 2)) {
        j = p.first - 2;
        continue;
      }
      if (p.pronoun && p.pronoun.tag === 'PPOSS') break;
      if (!p.referent && !p.pronoun && appositive) return appositive;
      // "Oba—formerly a US diplomat working ...": a description set off after a name stands for it.
      if (!p.referent && !p.pronoun) {
        const named = predicateOf(r, p);
        if (named?.subject.referent && !named.verb) return named.subject;
      }
      return p;
    }
    break;
  }
  const c = r.clauses[clause ?? 0];
  if (c?.kind === 'relative' && c.antecedent) return c.antecedent;
  // "have grown active in Iran and recently dispatched their leaders": a verb after "and" with
  // no subject of its own shares the subject of the verb before it.
  let b = k - 1;
  while (b >= 0 && r.words[b]!.tag === 'ADV') b--;
  if (r.words[b]?.norm === 'and' || r.words[b]?.norm === 'but') {
    const before = [...r.verbs].reverse().find((g) => g.last < b && g.last >= b - REACH);
    if (before && before.first < k) return subjectOf(r, before.first);
  }
  return undefined;
}

function previousComma(r: Reading, j: number): number | undefined {
  for (let i = j - 1; i >= 0 && i >= j - 10; i--) {
    const w = r.words[i]!;
    if (w.text === ',') return i;
    if (w.text === ';' || w.text === ':' || w.text === '(' || w.text === ')') return undefined;
  }
  return undefined;
}

/** The subject a noun phrase is said of: by a copula or a light verb before it, or by apposition. */
function predicateOf(r: Reading, p: NounPhrase): { subject: NounPhrase; verb?: VerbGroup } | undefined {
  let j = skipAsideBack(r, p.first - 1);
  // Adverbs and an intensifying reflexive: "is itself an Iranian design", "is effectively a copy".
  while (j >= 0 && (r.words[j]!.tag === 'ADV' || /sel(?:f|ves)$/.test(r.words[j]!.norm))) j--;
  // "X is of Chinese origin": the phrase after "of" is the predicate.
  if (r.words[j]?.norm === 'of' && j > 0) {
    const v0 = r.verbOf(j - 1);
    if (v0 && v0.last === j - 1 && v0.copula) {
      const subject = subjectOf(r, v0.first);
      return subject ? { subject, verb: v0 } : undefined;
    }
  }
  const w = r.words[j];
  if (!w) return undefined;
  const v = r.verbOf(j);
  if (v && v.last === j && (v.copula || LIGHT_VERBS.has(v.lemma) || v.hedge)) {
    const subject = subjectOf(r, v.first);
    return subject ? { subject, verb: v } : undefined;
  }
  if (w.text === ',' || w.text === '(' || w.text === '—' || w.text === '–') {
    const before = r.phraseOf(j - 1);
    if (before && before.last === j - 1) return { subject: before };
  }
  if (w.norm === 'as' && j > 0) {
    const before = r.phraseOf(j - 1);
    if (before && before.last === j - 1) return { subject: before };
    const verb = r.verbOf(j - 1);
    if (verb) {
      const object = subjectOf(r, verb.first);
      if (object) return { subject: object, verb };
    }
  }
  return undefined;
}

/**
 * The subject of the verb whose object `p` is: "it financed a record trade deficit", and for a
 * participle with no subject of its own, the subject of the clause's verb before it ("North
 * Korea exhausted its reserves, financing a trade deficit").
 */
function agentOfObject(r: Reading, p: NounPhrase): NounPhrase | undefined {
  let j = p.first - 1;
  while (j >= 0 && (r.words[j]!.tag === 'ADV' || r.words[j]!.tag === 'DET')) j--;
  const v = r.verbOf(j);
  if (!v || v.last !== j || v.copula) return undefined;
  // A bare participle ("..., financing a deficit") has the clause verb's subject.
  const bare = v.verb.form === 'gerund' && v.first === v.last;
  if (!bare) return subjectOf(r, v.first);
  const clause = r.clauseOf[v.first];
  const before = [...r.verbs].reverse().find((g) => g.last < v.first && r.clauseOf[g.first] === clause);
  return before ? subjectOf(r, before.first) : undefined;
}

/**
 * From a comma before a phrase, back over an adverbial aside (", by most appearances,", ", in
 * effect,", ", for all practical purposes,") to the word before it; or `j` itself.
 */
function skipAsideBack(r: Reading, j: number): number {
  if (r.words[j]?.text !== ',') return j;
  const open = previousComma(r, j);
  if (open === undefined || open === j - 1) return j;
  const first = r.words[open + 1]!;
  if (first.tag !== 'PREP' && first.tag !== 'ADV') return j;
  return open - 1;
}

function hedgeIn(r: Reading, clause: number): Word | undefined {
  const c = r.clauses[clause];
  if (!c) return undefined;
  for (let k = c.first; k <= c.last; k++) {
    const w = r.words[k]!;
    if (HEDGE_WORDS.has(w.norm) && (w.tag === 'ADV' || w.tag === 'MODAL')) return w;
  }
  return undefined;
}

/** The date, place and time relation of the clause, nearest to the trigger first. */
function adjunctsOf(r: Reading, clause: number, anchor: number, slots: Partial<Record<Slot, Filler>>): Pick<FrameMatch, 'date' | 'place' | 'relation'> {
  const c = r.clauses[clause]!;
  const scope = inScope(r, c.index);
  let date: DateSpan | undefined;
  let place: Filler | undefined;
  let relation: TimeRelation | undefined;
  let dateDistance = Infinity;
  const taken = new Set([slots.subject?.phrase, slots.object?.phrase]);
  const bound = modifierEnd(r, anchor);
  for (const p of r.phrases) {
    if (!scope(p.first) || p.first > bound) continue;
    const distance = Math.abs(p.first - anchor);
    if (distance > REACH * 2) continue;
    const prep = r.words[p.first - 1];
    // A date of its own ("in 1989") or a date that modifies the trigger's phrase or a slot ("his 1989 visit").
    if (p.date) {
      const ownPhrase = p.first <= anchor && anchor <= p.last;
      const bare = p.date.first === p.first || (p.determiner !== undefined && p.date.first === p.first + 1) || (p.owner !== undefined && p.date.first === p.owner.last + 2);
      const adjunct = prep && DATE_PREPOSITIONS.has(prep.norm) && bare && p.head.i === p.date.last;
      const modifies = ownPhrase || taken.has(p);
      if ((adjunct || modifies) && distance < dateDistance) {
        date = p.date;
        dateDistance = distance;
      }
    }
    if (!taken.has(p) && p.referent?.kinds.has('place') && !p.referent.demonymOf && prep && PLACE_PREPOSITIONS.has(prep.norm) && prep.norm !== 'to' && placeAttaches(r, p.first - 1, taken)) {
      place ??= fillerOf(p);
    }
    if (prep && (prep.norm === 'after' || prep.norm === 'before') && p.referent?.kinds.has('event')) {
      relation ??= { relation: prep.norm, event: fillerOf(p)!, word: prep };
    }
  }
  date ??= cleftDate(r, c);
  return { date, place, relation };
}

/**
 * "Kim Yong Nam, the president pictured with Rouhani in the photo, had traveled to Tehran in
 * August 2017": a participle that modifies a noun, inside a clause whose own verb comes later,
 * takes its adjuncts only up to the comma that closes it. Elsewhere, the clause's end.
 */
function modifierEnd(r: Reading, anchor: number): number {
  const v = r.verbOf(anchor);
  const w = r.words[anchor];
  if (!v || !w || v.first !== v.last || w.tag !== 'VERB' || (w.form !== 'past-or-participle' && w.form !== 'participle')) return Infinity;
  const head = r.phraseOf(anchor - 1);
  if (!head || head.last !== anchor - 1) return Infinity;
  const clause = r.clauseOf[anchor];
  if (!r.verbs.some((g) => g.first > anchor && r.clauseOf[g.first] === clause)) return Infinity;
  for (let k = anchor + 1; k < r.words.length; k++) if (r.words[k]!.text === ',') return k;
  return Infinity;
}

/** "It was in the 1980s that the relationship shifted": the date a cleft sentence puts first. */
function cleftDate(r: Reading, c: Clause): DateSpan | undefined {
  if (c.marker?.norm !== 'that' || c.parent === undefined) return undefined;
  const parent = r.clauses[c.parent]!;
  const it = r.words[parent.first];
  const be = r.words[parent.first + 1];
  if (it?.norm !== 'it' || be?.lemma !== 'be') return undefined;
  return r.dates.find((d) => d.first > parent.first + 1 && d.last < c.first);
}

/**
 * Whether "in X" at `prep` says where the clause's act took place, rather than where the phrase
 * before it is ("after the summit in Singapore" places the summit, not the meeting): it follows
 * the verb, a slot's phrase, a date, a comma, or opens the clause.
 */
function placeAttaches(r: Reading, prep: number, slots: ReadonlySet<NounPhrase | undefined>): boolean {
  const before = r.words[prep - 1];
  // "after the first summit, in Singapore": set off after an event, the place is the event's.
  if (before?.text === ',' && r.phraseOf(prep - 2)?.referent?.kinds.has('event')) return false;
  if (!before || before.tag === 'PUNCT') return true;
  if (r.clauseOf[prep - 1] !== r.clauseOf[prep]) return true;
  if (r.verbOf(prep - 1)) return true;
  const p = r.phraseOf(prep - 1);
  if (!p) return before.tag === 'ADV';
  return slots.has(p) || (p.date !== undefined && p.head.i === p.date.last);
}

/** Words of the clause, and of the main clause's front when the clause is the main one (a fronted "In 1989,"). */
function inScope(r: Reading, clause: number): (k: number) => boolean {
  return (k) => {
    const c = r.clauseOf[k];
    if (c === clause) return true;
    const inner = c === undefined ? undefined : r.clauses[c];
    // An aside inside the clause does not count; a clause it governs does not either.
    return inner !== undefined && inner.kind === 'apposition' && inner.parent === clause;
  };
}

/** A one-line account of a match, for `npm run explain`. */
export function describeMatch(r: Reading, m: FrameMatch): string {
  const text = (f: Filler | undefined) => (f ? r.text.slice(f.start, f.end) : '∅');
  const parts = [`${m.frame.predicate}(${text(m.subject)} → ${text(m.object)})`, `by «${r.text.slice(m.triggerStart, m.triggerEnd)}»`];
  if (m.date) parts.push(`date=${r.text.slice(m.date.start, m.date.end)}`);
  if (m.place) parts.push(`place=${text(m.place)}`);
  if (m.relation) parts.push(`${m.relation.relation} ${text(m.relation.event)}`);
  if (m.negation) parts.push('negated');
  if (m.hedge) parts.push('hedged');
  return parts.join(' ');
}
