/**
 * Who a sentence says stands behind what it reports: the reporters found by the `reported`
 * frame ("X said / found / estimated", "a report by X", "X's 2017 assessment", "a CIA
 * assessment", "according to X"), with the publication ("writing in Foreign Affairs") and the
 * report's date ("a 2017 report", "reported in 2017") when the draft gives them. A report named
 * as the subject ("a 2017 report by the ONI found") stands for its author.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { FrameMatch } from '../frames/match.js';
import type { DateSpan } from '../reading/dates.js';
import type { Name } from '../reading/names.js';
import type { NounPhrase } from '../reading/phrases.js';
import type { Reading } from '../reading/reading.js';
import type { Word } from '../reading/words.js';

export interface Reporter {
  readonly name: Name;
  readonly phrase: NounPhrase;
  readonly publication?: Name;
  readonly year?: DateSpan;
  /** "did not report": the words of the denial. */
  readonly denial?: { readonly start: number; readonly end: number };
  /** The reporting words ("according to", "found"), for the claim's span. */
  readonly cue: { readonly start: number; readonly end: number };
}

/** Nouns that name a report; a phrase headed by one stands for its author. */
export const REPORT_NOUNS = new Set(['report', 'study', 'assessment', 'estimate', 'analysis', 'article', 'paper', 'finding', 'survey', 'review', 'testimony', 'account', 'figure', 'tally', 'count', 'data', 'piece', 'book', 'census', 'column', 'op-ed']);
const WRITING = new Set(['write', 'publish', 'appear']);
const REPORTER_KINDS = ['person', 'organization', 'publication'] as const;

const memo = new WeakMap<Reading, Reporter[]>();

export function reportersOf(r: Reading & { readonly frames: readonly FrameMatch[] }, base: FactBase): Reporter[] {
  let out = memo.get(r);
  if (!out) memo.set(r, (out = find(r, base)));
  return out;
}

function find(r: Reading & { readonly frames: readonly FrameMatch[] }, base: FactBase): Reporter[] {
  const out: Reporter[] = [];
  const byPhrase = new Map<NounPhrase, FrameMatch>();
  for (const m of r.frames) if (m.frame.predicate === 'reported' && m.unit.pos === 'noun' && m.subject) byPhrase.set(phraseOfTrigger(r, m) ?? m.subject.phrase, m);
  for (const m of r.frames) {
    if (m.frame.predicate !== 'reported' || !m.subject) continue;
    let phrase = m.subject.phrase;
    let name = m.subject.name;
    let year: DateSpan | undefined;
    // A report as the subject or object of "according to": its author reports.
    if (!name && REPORT_NOUNS.has(phrase.head.lemma)) {
      const inner = byPhrase.get(phrase);
      if (!inner?.subject?.name) continue;
      year = phrase.date;
      phrase = inner.subject.phrase;
      name = inner.subject.name;
    }
    if (m.unit.pos === 'noun') year ??= phraseOfTrigger(r, m)?.date;
    if (!name || !REPORTER_KINDS.some((k) => name!.kinds.has(k))) continue;
    if (name.demonymOf !== undefined) continue;
    year ??= yearAfterVerb(r, m);
    const publication = publicationOf(r, base, name);
    const denial = m.negation && m.verb ? { start: m.verb.start, end: m.verb.end } : undefined;
    if (out.some((x) => x.name.start === name!.start)) continue;
    out.push({ name, phrase, ...(publication && { publication }), ...(year && { year }), ...(denial && { denial }), cue: { start: m.triggerStart, end: m.triggerEnd } });
  }
  // A publication named alone reports for its authors: "in Foreign Affairs", "a Foreign Affairs article".
  for (const n of r.names) {
    if (!n.kinds.has('publication') || n.kinds.size > 1 || out.some((x) => x.name === n || x.publication === n)) continue;
    const p = r.phraseOf(n.first);
    if (p) out.push({ name: n, phrase: p, cue: { start: n.start, end: n.end } });
  }
  return out;
}

function phraseOfTrigger(r: Reading, m: FrameMatch): NounPhrase | undefined {
  const w = r.wordAt(m.triggerStart);
  return w ? r.phraseOf(w.i) : undefined;
}

/** "reported in 2017", "said in 2015": a date right after the reporting verb. */
function yearAfterVerb(r: Reading, m: FrameMatch): DateSpan | undefined {
  if (!m.verb) return undefined;
  const next = r.words[m.verb.last + 1];
  if (!next || next.norm !== 'in') return undefined;
  const d = r.dates.find((x) => x.first === m.verb!.last + 2);
  if (d) return d;
  // "said in a 2017 report".
  const p = r.phraseOf(m.verb.last + 2);
  return p && REPORT_NOUNS.has(p.head.lemma) ? p.date : undefined;
}

/** The publication a reporter wrote in: "writing in P", "wrote in P", "X's P article", "in the pages of P". */
function publicationOf(r: Reading, base: FactBase, reporter: Name): Name | undefined {
  for (const n of r.names) {
    if (n === reporter) continue;
    const kinds = n.entity ? base.entities.get(n.entity)?.type === 'publication' : n.kinds.has('publication') && n.kinds.size === 1;
    if (!kinds) continue;
    return n;
  }
  return undefined;
}

/** Whether a date dates a report rather than what it reports ("a 2015 report", "reported in 2015"). */
export function isReportDate(r: Reading, d: DateSpan): boolean {
  const p = r.phraseOf(d.first);
  if (p && REPORT_NOUNS.has(p.head.lemma)) return true;
  const before: Word | undefined = r.words[d.first - 1];
  if (before?.norm !== 'in') return false;
  const v = r.verbOf(d.first - 2);
  return v !== undefined && (WRITING.has(v.lemma) || ['say', 'report', 'find', 'estimate', 'conclude', 'write', 'assess', 'count'].includes(v.lemma));
}
