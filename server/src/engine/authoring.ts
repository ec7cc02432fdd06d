/**
 * Authoring the fact base from a draft ("Add to fact base…"): a sentence that says something of
 * a base entity the base cannot judge yet becomes the skeleton of a statement, in the terms the
 * claim frames already read it in (subject, predicate, value, date). The writer picks the source
 * that backs it and checks the skeleton in the fact file; nothing here invents a fact: every
 * value is the draft's own words, and the statement's note says it came from a draft.
 *
 * Only what a statement can hold exactly is proposed: a value that is a base entity, a date at
 * the precision the draft gives, or words. A sentence whose other side the base does not know
 * ("visited Moscow", with no Moscow in the base) is left alone: an entity needs a description
 * and a type the draft does not give.
 */

import type { Sentence } from './checks/types.js';
import { endOffset, frameExtent, type Checker, type UnjudgedFrame } from './check.js';
import { describeStatement } from './describe.js';
import { isoDate, parseIsoDate, type FuzzyDate } from './factbase/dates.js';
import type { FactBase } from './factbase/factbase.js';
import { toFactBaseId, type ItemStyle } from './factbase/factFileText.js';
import { PREDICATES, type Predicate } from './factbase/predicates.js';
import type { Qualifiers, Statement, StatementValue } from './factbase/types.js';
import type { Filler, FrameMatch } from './frames/match.js';
import { nameOfPhrase, referent } from './judge/refer.js';
import { offsetOf, type ParsedDraft } from './markdown/parse.js';
import type { DateSpan } from './reading/dates.js';

/** What a statement from the draft would record, with the keys of a fact file. */
export interface ProposedStatement {
  readonly subject: string;
  readonly predicate: Predicate;
  readonly object?: string;
  /** A date as fact files write it (YYYY, YYYY-MM, YYYY-MM-DD). */
  readonly date?: string;
  readonly text?: string;
  /** Qualifiers as fact files write them: `point-in-time`, `start`, `end`, `location`, `relation`. */
  readonly qualifiers: Readonly<Record<string, string>>;
}

/** A claim of the draft the base cannot judge, and the statement that would let it. */
export interface Proposal {
  /** The words the claim stands on, in document offsets. */
  readonly start: number;
  readonly end: number;
  readonly statement: ProposedStatement;
  /** The draft's sentence, on one line. */
  readonly sentence: string;
  /** What the statement says, in words: "the Example-1 was used in the Riyadh missile attack". */
  readonly summary: string;
}

/**
 * Statements the sentences touching [`from`, `to`] would need for the base to judge them. One
 * per claim; none for a claim a check judged, for one the base records already, or for one the
 * writer does not assert.
 */
export function proposeStatements(checker: Checker, text: string, parsed: ParsedDraft, from: number, to: number): Proposal[] {
  const base = checker.base;
  const out: Proposal[] = [];
  const seen = new Set<string>();
  for (const found of checker.unjudged(text, parsed, from, to)) {
    const statement = statementOf(base, found.sentence, found.frame);
    if (!statement || recorded(base, statement) || !judgedWith(base, found, statement)) continue;
    const key = JSON.stringify(statement);
    if (seen.has(key)) continue;
    seen.add(key);
    const { block, sentence } = found;
    const words = [found.frame.subject, found.frame.object, found.frame.date, { start: found.frame.triggerStart, end: found.frame.triggerEnd }].filter((w) => w !== undefined);
    out.push({
      start: offsetOf(block, Math.min(...words.map((w) => w.start))),
      end: endOffset(block, Math.max(...words.map((w) => w.end))),
      statement,
      sentence: block.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim(),
      summary: summarize(base, statement),
    });
  }
  return out;
}

/**
 * Whether the checks would judge the claim with the statement recorded: only then is it worth
 * recording from here, as the action promises that the draft's claim is then checked. Some
 * predicates are judged only with wordings the author adds (`courted` with its `supports`), and
 * some claims are judged through other facts too: a statement that leaves the claim unjudged is
 * not proposed.
 */
function judgedWith(base: FactBase, found: UnjudgedFrame, statement: ProposedStatement): boolean {
  const trial = asStatement(statement, PROPOSED_ID);
  const extent = frameExtent(found.frame);
  return found.judge(base.adding(trial)).some((j) => j.verdict === 'supported' && j.facts.includes(PROPOSED_ID) && j.start < extent.end && extent.start < j.end);
}

