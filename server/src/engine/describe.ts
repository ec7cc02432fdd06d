/**
 * Fact-base items in the plain words a writer reads: "visited North Korea in 1989", "appears to
 * be effectively a copy of North Korea's Yono-class midget submarine", "reportedly had more than
 * $1 billion ...". Hover cards and messages show these instead of ids and predicates, so every
 * predicate has a phrase here, and qualifiers (dates, place, participants, certainty, who
 * reported it) are put into words the same way for all of them.
 *
 * The output is plain text built from fact files: callers that render Markdown must escape it.
 */

import { compareAtCommonPrecision, formatDate, onDate, type FuzzyDate } from './factbase/dates.js';
import type { FactBase } from './factbase/factbase.js';
import type { Predicate } from './factbase/predicates.js';
import type { Bound, Quantity, Quotation, Reference, Statement } from './factbase/types.js';

export interface DescribeOptions {
  /** Start with the subject's name: "Ali Khamenei visited North Korea in 1989". */
  readonly withSubject?: boolean;
  /** Leave out "according to ..." for the statement's `reported` attributions. */
  readonly withoutAttributions?: boolean;
}

/** A statement about an entity, ready for a hover card. */
export interface KeyFact {
  readonly statement: string;
  /** In words: without the subject when the entity is the subject, with it otherwise. */
  readonly text: string;
  /** Whether the entity is the statement's subject or its object. */
  readonly role: 'subject' | 'object';
  /** The date the statement is about, when it has one. */
  readonly date?: FuzzyDate;
  readonly references: readonly Reference[];
  /** Source ids, in order of first appearance. */
  readonly sources: readonly string[];
}

/** A verb in the two forms a certainty needs: "visited" and "(appears to) have visited". */
interface Verb {
  readonly finite: string;
  readonly infinitive: string;
}

const IS: Verb = { finite: 'is', infinitive: 'be' };
const past = (finite: string, participle = finite): Verb => ({ finite, infinitive: `have ${participle}` });

/** A statement in words, without its qualifiers that are common to all predicates. */
interface Phrase {
  readonly verb: Verb;
  readonly rest: string;
  /** Whether the phrase already put the time qualifiers into words. */
  readonly used?: ReadonlySet<'dates'>;
}

/** Reports nest ("A reported that B reported that ..."); a malformed base must not loop. */
const MAX_DEPTH = 3;

const RELATION_WORDS = { 'version-of': 'version of', 'copy-of': 'copy of', 'based-on': 'design based on', 'variant-of': 'variant of' } as const;

const BOUND_WORDS: Record<Bound, string> = {
  exact: '',
  approximate: 'about',
  'more-than': 'more than',
  'at-least': 'at least',
  'less-than': 'less than',
  'at-most': 'at most',
};

const CURRENCY: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/**
 * A statement in words: "visited North Korea in 1989", "held the office of President of Iran in
 * August 2018", "is Iran's version of North Korea's Nodong-1". Never empty; unknown ids are
 * shown as they are.
 */
export function describeStatement(base: FactBase, s: Statement, options: DescribeOptions = {}): string {
  return describe(base, s, options, 0);
}

