/**
 * What a slot's phrase refers to when it is not a name the base links: a definite description
 * of an event ("the war", "the fighting", "the revolution", "the summit") stands for the one
 * event of that kind the base records, when there is exactly one. Two candidates, or none,
 * resolve nothing.
 */

import type { FactBase } from '../factbase/factbase.js';
import { oncePerBase } from '../factbase/memo.js';
import type { Filler } from '../frames/match.js';
import type { Sentence } from '../checks/types.js';
import type { Name } from '../reading/names.js';
import type { NounPhrase } from '../reading/phrases.js';
import type { Reading } from '../reading/reading.js';
import { fold } from '../text/tokens.js';

/** Nouns that describe an event, and the word its name would hold. */
const EVENT_NOUNS: Readonly<Record<string, string>> = {
  war: 'war', fighting: 'war', conflict: 'war', hostility: 'war', revolution: 'revolution', uprising: 'revolution',
  summit: 'summit', deal: 'deal',
};

/** Nouns that describe a relationship between countries. */
const RELATION_NOUNS = new Set(['tie', 'ties', 'relation', 'relations', 'relationship', 'friendship', 'partnership', 'cooperation', 'link', 'links', 'alliance']);
/** Words of a relationship's name that say what kind of relationship it is, beyond its parties. */
const PLAIN = new Set(['relation', 'relations', 'relationship', 'ties', 'tie', 'between', 'and', 'of', 'the']);

/** The one thing a phrase names: its own name, or what it stands for from an earlier sentence. */
export function nameOfPhrase(r: Sentence, p: NounPhrase): Name | undefined {
  if (p.referent) return p.referent;
  const earlier = r.referents.get(p);
  return earlier?.length === 1 ? earlier[0] : undefined;
}

/** The entity a filler refers to: its linked name, or the one base event a definite description fits. */
export function referent(base: FactBase, f: Filler | undefined, types: readonly string[] = ['event', 'agreement'], r?: Reading): string | undefined {
  if (!f) return undefined;
  if (f.name?.entity) return f.name.entity;
  if (!f.name && !f.phrase.pronoun && r && RELATION_NOUNS.has(f.phrase.head.lemma)) return relationship(base, f, r);
  if (f.name || !f.phrase.definite || f.phrase.pronoun) return undefined;
  const key = Object.hasOwn(EVENT_NOUNS, f.phrase.head.lemma) ? EVENT_NOUNS[f.phrase.head.lemma] : undefined;
  if (!key) return undefined;
  let found: string | undefined;
  for (const e of eventsOf(base, types)) {
    if (!e.words.has(key)) continue;
    if (found) return undefined;
    found = e.id;
  }
  return found;
}

interface EventNames {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** The folded words of its name and aliases. */
  readonly words: ReadonlySet<string>;
}

function eventsOf(base: FactBase, types: readonly string[]): readonly EventNames[] {
  return eventsOfTypes(base, types.join(','));
}

/** The base's entities of the comma-separated types, with the words of their names. */
const eventsOfTypes = oncePerBase((base, key): readonly EventNames[] => {
  const types = key.split(',');
  return types
    .flatMap((t) => base.ofType(t))
    .map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, words: new Set(fold(`${e.name} ${e.aliases.join(' ')}`).split(/[^a-z0-9]+/)) }));
});

/**
 * The relationship a description names: "friendly relations between the two nations", "the
 * arms relationship", "warm ties". A relationship entity fits when its name holds the
 * description's nouns ("arms") and no other word than its parties and a word for ties; the
 * description must fit exactly one.
 */
function relationship(base: FactBase, f: Filler, r: Reading): string | undefined {
  const nouns = r.words.slice(f.phrase.first, f.phrase.head.i).filter((w) => w.tag === 'NOUN').map((w) => w.lemma);
  let found: string | undefined;
  for (const e of eventsOf(base, ['relationship'])) {
    const words = new Set(fold(e.name).split(/[^a-z0-9]+/).filter(Boolean));
    const parties = new Set<string>();
    for (const n of f.phrase.names) for (const w of fold(n.text).split(/[^a-z0-9]+/)) parties.add(w);
    const extra = [...words].filter((w) => !PLAIN.has(w) && !isPartyWord(base, w));
    if (!nouns.every((n) => words.has(n) || words.has(`${n}s`))) continue;
    if (extra.some((w) => !nouns.includes(w))) continue;
    if (found) return undefined;
    found = e.id;
  }
  return found;
}

/** Whether a word is part of a country's name in the base ("north", "korea", "iran"). */
function isPartyWord(base: FactBase, word: string): boolean {
  let words = partyWords.get(base);
  if (!words) {
    words = new Set();
    for (const e of base.ofType('country')) for (const w of fold(e.name).split(/[^a-z0-9]+/)) words.add(w);
    partyWords.set(base, words);
  }
  return words.has(word);
}

const partyWords = new WeakMap<FactBase, Set<string>>();
