/**
 * The predicate vocabulary of statements: what each predicate means and which value it takes.
 * The loader enforces these signatures; facts/README.md documents them (a test keeps the two
 * in step), and the schema lists the same names for editor completion.
 */

/** What a statement's value must be. */
export type ValueKind =
  | { readonly kind: 'entity'; readonly types?: readonly string[] }
  | { readonly kind: 'statement' }
  | { readonly kind: 'quantity' }
  | { readonly kind: 'date-or-span' }
  | { readonly kind: 'text-or-entity' }
  | { readonly kind: 'text-or-statement' };

export interface PredicateInfo {
  readonly value: ValueKind;
  /** One line for the documentation and hover cards. */
  readonly meaning: string;
}

export const PREDICATES = {
  'active-in': { value: { kind: 'entity' }, meaning: 'the subject (an organization) operates in the object (a place)' },
  argues: {
    value: { kind: 'text-or-entity' },
    meaning: 'the subject (an author) argues the text, about `of`; `supports` and `contradicts` list wordings that restate or contradict it',
  },
  country: {
    value: { kind: 'entity', types: ['country'] },
    meaning: 'the country the subject belongs to or comes from: nationality of a person or organization, origin of a weapon, country of an office',
  },
  count: { value: { kind: 'quantity' }, meaning: 'how many of something (qualifier `of`) the subject had, as of a date' },
  courted: { value: { kind: 'entity' }, meaning: 'the subject sought closer ties with the object (`during` an event)' },
  denial: {
    value: { kind: 'text-or-statement' },
    meaning: 'the subject denied the object (another statement, such as a charge) or the text, on `point-in-time`',
  },
  'derived-from': {
    value: { kind: 'entity' },
    meaning: 'the subject was designed from the object; qualifier `relation` says how closely (version-of, copy-of, based-on, variant-of)',
  },
  employer: { value: { kind: 'entity' }, meaning: 'the subject (a person) worked for the object' },
  'focused-on': { value: { kind: 'text-or-entity' }, meaning: 'the subject (a relationship or programme) centred on the text or object, from `start` to `end`' },
  headquarters: { value: { kind: 'entity', types: ['city', 'place', 'country'] }, meaning: 'the subject (an organization) has its headquarters in the object (a place)' },
  'held-office': {
    value: { kind: 'entity', types: ['office'] },
    meaning: 'the subject (a person) held the object (an office) at `point-in-time` or from `start` to `end`',
  },
  'instance-of': { value: { kind: 'text-or-entity' }, meaning: 'the class of thing the subject is ("medium-range ballistic missile")' },
  'member-of': { value: { kind: 'entity' }, meaning: 'the subject is a member of the object (an organization, alliance or armed force), from `start` to `end`' },
  'participant-in': { value: { kind: 'entity', types: ['event'] }, meaning: 'the subject took part in the object (an event), with `role`' },
  rank: { value: { kind: 'text-or-entity' }, meaning: 'the subject (a person) held the military rank given as text ("lieutenant general"), at `point-in-time`' },
  'located-in': { value: { kind: 'entity' }, meaning: 'the subject (a place or event) is or was in the object (a place)' },
  met: { value: { kind: 'entity' }, meaning: 'the subject met or received the object, at `location` on `point-in-time`' },
  occurred: {
    value: { kind: 'date-or-span' },
    meaning: 'the subject (an event or relationship) took place on `date` (or `point-in-time`), from `start` to `end`, or `after`/`before` other events',
  },
  publisher: { value: { kind: 'entity' }, meaning: 'the object publishes the subject (a publication)' },
  reported: {
    value: { kind: 'statement' },
    meaning: 'the subject (a person or body) is the source of the object (another statement), writing `in` a publication, on `point-in-time`',
  },
  supplied: { value: { kind: 'entity' }, meaning: 'the subject supplied the object with arms or other goods (qualifier `item`), by any means, sale or not' },
  'sold-to': { value: { kind: 'entity' }, meaning: 'the subject sold the object arms or other goods (qualifier `item`)' },
  'trading-partner': { value: { kind: 'entity' }, meaning: 'the object is a trading partner of the subject (qualifier `rank`: key)' },
  'used-in': { value: { kind: 'entity', types: ['event'] }, meaning: 'the subject (a weapon) was used in the object (an event)' },
  value: { value: { kind: 'quantity' }, meaning: 'the money value of something (qualifier `of`), as of a date' },
  visited: { value: { kind: 'entity' }, meaning: 'the subject visited the object (a place) on `point-in-time`' },
  'withdrew-from': { value: { kind: 'entity' }, meaning: 'the subject withdrew from the object (an agreement or body)' },
} as const satisfies Record<string, PredicateInfo>;

export type Predicate = keyof typeof PREDICATES;

export function isPredicate(name: string): name is Predicate {
  return Object.prototype.hasOwnProperty.call(PREDICATES, name);
}