function describe(base: FactBase, s: Statement, options: DescribeOptions, depth: number): string {
  const phrase = phraseOf(base, s, depth);
  const q = s.qualifiers;
  let text = withCertainty(phrase, q.certainty).trimEnd();
  if (options.withSubject) text = `${nameOf(base, s.subject)} ${text}`;
  // Qualifiers the words already say ("advisers on the ground in Iran") are not said twice.
  if (q.location !== undefined && !mentions(text, nameOf(base, q.location))) text += ` in ${nameOf(base, q.location)}`;
  if (!phrase.used?.has('dates')) {
    const when = timeWords(s);
    if (when) text += ` ${when}`;
  }
  // The order of events, when that is all the source gives: "after the Singapore summit".
  for (const [word, ids] of [['after', q.after], ['before', q.before]] as const) {
    const events = (ids ?? []).filter((id) => base.entities.has(id)).map((id) => definite(nameOf(base, id)));
    if (events.length > 0 && !mentions(text, events[0]!)) text += ` ${word} ${list(events)}`;
  }
  const others = q.with.filter((id) => id !== s.subject && !mentions(text, nameOf(base, id)));
  if (others.length) text += `, with ${list(others.map((id) => nameOf(base, id)))}`;
  if (!options.withoutAttributions && depth < MAX_DEPTH) {
    const by = base.attributionsOf(s.id).map((a) => attribution(base, a));
    if (by.length) text += `, according to ${list(by)}`;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function phraseOf(base: FactBase, s: Statement, depth: number): Phrase {
  const q = s.qualifiers;
  const object = objectName(base, s);
  const predicate: Predicate = s.predicate;
  switch (predicate) {
    case 'active-in':
      return { verb: IS, rest: `active in ${object}` };
    case 'country': {
      const type = base.entities.get(s.subject)?.type;
      if (type === 'office') return { verb: IS, rest: `an office of ${object}` };
      const demonym = s.value.kind === 'entity' ? base.entities.get(s.value.id)?.demonyms[0] : undefined;
      return demonym ? { verb: IS, rest: demonym } : { verb: past('belonged to'), rest: object };
    }
    case 'count':
    case 'value': {
      const amount = s.value.kind === 'quantity' ? quantityWords(s.value.quantity) : object;
      const unit = s.value.kind === 'quantity' ? s.value.quantity.unit : undefined;
      if (predicate === 'value') {
        return { verb: past('had'), rest: q.of !== undefined ? `${q.of} worth ${amount}` : `something worth ${amount}` };
      }
      if (q.of === undefined) return { verb: past('had'), rest: amount };
      // "300 military advisers" and of "North Korean military advisers in Iran": the longer words say it all.
      if (unit !== undefined && mentions(q.of, unit) && s.value.kind === 'quantity') {
        return { verb: past('had'), rest: `${numberWords(s.value.quantity, false)} ${q.of}` };
      }
      return { verb: past('had'), rest: `${amount} of ${q.of}` };
    }
    case 'derived-from': {
      const relation = q.relation ?? 'based-on';
      const owner = relation === 'copy-of' ? 'effectively a' : possessive(base, s.subject) || 'a';
      const of = s.value.kind === 'entity' ? `${possessive(base, s.value.id)}${object}` : object;
      return { verb: IS, rest: `${owner} ${RELATION_WORDS[relation]} ${of}` };
    }
    case 'denial': {
      const inner = s.value.kind === 'statement' ? base.statements.get(s.value.id) : undefined;
      if (inner && depth < MAX_DEPTH) return { verb: past('denied'), rest: `that ${describe(base, inner, { withSubject: true, withoutAttributions: true }, depth + 1)}` };
      return { verb: past('denied'), rest: s.value.kind === 'text' ? `that ${s.value.text}` : object };
    }
    case 'headquarters':
      return { verb: IS, rest: `headquartered in ${object}` };
    case 'member-of':
      return { verb: IS, rest: `a member of ${definite(object)}` };
    case 'participant-in':
      return { verb: past('took part in', 'taken part in'), rest: eventName(object) };
    case 'rank':
      return { verb: past('held'), rest: `the rank of ${object}` };
    case 'supplied':
      return { verb: past('supplied'), rest: q.item !== undefined ? `${object} with ${q.item}` : object };
    case 'used-in':
      return { verb: { finite: 'was used in', infinitive: 'be used in' }, rest: eventName(object) };
    case 'employer':
      return { verb: past('worked for'), rest: q.of !== undefined ? `${object} on ${q.of}` : object };
    case 'held-office':
      return { verb: past('held'), rest: `the office of ${object}${q.of !== undefined ? ` (${q.of})` : ''}` };
    case 'instance-of':
      return { verb: IS, rest: withArticle(object) };
    case 'located-in':
      return base.entities.get(s.subject)?.type === 'event' ? { verb: past('took place', 'taken place'), rest: `in ${object}` } : { verb: IS, rest: `in ${object}` };
    case 'met':
      return { verb: past('met'), rest: object };
    case 'occurred': {
      const date = s.value.kind === 'date' ? s.value.date : undefined;
      if (date) return { verb: past('took place', 'taken place'), rest: onDate(date) };
      if (q.pointInTime === undefined && q.start === undefined && q.end !== undefined) {
        return { verb: past('ended'), rest: onDate(q.end), used: new Set(['dates']) };
      }
      return { verb: past('took place', 'taken place'), rest: '' };
    }
    case 'publisher':
      return { verb: IS, rest: `published by ${object}` };
    case 'reported': {
      const inner = s.value.kind === 'statement' ? base.statements.get(s.value.id) : undefined;
      // "reported in Foreign Affairs in 2017 that ...": where and when belong to the report, not to what it says.
      const where = [q.in !== undefined ? `in ${nameOf(base, q.in)}` : '', timeWords(s)].filter(Boolean).join(' ');
      const used = new Set(['dates'] as const);
      if (!inner || depth >= MAX_DEPTH) return { verb: past('reported'), rest: `${where} another statement (${object})`, used };
      // The attribution is this statement; the reported one must not name it again.
      return { verb: past('reported'), rest: `${where} that ${describe(base, inner, { withSubject: true, withoutAttributions: true }, depth + 1)}`, used };
    }
    case 'sold-to':
      return { verb: past('sold'), rest: q.item !== undefined ? `${q.item} to ${object}` : `goods to ${object}` };
    case 'trading-partner':
      return { verb: past('had'), rest: `${object} as ${withArticle(q.rank !== undefined ? `${q.rank} trading partner` : 'trading partner')}` };
    case 'visited':
      return { verb: past('visited'), rest: s.value.kind === 'entity' ? definite(object) : object };
    case 'withdrew-from':
      return { verb: past('withdrew from', 'withdrawn from'), rest: object };
  }
  return { verb: past(String(predicate)), rest: object };
}

/** "appears to have visited", "reportedly visited", "is reportedly". */
function withCertainty(p: Phrase, certainty: Statement['qualifiers']['certainty']): string {
  if (certainty === 'assessed') return `appears to ${p.verb.infinitive} ${p.rest}`;
  if (certainty === 'reported') return p.verb === IS ? `is reportedly ${p.rest}` : `reportedly ${p.verb.finite} ${p.rest}`;
  return `${p.verb.finite} ${p.rest}`;
}

/** The statement's time qualifiers in words: "in 1989", "from 2013 to 2021", "as of 1988". */
function timeWords(s: Statement): string {
  const q = s.qualifiers;
  const out: string[] = [];
  if (q.pointInTime) out.push(onDate(q.pointInTime));
  if (q.start && q.end) out.push(`from ${formatDate(q.start)} to ${formatDate(q.end)}`);
  else if (q.start) out.push(`from ${formatDate(q.start)}`);
  else if (q.end) out.push(`until ${formatDate(q.end)}`);
  if (q.asOf) out.push(`as of ${formatDate(q.asOf)}`);
  return out.join(' ');
}


/** "Bruce Bechtol in Foreign Affairs", "Office of Naval Intelligence (2017)". */
function attribution(base: FactBase, a: Statement): string {
  const where = a.qualifiers.in !== undefined ? ` in ${nameOf(base, a.qualifiers.in)}` : '';
  const when = a.qualifiers.pointInTime ? ` (${formatDate(a.qualifiers.pointInTime)})` : '';
  return `${definite(nameOf(base, a.subject))}${where}${when}`;
}

/**
 * A quotation in words: `Bruce Bechtol wrote in Foreign Affairs: "By the end of the war ..."`.
 */
export function describeQuotation(base: FactBase, q: Quotation): string {
  const verb = q.mode === 'wrote' ? 'wrote' : 'said';
  const where = q.in !== undefined ? ` in ${nameOf(base, q.in)}` : '';
  const when = q.date ? ` ${onDate(q.date)}` : '';
  const occasion = q.occasion !== undefined ? ` (${q.occasion})` : '';
  return `${nameOf(base, q.speaker)} ${verb}${where}${when}${occasion}: “${q.text}”`.replace(/[ \t\r\n]+/g, ' ');
}

/** Predicates whose statements pointing at an entity say something about it worth a card. */
const OBJECT_SIDE: ReadonlySet<Predicate> = new Set<Predicate>([
  'held-office', 'derived-from', 'sold-to', 'met', 'visited', 'withdrew-from', 'publisher', 'employer', 'located-in', 'active-in', 'trading-partner',
]);

/** What an entity is comes before what happened to it. */
const IDENTITY_ORDER: readonly Predicate[] = ['instance-of', 'derived-from', 'country', 'located-in', 'publisher', 'held-office', 'employer'];

/**
 * The statements worth showing about an entity, at most `limit`: those with it as the subject,
 * then those with it as the object (who held an office, what derived from a missile), except
 * `country` (every Iranian thing points to Iran). Undated facts of identity come first, then
 * dated ones in date order.
 */
export function keyFacts(base: FactBase, entityId: string, limit = 8): KeyFact[] {
  const seen = new Set<string>();
  const facts: KeyFact[] = [];
  const add = (s: Statement, role: KeyFact['role']) => {
    if (seen.has(s.id)) return;
    seen.add(s.id);
    const date = dateOf(s);
    facts.push({
      statement: s.id,
      text: describeStatement(base, s, { withSubject: role === 'object' }),
      role,
      ...(date && { date }),
      references: s.references,
      sources: [...new Set(s.references.map((r) => r.source))],
    });
  };
  // Statements about the entity itself are chosen first; the limit then takes what points to it.
  for (const s of base.about(entityId)) add(s, 'subject');
  for (const s of base.pointingTo(entityId)) if (OBJECT_SIDE.has(s.predicate)) add(s, 'object');
  facts.splice(Math.max(0, limit));
  const rank = (f: KeyFact): number => {
    const s = base.statements.get(f.statement);
    const i = s ? IDENTITY_ORDER.indexOf(s.predicate) : -1;
    return (f.role === 'subject' ? 0 : 100) + (i < 0 ? IDENTITY_ORDER.length : i);
  };
  const order = new Map(facts.map((f, i) => [f.statement, i]));
  facts.sort((a, b) => {
    if (!a.date || !b.date) {
      if (a.date || b.date) return a.date ? 1 : -1;
      return rank(a) - rank(b) || order.get(a.statement)! - order.get(b.statement)!;
    }
    return compareAtCommonPrecision(a.date, b.date) || order.get(a.statement)! - order.get(b.statement)!;
  });
  return facts;
}

/** The date a statement is about: the event's date, the point in time, the start, the count's date, the end. */
export function dateOf(s: Statement): FuzzyDate | undefined {
  const q = s.qualifiers;
  return (s.value.kind === 'date' ? s.value.date : undefined) ?? q.pointInTime ?? q.start ?? q.asOf ?? q.end;
}

/** "more than $1 billion", "about 300 military advisers". */
function quantityWords(q: Quantity): string {
  return numberWords(q, true);
}

function numberWords(q: Quantity, withUnit: boolean): string {
  const bound = BOUND_WORDS[q.bound];
  const symbol = q.unit !== undefined ? CURRENCY[q.unit] : undefined;
  const amount = bigNumber(q.amount);
  let text: string;
  if (symbol !== undefined) text = `${symbol}${amount}`;
  else if (withUnit && q.unit !== undefined) text = `${amount} ${q.unit}`;
  else text = amount;
  return bound ? `${bound} ${text}` : text;
}

/** 1000000000 → "1 billion"; 1500 → "1,500". */
function bigNumber(n: number): string {
  const scales: Array<[number, string]> = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];
  for (const [scale, word] of scales) {
    if (Math.abs(n) >= scale) return `${Number((n / scale).toFixed(2)).toLocaleString('en-US')} ${word}`;
  }
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function objectName(base: FactBase, s: Statement): string {
  switch (s.value.kind) {
    case 'entity':
      return nameOf(base, s.value.id);
    case 'statement':
      return s.value.id;
    case 'quantity':
      return quantityWords(s.value.quantity);
    case 'date':
      return formatDate(s.value.date);
    case 'text':
      return s.value.text;
    case 'none':
      return '';
  }
}

function nameOf(base: FactBase, id: string): string {
  return base.entities.get(id)?.name ?? id;
}

/** "Iran's " for a subject with a recorded country, or nothing. */
function possessive(base: FactBase, id: string): string {
  const c = base.about(id, 'country').find((st) => st.value.kind === 'entity');
  const country = c?.value.kind === 'entity' ? base.entities.get(c.value.id)?.name : undefined;
  return country ? `${country}'s ` : '';
}

/**
 * "the Pyongyang subway", "according to the UN panel of experts": a name that ends in a common
 * noun takes "the" after a verb or a preposition; a proper name ("North Korea", "Ali Khamenei's
 * 1989 visit") does not.
 */
function definite(name: string): string {
  if (/^(?:a|an|the)\s/i.test(name) || /['’]s\s/.test(name) || !/\s\p{Ll}[\p{L}-]*$/u.test(name)) return name;
  return `the ${name}`;
}

/** An event's name in a sentence: "the Iran-Iraq War", "the Singapore summit", unless it has its own article. */
function eventName(name: string): string {
  return /^(?:a|an|the)\s/i.test(name) || /['’]s\s/.test(name) ? name : `the ${name}`;
}

function withArticle(words: string): string {
  if (/^(?:a|an|the)\s/i.test(words) || /^\p{Lu}/u.test(words)) return words;
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

/** "A", "A and B", "A, B and C". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

function mentions(text: string, words: string): boolean {
  return words.length > 0 && text.toLowerCase().includes(words.toLowerCase());
}
