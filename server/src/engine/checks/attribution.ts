/**
 * Attributions: who reported a finding, where and when. "Writing in Foreign Affairs, Bruce
 * Bechtol estimated some 300 advisers...", "according to a 2017 report by the Office of Naval
 * Intelligence, Iran has fourteen midget submarines", "a UN panel of experts found KOMID active
 * in Iran", "a 2017 Defense Intelligence Agency report found".
 *
 * A sentence is an attribution claim when it holds both parts:
 * - the substance of a statement the base attributes to someone (a `reported` statement points
 *   to it): a figure that speaks of that statement (judge/figures.ts), or a frame of its
 *   predicate with its subject and object (and its `with` entities named);
 * - a reporter (judge/reporters.ts).
 * A recorded finding has one source: the draft's reporter is right when it is the recorded one
 * (or the publication the report appeared in), and refuted when it is anyone else, whether the
 * base knows them or not ("a Defense Intelligence Agency report", "Victor Cha wrote"); the fix
 * names the recorded reporter. A publication or a year the draft gives must be the recorded ones,
 * and a denial that the recorded reporter said it is refuted. The author of the source the base
 * took the finding from ("Oba writes") reports it too.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import { affirm } from '../claims/affirm.js';
import { figureClaims } from '../judge/figures.js';
import { reportersOf, type Reporter } from '../judge/reporters.js';
import { spanOf } from '../judge/wording.js';
import { tokenize } from '../text/tokens.js';
import type { Check, Judgement, Sentence } from './types.js';

interface Substance {
  readonly statement: Statement;
  readonly start: number;
  readonly end: number;
}

export const attribution: Check = {
  code: 'attribution',
  description: 'Attributions of figures and findings: "according to a 2017 report by X", "writing in P, X estimated", "X found".',
  run(r, base) {
    const reporters = reportersOf(r, base);
    if (reporters.length === 0) return [];
    const substances = findSubstances(r, base);
    if (substances.length === 0) return [];
    const out: Judgement[] = [];
    // A publication is the reporter only when no author or body is named with it.
    const people = reporters.filter((x) => !(x.name.entity ? base.entities.get(x.name.entity)?.type === 'publication' : x.name.kinds.has('publication') && x.name.kinds.size === 1));
    for (const reporter of people.length ? people : reporters) {
      for (const s of substances) {
        if (overlaps(reporter.name, s)) continue;
        const j = judge(r, base, reporter, s);
        if (j) merge(out, j);
      }
    }
    return out;
  },
};

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Judgements on the same words with the same verdict are one claim, backed by all their facts. */
function merge(out: Judgement[], j: Judgement): void {
  const same = out.findIndex((o) => o.start === j.start && o.end === j.end);
  if (same < 0) {
    out.push(j);
    return;
  }
  const o = out[same]!;
  if (o.verdict !== j.verdict) {
    // One reporter, two findings, two verdicts: the refutation is what the writer must see. But
    // no replacement: the reporter is right about the other finding, and replacing it would
    // refute that one instead (fix all would then swap the two reporters back and forth).
    const refuted = j.verdict === 'refuted' ? j : o;
    const { replacement: _wrongForTheOther, ...rest } = refuted;
    out[same] = rest;
    return;
  }
  out[same] = { ...o, facts: [...new Set([...o.facts, ...j.facts])] };
}

/** The attributed statements whose substance the sentence states. */
function findSubstances(r: Sentence, base: FactBase): Substance[] {
  const out: Substance[] = [];
  const add = (s: Substance) => {
    if (base.attributionsOf(s.statement.id).length && !out.some((o) => o.statement.id === s.statement.id)) out.push(s);
  };
  for (const c of figureClaims(r, base)) if (!c.origin) add({ statement: c.statement, start: c.start, end: c.unitEnd });
  const named = new Set(r.names.map((n) => n.entity).filter((e): e is string => e !== undefined));
  for (const m of r.frames) {
    const subject = m.subject?.name?.entity;
    const object = m.object?.name?.entity;
    if (!subject || !object || m.frame.predicate === 'reported') continue;
    for (const s of base.about(subject, m.frame.predicate)) {
      if (s.value.kind !== 'entity' || s.value.id !== object) continue;
      if (!s.qualifiers.with.every((w) => named.has(w))) continue;
      add({ statement: s, ...spanOf(m.subject, m.object) });
    }
  }
  return out;
}

const nameOf = (base: FactBase, id: string) => base.entities.get(id)?.name ?? id;

