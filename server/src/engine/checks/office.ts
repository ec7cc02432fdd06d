/**
 * Offices and titles of people at the time of the event: "then-President Ali Khamenei",
 * "Iranian President Hassan Rouhani", "North Korean Foreign Minister Ri Yong Ho", "Khamenei,
 * then Iran's president,", "Kim Yong Nam, president of the Presidium of the Supreme People's
 * Assembly", "Rouhani was Iran's president", "Iran's president at the time, Mahmoud
 * Ahmadinejad,". And the jobs the base records for a person: "a former US diplomat who worked on
 * Korean Peninsula policy at the State Department", "currently a director at West Wing Writers".
 *
 * A title is read from the reading's title spans and the phrases around a person's name: the
 * title words, the country as a demonym ("Iranian"), a possessive ("Iran's") or "of Iran", and a
 * time marker ("then", "former"). It is compared with the person's `held-office` statements:
 * - supported when the person held that office (at the sentence's year, when both are dated);
 * - refuted when the title cannot be right: the office of another country than every office the
 *   person is recorded in; an office the base records someone else holding at that time; or,
 *   when the base records the person's office at the sentence's time, another office of the same
 *   country that one person cannot hold at once (president, prime minister, foreign minister,
 *   defense minister, speaker...). The base's list of offices is not complete, so an undated or
 *   compatible title it does not record is left alone. The wrong words are the country when the
 *   title fits another country's office, the title when the country fits, and both otherwise.
 * - An office has one holder at a time: a name the base does not know given that office at a
 *   recorded time ("Iranian President Mahmoud Ahmadinejad ... in August 2018") is refuted.
 * Only the copular form ("X was Iran's president") can be denied.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import { formatDate } from '../factbase/dates.js';
import { subjectOf, type FrameMatch } from '../frames/match.js';
import type { Name } from '../reading/names.js';
import type { NounPhrase } from '../reading/phrases.js';
import { HONORIFICS, type Title } from '../reading/titles.js';
import { isReportDate } from '../judge/reporters.js';
import { occasionsOf } from '../judge/occasions.js';
import { affirm } from '../claims/affirm.js';
import { nameOfPhrase } from '../judge/refer.js';
import { withArticle } from '../judge/wording.js';
import { tokenize } from '../text/tokens.js';
import { countryNames, officeCountry, stripCountry, titleKey, titleKeys } from '../judge/offices.js';
import type { Check, Judgement, Sentence } from './types.js';

/** Titles that name an office whether or not the base has one of that title, and that one person cannot hold together. */
const EXCLUSIVE_TITLES = new Set([
  'president', 'vice president', 'prime minister', 'deputy prime minister', 'foreign minister', 'defense minister', 'supreme leader',
  'speaker', 'premier', 'president of the presidium', 'chairman', 'interior minister', 'finance minister',
]);

/** A country's institutions, whose officers hold that country's offices: "speaker of Iran's parliament". */
const INSTITUTIONS = new Set(['parliament', 'majlis', 'assembly', 'congress', 'senate', 'government', 'cabinet', 'legislature', 'presidium', 'council']);

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

interface Lexicon {
  readonly offices: ReadonlyMap<string, Office>;
}

interface CountryWords {
  /** A base entity id, or a gazetteer country code for a country the base does not hold. */
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly form: CountryForm;
  readonly text: string;
}

/** A title claim about a person. */
interface TitleClaim {
  readonly person: Name;
  readonly key: string;
  /** "then", "former", "current": a title at a time the draft names itself. */
  readonly marker?: Title['marker'];
  readonly titleStart: number;
  readonly titleEnd: number;
  readonly country?: CountryWords;
  readonly claimStart: number;
  readonly claimEnd: number;
  /** For a denied copula ("was not"): its range and the words without the denial. */
  readonly denial?: { readonly start: number; readonly end: number; readonly positive: string };
}

const lexicons = new WeakMap<FactBase, Lexicon>();

