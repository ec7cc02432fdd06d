/**
 * Attributions: who reported a finding, where and when. "Writing in Foreign Affairs, Bruce
 * Bechtol estimated some 300 advisers...", "according to a 2017 report by the Office of Naval
 * Intelligence, Iran has fourteen midget submarines", "a UN panel of experts found KOMID active
 * in Iran".
 *
 * A sentence is an attribution claim when it holds both parts:
 * - the substance of a statement the base attributes to someone (a `reported` statement points
 *   to it): a figure the quantity check ties to that statement, or, for an entity-valued
 *   statement, its subject, object and `with` entities with a cue for its relation ("active",
 *   "sold", "visited");
 * - a reporter: a person, body, organization or publication named next to a reporting cue
 *   ("according to X", "a 2017 report by X", "X wrote / estimated / found / said", "wrote X").
 *
 * It is supported when the reporter is the one the base records (or the publication the report
 * appeared in), and the publication and year, if the draft gives them, match. It is refuted
 * when the draft credits someone else (fix: the recorded reporter), names another publication
 * or another year, or denies that the recorded reporter said it ("ONI did not report..."). Other
 * negations make the sentence too tangled to judge, and figures the base attributes to no one
 * are left to the quantity check.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Statement } from '../factbase/types.js';
import { type ResolvedMention, type SentenceView } from '../claims/sentence.js';
import { presentEntities, quantityClaims, REPORT_YEAR } from './quantity.js';
import { affirmation } from '../claims/affirm.js';
import type { Check, Judgement } from './types.js';

const REPORTER_TYPES = ['person', 'government-body', 'organization', 'publication'];

/** A reporting cue just before the reporter: "according to (a 2017 report by) the", "wrote". */
const CUE_BEFORE = /(?:\baccording\s+to|\b(?:reported|estimated|found|cited|compiled|published|written)\s+by|\b(?:report|study|assessment|estimate|analysis|article|paper|findings?|book|survey|review|testimony)\s+(?:by|of|from)|\b(?:said|says|wrote|writes|reported|reports|estimated|estimates|noted|notes|found|finds|concluded|added))\s+(?:(?:the|a|an|its|their|new|recent|latest|\d{4}|[\p{L}-]+['’]s)\s+)*$/iu;
/** A reporting verb just after the reporter, perhaps after "'s 2017 report" or ", writing in P,". */
const CUE_AFTER = /^(?:['’]s\s+(?:\d{4}\s+)?(?:report|study|assessment|estimate|analysis|article|findings?)\b[^,.;]*|\s*,\s*(?:writing|who\s+wrote)\s+in\s+[^,]+,|\s*\([^)]*\))?\s*(?:(?:has|had|have|also|later|once|first|reportedly|allegedly|apparently|did\s+not|didn['’]t|does\s+not|doesn['’]t|never)\s+)*(?:find|report|say|estimate|write|claim|indicate|conclude|note|assess|count|wrote|writes|written|reported|reports|estimated|estimates|found|finds|said|says|stated|states|noted|notes|concluded|concludes|indicated|indicates|assessed|assesses|claimed|claims|counted|counts|put\s+the\s+(?:figure|number))\b/i;
/** "did not report", "never said": a denial of the attribution itself. */
const DENIAL = /\b(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|has\s+not|hasn['’]t|never)\s+(?:\w+\s+)?(?:report|say|said|find|found|estimate|write|wrote|claim|indicate)\w*/i;
const NEGATION = /\b(?:not|never|neither|nor|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|doesn['’]t|didn['’]t|hasn['’]t|hadn['’]t|cannot|can['’]t|won['’]t|no\s+longer)\b/i;
/** Hedges of the attribution itself; "according to" and "reported" are the attribution, not hedges. */
const HEDGE = /\b(?:reportedly|allegedly|apparently|appears?\s+to|seems?\s+to|may|might|possibly|probably|likely)\b/i;

/**
 * Every word either cue above needs, by its stem: a sentence with none of them names no reporter,
 * so the costly search for what it reports is skipped.
 */
const ANY_CUE = /\b(?:according|report|stud|assess|estimat|analys|article|paper|finding|book|survey|review|testimon|said|say|wrote|writ|note|found|find|conclud|added|cited|compiled|published|claim|indicat|count|stated|states|put)/i;

/** Cue words for the relation of an entity-valued statement. */
const RELATION_CUES: Readonly<Record<string, RegExp>> = {
  'active-in': /\b(?:active|activit\w*|operat\w*|present|working)\b/i,
  'sold-to': /\b(?:sold|sells?|selling|sales?|supplied|exported|bought|buys?|purchased|purchases?|acquired|imported)\b/i,
  visited: /\bvisit\w*/i,
};

interface Substance {
  readonly statement: Statement;
  readonly start: number;
  readonly end: number;
}

export const attribution: Check = {
  code: 'attribution',
  description: 'Attributions of figures and findings: "according to a 2017 report by X", "writing in P, X estimated", "X found".',
  run(view, base) {
    if (!ANY_CUE.test(view.text.slice(view.start, view.end))) return [];
    const substances = findSubstances(view, base);
    if (substances.length === 0) return [];
    const sentence = view.text.slice(view.start, view.end);
    const denial = DENIAL.exec(sentence);
    if (!denial && NEGATION.test(sentence)) return [];
    const out: Judgement[] = [];
    for (const reporter of reporters(view, base, substances)) {
      for (const s of substances) {
        const j = judge(view, base, reporter, s, denial ? [view.start + denial.index, view.start + denial.index + denial[0].length] : undefined);
        if (j) merge(out, j);
      }
    }
    return out;
  },
};

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
function findSubstances(view: SentenceView, base: FactBase): Substance[] {
  const out: Substance[] = [];
  const add = (s: Substance) => {
    if (base.attributionsOf(s.statement.id).length && !out.some((o) => o.statement.id === s.statement.id)) out.push(s);
  };
  for (const c of quantityClaims(view, base, true)) add({ statement: c.statement, start: c.start, end: c.unitEnd });
  const present = presentEntities(view, base);
  const sentence = view.text.slice(view.start, view.end);
  for (const m of view.mentions) {
    for (const s of base.about(m.entity)) {
      if (s.value.kind !== 'entity' || !base.attributionsOf(s.id).length) continue;
      const cue = RELATION_CUES[s.predicate];
      if (!cue || !cue.test(sentence)) continue;
      const objectId = s.value.id;
      if (![objectId, ...s.qualifiers.with].every((e) => present.has(e))) continue;
      const object = view.mentions.find((o) => o.entity === objectId) ?? m;
      add({ statement: s, start: Math.min(m.start, object.start), end: Math.max(m.end, object.end) });
    }
  }
  return out;
}

/** Mentions of possible reporters with a reporting cue next to them, outside what is reported. */
function reporters(view: SentenceView, base: FactBase, substances: readonly Substance[]): ResolvedMention[] {
  const own = new Set<string>();
  for (const { statement: s } of substances) {
    own.add(s.subject);
    if (s.value.kind === 'entity') own.add(s.value.id);
    for (const w of s.qualifiers.with) own.add(w);
    if (s.qualifiers.location) own.add(s.qualifiers.location);
  }
  const found = view.mentions.filter((m) => {
    if (own.has(m.entity) || !REPORTER_TYPES.includes(base.entities.get(m.entity)?.type ?? '')) return false;
    if (substances.some((s) => m.start < s.end && m.end > s.start)) return false;
    const before = view.text.slice(view.start, m.start);
    const after = view.text.slice(m.end, view.end);
    return CUE_BEFORE.test(before) || CUE_AFTER.test(after);
  });
  // A publication is the reporter only when no author or body is named with it.
  const people = found.filter((m) => base.entities.get(m.entity)?.type !== 'publication');
  return people.length ? people : found;
}

function judge(view: SentenceView, base: FactBase, reporter: ResolvedMention, substance: Substance, denial: [number, number] | undefined): Judgement | undefined {
  const target = substance.statement;
  const all = base.attributionsOf(target.id);
  const facts = all.map((a) => a.id);
  const name = (id: string) => base.entities.get(id)?.name ?? id;
  const soft = HEDGE.test(view.text.slice(view.start, view.end));
  const right = all.filter((a) => a.subject === reporter.entity || a.qualifiers.in === reporter.entity);
  const said = view.text.slice(reporter.start, reporter.end);
  const recorded = describeAttributions(base, all);
  if (denial) {
    if (!right.length) return undefined;
    return {
      verdict: 'refuted', start: denial[0], end: denial[1], facts, hedged: soft, ...affirmation(view.text.slice(denial[0], denial[1])),
      message: `The draft denies that ${said} reported this; the fact base says ${recorded}.`,
    };
  }
  if (!right.length) {
    const reporterIds = [...new Set(all.map((a) => a.subject))];
    const only = reporterIds.length === 1 ? reporterIds[0]! : undefined;
    const span = withArticle(view, reporter, only ? base.entities.get(only)?.type : undefined);
    return {
      verdict: 'refuted', start: span.start, end: reporter.end, facts, hedged: soft,
      ...(only !== undefined && { replacement: `${span.article}${name(only)}` }),
      message: `The draft attributes this to ${said}; the fact base says ${recorded}.`,
    };
  }
  const a = right[0]!;
  let start = reporter.start;
  let end = reporter.end;
  const publication = view.mentions.find((m) => m !== reporter && m.entity !== reporter.entity && base.entities.get(m.entity)?.type === 'publication');
  if (publication && a.qualifiers.in !== undefined && a.subject === reporter.entity) {
    if (publication.entity !== a.qualifiers.in) {
      return {
        verdict: 'refuted', start: publication.start, end: publication.end, facts: [a.id], hedged: soft,
        replacement: name(a.qualifiers.in),
        message: `The draft says ${said} wrote this in ${view.text.slice(publication.start, publication.end)}; the fact base says ${recorded}.`,
      };
    }
    start = Math.min(start, publication.start);
    end = Math.max(end, publication.end);
  }
  const year = REPORT_YEAR.exec(view.text.slice(view.start, view.end));
  const when = a.qualifiers.pointInTime;
  if (year && when) {
    const text = year[1] ?? year[2]!;
    const at = view.start + year.index + year[0].indexOf(text);
    if (Number(text) !== when.year) {
      return {
        verdict: 'refuted', start: at, end: at + text.length, facts: [a.id], hedged: soft,
        replacement: String(when.year),
        message: `The draft dates ${said}'s report to ${text}; the fact base says ${recorded}.`,
      };
    }
    start = Math.min(start, at);
    end = Math.max(end, at + text.length);
  }
  return { verdict: 'supported', start, end, facts: [a.id], hedged: soft };
}

/** "the" before a body's name, so a correction to or from a person's name reads right. */
function withArticle(view: SentenceView, m: ResolvedMention, replacementType: string | undefined): { start: number; article: string } {
  const the = /\bthe\s+$/i.exec(view.text.slice(Math.max(view.start, m.start - 4), m.start));
  const body = replacementType !== undefined && replacementType !== 'person';
  if (the && !body) return { start: m.start - the[0].length, article: '' };
  if (!the && body) return { start: m.start, article: 'the ' };
  return { start: m.start, article: '' };
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