/** The id of a proposed statement while it is tried: no fact file's id can have a space. */
const PROPOSED_ID = 'proposed statement';

/** The statement a frame says, when every part of it is something a fact file can hold. */
function statementOf(base: FactBase, r: Sentence, m: FrameMatch): ProposedStatement | undefined {
  const predicate = m.frame.predicate;
  const subject = entityOf(base, r, m.subject);
  if (!subject) return undefined;
  const value = PREDICATES[predicate].value;
  const qualifiers: Record<string, string> = {};
  let object: string | undefined;
  let date: string | undefined;
  let text: string | undefined;
  if (value.kind === 'entity' || value.kind === 'text-or-entity') {
    object = entityOf(base, r, m.object) ?? demonymCountry(base, m.object);
    const type = object === undefined ? undefined : base.entities.get(object)?.type;
    if (value.kind === 'entity' && (object === undefined || ('types' in value && !(value.types as readonly string[]).includes(type!)))) return undefined;
    if (object === undefined) text = m.object && !m.object.name ? wordsOf(r, m.object) : undefined;
    if (object === undefined && text === undefined) return undefined;
    if (object === subject) return undefined;
    const when = exactDate(m.date);
    if (when) qualifiers['point-in-time'] = when;
    const place = entityOf(base, r, m.place);
    if (place && place !== object && base.entities.get(place)?.type !== 'event') qualifiers['location'] = place;
  } else if (value.kind === 'date-or-span') {
    const when = exactDate(m.date);
    if (!when) return undefined;
    // "The war ended in 1988" records the end; "began in 1980" the start; "took place" the date.
    if (m.unit.bound === 'end' || m.unit.bound === 'start') qualifiers[m.unit.bound] = when;
    else date = when;
  } else {
    // A count, a report of another statement, a denial: more than a sentence's words can fill in.
    return undefined;
  }
  if (predicate === 'derived-from') {
    const relation = RELATIONS.get(r.words.find((w) => w.start === m.triggerStart)?.lemma ?? '');
    if (relation) qualifiers['relation'] = relation;
  }
  return { subject, predicate, ...(object !== undefined && { object }), ...(date !== undefined && { date }), ...(text !== undefined && { text }), qualifiers };
}

/** How close a lineage is, by the word that says it: "a copy of", "a version of". */
const RELATIONS: ReadonlyMap<string, string> = new Map([
  ['version', 'version-of'], ['copy', 'copy-of'], ['clone', 'copy-of'], ['replica', 'copy-of'], ['knockoff', 'copy-of'],
  ['variant', 'variant-of'], ['base', 'based-on'],
]);

/** The base entity a slot's phrase names, through a pronoun or a description if need be. */
function entityOf(base: FactBase, r: Sentence, f: Filler | undefined): string | undefined {
  if (!f) return undefined;
  const id = f.name?.entity ?? (f.name ? undefined : nameOfPhrase(r, f.phrase)?.entity ?? referent(base, f, ['event', 'agreement'], r));
  return id !== undefined && base.entities.has(id) ? id : undefined;
}

/** "a North Korean design": the country a demonym in the slot stands for, when the base has it. */
function demonymCountry(base: FactBase, f: Filler | undefined): string | undefined {
  const country = f?.name?.demonymOf;
  return country !== undefined && base.entities.get(country)?.type === 'country' ? country : undefined;
}

/** The words of a phrase without its article: "a lieutenant general" → "lieutenant general". */
function wordsOf(r: Sentence, f: Filler): string | undefined {
  const words = r.text.slice(f.phrase.start, f.phrase.end).replace(/\s+/g, ' ').trim();
  const bare = words.replace(/^(?:a|an|the)\s+/i, '');
  return bare === '' ? undefined : bare;
}

/** A date the draft gives as one year, month or day (not a decade, a range or "early 2017"). */
function exactDate(d: DateSpan | undefined): string | undefined {
  if (!d || d.until !== undefined || d.part !== undefined || d.style === 'decade' || d.style === 'range') return undefined;
  return isoDate(d.date);
}