export const office: Check = {
  code: 'office',
  description: 'Offices and titles of people at the time of the event: "then-President Ali Khamenei", "Iranian President Hassan Rouhani", "Kim Yong Nam, president of the Presidium".',
  run(r, base) {
    const lex = lexiconOf(base);
    const out: Judgement[] = [];
    const year = sentenceYear(r);
    for (const claim of titleClaims(r, base)) {
      const j = claim.person.entity ? judge(r, base, lex, claim, year, claim.marker ? undefined : occasionOf(r, base, claim.person.entity)) : judgeHolder(r, base, lex, claim, year);
      if (j) out.push(j);
    }
    for (const m of r.frames) if (m.frame.predicate === 'employer') for (const j of judgeJob(r, base, m)) out.push(j);
    return out;
  },
};

function lexiconOf(base: FactBase): Lexicon {
  const cached = lexicons.get(base);
  if (cached) return cached;
  const offices = new Map<string, Office>();
  for (const e of base.ofType('office')) {
    const country = officeCountry(base, e.id);
    const words = country ? countryNames(base, country) : [];
    offices.set(e.id, { id: e.id, name: e.name, title: stripCountry(e.name, words), keys: titleKeys(base, e.id), ...(country !== undefined && { country }) });
  }
  const lex: Lexicon = { offices };
  lexicons.set(base, lex);
  return lex;
}

// ---------------------------------------------------------------------------------------------
// Title claims, from the reading.

function isPerson(n: Name | undefined): n is Name {
  return n !== undefined && n.demonymOf === undefined && n.kinds.has('person') && (n.entity !== undefined || n.kinds.size === 1);
}

/** A person, or a name the base does not know that can be one. */
function mayBePerson(n: Name): boolean {
  if (isPerson(n)) return true;
  const unknown: Name = n;
  return unknown.entity === undefined && unknown.demonymOf === undefined && unknown.kinds.has('person');
}

/** Every title the sentence gives a person: in the person's phrase, in apposition, or by a copula. */
function titleClaims(r: Sentence, base: FactBase): TitleClaim[] {
  const out: TitleClaim[] = [];
  for (const p of r.phrases) {
    const person = nameOfPhrase(r, p);
    if (isPerson(person)) {
      // "then-President Ali Khamenei", "Iranian President Hassan Rouhani", "Iran's President Rouhani".
      const title = officeTitle(r, p, person.first);
      if (title && !contactRelative(r, p, person)) out.push(claimOf(r, base, person, p, title, p.start, person.end));
      // "Khamenei, then Iran's president," and "Kim Yong Nam, president of the Presidium ...".
      // An appositive with a name of its own is the next item of a list: "Rouhani, President Trump and others".
      const q0 = apposition(r, p);
      const q = q0 && !(q0.referent && !q0.referent.entity) && !(q0.referent && base.entities.get(q0.referent.entity ?? '')?.type === 'person') ? q0 : undefined;
      const t2 = q && officeTitle(r, q, q.last + 1);
      if (q && t2) out.push(claimOf(r, base, person, q, t2, person.start, extent(r, q, t2)));
      // "Rouhani was (not) Iran's president".
      const v = r.verbs.find((g) => g.first > p.last && g.first <= p.last + 3 && g.copula);
      if (v && subjectOf(r, v.first) === p) {
        const pred = r.phrases.find((x) => x.first > v.last && x.first <= v.last + 3);
        const t3 = pred && officeTitle(r, pred, pred.last + 1);
        if (pred && t3) {
          const positive = v.negation ? affirm(r.text.slice(v.start, v.end)) : undefined;
          const claim = claimOf(r, base, person, pred, t3, person.start, extent(r, pred, t3));
          out.push(v.negation ? { ...claim, ...(positive !== undefined && { denial: { start: v.start, end: v.end, positive } }) } : claim);
        }
      }
    } else if (!p.referent || (p.referent.entity && base.entities.get(p.referent.entity)?.type === 'office')) {
      // "Iran's president at the time, Mahmoud Ahmadinejad,": a title phrase, then the person.
      // Only a definite title ("Iran's president", "the Iranian president"), not "As president,".
      const title = p.owner || p.determiner || p.demonyms.length || p.referent ? officeTitle(r, p, p.last + 1) : undefined;
      const q = title && apposition(r, p);
      // A name the base does not know, in apposition to a title, is a person's.
      const named = q?.referent;
      if (title && named && mayBePerson(named)) out.push(claimOf(r, base, named, p, title, p.start, named.end));
    }
  }
  for (const c of capacityClaims(r, base)) if (!out.some((o) => o.titleStart === c.titleStart)) out.push(c);
  return out;
}

