/**
 * Offices and titles of people at the time of the event: "then-President Ali Khamenei",
 * "Iranian President Hassan Rouhani", "North Korean Foreign Minister Ri Yong Ho", "Khamenei,
 * then Iran's president,", "Kim Yong Nam, president of the Presidium of the Supreme People's
 * Assembly", "Rouhani was Iran's president".
 *
 * The title is read from the words around a person mention, not from office mentions, because
 * "President" alone names no office: a title word ("President", "Foreign Minister"...) or an
 * office's own title from the base, optionally marked "then-"/"former", with the country as a
 * demonym ("Iranian"), a possessive ("Iran's"), a name ("Iran President") or "of Iran". The
 * candidate office is every office of the base with that title (and that country, if given),
 * compared with the person's `held-office` statements:
 *
 * - supported when the person held it; when the sentence names one year and a statement of that
 *   office is dated, the date must fit;
 * - refuted when the title cannot be right: every office the person is recorded in belongs to
 *   another country than the one the draft names, or the base records someone else in the named
 *   office at the sentence's time. The wrong words are the country when the title fits another
 *   country's office, the title when the country fits, and both otherwise. The base's list of a
 *   person's offices is not complete, so a title it merely does not record is left alone, and so
 *   is an undated record beside a dated one of another office in the same year (a person can hold
 *   two offices in one year);
 * - silent for people with no recorded office, for short forms of a longer recorded title
 *   ("President Kim Yong Nam" for the President of the Presidium), for titles qualified by
 *   something that is not a country ("president of the Red Cross"), for honorifics
 *   ("Ayatollah"), and when a dated record of the named office simply does not cover the year.
 *
 * Only the copular form ("X was Iran's president") can be denied; a denial of a recorded office
 * is refuted, a denial of any other office is left alone.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import { formatDate } from '../factbase/dates.js';
import { hedged, type ResolvedMention, type SentenceView } from '../claims/sentence.js';
import type { Check, Judgement } from './types.js';

/** Title words that name an office whether or not the base has one of that title. */
const GENERIC_TITLES = [
  'president', 'vice president', 'prime minister', 'deputy prime minister', 'foreign minister', 'defense minister',
  'defence minister', 'supreme leader', 'minister of foreign affairs', 'minister of defense', 'minister of defence',
];
/** Different words for one title. */
const SYNONYMS: Readonly<Record<string, string>> = {
  'defence minister': 'defense minister',
  'minister of foreign affairs': 'foreign minister',
  'minister of defense': 'defense minister',
  'minister of defence': 'defense minister',
};
const MARK = String.raw`(?:then|former|ex|current|late|now)`;
const HONORIFIC = String.raw`(?:(?:Ayatollah|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sheikh|Marshal|General)\s+)`;

type CountryForm = 'demonym' | 'possessive' | 'name';

interface Office {
  readonly id: string;
  readonly name: string;
  /** The title without its country, as written in the base: "President", "Foreign Minister". */
  readonly title: string;
  /** Normalised titles the office answers to. */
  readonly keys: ReadonlySet<string>;
  readonly country?: string;
}

interface Country {
  readonly id: string;
  readonly name: string;
  readonly demonym?: string;
}

interface Lexicon {
  readonly offices: ReadonlyMap<string, Office>;
  readonly countries: ReadonlyMap<string, Country>;
  /** Lower-cased names, aliases and demonyms of countries → country id. */
  readonly countryByWord: ReadonlyMap<string, string>;
  readonly before: RegExp;
  readonly after: RegExp;
  readonly copula: RegExp;
}

/** A title claim found next to a person mention. */
interface TitleClaim {
  readonly person: ResolvedMention;
  readonly key: string;
  readonly titleStart: number;
  readonly titleEnd: number;
  readonly country?: { readonly id: string; readonly start: number; readonly end: number; readonly form: CountryForm; readonly text: string };
  readonly claimStart: number;
  readonly claimEnd: number;
  /** For a denied copula ("was not"): its range and the words without the denial. */
  readonly denial?: { readonly start: number; readonly end: number; readonly positive: string };
}

const lexicons = new WeakMap<FactBase, Lexicon>();

export const office: Check = {
  code: 'office',
  description: 'Offices and titles of people at the time of the event: "then-President Ali Khamenei", "Iranian President Hassan Rouhani", "Kim Yong Nam, president of the Presidium".',
  run(view, base) {
    const lex = lexiconOf(base);
    const out: Judgement[] = [];
    const people = view.mentions.filter((m) => base.entities.get(m.entity)?.type === 'person');
    for (const person of people) {
      if (base.about(person.entity, 'held-office').length === 0) continue;
      for (const claim of titlesAround(view, lex, person)) {
        const j = judge(view, base, lex, claim);
        if (j) out.push(j);
      }
    }
    return out;
  },
};

