/**
 * Claims that Markdown's structure makes, written out as sentences (recast.ts):
 *
 * - A table is a set of claims. The first column names each row's subject, the header row names
 *   what the other columns say of it, and each cell is a value: under "North Korean original",
 *   the row "| Shahab-3 | Nodong-1 |" says "In the table, Nodong-1 is the North Korean original
 *   of Shahab-3" (the opening words keep the value from opening the sentence).
 *   A header that ends in a preposition ("Derived from", "Copy of") reads as a predicate:
 *   "Shahab-3 is derived from Nodong-1".
 * - A list item or fact-box line "label: value" states the value of the label: "North Korean
 *   advisers in Iran (1988): some 300" says "some 300 North Korean advisers in Iran (1988)";
 *   "1988: Iran-Iraq War ends" says "In 1988, Iran-Iraq War ends"; "30: advisers in Iran"
 *   says "30 advisers in Iran".
 */

import { CELL, ROW } from '../markdown/parse.js';
import { PREPOSITIONS } from './lexicon.js';
import type { Reading } from './reading.js';
import { lowerFirst, RecastBuilder, type Recast } from './recast.js';

/** A recast and the end of the words it restates, in block indices (where a citation goes). */
export interface StructureRecast {
  readonly recast: Recast;
  readonly end: number;
}

interface Cell {
  readonly start: number;
  readonly end: number;
}

/**
 * The claims of a table row's text (see `BlockKind` in markdown/parse.ts). `inSentence` gives a
 * header's words as they would be written inside a sentence: headers are capitalized as titles
 * ("Design Parent"), and a capital there would make a common word read as a name.
 */
export function tableRowClaims(text: string, inSentence: (header: string) => string): StructureRecast[] {
  const split = text.indexOf(ROW);
  if (split < 0) return [];
  const header = cells(text, 0, split);
  const row = cells(text, split + 1, text.length);
  const subject = row[0];
  if (!subject || subject.end === subject.start) return [];
  const out: StructureRecast[] = [];
  for (let k = 1; k < row.length; k++) {
    const head = header[k];
    const value = row[k]!;
    if (!head || head.end === head.start || value.end === value.start) continue;
    const label = inSentence(text.slice(head.start, head.end));
    const b = new RecastBuilder();
    const kind = headerKind(label);
    // The header's words are the recast's own: a claim is about the row, and its range stays there.
    if (kind === 'time') b.piece(text, subject.start, subject.end).own(' in ').piece(text, value.start, value.end);
    else if (kind === 'count') b.piece(text, value.start, value.end).own(' ').piece(text, subject.start, subject.end, inSentence);
    else if (endsWithPreposition(label)) b.piece(text, subject.start, subject.end).own(` is ${label} `).piece(text, value.start, value.end);
    // The value must not open the sentence, where a capital says nothing of a name ("Musudan").
    else b.own('In the table, ').piece(text, value.start, value.end).own(` is the ${label} of `).piece(text, subject.start, subject.end);
    out.push({ recast: b.own('.').build(), end: value.end });
  }
  return out;
}

/** The cells between separators in [from, to), each trimmed of spaces. */
function cells(text: string, from: number, to: number): Cell[] {
  const out: Cell[] = [];
  let k = text.indexOf(CELL, from);
  while (k >= 0 && k < to) {
    const next = text.indexOf(CELL, k + 1);
    const end = next < 0 || next > to ? to : next;
    let s = k + 1;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    out.push({ start: s, end: e });
    k = next;
  }
  return out;
}

/** Headers that say when ("Year", "Date") or how many ("Number", "Estimate"), by their last word. */
const TIME_HEADERS = new Set(['year', 'years', 'date', 'dates', 'when', 'month', 'day', 'time', 'period']);
const COUNT_HEADERS = new Set(['number', 'count', 'figure', 'total', 'quantity', 'amount', 'estimate', 'size', 'strength', 'value']);

/**
 * How a column's header reads: a time ("| The war ends | 1988 |": "The war ends in 1988"), a
 * count ("| Advisers in Iran | 300 |": "300 advisers in Iran"), or a relation.
 */
function headerKind(label: string): 'time' | 'count' | 'relation' {
  const last = label.toLowerCase().split(/\s+/).filter(Boolean).at(-1) ?? '';
  if (TIME_HEADERS.has(last)) return 'time';
  return COUNT_HEADERS.has(last) ? 'count' : 'relation';
}

function endsWithPreposition(label: string): boolean {
  const words = label.toLowerCase().split(/\s+/).filter(Boolean);
  return words.length > 1 && PREPOSITIONS.has(words[words.length - 1]!);
}

/** The claim of a "label: value" sentence in a list item, written out; undefined when it is not one. */
export function labelledValue(r: Reading): Recast | undefined {
  const words = r.words;
  const colon = words.findIndex((w) => w.norm === ':');
  if (colon <= 0 || colon >= words.length - 1) return undefined;
  let last = words.length - 1;
  while (last > colon && words[last]!.tag === 'PUNCT' && words[last]!.norm !== ')') last--;
  if (last <= colon) return undefined;
  const labelStart = words[0]!.start;
  const labelEnd = words[colon - 1]!.end;
  const valueStart = words[colon + 1]!.start;
  const valueEnd = words[last]!.end;
  const b = new RecastBuilder();
  // "label: some 300": the figure first, then what it counts, as a writer would say it.
  const figure = r.quantities.find((q) => q.first === colon + 1 || (q.first === colon + 2 && isModifier(words[colon + 1]!.norm)));
  const common = !r.names.some((n) => n.first === 0);
  if (figure && !r.verbs.some((v) => v.last < colon)) return b.piece(r.text, valueStart, valueEnd).own(' ').piece(r.text, labelStart, labelEnd, common ? lowerFirst : undefined).own('.').build();
  // "1988: the war ends", "30: advisers in Iran": the label is the figure or the date.
  const date = r.dates.find((d) => d.first === 0 && d.last === colon - 1);
  if (date) return b.own('In ').piece(r.text, labelStart, labelEnd).own(', ').piece(r.text, valueStart, valueEnd).own('.').build();
  const count = r.quantities.find((q) => q.first === 0 && q.last === colon - 1);
  if (count) return b.piece(r.text, labelStart, labelEnd).own(' ').piece(r.text, valueStart, valueEnd).own('.').build();
  return undefined;
}

/** Words before a figure that belong to it ("some 300", "about 300", "more than $1 billion"). */
function isModifier(norm: string): boolean {
  return norm === 'some' || norm === 'about' || norm === 'around' || norm === 'roughly' || norm === 'nearly' || norm === 'almost' || norm === 'over' || norm === 'more' || norm === 'at' || norm === 'up';
}

/**
 * A footnote that credits the sentence citing it ("Bruce Bechtol, writing in *Foreign
 * Affairs*."), written out as the attribution it makes: "Bruce Bechtol, writing in Foreign
 * Affairs, reported that <the citing sentence>". Only a footnote without a finite verb of its own
 * credits anything; one that makes a claim of its own is read as it is.
 */
export function creditFor(r: Reading, cited: string): Recast | undefined {
  if (!cited || r.names.length === 0) return undefined;
  if (r.verbs.some((v) => v.verb.form !== 'gerund' && v.verb.form !== 'participle')) return undefined;
  let last = r.words.length - 1;
  while (last >= 0 && r.words[last]!.tag === 'PUNCT') last--;
  if (last < 0) return undefined;
  return new RecastBuilder().piece(r.text, r.words[0]!.start, r.words[last]!.end).own(`, reported that ${cited.replace(/[.!?]+$/u, '')}.`).build();
}