/**
 * "He made the journey in his capacity as Supreme Leader", "Khamenei went as president", "As
 * president, Rouhani received Ri": a title after "as" is the subject's at the time of the act.
 * Not when the verb has a person for its object, whom the title may describe instead ("received
 * Ri as foreign minister"), nor after verbs of naming ("known as", "described as").
 */
function capacityClaims(r: Sentence, base: FactBase): TitleClaim[] {
  const out: TitleClaim[] = [];
  for (const t of r.titles) {
    if (t.occupation || HONORIFICS.has(t.key)) continue;
    const first = t.markerStart !== undefined ? (r.wordAt(t.markerStart)?.i ?? t.first) : t.first;
    // "as president", "as Iran's president", "as then-president".
    const p = r.phraseOf(first);
    const as = Math.min(first, p?.first ?? first) - 1;
    if (!p || r.words[as]?.norm !== 'as') continue;
    // After its verb ("went as president"), or before it: fronted ("As president, Rouhani
    // received") or set off ("Rouhani, as president, received").
    const verb = [...r.verbs].reverse().find((v) => v.last < as && r.clauseOf[v.first] === r.clauseOf[as]) ?? r.verbs.find((v) => v.first > p.last);
    if (!verb || NAMING_VERBS.has(verb.lemma)) continue;
    const between = r.phrases.find((x) => x.first > verb.last && x.last < as && nameOfPhrase(r, x)?.kinds.has('person'));
    if (between) continue;
    const subject = subjectOf(r, verb.first);
    const person = subject && nameOfPhrase(r, subject);
    if (!isPerson(person)) continue;
    out.push(claimOf(r, base, person, p, t, p.start, extent(r, p, t)));
  }
  return out;
}

/** Verbs after which "as" names, rather than says in what office: "known as", "described as". */
const NAMING_VERBS = new Set(['know', 'describe', 'refer', 'regard', 'see', 'view', 'portray', 'cast', 'style', 'dub', 'brand', 'label', 'list', 'identify', 'introduce', 'present', 'remember', 'recall', 'hail']);

/**
 * "the foreign minister Rouhani hosted in 2018": a name after a title, then a verb that needs an
 * object it does not get, is the subject of a relative clause about the title's holder, not a
 * title of its own.
 */
function contactRelative(r: Sentence, p: NounPhrase, person: Name): boolean {
  if (!p.determiner) return false;
  const v = r.verbOf(person.last + 1);
  if (!v || v.first !== person.last + 1 || v.copula) return false;
  const after = r.words[v.last + 1];
  return !after || after.tag === 'PREP' || after.tag === 'PUNCT';
}

/** The phrase in apposition after `p`: ", [then] Iran's president,". */
function apposition(r: Sentence, p: NounPhrase): NounPhrase | undefined {
  let k = p.last + 1;
  // "at the time" after the title phrase belongs to it.
  if (r.words[k]?.norm === 'at' && r.words[k + 1]?.norm === 'the' && r.words[k + 2]?.norm === 'time') k += 3;
  if (r.words[k]?.text !== ',') return undefined;
  k++;
  while (r.words[k]?.tag === 'ADV') k++;
  const q = r.phraseOf(k);
  return q && q.first === k ? q : undefined;
}