function judge(r: Sentence, base: FactBase, reporter: Reporter, substance: Substance): Judgement | undefined {
  const target = substance.statement;
  const all = base.attributionsOf(target.id);
  const facts = all.map((a) => a.id);
  const who = reporter.name.entity;
  if (who && isSourceAuthor(base, target, who)) return undefined;
  // An unlinked name made of the recorded reporter's own words ("UN experts" for the UN panel
  // of experts, "Naval Intelligence") is a short form of it, not another reporter.
  const shortForm = (a: Statement) => who === undefined && partOfName(base, reporter.name.text, a.subject);
  const right = all.filter((a) => (who !== undefined && (a.subject === who || a.qualifiers.in === who)) || shortForm(a));
  const said = reporter.name.text;
  const recorded = describeAttributions(base, all);
  const soft = r.verbs.some((v) => v.hedge && v.first > reporter.name.last);
  if (reporter.denial) {
    if (!right.length) return undefined;
    const positive = affirm(r.text.slice(reporter.denial.start, reporter.denial.end));
    return {
      verdict: 'refuted', ...reporter.denial, facts, hedged: soft, ...(positive !== undefined && { replacement: positive }),
      message: `The draft denies that ${said} reported this; the fact base says ${recorded}.`,
    };
  }
  if (!right.length) {
    const reporterIds = [...new Set(all.map((a) => a.subject))];
    const only = reporterIds.length === 1 ? reporterIds[0]! : undefined;
    const span = withArticle(r, reporter, only ? base.entities.get(only)?.type : undefined);
    return {
      verdict: 'refuted', start: span.start, end: reporter.name.end, facts, hedged: soft,
      ...(only !== undefined && { replacement: `${span.article}${nameOf(base, only)}` }),
      message: `The draft attributes this to ${said}; the fact base says ${recorded}.`,
    };
  }
  const a = right[0]!;
  const publication = reporter.publication;
  if (publication && a.qualifiers.in !== undefined && a.subject === who && publication.entity !== a.qualifiers.in) {
    return {
      verdict: 'refuted', start: publication.start, end: publication.end, facts: [a.id], hedged: soft,
      replacement: nameOf(base, a.qualifiers.in),
      message: `The draft says ${said} wrote this in ${publication.text}; the fact base says ${recorded}.`,
    };
  }
  const when = a.qualifiers.pointInTime;
  if (reporter.year && when && reporter.year.date.year !== when.year) {
    return {
      verdict: 'refuted', start: reporter.year.start, end: reporter.year.end, facts: [a.id], hedged: soft,
      replacement: String(when.year),
      message: `The draft dates ${said}'s report to ${r.text.slice(reporter.year.start, reporter.year.end)}; the fact base says ${recorded}.`,
    };
  }
  return { verdict: 'supported', ...spanOf(reporter.name, publication && a.qualifiers.in === publication.entity ? publication : undefined, reporter.year), facts: [a.id], ...(soft && { hedged: true }) };
}

/** Whether every word of `written` is a word of the entity's name or one of its aliases. */
function partOfName(base: FactBase, written: string, entity: string): boolean {
  const e = base.entities.get(entity);
  if (!e) return false;
  const words = tokenize(written).map((t) => t.norm);
  return words.length > 0 && [e.name, ...e.aliases].some((n) => {
    const own = new Set(tokenize(n).map((t) => t.norm));
    return words.every((w) => own.has(w));
  });
}

/** Whether a person is an author of a source the statement cites: "Oba writes" of Oba's article. */
function isSourceAuthor(base: FactBase, s: Statement, person: string): boolean {
  const e = base.entities.get(person);
  if (!e || e.type !== 'person') return false;
  return s.references.some((ref) => base.sources.get(ref.source)?.author?.some((a) => a.family !== undefined && e.name.endsWith(a.family)) ?? false);
}

/** "the" before a body's name, so a correction to or from a person's name reads right. */
function withArticle(r: Sentence, reporter: Reporter, replacementType: string | undefined): { start: number; article: string } {
  const before = r.words[reporter.name.first - 1];
  const the = before?.norm === 'the' ? before : undefined;
  const body = replacementType !== undefined && replacementType !== 'person';
  // "a 2017 Defense Intelligence Agency report": the name modifies a noun, no article of its own.
  const modifier = reporter.phrase.head.i > reporter.name.last;
  if (the && !body) return { start: the.start, article: '' };
  if (!the && body && !modifier && !reporter.name.text.startsWith('The ')) {
    const determiner = r.words[reporter.name.first - 1];
    if (!determiner || determiner.tag !== 'DET') return { start: reporter.name.start, article: 'the ' };
  }
  return { start: reporter.name.start, article: '' };
}

/** "Bruce Bechtol reported it in Foreign Affairs" / "the Office of Naval Intelligence reported it in 2017". */
function describeAttributions(base: FactBase, all: readonly Statement[]): string {
  const parts = all.map((a) => {
    const who = base.entities.get(a.subject);
    const name = who ? `${who.type === 'person' ? '' : 'the '}${who.name}` : a.subject;
    const where = a.qualifiers.in ? ` in ${base.entities.get(a.qualifiers.in)?.name ?? a.qualifiers.in}` : '';
    const when = a.qualifiers.pointInTime ? ` in ${a.qualifiers.pointInTime.year}` : '';
    return `${name} reported it${where}${when}`;
  });
  return parts.join('; ');
}
