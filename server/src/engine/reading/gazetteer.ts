/**
 * The world gazetteer: says what kind of place a name is (a country, a city, a country's
 * demonym) and which country it belongs to, for the names in world.json (every country from
 * world-countries, cities of 150,000 people or more from GeoNames; see scripts/gazetteer.ts).
 * It types names and nothing more: it makes no claim, and a name it does not know is not
 * thereby not a place.
 *
 * Names are kept in a trie over folded tokens, like the entity matcher's, so that the longest
 * name at a token is found in one walk bounded by the longest name. A leading "the" is
 * optional: "the United States" and "United States" are both names, and "The Hague" is also
 * found as "Hague".
 */

import { tokenize } from '../text/tokens.js';
import world from './world.json' with { type: 'json' };

export interface GazetteerEntry {
  readonly kind: 'country' | 'city';
  /**
   * The name as the gazetteer writes it, with diacritics: the spelling that matched ("Burma",
   * "the U.S.", "Japanese"), not necessarily the country's usual name (see `countryName`).
   * A name in capitals ("US", "UK", "DPRK") is an acronym: take it only where the text is in
   * capitals too, as the entity matcher does, so that "us" stays a pronoun.
   */
  readonly name: string;
  /** ISO 3166-1 alpha-2 code of the country the name is, or is in ("KP"). */
  readonly country: string;
  /** The name is the country's demonym ("Japanese", "North Korean"), not the country itself. */
  readonly demonym?: boolean;
}

/** One country of world.json: [usual name, other names, demonyms, capitals, cca2]. */
type CountryRecord = readonly [name: string, otherNames: readonly string[], demonyms: readonly string[], capitals: readonly string[], cca2: string];
/** One city of world.json: [name, cca2]. */
type CityRecord = readonly [name: string, cca2: string];

interface WorldData {
  readonly countries: readonly CountryRecord[];
  readonly cities: readonly CityRecord[];
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  entries?: GazetteerEntry[];
}

interface Country {
  readonly name: string;
  readonly demonyms: readonly string[];
  readonly capitals: readonly string[];
}

export class Gazetteer {
  private readonly root: TrieNode = { next: new Map() };
  private readonly countries = new Map<string, Country>();

  /**
   * Entries of one name come countries first, then demonyms, then cities in the order of the
   * data, which puts the most populous city of a name first ("London": GB before CA).
   */
  constructor(data: WorldData) {
    for (const [name, otherNames, demonyms, capitals, cca2] of data.countries) {
      this.countries.set(cca2, { name, demonyms, capitals });
      for (const n of [name, ...otherNames]) this.add(n, { kind: 'country', country: cca2 });
    }
    for (const [, , demonyms, , cca2] of data.countries) {
      for (const d of demonyms) this.add(d, { kind: 'country', country: cca2, demonym: true });
    }
    for (const [name, cca2] of data.cities) this.add(name, { kind: 'city', country: cca2 });
  }

  /**
   * The entries for exactly these words, folded as `fold` folds them ("north", "korea"), or
   * undefined when no name is written so.
   */
  lookup(words: readonly string[]): GazetteerEntry[] | undefined {
    let node: TrieNode | undefined = this.root;
    for (const w of words) {
      node = node.next.get(w);
      if (!node) return undefined;
    }
    return node.entries?.slice();
  }

  /**
   * The longest name that starts at `words[i]`, as the number of words it takes and its entries.
   * The words are folded tokens; the caller stops them where a name cannot run on (sentence
   * punctuation), since the gazetteer sees no text between them.
   */
  longestAt(words: readonly string[], i: number): { length: number; entries: GazetteerEntry[] } | undefined {
    let node: TrieNode | undefined = this.root;
    let best: { length: number; entries: GazetteerEntry[] } | undefined;
    for (let j = i; j < words.length; j++) {
      node = node.next.get(words[j]!);
      if (!node) break;
      if (node.entries) best = { length: j - i + 1, entries: node.entries.slice() };
    }
    return best;
  }

  /** The country's usual English name ("North Korea" for "KP"), or undefined for an unknown code. */
  countryName(cca2: string): string | undefined {
    return this.countries.get(cca2)?.name;
  }

  /** The country's English demonyms ("North Korean"), none for an unknown code. */
  demonymsOf(cca2: string): readonly string[] {
    return this.countries.get(cca2)?.demonyms ?? [];
  }

  /**
   * The country's capitals, the seat of government first (South Africa has three); none for an
   * unknown code or a country without one.
   */
  capitalOf(cca2: string): readonly string[] {
    return this.countries.get(cca2)?.capitals ?? [];
  }

  private add(written: string, entry: Omit<GazetteerEntry, 'name'>): void {
    const tokens = tokenize(written);
    const words = tokens.map((t) => t.norm);
    if (words.length === 0) return;
    this.insert(words, { ...entry, name: written });
    if (words.length > 1 && words[0] === 'the') this.insert(words.slice(1), { ...entry, name: written.slice(tokens[1]!.start) });
  }

  private insert(words: readonly string[], entry: GazetteerEntry): void {
    let node = this.root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    const entries = (node.entries ??= []);
    // Two spellings of one name ("Zhōngguó", "Zhongguo") are one entry: the first written.
    if (!entries.some((e) => e.kind === entry.kind && e.country === entry.country && e.demonym === entry.demonym)) entries.push(Object.freeze(entry));
  }
}

let shared: Gazetteer | undefined;

/** The gazetteer of world.json, built on first use and shared. */
export function gazetteer(): Gazetteer {
  // TypeScript types JSON arrays as arrays, not tuples; scripts/gazetteer.ts writes the records
  // in this shape, and a test regenerates the file to hold it to that.
  shared ??= new Gazetteer(world as unknown as WorldData);
  return shared;
}
