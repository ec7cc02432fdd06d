/**
 * Titles and occupations: "then-President", "Foreign Minister", "prime minister", "the
 * country's premier", "a former US diplomat", "CIA analyst". A title is a head word ("minister",
 * "president", "diplomat") with the modifiers that make it one office ("foreign", "prime",
 * "defense"), and optionally a time marker ("then", "former", "current").
 *
 * Titles are spans of their own so that they are never taken for unknown names ("President
 * Mahmoud Ahmadinejad" is a title and a name), and so that the office check can compare the
 * title a draft gives a person with the offices the base records.
 */

import type { Word } from './words.js';

/** Words that end a title of office. */
export const TITLE_HEADS = new Set(
  `president minister premier leader chairman chairwoman chair speaker secretary ambassador envoy king queen shah
  ayatollah general admiral marshal commander governor mayor senator chancellor emir sultan prince presidents ministers
  leaders ambassadors envoys`.split(/\s+/),
);

/** Words that end an occupation: not an office, but a line of work a person is known by. */
export const OCCUPATION_HEADS = new Set(
  `diplomat analyst official officer spy agent scholar professor researcher expert author journalist reporter
  correspondent columnist editor negotiator adviser advisor aide spokesman spokeswoman spokesperson director lawyer
  economist historian strategist commentator diplomats analysts officials officers scholars experts`.split(/\s+/),
);

/** Words that make a title more specific: "foreign minister", "prime minister", "vice president". */
export const TITLE_MODIFIERS = new Set(
  `foreign defense defence prime supreme vice deputy interior finance trade intelligence first chief senior top
  parliamentary state`.split(/\s+/),
);

/** Markers of time on a title: "then-President", "former diplomat". */
const MARKERS = new Set(['then', 'former', 'ex', 'current', 'late', 'now', 'onetime', 'erstwhile', 'sitting', 'incoming', 'outgoing']);

export type TitleMarker = 'then' | 'former' | 'current';

/** Titles of respect that name no office: "Ayatollah Ali Khamenei", "Marshal Kim Yong Nam". */
export const HONORIFICS = new Set(['ayatollah', 'marshal', 'general', 'admiral', 'sheikh', 'king', 'queen', 'prince', 'shah', 'emir', 'sultan']);

export interface Title {
  /** Word indices, inclusive, of the title words (without the marker). */
  readonly first: number;
  readonly last: number;
  /** Block indices of the title words. */
  readonly start: number;
  readonly end: number;
  /** The title in a normal form: "foreign minister", "prime minister", "president", "diplomat". */
  readonly key: string;
  readonly occupation: boolean;
  readonly marker?: TitleMarker;
  /** Where the marker is, when there is one. */
  readonly markerStart?: number;
}

const SYNONYMS: Readonly<Record<string, string>> = {
  'defence minister': 'defense minister',
  'minister of foreign affairs': 'foreign minister',
  'minister of defense': 'defense minister',
  'minister of defence': 'defense minister',
  'presidents': 'president',
  'ministers': 'minister',
  advisor: 'adviser',
};

/** The titles of a sentence, in order. */
export function findTitles(words: readonly Word[]): Title[] {
  const out: Title[] = [];
  for (let k = 0; k < words.length; k++) {
    const head = words[k]!;
    const occupation = OCCUPATION_HEADS.has(head.norm);
    if (!TITLE_HEADS.has(head.norm) && !occupation) continue;
    let first = k;
    while (first > 0 && TITLE_MODIFIERS.has(words[first - 1]!.norm)) first--;
    let last = k;
    // "minister of foreign affairs", "minister of defense".
    if (head.norm === 'minister' && words[k + 1]?.norm === 'of' && ['foreign', 'defense', 'defence'].includes(words[k + 2]?.norm ?? '')) {
      last = words[k + 3]?.norm === 'affairs' ? k + 3 : k + 2;
    }
    let key = '';
    for (let j = first; j <= last; j++) key += (key ? ' ' : '') + words[j]!.norm;
    key = SYNONYMS[key] ?? key;
    const marker = markerBefore(words, first);
    out.push({
      first,
      last,
      start: words[first]!.start,
      end: words[last]!.end,
      key: occupation ? (SYNONYMS[head.norm] ?? head.norm).replace(/s$/, '') : key,
      occupation,
      marker: marker?.marker,
      markerStart: marker?.start,
    });
    k = last;
  }
  return out;
}

function markerBefore(words: readonly Word[], first: number): { marker: TitleMarker; start: number } | undefined {
  let j = first - 1;
  if (words[j]?.text === '-') j--;
  // "a former US diplomat", "then Iran's president": a country word, perhaps possessive, may
  // stand between the marker and the title.
  for (let skip = 0; skip < 4 && j >= 0 && !MARKERS.has(words[j]!.norm); skip++) {
    if (!words[j]!.cap && words[j]!.tag !== 'PROPN' && words[j]!.tag !== 'POSS') break;
    j--;
  }
  const w = words[j];
  if (!w || !MARKERS.has(w.norm)) return undefined;
  const marker: TitleMarker = w.norm === 'then' ? 'then' : ['current', 'now', 'sitting'].includes(w.norm) ? 'current' : 'former';
  return { marker, start: w.start };
}
