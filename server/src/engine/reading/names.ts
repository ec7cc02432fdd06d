/**
 * Names in a sentence: mentions of fact-base entities (found by the entity matcher) and names the
 * base has never heard of ("Scud-C", "Sang-O class", "Kim Il Sung", "Foreign Policy", "Defense
 * Intelligence Agency"), each with the kinds of thing it can name.
 *
 * Recognising and linking are kept apart: an unknown name is still a name, typed from its shape
 * and the words around it, so that it can fill a slot of a claim ("a copy of the Scud-C" names a
 * weapon the base does not know, and the base's one design parent of the Shahab-3 says it is
 * wrong). The kind of an unknown name comes from:
 * - the world gazetteer: countries and cities are places, "Japanese" is a demonym;
 * - its own words: an organization word ("Agency", "Institution", "Treasury"), a weapon
 *   designator ("Hwasong-6", "Scud-C", a "-class" suffix), an acronym;
 * - its neighbours: a weapon noun after it ("the Musudan missile"), a title before it
 *   ("President Mahmoud Ahmadinejad"), a verb of saying after it ("Victor Cha wrote"), "writing
 *   in" before it (a publication).
 * A name with no such clue keeps every kind a capitalised run can have, and a frame decides.
 */

import type { Mention } from '../entities/matcher.js';
import type { Word } from './words.js';
import { kindOfType, ORGANIZATION_WORDS, PUBLICATION_WORDS, WEAPON_WORDS, type Kind } from './kinds.js';
import { TITLE_HEADS, type Title } from './titles.js';

/** A name: a linked entity mention, an unknown name, or a demonym ("North Korean", "Japanese"). */
export interface Name {
  /** Word indices, inclusive. */
  readonly first: number;
  readonly last: number;
  /** Block indices. */
  readonly start: number;
  readonly end: number;
  /** As written. */
  readonly text: string;
  /** The base entity it names, when the matcher linked it to exactly one. */
  readonly entity?: string;
  /** Entities an ambiguous mention may be. */
  readonly candidates?: readonly string[];
  /** What it can name. Empty for a demonym. */
  readonly kinds: ReadonlySet<Kind>;
  /** A demonym: the country it belongs to, as a base entity id or a gazetteer country code. */
  readonly demonymOf?: string;
  /** Found in the gazetteer: the country code of the place or demonym, and whether it is a country or a city. */
  readonly country?: string;
  readonly placeKind?: 'country' | 'city';
}

/** The part of the world gazetteer the reader uses (reading/gazetteer.ts). */
export interface PlaceLookup {
  longestAt(words: readonly string[], i: number): { length: number; entries: readonly { kind: 'country' | 'city'; name: string; country: string; demonym?: boolean }[] } | undefined;
}

export interface NameContext {
  readonly typeOf: (entity: string) => string | undefined;
  /** An entity's name, to compare with the words around a mention. */
  readonly nameOf?: (entity: string) => string | undefined;
  /** The base entity of a country, by gazetteer country code, when the base has it. */
  readonly countryEntity?: (code: string) => string | undefined;
  readonly places?: PlaceLookup;
  /** The block is a heading in title case: capitals say nothing about names. */
  readonly titleCase?: boolean;
}

/** Number words: "Fourteen" at the start of a sentence is a figure, not a name. */
const NUMBER_WORDS = new Set('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion dozen dozens hundreds thousands millions'.split(' '));
const MONTHS = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
/** Capitalised words that begin a sentence or a heading and are no names. */
const NOT_NAMES = new Set(
  `i photo image caption source note update editor memo re to from cc subject date background timeline key fact box
  figure table chart map analysis opinion comment news report breaking exclusive correction by and or but yes no ok
  islamic`.split(/\s+/),
);
/** Words that may join the parts of an organization's or a publication's name. */
const CONNECTORS = new Set(['of', 'on', 'for', 'and', 'de', 'the']);
const SAYING = new Set('say said says told tells wrote writes write argued argues argue noted notes note added adds declared declares warned warns estimated estimates claimed claims reported reports insisted insists recalled recalls concluded concludes testified stated states observed observes asserted asserts announced announces quipped explained explains indicated indicates believes believed thinks thought'.split(' '));
/** An unknown name with no clue to its kind may be any of these; the frame it fills decides. */
const UNTYPED: readonly Kind[] = ['person', 'place', 'organization', 'publication', 'weapon'];
const PUBLICATION_CUES = new Set(['writing', 'wrote', 'published', 'appeared', 'write', 'writes', 'column', 'op-ed', 'pages']);

/**
 * The names of a sentence, in order, none overlapping. `mentions` are the matcher's, in block
 * indices; the words of `titles` are no names ("Foreign Minister Ri Yong Ho").
 */
