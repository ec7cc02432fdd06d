/**
 * What a slot's phrase refers to when it is not a name the base links: a definite description
 * of an event ("the war", "the fighting", "the revolution", "the summit") stands for the one
 * event of that kind the base records, when there is exactly one. Two candidates, or none,
 * resolve nothing.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Filler } from '../frames/match.js';
import { fold } from '../text/tokens.js';

/** Nouns that describe an event, and the word its name would hold. */
const EVENT_NOUNS: Readonly<Record<string, string>> = {
  war: 'war', fighting: 'war', conflict: 'war', hostility: 'war', revolution: 'revolution', uprising: 'revolution',
  summit: 'summit', deal: 'deal',
};

/** The entity a filler refers to: its linked name, or the one base event a definite description fits. */
export function referent(base: FactBase, f: Filler | undefined, types: readonly string[] = ['event', 'agreement']): string | undefined {
  if (!f) return undefined;
  if (f.name?.entity) return f.name.entity;
  if (f.name || !f.phrase.definite || f.phrase.pronoun) return undefined;
  const key = EVENT_NOUNS[f.phrase.head.lemma];
  if (!key) return undefined;
  let found: string | undefined;
  for (const e of eventsOf(base, types)) {
    if (!fold(`${e.name} ${e.aliases.join(' ')}`).split(/[^a-z0-9]+/).includes(key)) continue;
    if (found) return undefined;
    found = e.id;
  }
  return found;
}

const cache = new WeakMap<FactBase, Map<string, Array<{ id: string; name: string; aliases: readonly string[] }>>>();

function eventsOf(base: FactBase, types: readonly string[]): Array<{ id: string; name: string; aliases: readonly string[] }> {
  let byTypes = cache.get(base);
  if (!byTypes) cache.set(base, (byTypes = new Map()));
  const key = types.join(',');
  let list = byTypes.get(key);
  if (!list) {
    list = [...base.entities.values()].filter((e) => types.includes(e.type)).map((e) => ({ id: e.id, name: e.name, aliases: e.aliases }));
    byTypes.set(key, list);
  }
  return list;
}
