/**
 * Kinds of things a name can name. The fact base types its entities finely ("missile",
 * "submarine-class", "government-body"); frames and unknown names need only the coarse kinds
 * that decide whether a name can fill a slot: a weapon's design parent is a weapon, a visit goes
 * to a place, a report is by a person, a body or a publication.
 */

export type Kind = 'person' | 'place' | 'organization' | 'publication' | 'weapon' | 'event' | 'office' | 'agreement' | 'document';

const BY_TYPE: Readonly<Record<string, Kind>> = {
  person: 'person',
  country: 'place',
  city: 'place',
  place: 'place',
  region: 'place',
  organization: 'organization',
  'government-body': 'organization',
  company: 'organization',
  publication: 'publication',
  missile: 'weapon',
  'submarine-class': 'weapon',
  'vessel-type': 'weapon',
  weapon: 'weapon',
  event: 'event',
  agreement: 'agreement',
  relationship: 'event',
  office: 'office',
  document: 'document',
  report: 'document',
};

/** The kind of a fact-base entity type; unknown types have none. */
export function kindOfType(type: string | undefined): Kind | undefined {
  return type === undefined ? undefined : BY_TYPE[type];
}

/** Head nouns of organization names: "Defense Intelligence Agency", "Brookings Institution". */
export const ORGANIZATION_WORDS = new Set(
  `agency office department ministry council institution institute treasury corporation corp company co committee
  commission bureau service services foundation university college center centre organization organisation association
  group bank army navy force forces corps guard guards party assembly parliament congress senate court union league fund
  administration pentagon kremlin network authority intelligence command embassy panel board secretariat cabinet
  presidium directorate trading industries enterprise enterprises firm society academy school`.split(/\s+/),
);

/** Nouns that follow a weapon's name ("Sang-O class", "Hwasong-6 missile"). */
export const WEAPON_WORDS = new Set(
  `missile missiles rocket rockets submarine submarines sub subs boat boats class destroyer frigate corvette tank tanks
  aircraft jet jets fighter fighters drone drones launcher launchers warhead warheads torpedo torpedoes design designs
  system systems vessel vessels craft weapon weapons variant variants bomber bombers helicopter helicopters`.split(/\s+/),
);

/** Nouns that follow a publication's name, and the words that introduce one. */
export const PUBLICATION_WORDS = new Set('magazine journal newspaper paper daily weekly review quarterly'.split(' '));