export function findNames(words: readonly Word[], mentions: readonly Mention[], titles: readonly Title[], context: NameContext): Name[] {
  const out: Name[] = [];
  const covered = new Array<boolean>(words.length).fill(false);
  const titleWords = new Array<boolean>(words.length).fill(false);
  for (const t of titles) for (let k = t.first; k <= t.last; k++) titleWords[k] = true;
  let w = 0;
  for (const m of mentions) {
    while (w < words.length && words[w]!.end <= m.start) w++;
    let last = w;
    while (last + 1 < words.length && words[last + 1]!.start < m.end) last++;
    if (w >= words.length || words[w]!.start >= m.end) continue;
    // A mention that ends inside a hyphenated designator is part of a longer name: "Nodong" in
    // "Nodong-derived" is the Nodong-1, but "Shahab" in "Shahab-1" is no Shahab-3.
    const after = words[last + 1];
    if (after && after.joined && after.text === '-' && words[last + 2]?.joined && /^\d+$|^\p{Lu}$/u.test(words[last + 2]!.text)) continue;
    let single = m.entities.length === 1 ? m.entities[0]! : undefined;
    const kind = single ? kindOfType(context.typeOf(single)) : undefined;
    // "a second US-North Korea summit" is not the first one: an ordinal the event's name does
    // not carry says the mention is of another occasion of the same kind.
    if (single && kind === 'event' && otherOccasion(words, w, context.nameOf?.(single))) single = undefined;
    const name = nameOf(w, last, words, new Set(m.kind === 'demonym' || !kind ? [] : [kind]), {
      entity: single,
      candidates: m.entities.length > 1 ? m.entities : undefined,
      demonymOf: m.kind === 'demonym' ? single : undefined,
    });
    out.push(name);
    for (let k = w; k <= last; k++) covered[k] = true;
  }
  const unavailable = covered.map((c, k) => c || titleWords[k]!);
  for (const name of unknownNames(words, unavailable, context)) out.push(name);
  return out.sort((a, b) => a.first - b.first);
}

const OTHER_OCCASION = new Set(['second', 'third', 'fourth', 'fifth', 'next', 'later', 'subsequent', 'another', 'last', 'latest', 'previous', 'earlier', '2nd', '3rd', '4th', '5th', 'new', 'follow-up']);

/** Whether the words before a mention at `w` say it is another occasion than the named event. */
function otherOccasion(words: readonly Word[], w: number, name: string | undefined): boolean {
  for (let j = w - 1; j >= 0 && j >= w - 3; j--) {
    const x = words[j]!;
    if (OTHER_OCCASION.has(x.norm)) return !(name ?? '').toLowerCase().split(/\W+/).includes(x.norm);
    if (x.tag === 'PUNCT' || x.tag === 'VERB' || x.tag === 'PREP') return false;
  }
  return false;
}

function wordsText(words: readonly Word[], first: number, last: number): string {
  let s = '';
  for (let k = first; k <= last; k++) s += (k > first && !words[k]!.joined ? ' ' : '') + words[k]!.text;
  return s;
}

/** Whether a word can be part of a name by its own shape. */
function nameLike(words: readonly Word[], k: number, context: NameContext): boolean {
  const w = words[k]!;
  if (!w.cap && !w.upper) return false;
  if (MONTHS.has(w.norm) || WEEKDAYS.has(w.norm) || NUMBER_WORDS.has(w.norm.split('-')[0]!)) return false;
  if (context.titleCase) return false;
  if (w.initial || afterOpening(words, k)) {
    // At the start of a sentence a capital proves nothing: only a name the gazetteer knows, a
    // designator or a word the lexicon does not know as a common one counts.
    if (w.tag !== 'PROPN' || NOT_NAMES.has(w.norm)) return false;
  }
  return w.tag === 'PROPN' || w.upper;
}

