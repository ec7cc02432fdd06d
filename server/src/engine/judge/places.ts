/**
 * Places and what contains them: a meeting in Tehran is a meeting in Iran, because the base says
 * Tehran is in Iran (`located-in`). A place the base does not know but the world gazetteer does
 * ("Isfahan", "Hanoi") is compared through its country: Hanoi is not in Singapore, and Isfahan,
 * a city of Iran, is not Tehran.
 */

import type { FactBase } from '../factbase/factbase.js';
import { gazetteer } from '../reading/gazetteer.js';
import { oncePerBase } from '../factbase/memo.js';
import type { Name } from '../reading/names.js';
import { tokenize } from '../text/tokens.js';

/** The places an entity is in, nearest first (not including itself). */
export function containers(base: FactBase, id: string): string[] {
  const out: string[] = [];
  let current = id;
  for (;;) {
    const s = base.about(current, 'located-in').find((st) => st.value.kind === 'entity');
    if (!s || s.value.kind !== 'entity' || out.includes(s.value.id) || s.value.id === id) return out;
    out.push(s.value.id);
    current = s.value.id;
  }
}

/** Whether `inner` is `outer` or lies in it, following `located-in`. */
export function within(base: FactBase, inner: string, outer: string): boolean {
  return inner === outer || containers(base, inner).includes(outer);
}

/** The `located-in` statements that take `inner` up to `outer`, for a verdict's facts. */
export function containment(base: FactBase, inner: string, outer: string): string[] {
  const out: string[] = [];
  let current = inner;
  while (current !== outer) {
    const s = base.about(current, 'located-in').find((st) => st.value.kind === 'entity');
    if (!s || s.value.kind !== 'entity' || out.includes(s.id)) return out;
    out.push(s.id);
    current = s.value.id;
  }
  return out;
}

export type PlaceFit = 'agrees' | 'finer' | 'conflicts' | 'unknown';

/**
 * How a place the draft names fits a recorded one: it agrees when the record lies in it ("in
 * Iran" for Tehran), is finer when it lies in the record (a district of Tehran: the base cannot
 * judge), and conflicts when neither contains the other. A name only the gazetteer knows
 * conflicts with a recorded country it is not in, and with a recorded city it is not.
 */
export function placeFit(base: FactBase, drafted: Name, recorded: string): PlaceFit {
  const countryCode = (id: string) => countryCodeOf(base, id);
  if (drafted.entity) {
    if (within(base, recorded, drafted.entity)) return 'agrees';
    if (within(base, drafted.entity, recorded)) return 'finer';
    return base.entities.get(drafted.entity)?.type === 'place' || base.entities.get(recorded)?.type === 'place' ? 'unknown' : 'conflicts';
  }
  if (!drafted.kinds.has('place') || drafted.country === undefined) return 'unknown';
  const type = base.entities.get(recorded)?.type;
  const chain = [recorded, ...containers(base, recorded)];
  const codes = chain.map(countryCode).filter((c): c is string => c !== undefined);
  if (drafted.placeKind === 'country') return codes.includes(drafted.country) ? 'agrees' : codes.length ? 'conflicts' : 'unknown';
  if (type === 'country') return codes.includes(drafted.country) ? 'finer' : 'conflicts';
  // Another city than the recorded one.
  if (type === 'city') return 'conflicts';
  return 'unknown';
}

/** The gazetteer's country code of a base country, by its names; undefined for any other entity (callers walk a city's containers). */
export const countryCodeOf = oncePerBase((base, id): string | undefined => {
  const e = base.entities.get(id);
  if (e?.type !== 'country') return undefined;
  for (const n of [e.name, ...e.aliases]) {
    const code = gazetteer().lookup(tokenize(n).map((t) => t.norm))?.find((x) => x.kind === 'country' && !x.demonym)?.country;
    if (code) return code;
  }
  return undefined;
});