function lexiconOf(base: FactBase): Lexicon {
  const cached = lexicons.get(base);
  if (cached) return cached;
  const countries = new Map<string, Country>();
  const countryByWord = new Map<string, string>();
  const names: string[] = [];
  const demonyms: string[] = [];
  for (const e of base.entities.values()) {
    if (e.type !== 'country') continue;
    countries.set(e.id, { id: e.id, name: e.name, ...(e.demonyms[0] !== undefined && { demonym: e.demonyms[0] }) });
    for (const n of [e.name, ...e.aliases]) {
      names.push(n);
      countryByWord.set(norm(n), e.id);
    }
    for (const d of e.demonyms) {
      demonyms.push(d);
      countryByWord.set(norm(d), e.id);
    }
  }
  const offices = new Map<string, Office>();
  const titles = new Set(GENERIC_TITLES);
  for (const e of base.entities.values()) {
    if (e.type !== 'office') continue;
    const c = base.about(e.id, 'country').find((s) => s.value.kind === 'entity');
    const country = c?.value.kind === 'entity' ? c.value.id : undefined;
    const words = country ? [...names, ...demonyms].filter((w) => countryByWord.get(norm(w)) === country) : [];
    const strip = (text: string) => {
      let t = text;
      for (const w of words) {
        const we = escape(w);
        t = t.replace(new RegExp(String.raw`^${we}(?:['’]s)?\s+`, 'i'), '').replace(new RegExp(String.raw`\s+of\s+(?:the\s+)?${we}$`, 'i'), '');
      }
      return t;
    };
    const keys = new Set([e.name, ...e.aliases].map((n) => key(strip(n))));
    for (const k of keys) titles.add(k);
    offices.set(e.id, { id: e.id, name: e.name, title: strip(e.name), keys, ...(country !== undefined && { country }) });
  }
  const alt = (list: Iterable<string>) => [...new Set(list)].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/\\?\s+/g, String.raw`\s+`).replace(/'/g, "['’]")).join('|');
  const TITLE = `(?:${alt(titles)})`;
  const COUNTRY = `(?:${alt([...demonyms, ...names])})(?:['’]s)?`;
  const NAME = `(?:${alt(names)})`;
  const OF = String.raw`(?:\s+of\s+(?:the\s+)?(?<of>${NAME})\b)?(?<rest>\s+of\b|['’]s\b)?(?<next>\s+\S)?`;
  const before = new RegExp(String.raw`(?:\b(?<mark1>${MARK})[\s-]+)?(?:\b(?<country>${COUNTRY})\s+)?(?:(?<mark2>${MARK})[\s-]+)?\b(?<title>${TITLE})\s+${HONORIFIC}?$`, 'diu');
  const after = new RegExp(String.raw`^\s*,\s*(?:(?:reportedly|allegedly|apparently)\s+)?(?:who\s+(?:was|is)\s+)?(?:as\s+)?(?:(?:then|now|formerly|former|currently|later)\s+)?(?:the\s+)?(?:${MARK}[\s-]+)?(?:(?<country>${COUNTRY})\s+)?(?<title>${TITLE})\b${OF}`, 'diu');
  const VERB = String.raw`(?:(?:was|is|had\s+been|has\s+been|became|served\s+as|remained|remains)(?:\s+(?:not|never))?|wasn['’]t|isn['’]t|never\s+(?:was|became|served\s+as)|did\s+not\s+become|didn['’]t\s+become)`;
  const copula = new RegExp(String.raw`^\s+(?:(?:reportedly|allegedly|apparently|once|later|briefly)\s+)?(?<verb>${VERB})\s+(?:(?:then|later|once|formerly|still)\s+)?(?:the\s+)?(?:${MARK}[\s-]+)?(?:(?<country>${COUNTRY})\s+)?(?<title>${TITLE})\b${OF}`, 'diu');
  const lex: Lexicon = { offices, countries, countryByWord, before, after, copula };
  lexicons.set(base, lex);
  return lex;
}

/** The title claims before ("President X"), after ("X, then Iran's president") and of ("X was president") a person. */
function titlesAround(view: SentenceView, lex: Lexicon, person: ResolvedMention): TitleClaim[] {
  const out: TitleClaim[] = [];
  const text = view.text;
  const head = text.slice(view.start, person.start);
  const b = lex.before.exec(head);
  if (b?.indices?.groups) {
    const claim = build(lex, text, person, b, view.start, view.start + b.index, person.end);
    if (claim) out.push(claim);
  }
  const tail = text.slice(person.end, view.end);
  for (const re of [lex.after, lex.copula]) {
    const a = re.exec(tail);
    // "X, President Y": a title followed by a name is the next person's.
    if (!a?.indices?.groups || a.groups?.rest || /^\s+\p{Lu}/u.test(a.groups?.next ?? '')) continue;
    const end = person.end + a.index + a[0].length - (a.groups?.next?.length ?? 0);
    const claim = build(lex, text, person, a, person.end, person.start, end);
    if (claim) out.push(claim);
  }
  return out;
}