/** A word right after an opening mark at the start: "“Critics", "(Reuters". */
function afterOpening(words: readonly Word[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    const w = words[j]!;
    if (w.tag !== 'PUNCT') return false;
    if (!/^["“‘'«(*_#>\-–—[]$/.test(w.text)) return false;
    if (j === 0) return true;
  }
  return k === 0;
}

function unknownNames(words: readonly Word[], covered: readonly boolean[], context: NameContext): Name[] {
  const out: Name[] = [];
  const norms = words.map((w) => w.norm);
  for (let k = 0; k < words.length; ) {
    if (covered[k]) {
      k++;
      continue;
    }
    const place = context.places?.longestAt(norms, k);
    const acronym = place?.entries[0]?.name !== undefined && /^[\p{Lu}.]+$/u.test(place.entries[0].name);
    if (place && (acronym ? words[k]!.upper : words[k]!.cap) && !context.titleCase && !covered.slice(k, k + place.length).some(Boolean)) {
      const last = k + place.length - 1;
      const entry = place.entries[0]!;
      const demonym = place.entries.every((e) => e.demonym);
      const entity = demonym ? context.countryEntity?.(entry.country) : undefined;
      out.push(nameOf(k, last, words, new Set(demonym ? [] : ['place']), {
        country: entry.country,
        placeKind: entry.kind,
        demonymOf: demonym ? (entity ?? entry.country) : undefined,
      }));
      k = last + 1;
      continue;
    }
    if (!nameLike(words, k, context) && !designatorStart(words, k)) {
      k++;
      continue;
    }
    let last = k;
    for (;;) {
      const n = last + 1;
      if (n >= words.length || covered[n]) break;
      const next = words[n]!;
      // A hyphen inside a designator: "Sang-O", "Taepodong-2", "Scud-C", "Sang-O-class".
      if (next.text === '-' && next.joined && words[n + 1]?.joined && !covered[n + 1] && (/^[\p{Lu}\d]/u.test(words[n + 1]!.text) || words[n + 1]!.norm === 'class')) {
        last = n + 1;
        continue;
      }
      if (!next.joined && (nameLike(words, n, context) || /^\d+$/.test(next.text) && words[last]!.cap && !/^\d{4}$/.test(next.text))) {
        last = n;
        continue;
      }
      // "Office of Naval Intelligence", "Council on Foreign Relations".
      if (CONNECTORS.has(next.norm) && n + 1 < words.length && !covered[n + 1] && nameLike(words, n + 1, context) && hasOrganizationWord(words, k, n + 4)) {
        last = n + 1;
        continue;
      }
      break;
    }
    // A lone capitalised word opening the sentence before a common noun is an ordinary word:
    // "Friendly relations", "Warm ties". Names the base or the gazetteer knows were found above.
    if (last === k && words[k]!.initial && !designatorStart(words, k) && !words[k]!.upper && (words[k + 1]?.tag === 'NOUN' || words[k + 1]?.tag === 'ADJ') && !words[k + 1]!.cap) {
      k++;
      continue;
    }
    // A leading "The" of a title in mid-sentence: "The National Interest".
    let first = k;
    const the = words[k - 1];
    if (the && the.norm === 'the' && the.cap && !the.initial && !covered[k - 1]) first = k - 1;
    out.push(typed(words, first, last));
    k = last + 1;
  }
  return out;
}

function designatorStart(words: readonly Word[], k: number): boolean {
  const w = words[k]!;
  const hyphen = words[k + 1];
  return w.cap && hyphen !== undefined && hyphen.text === '-' && hyphen.joined && words[k + 2] !== undefined && words[k + 2]!.joined && /^[\p{Lu}\d]/u.test(words[k + 2]!.text);
}

function hasOrganizationWord(words: readonly Word[], from: number, to: number): boolean {
  for (let j = from; j <= to && j < words.length; j++) if (ORGANIZATION_WORDS.has(words[j]!.norm)) return true;
  return false;
}

/** An unknown name with the kinds its words and neighbours allow. */
function typed(words: readonly Word[], first: number, last: number): Name {
  const own = words.slice(first, last + 1);
  const next = words[last + 1];
  const prev = words[first - 1];
  const before2 = words[first - 2];
  const kinds = new Set<Kind>();
  const text = wordsText(words, first, last);
  const designator = own.some((w, j) => j > 0 && w.joined && (/^\d/.test(w.text) || /^\p{Lu}$/u.test(w.text) || w.norm === 'class'));
  if (own.some((w) => ORGANIZATION_WORDS.has(w.norm))) kinds.add('organization');
  else if (designator || (next && WEAPON_WORDS.has(next.norm))) kinds.add('weapon');
  else if (next && PUBLICATION_WORDS.has(next.norm)) kinds.add('publication');
  else if (prev && (prev.norm === 'in' || prev.norm === 'of') && before2 && PUBLICATION_CUES.has(before2.norm)) kinds.add('publication');
  else if (own.length === 1 && own[0]!.upper && own[0]!.text.length <= 6) kinds.add('organization');
  else if (prev && TITLE_HEADS.has(prev.norm)) kinds.add('person');
  else if (next && (next.tag === 'VERB' || next.tag === 'AUX') && SAYING.has(next.norm) && own.length >= 2) kinds.add('person');
  else for (const k of UNTYPED) kinds.add(k);
  return nameOf(first, last, words, kinds, {}, text);
}

/**
 * A name with every field, in one order, absent ones undefined: names are read by every check,
 * and objects of one shape keep those reads fast (see NounPhrase).
 */
function nameOf(
  first: number, last: number, words: readonly Word[], kinds: ReadonlySet<Kind>,
  optional: Pick<Name, 'entity' | 'candidates' | 'demonymOf' | 'country' | 'placeKind'>, text = wordsText(words, first, last),
): Name {
  return {
    first, last, start: words[first]!.start, end: words[last]!.end, text, entity: optional.entity, candidates: optional.candidates,
    kinds, demonymOf: optional.demonymOf, country: optional.country, placeKind: optional.placeKind,
  };
}