/** The office title in a phrase before word `before`, leaving out honorifics ("Ayatollah"). */
function officeTitle(r: Sentence, p: NounPhrase, before: number): Title | undefined {
  let found: Title | undefined;
  for (const t of r.titles) {
    if (t.first < p.first || t.last >= before || t.last > p.last + 8 || t.occupation || HONORIFICS.has(t.key)) continue;
    found = t;
  }
  return found;
}

/** The end of a title's words with the "of" phrases that complete it ("president of the Presidium of the Supreme People's Assembly"). */
function extent(r: Sentence, p: NounPhrase, t: Title): number {
  let end = Math.max(p.end, t.end);
  let k = t.last + 1;
  while (r.words[k]?.norm === 'of') {
    const np = r.phraseOf(k + 1);
    if (!np || np.first !== k + 1) break;
    end = np.end;
    k = np.last + 1;
  }
  return end;
}

function claimOf(r: Sentence, base: FactBase, person: Name, p: NounPhrase, t: Title, claimStart: number, claimEnd: number): TitleClaim {
  // The title's own words, with the "of" phrases that are no country ("president of the Presidium").
  let titleEnd = t.end;
  let words = r.text.slice(t.start, t.end);
  let country: CountryWords | undefined;
  let k = t.last + 1;
  while (r.words[k]?.norm === 'of') {
    const np = r.phraseOf(k + 1);
    if (!np || np.first !== k + 1) break;
    const c = countryOfName(base, np.referent);
    if (c) {
      country = { id: c, start: np.referent!.start, end: np.referent!.end, form: 'name', text: np.referent!.text };
      break;
    }
    // "speaker of Iran's parliament": a country's institution gives the office its country.
    const owner = countryOfName(base, np.owner?.referent);
    if (owner && INSTITUTIONS.has(np.headLemma)) {
      const o = np.owner!.referent!;
      country = { id: owner, start: o.start, end: np.owner!.end, form: 'possessive', text: r.text.slice(o.start, np.owner!.end) };
      titleEnd = np.end;
      break;
    }
    words = `${words} of ${r.text.slice(np.start, np.end)}`;
    titleEnd = np.end;
    k = np.last + 1;
  }
  if (!country) {
    const demonym = p.demonyms.find((d) => d.last < t.first);
    const owner = p.owner?.referent;
    const ownerCountry = countryOfName(base, owner);
    const office = p.names.find((n) => n.entity && base.entities.get(n.entity)?.type === 'office' && n.last < person.first);
    if (demonym) country = { id: demonym.demonymOf!, start: demonym.start, end: demonym.end, form: 'demonym', text: demonym.text };
    else if (owner && ownerCountry) {
      const poss = r.words[owner.last + 1];
      country = { id: ownerCountry, start: owner.start, end: poss ? poss.end : owner.end, form: 'possessive', text: r.text.slice(owner.start, poss ? poss.end : owner.end) };
    } else if (office?.entity) {
      const c = base.about(office.entity, 'country').find((s) => s.value.kind === 'entity');
      if (c?.value.kind === 'entity') {
        words = stripCountry(office.text, countryNames(base, c.value.id));
        // "Iranian President", "Iran's President": the office's name carries its country.
        if (words !== office.text) country = { id: c.value.id, start: office.start, end: office.start, form: /['’]s\s/.test(office.text) ? 'possessive' : 'demonym', text: office.text.slice(0, office.text.length - words.length).trim() };
      }
    }
  }
  const start = Math.min(claimStart, t.markerStart ?? t.start);
  return { person, key: titleKey(words), ...(t.marker && t.marker !== 'then' && { marker: t.marker }), titleStart: t.start, titleEnd, ...(country && { country }), claimStart: start, claimEnd: Math.max(claimEnd, titleEnd) };
}

/** The base country a name stands for: a country entity, a demonym's country, or a capital. */
function countryOfName(base: FactBase, n: Name | undefined): string | undefined {
  if (!n) return undefined;
  if (n.demonymOf) return n.demonymOf;
  if (n.entity && base.entities.get(n.entity)?.type === 'country') return n.entity;
  if (!n.entity && n.placeKind === 'country' && n.country) return n.country;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Judging.

/**
 * The recorded act of the person the sentence is about: its own visit or meeting ("Supreme
 * Leader Khamenei visited North Korea in 1989"), or the earlier one it points back to ("He made
 * the journey as ..."). The base may order an office against it ("he became Supreme Leader
 * after the visit") where one year holds both.
 */
function occasionOf(r: Sentence, base: FactBase, person: string): ReadonlySet<string> | undefined {
  if (r.words.some((w) => LATER_WORDS.has(w.norm))) return undefined;
  const acts = [...r.frames, ...(r.act ? [r.act] : [])].filter((m) => (m.frame.predicate === 'visited' || m.frame.predicate === 'met') && m.subject?.name?.entity === person);
  // The acts the sentence may mean ("visited North Korea" is the visit and the subway ride on it).
  const ids = new Set(acts.flatMap((m) => occasionsOf(base, m).map((o) => o.statement.id)));
  return ids.size > 0 ? ids : undefined;
}

/** Words that put a title at another time than the sentence's act: "later", "now", "would become". */
const LATER_WORDS = new Set(['later', 'now', 'today', 'future', 'eventually', 'subsequently', 'afterwards', 'since', 'would', 'current', 'currently']);

function judge(r: Sentence, base: FactBase, lex: Lexicon, claim: TitleClaim, year: number | undefined, occasions?: ReadonlySet<string>): Judgement | undefined {
  const personId = claim.person.entity!;
  const held = base.about(personId, 'held-office').filter((s) => s.value.kind === 'entity' && lex.offices.has(s.value.id));
  if (held.length === 0) return undefined;
  const officeOf = (s: Statement) => lex.offices.get(s.value.kind === 'entity' ? s.value.id : '')!;
  const fits = (o: Office) => o.keys.has(claim.key) && (!claim.country || o.country === claim.country.id);
  const matching = held.filter((s) => fits(officeOf(s)));
  // Whether the person held an office at the sentence's time: by the order against the act the
  // sentence is about, else by the year.
  const atTime = (s: Statement): boolean | undefined => {
    const order = [...(s.qualifiers.after ?? []), ...(s.qualifiers.before ?? [])];
    if (occasions && order.some((id) => occasions.has(id))) return false;
    return year === undefined ? undefined : atYear(s, year);
  };
  const soft = r.verbs.some((v) => v.hedge) || r.words.some((w) => /^(?:reportedly|allegedly|apparently)$/.test(w.norm));
  let right: Statement[] = [];
  let instead: Statement[] = [];
  if (matching.length && !matching.every((s) => atTime(s) === false)) {
    if (year === undefined) right = matching;
    else {
      const dated = matching.filter((s) => atTime(s) === true);
      const undated = matching.filter((s) => atTime(s) === undefined);
      const others = held.filter((s) => !matching.includes(s) && atTime(s) === true);
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
    const foreign = claim.country !== undefined && held.every((s) => officeOf(s).country !== undefined && officeOf(s).country !== claim.country!.id);
    const taken = year !== undefined && [...lex.offices.values()].some((o) => fits(o) && base.pointingTo(o.id, 'held-office').some((s) => s.subject !== personId && atYear(s, year) === true));
    // One person holds one of the offices that exclude each other at a time.
    const heldThen = year === undefined ? [] : held.filter((s) => atTime(s) === true);
    const ordered = matching.length > 0 && heldThen.length > 0;
    const exclusive = heldThen.some((s) => {
      const o = officeOf(s);
      return EXCLUSIVE_TITLES.has(claim.key) && [...o.keys].some((k) => EXCLUSIVE_TITLES.has(k)) && (!claim.country || o.country === claim.country.id);
    });
    if (!foreign && !taken && !exclusive && !ordered) return undefined;
    instead = heldThen.length ? heldThen : held;
  }
  const person = base.entities.get(personId)?.name ?? personId;
  if (right.length) {
    const facts = right.map((s) => s.id);
    if (!claim.denial) return { verdict: 'supported', start: claim.claimStart, end: claim.claimEnd, facts };
    return {
      verdict: 'refuted', start: claim.denial.start, end: claim.denial.end, facts, hedged: soft, replacement: claim.denial.positive,
      message: `The draft denies that ${person} was ${r.text.slice(Math.min(claim.titleStart, claim.country?.start ?? Infinity), claim.titleEnd)}; the fact base records ${person} as ${records(instead.length ? instead : right, lex)}.`,
    };
  }
  if (claim.denial) return undefined;
  const offices = [...new Map(instead.map((s) => [officeOf(s).id, officeOf(s)])).values()];
  const facts = instead.map((s) => s.id);
  const sameTitle = offices.filter((o) => o.keys.has(claim.key));
  const sameCountry = offices.filter((o) => !claim.country || o.country === claim.country.id);
  const said = r.text.slice(Math.min(claim.titleStart, claim.country?.start ?? Infinity), Math.max(claim.titleEnd, claim.country?.end ?? 0));
  const message = `The draft calls ${person} ${said}; the fact base records ${person} as ${records(instead, lex)}.`;
  const titleText = r.text.slice(claim.titleStart, claim.titleEnd);
  // A lower-case title in the draft keeps proper nouns inside the office's title: "president of the Presidium".
  const cased = (o: Office) => (/^\p{Lu}/u.test(titleText) ? o.title : EXCLUSIVE_TITLES.has(titleKey(o.title)) ? o.title.toLowerCase() : o.title.charAt(0).toLowerCase() + o.title.slice(1));
  const one = <T>(list: readonly T[]) => (list.length === 1 ? list[0] : undefined);
  if (claim.country && sameTitle.length) {
    const o = one(sameTitle);
    const replacement = o?.country ? countryWords(base, o.country, claim.country.form, claim.country.text) : undefined;
    const edit = replacement !== undefined && claim.country.form === 'demonym' ? withArticle(r, claim.country.start, claim.country.end, replacement) : { start: claim.country.start, end: claim.country.end, ...(replacement !== undefined && { replacement }) };
    return { verdict: 'refuted', ...edit, facts, message, hedged: soft };
  }
  if (sameCountry.length) {
    const o = one(sameCountry);
    return { verdict: 'refuted', start: claim.titleStart, end: claim.titleEnd, facts, message, hedged: soft, ...(o && { replacement: cased(o) }) };
  }
  const c = claim.country!;
  const o = one(offices);
  let replacement: string | undefined;
  if (o?.country) {
    const place = countryWords(base, o.country, c.form, c.text);
    if (place !== undefined) replacement = c.start < claim.titleStart ? `${place} ${cased(o)}` : `${cased(o)} of ${place}`;
  }
  return {
    verdict: 'refuted', start: Math.min(c.start, claim.titleStart), end: Math.max(c.end, claim.titleEnd), facts, message, hedged: soft,
    ...(replacement !== undefined && { replacement }),
  };
}

/** An office has one holder at a time: a person the base does not know in an office it records someone holding then. */
function judgeHolder(r: Sentence, base: FactBase, lex: Lexicon, claim: TitleClaim, year: number | undefined): Judgement | undefined {
  if (year === undefined || !claim.country) return undefined;
  for (const o of lex.offices.values()) {
    if (!o.keys.has(claim.key) || o.country !== claim.country.id) continue;
    const holders = base.pointingTo(o.id, 'held-office').filter((s) => atYear(s, year) === true);
    const holder = holders.length === 1 ? holders[0]! : undefined;
    if (!holder) continue;
    const name = base.entities.get(holder.subject)?.name ?? holder.subject;
    return {
      verdict: 'refuted', start: claim.person.start, end: claim.person.end, facts: [holder.id],
      replacement: nameLike(base, holder.subject, claim.person.text),
      message: `The draft names ${claim.person.text} as ${o.name} in ${year}; the fact base records ${name} in that office then.`,
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Jobs.

const STOP = new Set(['the', 'a', 'an', 'of', 'on', 'in', 'at', 'for', 'and', 'to', 'with']);

/**
 * A person's job as the draft describes it: the employer, the role ("diplomat"), the country of
 * the service ("US diplomat") and what the work was on. A person has many jobs, so the draft's
 * description is judged only against the recorded job it identifies: by what the work was on
 * (the statement's `of`: "worked on Korean Peninsula policy") or by the role. Against that job,
 * another employer, another role or another country is refuted, known to the base or not ("at
 * the Pentagon", "a former CIA analyst", "a former Japanese diplomat").
 */
function judgeJob(r: Sentence, base: FactBase, m: FrameMatch): Judgement[] {
  const person = m.subject?.name?.entity;
  if (!person) return [];
  const jobs = base.about(person, 'employer').filter((s) => s.value.kind === 'entity');
  if (jobs.length === 0) return [];
  const trigger = r.wordAt(m.triggerStart);
  const rolePhrase = m.unit.pos === 'noun' && trigger ? r.phraseOf(trigger.i) : undefined;
  const role = rolePhrase?.head.lemma;
  // What the work was on counts in the frame's own clause: an aside about another job does not.
  const clause = r.clauseOf[trigger?.i ?? 0];
  const sentence = new Set(r.words.filter((w) => r.clauseOf[w.i] === clause || r.clauses[r.clauseOf[w.i]!]?.parent === clause && r.clauses[r.clauseOf[w.i]!]?.kind !== 'aside').map((w) => w.norm));
  const topical = (s: Statement) => {
    const words = tokenize(s.qualifiers.of ?? '').map((t) => t.norm).filter((w) => !STOP.has(w));
    return words.length > 0 && words.filter((w) => sentence.has(w)).length >= Math.min(2, words.length);
  };
  const job = jobs.find((s) => role !== undefined && s.qualifiers.role === role) ?? jobs.find(topical);
  if (!job || job.value.kind !== 'entity') return [];
  const employer = job.value.id;
  const out: Judgement[] = [];
  const org = m.object?.name;
  const employerName = base.entities.get(employer)?.name ?? employer;
  const facts = [job.id];
  // The organization the draft names, if it is not the recorded employer.
  const wrongOrg = org && org.entity !== employer && (org.entity ? ['organization', 'government-body'].includes(base.entities.get(org.entity)?.type ?? '') : org.kinds.has('organization')) ? org : undefined;
  const wrongRole = role !== undefined && job.qualifiers.role !== undefined && role !== job.qualifiers.role;
  if (wrongOrg && wrongRole && rolePhrase && wrongOrg.last < rolePhrase.head.i) {
    // "a former CIA analyst": the employer and the role together, replaced by the recorded role.
    out.push({
      verdict: 'refuted', start: wrongOrg.start, end: rolePhrase.head.end, facts, replacement: job.qualifiers.role!,
      message: `The draft calls ${nameOf(base, person)} a ${r.text.slice(wrongOrg.start, rolePhrase.head.end)}; the fact base records ${nameOf(base, person)} as a ${job.qualifiers.role} at the ${employerName}.`,
    });
    return out;
  }
  if (wrongOrg) {
    const the = r.words[wrongOrg.first - 1]?.norm === 'the' ? r.words[wrongOrg.first - 1]! : undefined;
    const article = /\s\p{Ll}/u.test(employerName) || /^(?:US|U\.S\.)\s/.test(employerName) || /(?:Department|Office|Agency|Council|Institution)\b/.test(employerName) ? 'the ' : '';
    const modifier = rolePhrase !== undefined && wrongOrg.last < rolePhrase.head.i;
    out.push({
      verdict: 'refuted', start: the?.start ?? wrongOrg.start, end: wrongOrg.end, facts,
      replacement: `${the || !modifier ? article : ''}${employerName}`.replace(/^the /, the ? (the.text[0] === 'T' ? 'The ' : 'the ') : 'the '),
      message: `The draft says ${nameOf(base, person)} worked for ${wrongOrg.text}; the fact base records ${nameOf(base, person)}'s ${job.qualifiers.of ? `work on ${job.qualifiers.of}` : 'job'} at the ${employerName}.`,
    });
  } else if (wrongRole && rolePhrase) {
    out.push({
      verdict: 'refuted', start: rolePhrase.head.start, end: rolePhrase.head.end, facts, replacement: job.qualifiers.role!,
      message: `The draft calls ${nameOf(base, person)} a ${rolePhrase.head.text}; the fact base records ${nameOf(base, person)} as a ${job.qualifiers.role} at the ${employerName}.`,
    });
  }
  // "a former Japanese diplomat": the service's country is the employer's.
  const demonym = rolePhrase?.demonyms.find((d) => d.last < rolePhrase.head.i);
  const country = base.about(employer, 'country').find((s) => s.value.kind === 'entity');
  if (demonym && country?.value.kind === 'entity' && demonym.demonymOf !== country.value.id) {
    const c = base.entities.get(country.value.id);
    // Abbreviations are how names of countries are used before a noun: "US diplomat".
    const short = c?.aliases.find((a) => /^\p{Lu}{2,3}$/u.test(a)) ?? c?.demonyms[0];
    out.push({
      verdict: 'refuted', ...(short ? withArticle(r, demonym.start, demonym.end, short) : { start: demonym.start, end: demonym.end }), facts: [job.id, country.id],
      message: `The draft calls ${nameOf(base, person)} a ${demonym.text} ${rolePhrase!.head.text}; the fact base records ${nameOf(base, person)}'s work at the ${employerName}, of ${c?.name ?? country.value.id}.`,
    });
  }
  if (out.length === 0 && (org?.entity === employer || (role !== undefined && role === job.qualifiers.role))) {
    out.push({ verdict: 'supported', start: Math.min(m.subject!.start, m.triggerStart), end: Math.max(m.triggerEnd, org?.end ?? 0), facts });
  }
  return out;
}

function nameOf(base: FactBase, id: string): string {
  return base.entities.get(id)?.name ?? id;
}

/** The holder's name as long as the draft's: a surname for a surname. */
function nameLike(base: FactBase, id: string, written: string): string {
  const e = base.entities.get(id);
  if (!e) return id;
  if (tokenize(written).length === 1) {
    const surname = tokenize(e.name).at(-1);
    const alias = e.aliases.find((a) => surname && tokenize(a).length === 1 && tokenize(a)[0]!.norm === surname.norm);
    if (alias) return alias;
  }
  return e.name;
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
function countryWords(base: FactBase, id: string, form: CountryForm, draft: string): string | undefined {
  const c = base.entities.get(id);
  if (!c) return undefined;
  if (form === 'demonym') return c.demonyms[0];
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

/** The one year the sentence's dates name (a report's own year aside), if they name exactly one. */
function sentenceYear(r: Sentence): number | undefined {
  const years = new Set(r.dates.filter((d) => d.style !== 'decade' && d.style !== 'range' && !isReportDate(r, d)).map((d) => d.date.year));
  if (years.size === 0 && r.time && r.time.style !== 'decade' && r.time.style !== 'range') return r.time.date.year;
  return years.size === 1 ? [...years][0] : undefined;
}