function build(lex: Lexicon, text: string, person: ResolvedMention, m: RegExpExecArray, offset: number, claimStart: number, claimEnd: number): TitleClaim | undefined {
  const ix = m.indices?.groups;
  const title = ix?.title;
  if (!ix || !title) return undefined;
  let country: TitleClaim['country'];
  const c = ix.country ?? ix.of;
  if (c) {
    const words = text.slice(offset + c[0], offset + c[1]);
    // Country names and demonyms are proper nouns: "us president" is not the US.
    if (!/^\p{Lu}/u.test(words)) return undefined;
    const possessive = /['’]s$/.test(words);
    const id = lex.countryByWord.get(norm(words.replace(/['’]s$/, '')));
    if (!id) return undefined;
        // "US President X" is corrected to "American President X", "President of the US" to "of Iran".
    const form: CountryForm = possessive ? 'possessive' : ix.of ? 'name' : 'demonym';
    country = { id, start: offset + c[0], end: offset + c[1], form, text: words };
  }
  const verb = ix.verb;
  let denial: TitleClaim['denial'];
  if (verb) {
    const words = text.slice(offset + verb[0], offset + verb[1]);
    if (/\b(?:not|never)\b|n['’]t\b/i.test(words)) {
      const positive = words
        .replace(/^never\s+/i, '')
        .replace(/\s+(?:not|never)$/i, '')
        .replace(/^(wa|i)sn['’]t$/i, (_, s: string) => `${s}s`)
        .replace(/^(?:did\s+not|didn['’]t)\s+become$/i, 'became');
      denial = { start: offset + verb[0], end: offset + verb[1], positive };
    }
  }
  return {
    person,
    key: key(text.slice(offset + title[0], offset + title[1])),
    titleStart: offset + title[0],
    titleEnd: offset + title[1],
    ...(country && { country }),
    claimStart,
    claimEnd,
    ...(denial && { denial }),
  };
}

function judge(view: SentenceView, base: FactBase, lex: Lexicon, claim: TitleClaim): Judgement | undefined {
  const held = base.about(claim.person.entity, 'held-office').filter((s) => s.value.kind === 'entity' && lex.offices.has(s.value.id));
  if (held.length === 0) return undefined;
  const officeOf = (s: Statement) => lex.offices.get(s.value.kind === 'entity' ? s.value.id : '')!;
  const fits = (o: Office) => o.keys.has(claim.key) && (!claim.country || o.country === claim.country.id);
  const year = sentenceYear(view);
  const matching = held.filter((s) => fits(officeOf(s)));
  const soft = hedged(view, claim.claimStart, claim.claimEnd);
  let right: Statement[] = [];
  let instead: Statement[] = [];
  if (matching.length) {
    if (year === undefined) right = matching;
    else {
      const dated = matching.filter((s) => atYear(s, year) === true);
      const undated = matching.filter((s) => atYear(s, year) === undefined);
      const others = held.filter((s) => !matching.includes(s) && atYear(s, year) === true);
      if (dated.length) right = dated;
      // A person may hold two offices in one year (Khamenei was president and then Supreme
      // Leader in 1989): an undated record beside a dated one of another office decides nothing.
      else if (undated.length === matching.length && others.length) return undefined;
      else if (undated.length) right = undated;
      else return undefined;
    }
  } else {
    // "President Kim Yong Nam" for the President of the Presidium: a short form, not a mistake.
    if (held.some((s) => [...officeOf(s).keys].some((k) => k.startsWith(`${claim.key} `)))) return undefined;
    // The base's list of a person's offices is not complete, so a title it does not record is
    // refuted only when it cannot be right: the office of another country than every office the
    // person is recorded in, or an office the base records someone else holding at that time.
    const foreign = claim.country !== undefined && held.every((s) => officeOf(s).country !== undefined && officeOf(s).country !== claim.country!.id);
    const taken = year !== undefined && [...lex.offices.values()].some((o) => fits(o) && base.pointingTo(o.id, 'held-office').some((s) => s.subject !== claim.person.entity && atYear(s, year) === true));
    if (!foreign && !taken) return undefined;
    const atTime = year === undefined ? [] : held.filter((s) => atYear(s, year) === true);
    instead = atTime.length ? atTime : held;
  }
  const person = base.entities.get(claim.person.entity)?.name ?? claim.person.entity;
  if (right.length) {
    const facts = right.map((s) => s.id);
    if (!claim.denial) return { verdict: 'supported', start: claim.claimStart, end: claim.claimEnd, facts };
    return {
      verdict: 'refuted', start: claim.denial.start, end: claim.denial.end, facts, hedged: soft, replacement: claim.denial.positive,
      message: `The draft denies that ${person} was ${view.text.slice(Math.min(claim.titleStart, claim.country?.start ?? Infinity), claim.titleEnd)}; the fact base records ${person} as ${records(right, lex)}.`,
    };
  }
  if (claim.denial) return undefined;
  const offices = [...new Map(instead.map((s) => [officeOf(s).id, officeOf(s)])).values()];
  const facts = instead.map((s) => s.id);
  const sameTitle = offices.filter((o) => o.keys.has(claim.key));
  const sameCountry = offices.filter((o) => !claim.country || o.country === claim.country.id);
  const said = view.text.slice(Math.min(claim.titleStart, claim.country?.start ?? Infinity), Math.max(claim.titleEnd, claim.country?.end ?? 0));
  const message = `The draft calls ${person} ${said}; the fact base records ${person} as ${records(instead, lex)}.`;
  const titleText = view.text.slice(claim.titleStart, claim.titleEnd);
  // A lower-case title in the draft keeps proper nouns inside the office's title: "president of the Presidium".
  const cased = (o: Office) => (/^\p{Lu}/u.test(titleText) ? o.title : GENERIC_TITLES.includes(key(o.title)) ? o.title.toLowerCase() : o.title.charAt(0).toLowerCase() + o.title.slice(1));
  const one = <T>(list: readonly T[]) => (list.length === 1 ? list[0] : undefined);
  if (claim.country && sameTitle.length) {
    const o = one(sameTitle);
    const replacement = o?.country ? countryWords(lex, o.country, claim.country.form, claim.country.text) : undefined;
    return { verdict: 'refuted', start: claim.country.start, end: claim.country.end, facts, message, hedged: soft, ...(replacement !== undefined && { replacement }) };
  }
  if (sameCountry.length) {
    const o = one(sameCountry);
    return { verdict: 'refuted', start: claim.titleStart, end: claim.titleEnd, facts, message, hedged: soft, ...(o && { replacement: cased(o) }) };
  }
  const c = claim.country!;
  const o = one(offices);
  let replacement: string | undefined;
  if (o?.country) {
    const place = countryWords(lex, o.country, c.form, c.text);
    if (place !== undefined) replacement = c.start < claim.titleStart ? `${place} ${cased(o)}` : `${cased(o)} of ${place}`;
  }
  return {
    verdict: 'refuted', start: Math.min(c.start, claim.titleStart), end: Math.max(c.end, claim.titleEnd), facts, message, hedged: soft,
    ...(replacement !== undefined && { replacement }),
  };
}

/** "President of Iran in 1989 and Supreme Leader of Iran": recorded offices in words. */
function records(statements: readonly Statement[], lex: Lexicon): string {
  return statements
    .map((s) => {
      const o = lex.offices.get(s.value.kind === 'entity' ? s.value.id : '');
      const q = s.qualifiers;
      const when = q.pointInTime ? ` in ${formatDate(q.pointInTime)}` : q.start || q.end ? ` from ${q.start ? formatDate(q.start) : '?'} to ${q.end ? formatDate(q.end) : '?'}` : '';
      return `${o?.name ?? ''}${when}`;
    })
    .join(' and ');
}

/** The country in the form the draft used: "Iranian", "Iran's", "Iran". */
function countryWords(lex: Lexicon, id: string, form: CountryForm, draft: string): string | undefined {
  const c = lex.countries.get(id);
  if (!c) return undefined;
  if (form === 'demonym') return c.demonym;
  if (form === 'possessive') return `${c.name}${draft.includes('’') ? '’' : "'"}s`;
  return c.name;
}

/** Whether a held-office statement covers a year: true, false, or undefined when it has no date. */
function atYear(s: Statement, year: number): boolean | undefined {
  const q = s.qualifiers;
  if (q.pointInTime) return q.pointInTime.year === year;
  if (q.start || q.end) return (q.start?.year ?? -Infinity) <= year && year <= (q.end?.year ?? Infinity);
  return undefined;
}

/** The one year the sentence names, if it names exactly one. */
function sentenceYear(view: SentenceView): number | undefined {
  const years = new Set([...view.text.slice(view.start, view.end).matchAll(/\b(1[89]\d\d|20\d\d)\b/g)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0] : undefined;
}

function key(title: string): string {
  const k = norm(title).replace(/\s+/g, ' ');
  return SYNONYMS[k] ?? k;
}

function norm(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