/** Whether the base has this statement already (then a check's silence has another reason). */
function recorded(base: FactBase, p: ProposedStatement): boolean {
  return base.about(p.subject, p.predicate).some((s) => {
    const v = s.value;
    if (p.object !== undefined) return v.kind === 'entity' && v.id === p.object;
    if (p.text !== undefined) return v.kind === 'text' && v.text.toLowerCase() === p.text.toLowerCase();
    // A date: the base has the one this would record (a war's end recorded says nothing of its start).
    if (p.date !== undefined) return v.kind === 'date' || s.qualifiers.pointInTime !== undefined;
    return (p.qualifiers['start'] !== undefined && s.qualifiers.start !== undefined) || (p.qualifiers['end'] !== undefined && s.qualifiers.end !== undefined);
  });
}

/** The proposal as the hover and the action's title say it, through the same words the base's own statements get. */
function summarize(base: FactBase, p: ProposedStatement): string {
  const subject = base.entities.get(p.subject);
  const name = subject && DEFINITE_TYPES.has(subject.type) ? `the ${subject.name}` : subject?.name ?? p.subject;
  return `${name} ${describeStatement(base, asStatement(p, PROPOSED_ID), { withoutAttributions: true })}`;
}

/** Types whose names take "the" in a sentence: "the Shahab-3", "the Iran-Iraq War". */
const DEFINITE_TYPES = new Set(['missile', 'weapon', 'submarine-class', 'vessel-type', 'event', 'relationship', 'agreement']);

/** A proposal as a statement of the base, for describing it. */
function asStatement(p: ProposedStatement, id: string): Statement {
  const q = p.qualifiers;
  // The dates are isoDate's own output (exactDate), so they always parse.
  const date = (text: string | undefined): FuzzyDate | undefined => {
    const parsed = text === undefined ? undefined : parseIsoDate(text);
    return parsed === undefined || 'error' in parsed ? undefined : parsed;
  };
  const value: StatementValue =
    p.object !== undefined ? { kind: 'entity', id: p.object } : p.date !== undefined ? { kind: 'date', date: date(p.date)! } : p.text !== undefined ? { kind: 'text', text: p.text } : { kind: 'none' };
  const qualifiers: Qualifiers = {
    with: [],
    certainty: 'stated',
    ...(q['point-in-time'] !== undefined && { pointInTime: date(q['point-in-time'])! }),
    ...(q['start'] !== undefined && { start: date(q['start'])! }),
    ...(q['end'] !== undefined && { end: date(q['end'])! }),
    ...(q['location'] !== undefined && { location: q['location'] }),
    ...(q['relation'] !== undefined && { relation: q['relation'] as Qualifiers['relation'] }),
  };
  return { id, subject: p.subject, predicate: p.predicate, value, qualifiers, references: [], origin: { file: '', start: 0, end: 0, line: 0, column: 0 } };
}

/**
 * The fact-file item of a proposal, citing `source`: an id of its subject, predicate and value
 * that `taken` does not know yet, and a note that tells the author where it came from. The
 * reference has no locator: only the author, with the source open, can give one.
 */
export function statementItem(p: Proposal, source: string, taken: (id: string) => boolean): Record<string, unknown> {
  const s = p.statement;
  // Room is left for the number that tells it apart from a taken id.
  const stem = toFactBaseId([s.subject, s.predicate, s.object ?? s.date ?? s.text ?? s.qualifiers['start'] ?? s.qualifiers['end'] ?? ''].join('-')).slice(0, 90).replace(/-+$/, '') || 'statement';
  let id = stem;
  for (let n = 2; taken(id); n++) id = `${stem.slice(0, 95)}-${n}`;
  const value = s.object !== undefined ? { object: s.object } : s.date !== undefined ? { date: s.date } : s.text !== undefined ? { text: s.text } : {};
  return {
    id,
    subject: s.subject,
    predicate: s.predicate,
    ...value,
    ...(Object.keys(s.qualifiers).length > 0 && { qualifiers: { ...s.qualifiers } }),
    note: `Added from a draft, which says “${p.sentence}” Check it against the source, and give the locator.`,
    references: [{ source }],
  };
}

/** Statements as the shipped files write them: qualifiers and references on one line each. */
export const STATEMENT_STYLE: ItemStyle = {
  inline: (field) => field === 'qualifiers' || field === 'references',
  // Dates quoted, as facts/README.md asks: "1980" unquoted would be read as a number.
  quote: (value) => /^\d{4}(?:-\d{2}){0,2}$/.test(value),
  // `{ source: x }` with spaces inside the braces, as the shipped files have it.
  finish: (yaml) => yaml.replace(/\{([^{}\n]+)\}/g, (_, inner: string) => `{ ${inner.trim()} }`),
};
