/**
 * The engine's entry point: Markdown text and a fact base in, findings and claims out. Pure: no
 * file system, no LSP. The command line, the language server and the tests all call `Checker`.
 *
 * A check run parses the draft into prose blocks, finds entity mentions in each block in one
 * pass, splits blocks into sentences, and asks every check about every sentence with a mention.
 * Judgements become findings (refuted claims, with fixes as text edits) and claims (everything
 * recognised, with the facts and sources behind it).
 */

import { Citer, type CitationPlan, type CitationStyle, type TextEdit } from './citations.js';
import type { BibliographyAddition, CitationFormat } from './pandoc.js';
import { ALL_CHECKS } from './checks/index.js';
import type { Check, Judgement, Sentence, Verdict } from './checks/types.js';
import { EntityMatcher } from './entities/matcher.js';
import { sourceLabel, sourceTitle as factbaseSourceTitle, type FactBase } from './factbase/factbase.js';
import { DraftParse, editBetween, parseNow, parseWith, type ParseRequest } from './markdown/incremental.js';
import { exceedsLimits, exceedsLimitsAfterEdit, within } from './markdown/limits.js';
import { GAP, offsetOf, type ParsedDraft, type ProseBlock, type RootBlock } from './markdown/parse.js';
import { Suppressions } from './suppress.js';
import { sentences } from './text/sentences.js';
import { tokenize } from './text/tokens.js';
import { gazetteer } from './reading/gazetteer.js';
import type { NameContext } from './reading/names.js';
import { quoteSpans } from './reading/quotes.js';
import { readSentence, type BlockKind, type Reading } from './reading/reading.js';
import { gappedClauses } from './reading/ellipsis.js';
import { inStance, rejectsReport, reportOf, stanceOf, type StanceSpan } from './reading/stance.js';
import { describeStatement } from './describe.js';
import { settleDisputes } from './judge/disputes.js';
import { creditFor, labelledValue, tableRowClaims } from './reading/structure.js';
import { mapRange, type Recast } from './reading/recast.js';
import { FRAMES } from './factbase/frames.js';
import { BlockContext } from './frames/context.js';
import { describeMatch, matchFrames, type FrameMatch } from './frames/match.js';
import { fixTitle, minimalEdit, oneLine } from './minimalEdit.js';

export type { TextEdit } from './citations.js';
export type { BibliographyAddition, CitationFormat } from './pandoc.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Drafts longer than this are not checked; the caller says so instead of hanging. About 300,000 words. */
export const MAX_DRAFT_CHARS = 2_000_000;

export interface Fix {
  readonly title: string;
  readonly kind: 'correct' | 'correct-and-cite' | 'cite';
  readonly preferred?: boolean;
  readonly edits: readonly TextEdit[];
  /**
   * Pandoc citations: sources to add to the draft's bibliography file, another document. The
   * caller reads that file and turns this into edits of it with `bibliographyChange` (pandoc.ts).
   */
  readonly bibliography?: BibliographyAddition;
}

/** A refuted claim: what is wrong, where, why, and how to fix it. Offsets are document offsets. */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly facts: readonly string[];
  readonly sources: readonly string[];
  readonly fixes: readonly Fix[];
  /** The corrected words, when there is one right value. */
  readonly expected?: string;
  /** What the claim's pronouns and descriptions were read as ("He" → Ali Khamenei). */
  readonly resolved?: readonly Coreference[];
}

/** A pronoun or description, in document offsets, and the entity it was read as. */
export interface Coreference {
  readonly start: number;
  readonly end: number;
  readonly entity: string;
}

/** A recognised claim, supported or refuted. */
export interface Claim {
  readonly code: string;
  readonly verdict: Verdict;
  readonly start: number;
  readonly end: number;
  readonly facts: readonly string[];
  readonly sources: readonly string[];
  /** For a supported claim: "Insert citation". */
  readonly fixes: readonly Fix[];
  readonly resolved?: readonly Coreference[];
}

export interface CheckResult {
  readonly findings: readonly Finding[];
  readonly claims: readonly Claim[];
  /** Set when the draft was not checked at all, and why. */
  readonly skipped?: string;
}

export interface CheckOptions {
  /** Severity per check code, or 'off'. Refuted claims are errors by default. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  readonly citationStyle?: CitationStyle;
  /** Footnotes (the default) or Pandoc citations with a CSL-JSON bibliography. */
  readonly citationFormat?: CitationFormat;
}

/** What one check said about one sentence of a block. */
export interface BlockJudgement {
  readonly check: Check;
  readonly judgement: Judgement;
  /** The end of the sentence, in block indices, for the citation. */
  readonly sentenceEnd: number;
  /** What the sentence's pronouns and descriptions stand for, in block indices. */
  readonly resolved: readonly BlockReference[];
}

interface BlockReference {
  readonly start: number;
  readonly end: number;
  readonly entity: string;
}

export class Checker {
  private readonly matcher: EntityMatcher;
  private readonly names: NameContext;

  constructor(
    readonly base: FactBase,
    private readonly checks: readonly Check[] = ALL_CHECKS,
  ) {
    this.matcher = new EntityMatcher(base);
    this.names = nameContext(base);
  }

  /** Checks a whole draft. Stateless: for a draft being edited, a `DraftSession` re-uses work. */
  check(text: string, options: CheckOptions = {}): CheckResult {
    const skipped = this.refuse(text);
    if (skipped) return skipped;
    return this.finish(text, DraftParse.parse(text).parsed, options);
  }

  /** A session for one draft being edited: each check re-parses and re-judges only what changed. */
  session(): DraftSession {
    return new DraftSession(this);
  }

  /** @internal A result that says why a draft was not checked, or undefined. */
  refuse(text: string): CheckResult | undefined {
    if (text.length <= MAX_DRAFT_CHARS) {
      // Nesting deep enough to overflow the parser's stack is refused before parsing.
      const tooDeep = exceedsLimits(text);
      return tooDeep === undefined ? undefined : { findings: [], claims: [], skipped: tooDeep };
    }
    return {
      findings: [],
      claims: [],
      skipped: `the draft has ${text.length.toLocaleString('en-US')} characters; Factcheck checks drafts of up to ${MAX_DRAFT_CHARS.toLocaleString('en-US')} characters. Split it into parts.`,
    };
  }

  /**
   * @internal What every check says about one prose block, in block indices. It depends on the
   * block's text, kind and surroundings alone (and the fact base), which is what lets a session
   * keep it across edits.
   */
  judgeBlock(text: string, kind: BlockKind = 'paragraph', context: Surroundings = NO_SURROUNDINGS): BlockJudgement[] {
    const out: BlockJudgement[] = [];
    // The writer's stance in the current sentence, and what the sentence before reported.
    let stance: StanceSpan[] = [];
    let report: { readonly span: StanceSpan; readonly from: number; readonly end: number } | undefined;
    // Where the current sentence's judgements start in `out`.
    let sentenceFrom = 0;
    // "A viral post says X. It does not.": the report before is rejected after all.
    const settleReport = () => {
      if (report && rejectsReport(nextSentence(text, report.end))) this.reject(out, report.from, [report.span]);
    };
    for (const { sentence: view, recast, end: sentenceEnd } of this.views(text, kind, context)) {
      if (!recast) {
        settleReport();
        stance = stanceOf(view);
        sentenceFrom = out.length;
        const reported = reportOf(view);
        report = reported && { span: reported, from: out.length, end: sentenceEnd };
      }
      const resolved = referencesOf(view, recast);
      for (const check of this.checks) {
        try {
          const judged = settleDisputes(check.run(view, this.base), this.base, (base) => check.run(view, base));
          for (const found of judged) {
            // Words of an earlier sentence (a date a later sentence's "the talks" carries along)
            // were judged with that sentence.
            if (found.start < view.start) continue;
            const judgement = recast ? inBlock(found, recast) : found;
            if (judgement) out.push({ check, judgement, sentenceEnd, resolved });
          }
        } catch {
          // A check that fails on one sentence must not take the others down with it.
        }
      }
      if (stance.length) this.reject(out, sentenceFrom, stance);
    }
    settleReport();
    return out;
  }

  /**
   * What the base cannot judge yet: the frames of the sentences touching document offsets
   * [`from`, `to`] on which no check said anything, each with its sentence (for "Add to fact
   * base…", authoring.ts). Frames the writer does not assert (a question, a condition,
   * a claim called a myth) and denied frames are left out: they are no fact to record.
   */
  unjudged(text: string, parsed: ParsedDraft, from: number, to: number): UnjudgedFrame[] {
    const out: UnjudgedFrame[] = [];
    const sections = new SectionContext(text, parsed);
    for (const block of parsed.blocks) {
      // Every block gives its context to the next (its heading, a list's lead-in), so all are passed.
      const context = sections.next(block);
      if (block.end < from || block.start > to) continue;
      for (const { sentence, recast, end } of this.views(block.text, block.kind, context)) {
        // A recast's words are partly the engine's own: no place in the draft to point at.
        if (recast || offsetOf(block, sentence.start) > to || endOffset(block, end) < from) continue;
        const judge = (base: FactBase) =>
          this.checks.flatMap((check) => {
            try {
              return check.run(sentence, base);
            } catch {
              return [];
            }
          });
        const judged = judge(this.base);
        const stance = stanceOf(sentence);
        for (const frame of sentence.frames) {
          if (frame.negation) continue;
          const extent = frameExtent(frame);
          if (inStance(stance, extent.start, extent.end)) continue;
          if (judged.some((j) => j.start < extent.end && extent.start < j.end)) continue;
          out.push({ frame, sentence, block, judge });
        }
      }
    }
    return out;
  }

  /**
   * Applies the writer's stance to the judgements from index `from` on: what the writer does not
   * assert is no claim, and what the writer rejects is the opposite claim. A rejected claim the
   * base supports is refuted (no fix: which words to change is the writer's choice); a rejected
   * claim the base refutes is the writer agreeing with it, and says nothing.
   */
  private reject(out: BlockJudgement[], from: number, spans: readonly StanceSpan[]): void {
    for (let i = out.length - 1; i >= from; i--) {
      const { judgement: j } = out[i]!;
      const s = inStance(spans, j.start, j.end);
      if (!s) continue;
      const recorded = s.kind === 'rejected' && j.verdict === 'supported' ? recordedFacts(this.base, j.facts) : undefined;
      if (recorded) out[i] = { ...out[i]!, judgement: { verdict: 'refuted', start: j.start, end: j.end, facts: j.facts, message: `The draft rejects this, but the fact base records that ${recorded}.` } };
      else out.splice(i, 1);
    }
  }

  /** @internal Findings and claims of a parsed draft, judging blocks through `judge`. */
  finish(
    text: string,
    parsed: ParsedDraft,
    options: CheckOptions,
    judge: (block: ProseBlock, context: Surroundings) => readonly BlockJudgement[] = (b, context) => this.judgeBlock(b.text, b.kind, context),
  ): CheckResult {
    const suppressions = new Suppressions(parsed.comments, text);
    const findings: Finding[] = [];
    const claims: Claim[] = [];
    const citer = new Citer(text, this.base, parsed.footnotes, options.citationStyle ?? 'apa', { format: options.citationFormat ?? 'footnote', ...(parsed.frontMatter && { frontMatter: parsed.frontMatter }) });
    const refutedRanges = new Set<string>();
    const otherRanges = new Set<string>();

    const sections = new SectionContext(text, parsed);
    for (const block of parsed.blocks) {
      for (const { check, judgement: j, sentenceEnd, resolved: inBlockReferences } of judge(block, sections.next(block))) {
        const setting = options.severities?.[check.code];
        if (setting === 'off') continue;
        // A refuted claim's range is its wrong words: where the correction keeps some of the
        // words the check flagged (most of a quotation), only the ones that change.
        const narrow = j.verdict === 'refuted' && j.replacement !== undefined ? minimalEdit(block.text.slice(j.start, j.end), j.replacement) : undefined;
        const from = j.start + (narrow?.start ?? 0);
        const to = narrow ? j.start + narrow.end : j.end;
        const start = offsetOf(block, from);
        const end = endOffset(block, to);
        if (suppressions.suppressed(check.code, start)) continue;
        // Two checks that refute the same words (the speaker of a recorded quotation is also the
        // reporter of its finding) make one finding: the first check's, in registry order.
        if (j.verdict === 'refuted') {
          const key = `${start}:${end}`;
          if (refutedRanges.has(key)) continue;
          refutedRanges.add(key);
        } else {
          // A claim read twice (a clause on its own and written out with its gapped verb) is one claim.
          const key = `${check.code}:${j.verdict}:${start}:${end}`;
          if (otherRanges.has(key)) continue;
          otherRanges.add(key);
        }
        const sources = sourcesOf(this.base, j.facts);
        const citeEnd = endOffset(block, withoutTrailingGaps(block.text, sentenceEnd));
        // A claim on which the sources differ cites the source it agrees with, listed first.
        const cited = j.verdict === 'disputed' ? sourcesOf(this.base, j.facts.slice(0, 1)) : sources;
        const cite = citer.plan(cited, citeEnd);
        const citeFix: Fix[] = cite ? [{ title: `Insert citation: ${sourceTitle(this.base, cited)}`, kind: 'cite', edits: citeEdits(cite), ...(cite.bibliography && { bibliography: cite.bibliography }) }] : [];
        const resolved = inBlockReferences.map((r) => ({ start: offsetOf(block, r.start), end: endOffset(block, r.end), entity: r.entity }));
        const read = resolved.length ? { resolved } : {};
        claims.push({ code: check.code, verdict: j.verdict, start, end, facts: j.facts, sources, fixes: j.verdict === 'supported' || j.verdict === 'disputed' ? citeFix : [], ...read });
        if (j.verdict === 'refuted') {
          const correction = narrow && { from: block.text.slice(from, to), to: narrow.newText };
          findings.push({ ...this.finding(check, j, start, end, correction, sources, setting, citeFix), ...read });
        }
        // Sources that disagree: information, with a citation of the source the draft follows.
        if (j.verdict === 'disputed') findings.push({ ...this.finding(check, j, start, end, undefined, sources, setting === 'hint' ? 'hint' : 'information', []), fixes: citeFix, ...read });
        // Another occasion the base may not know of: information, never an error, and no fix.
        if (j.verdict === 'unconfirmed') findings.push({ ...this.finding(check, { ...j, replacement: undefined }, start, end, undefined, sources, setting === 'hint' ? 'hint' : 'information', []), ...read });
      }
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    claims.sort((a, b) => a.start - b.start || a.end - b.end);
    return { findings, claims };
  }

  /** The parsed draft, for callers that need footnotes or blocks (hover, completion). */
  parse(text: string): ParsedDraft {
    return DraftParse.parse(text).parsed;
  }

  /** Entity mentions in a text, with document-independent indices. */
  mentions(text: string): ReturnType<EntityMatcher['find']> {
    return this.matcher.find(text);
  }

  /**
   * The readings of a block's sentences that name something in the base (for `npm run explain`).
   */
  *readings(text: string, kind: BlockKind = 'paragraph'): Generator<Sentence> {
    for (const view of this.views(text, kind)) yield view.sentence;
  }

  /**
   * What the checks read in a block: each sentence that names something in the base, and after
   * it the clauses it leaves for the reader to write out (recast.ts). Mentions and quotations are
   * found once for the block; each sentence takes its share in order, so the cost follows the
   * block's length.
   */
  private *views(text: string, kind: BlockKind, { before, cited }: Surroundings = NO_SURROUNDINGS): Generator<View> {
    // What the block's earlier sentences spoke of, for "The missile ..." and "The talks ...",
    // starting with what its section's heading and a list's lead-in spoke of.
    const context = new BlockContext();
    for (const lead of before) this.learn(lead, context);
    if (kind === 'tableRow') {
      // A row is read only for what its header says of it; its cells are blocks of their own.
      for (const { recast, end } of tableRowClaims(text, (header) => this.inSentence(header))) {
        const mentions = this.matcher.find(recast.text);
        if (mentions.length > 0) yield { sentence: this.readRecast(recast, kind, context, mentions), recast, end };
      }
      return;
    }
    const tokens = tokenize(text);
    const mentions = this.matcher.find(text, tokens);
    if (mentions.length === 0 && before.length === 0) return;
    const quotes = quoteSpans(text);
    let firstMention = 0;
    for (const [start, end] of sentences(text)) {
      while (firstMention < mentions.length && mentions[firstMention]!.start < start) firstMention++;
      let endMention = firstMention;
      while (endMention < mentions.length && mentions[endMention]!.end <= end) endMention++;
      if (endMention === firstMention && !context.worthReading(tokens, start, end)) continue;
      const reading = readSentence(
        { text, start, end, mentions: mentions.slice(firstMention, endMention), quotes, blockKind: kind },
        this.names,
      );
      const sentence = this.understand(reading, context);
      yield { sentence, end };
      for (const recast of gappedClauses(reading)) yield { sentence: this.readRecast(recast, kind, context), recast, end };
      // A footnote's "Bruce Bechtol, writing in Foreign Affairs" credits the sentence that cites it.
      const credit = cited === undefined ? undefined : creditFor(reading, cited);
      if (credit) yield { sentence: this.readRecast(credit, kind, context), recast: credit, end };
      const labelled = kind === 'listItem' ? labelledValue(reading) : undefined;
      if (labelled) yield { sentence: this.readRecast(labelled, kind, context), recast: labelled, end };
    }
  }

  /** Words of a title as they would be written in a sentence: capitals kept only on names the base or the gazetteer knows. */
  private inSentence(title: string): string {
    const tokens = tokenize(title);
    const named = this.matcher.find(title, tokens);
    const norms = tokens.map((t) => t.norm);
    let out = '';
    let at = 0;
    for (const [k, t] of tokens.entries()) {
      if (t.upper || named.some((m) => k >= m.firstToken && k < m.endToken) || this.names.places?.longestAt(norms, k)) continue;
      out += title.slice(at, t.start) + title.charAt(t.start).toLowerCase();
      at = t.start + 1;
    }
    return out + title.slice(at);
  }

  /** Reads a text that comes before a block (a heading, a lead-in) into its context, judging nothing. */
  private learn(text: string, context: BlockContext): void {
    const mentions = this.matcher.find(text);
    if (mentions.length === 0) return;
    const quotes = quoteSpans(text);
    for (const [start, end] of sentences(text)) {
      const own = mentions.filter((m) => m.start >= start && m.end <= end);
      if (own.length === 0) continue;
      this.understand(readSentence({ text, start, end, mentions: own, quotes, blockKind: 'heading' }, this.names), context);
    }
  }

  /** A recast read as a sentence of its own, in the context of the block it comes from. */
  private readRecast(recast: Recast, kind: BlockKind, context: BlockContext, mentions = this.matcher.find(recast.text)): Sentence {
    const reading = readSentence({ text: recast.text, start: 0, end: recast.text.length, mentions, quotes: quoteSpans(recast.text), blockKind: kind }, this.names);
    return this.understand(reading, context);
  }

  /** A reading with its frames, what its pronouns stand for and its time; then it joins the context. */
  private understand(reading: Reading, context: BlockContext): Sentence {
    const referents = context.resolve(reading);
    const frames = matchFrames(reading, FRAMES, {
      refer: (_, p) => referents.get(p) ?? [],
      occasion: (p) => context.occasion(p),
    });
    const { date: time, act } = context.timeOf(reading);
    context.add(reading, frames);
    // The reading is this pass's own: it becomes the sentence in place, sparing a copy of every field.
    return Object.assign(reading, { frames, referents }, time && { time }, act && { act });
  }

  /** The frames a reading evokes, each with a one-line account (for `npm run explain`). */
  frames(r: Sentence): Array<FrameMatch & { describe(): string }> {
    return r.frames.map((m) => ({ ...m, describe: () => describeMatch(r, m) }));
  }

  /**
   * A refuted claim as a finding. Made here for every check, so every surface (editor, JSON,
   * SARIF, text) gets the same: a message on one line, and fixes titled with what changes.
   */
  private finding(
    check: Check,
    j: Judgement,
    start: number,
    end: number,
    correction: { readonly from: string; readonly to: string } | undefined,
    sources: readonly string[],
    setting: Severity | undefined,
    citeFix: readonly Fix[],
  ): Finding {
    const where = j.namesSources ? '' : sources.map((s) => sourceLabel(this.base, s, j.facts)).join('; ');
    // The draft's words in a message keep its hard line breaks; a Problems row must not split.
    const message = oneLine(`${j.message ?? 'The fact base says otherwise.'}${where ? ` (source: ${where})` : ''}`);
    const fixes: Fix[] = [];
    if (correction) {
      const correct: TextEdit = { start, end, newText: correction.to };
      const title = fixTitle(correction.from.replaceAll(GAP, '…'), correction.to);
      fixes.push({ title, kind: 'correct', preferred: true, edits: [correct] });
      for (const cite of citeFix) fixes.push({ title: `${title} and cite`, kind: 'correct-and-cite', edits: [correct, ...cite.edits], ...(cite.bibliography && { bibliography: cite.bibliography }) });
    }
    return {
      code: check.code,
      severity: setting ?? (j.hedged ? 'warning' : 'error'),
      message,
      start,
      end,
      facts: j.facts,
      sources,
      fixes,
      ...(correction && { expected: correction.to }),
    };
  }
}

/** How the reader types names: by the base's entity types, the world gazetteer, and the base's countries. */
function nameContext(base: FactBase): NameContext {
  const places = gazetteer();
  const byCode = new Map<string, string>();
  for (const e of base.ofType('country')) {
    for (const name of [e.name, ...e.aliases]) {
      const hit = places.lookup(tokenize(name).map((t) => t.norm))?.find((x) => x.kind === 'country' && !x.demonym);
      if (hit && !byCode.has(hit.country)) byCode.set(hit.country, e.id);
    }
  }
  return {
    typeOf: (id) => base.entities.get(id)?.type,
    nameOf: (id) => base.entities.get(id)?.name,
    countryEntity: (code) => byCode.get(code),
    places,
  };
}

/**
 * The words of the sentence after block index `end`, folded. It may name nothing and so never be
 * read ("The post says no such thing."); only a sentence that reports a claim asks for it.
 */
function nextSentence(text: string, end: number): string[] {
  // A rejection is short or says so at once ("In fact, ..."): the first few hundred characters
  // tell, and reading no further keeps a block of many reports linear.
  const ahead = text.slice(end, end + NEXT_SENTENCE_CHARS);
  const next = sentences(ahead)[0];
  return next ? tokenize(ahead.slice(next[0], next[1])).map((t) => t.norm) : [];
}

const NEXT_SENTENCE_CHARS = 300;

/** "the Shahab-3 is Iran's version of North Korea's Nodong-1": the statements among facts, in words. */
function recordedFacts(base: FactBase, facts: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const id of facts) {
    const s = base.statements.get(id);
    const subject = s && base.entities.get(s.subject);
    if (s && subject) parts.push(`${subject.type === 'person' ? '' : 'the '}${subject.name} ${describeStatement(base, s, { withoutAttributions: true })}`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

/** What surrounds a block for its reader (see `SectionContext`). */
export interface Surroundings {
  /** Texts read before the block for what they speak of: its section's heading, a list's lead-in. */
  readonly before: readonly string[];
  /** For a footnote's text: the sentence that cites the footnote. */
  readonly cited?: string;
}

const NO_SURROUNDINGS: Surroundings = { before: [] };

/**
 * What surrounds each block for its reader: the heading of its section, for the items of a list
 * the sentence that leads into it ("North Korea's arms clients beyond Iran:"), and for a
 * footnote's text the sentence that cites it. Blocks come in document order.
 */
class SectionContext {
  private heading: string | undefined;
  private leadIn: string | undefined;
  private citing: Map<string, string> | undefined;
  private note = 0;

  constructor(
    private readonly source: string,
    private readonly parsed: ParsedDraft,
  ) {}

  next(block: ProseBlock): Surroundings {
    if (block.kind === 'heading') {
      this.heading = block.text;
      this.leadIn = undefined;
      return NO_SURROUNDINGS;
    }
    const before = this.heading === undefined ? [] : [this.heading];
    if (block.kind === 'listItem') {
      if (this.leadIn !== undefined) before.push(this.leadIn);
    } else if (block.kind === 'paragraph') {
      this.leadIn = /:\s*$/.test(block.text) ? block.text : undefined;
    }
    // Footnotes and blocks both come in document order: one pass over each.
    const notes = this.parsed.footnotes;
    while (this.note < notes.length && notes[this.note]!.end < block.start) this.note++;
    const candidate = notes[this.note];
    const note = candidate && candidate.start <= block.start && block.end <= candidate.end ? candidate : undefined;
    const cited = note && this.citingSentences().get(note.label);
    return cited === undefined ? { before } : { before, cited };
  }

  /** The sentence that cites each footnote label (the first, when several do), without its gaps. */
  private citingSentences(): ReadonlyMap<string, string> {
    if (this.citing) return this.citing;
    this.citing = new Map();
    for (const block of this.parsed.blocks) {
      if (!block.text.includes(GAP)) continue;
      for (const [start, end] of sentences(block.text)) {
        for (let i = start; i < end; i++) {
          if (block.text[i] !== GAP) continue;
          const label = /^\[\^([^\]\s]+)\]/.exec(this.source.slice(offsetOf(block, i), offsetOf(block, i) + 200))?.[1];
          if (label && !this.citing.has(label.toLowerCase())) this.citing.set(label.toLowerCase(), block.text.slice(start, end).replaceAll(GAP, '').trim());
        }
      }
    }
    return this.citing;
  }
}

/**
 * The pronouns and bare descriptions of a sentence that stand for one entity, in block indices
 * (for hover and evidence: "He" → Ali Khamenei). A recast's own words stand for nothing.
 */
function referencesOf(view: Sentence, recast: Recast | undefined): BlockReference[] {
  const out: BlockReference[] = [];
  for (const [phrase, names] of view.referents) {
    const entity = names.length === 1 ? names[0]!.entity : undefined;
    if (entity === undefined) continue;
    const range = recast ? mapRange(recast, phrase.start, phrase.end) : { start: phrase.start, end: phrase.end };
    if (range && !out.some((o) => o.start === range.start)) out.push({ start: range.start, end: range.end, entity });
  }
  return out;
}

/** A frame no check judged, with the sentence and block it is in (see `Checker.unjudged`). */
export interface UnjudgedFrame {
  readonly frame: FrameMatch;
  readonly sentence: Sentence;
  readonly block: ProseBlock;
  /** What the checks say of the sentence against another base (one with a statement more). */
  readonly judge: (base: FactBase) => readonly Judgement[];
}

/** The words a frame stands on, from its trigger to the farthest of its slots and date, in block indices. */
export function frameExtent(m: FrameMatch): { start: number; end: number } {
  const parts = [{ start: m.triggerStart, end: m.triggerEnd }, m.subject, m.object, m.date].filter((p) => p !== undefined);
  return { start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
}

/** One sentence the checks read, and where its indices are. */
interface View {
  readonly sentence: Sentence;
  /** Set when the sentence is a recast: its indices are the recast's, mapped back by `inBlock`. */
  readonly recast?: Recast;
  /** The end of the block's sentence it comes from, in block indices. */
  readonly end: number;
}

/**
 * A judgement on a recast, in the block's indices. Words of the recast's own are no claim of the
 * draft's; a range that joins words from different places keeps no replacement, as no one edit
 * of the draft would make it right.
 */
function inBlock(j: Judgement, recast: Recast): Judgement | undefined {
  const range = mapRange(recast, j.start, j.end);
  if (!range) return undefined;
  const { replacement, ...rest } = j;
  return { ...rest, start: range.start, end: range.end, ...(range.contiguous && replacement !== undefined && { replacement }) };
}

export function endOffset(block: ProseBlock, index: number): number {
  // The end of a claim is just after its last character.
  if (index <= 0) return offsetOf(block, 0);
  return offsetOf(block, index - 1) + 1;
}

/** A citation goes right after the sentence's punctuation, before any footnote references already there. */
function withoutTrailingGaps(text: string, end: number): number {
  let e = end;
  while (e > 0 && text[e - 1] === GAP) e--;
  return e;
}

function citeEdits(plan: CitationPlan): TextEdit[] {
  return [...(plan.naming ? [plan.naming] : []), plan.reference, ...(plan.definition ? [plan.definition] : [])];
}

/** Source ids behind facts (statements or quotations), in order of first appearance. */
export function sourcesOf(base: FactBase, facts: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of facts) {
    const item = base.statements.get(id) ?? base.quotations.get(id);
    for (const ref of item?.references ?? []) if (!out.includes(ref.source)) out.push(ref.source);
  }
  return out;
}

function sourceTitle(base: FactBase, sources: readonly string[]): string {
  return sources.map((s) => { const source = base.sources.get(s); return source ? factbaseSourceTitle(source) : s; }).join('; ');
}

/**
 * Applies edits to a text. Edits must not overlap; edits at the same offset are applied in the
 * order given. Used by `--fix`, by tests, and by "fix all".
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  let limit = Infinity;
  for (const { e } of sorted) {
    if (e.end > limit) throw new Error(`overlapping edits at ${e.start}-${e.end}`);
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

/**
 * One draft being edited. Each `check` re-parses only the top-level blocks around the edit and
 * re-judges only prose blocks whose text changed; the result always equals a full check of the
 * same text (tests compare them on random edits).
 */
export class DraftSession {
  private parse: DraftParse | undefined;
  /** The line count of the last text parsed, when it passed the limits: an edit of it is checked cheaply. */
  private lines: number | undefined;
  private judged = new Map<string, readonly BlockJudgement[]>();

  constructor(readonly checker: Checker) {}

  /** The parse of the last text checked. */
  get parsed(): ParsedDraft | undefined {
    return this.parse?.parsed;
  }

  /** Whether the last check re-parsed only the region around the edit. */
  get reparsedRegion(): boolean {
    return this.parse?.incremental ?? false;
  }

  check(text: string, options: CheckOptions = {}): CheckResult {
    return parseNow(this.checking(text, options));
  }

  /** `check`, with each parse step done by `parse` (the language server's worker thread). */
  checkWith(text: string, options: CheckOptions, parse: (request: ParseRequest) => Promise<readonly RootBlock[]>): Promise<CheckResult> {
    return parseWith(this.checking(text, options), parse);
  }

  /**
   * A check in steps. The session changes only once the parse is done: a caller that gives up
   * on a parse (it ran past its time budget) leaves the session as the last check left it.
   */
  *checking(text: string, options: CheckOptions): Generator<ParseRequest, CheckResult, readonly RootBlock[]> {
    // After an edit of a text that passed the limits, only what the edit touched is read again.
    const passed = this.parse && this.lines !== undefined ? { text: this.parse.text, lines: this.lines } : undefined;
    const edit = passed && editBetween(passed.text, text);
    let lines: number | undefined;
    if (passed && edit && text.length <= MAX_DRAFT_CHARS) {
      const { reason, state } = exceedsLimitsAfterEdit(passed, text, edit.prefix, edit.suffix);
      lines = state?.lines;
      if (reason) {
        this.lines = lines;
        return { findings: [], claims: [], skipped: reason };
      }
    } else {
      lines = text.length <= MAX_DRAFT_CHARS ? within(text)?.lines : undefined;
      const skipped = lines === undefined ? this.checker.refuse(text) : undefined;
      if (skipped) {
        this.lines = lines;
        return skipped;
      }
    }
    this.parse = yield* this.parse ? this.parse.updating(text, edit) : DraftParse.parsing(text);
    this.lines = lines;
    const previous = this.judged;
    const next = new Map<string, readonly BlockJudgement[]>();
    const result = this.checker.finish(text, this.parse.parsed, options, (block, context) => {
      // A heading and a paragraph with the same words are read differently (title case), and a
      // paragraph under another heading may speak of something else.
      const key = `${block.kind}\u0000${context.before.join('\u0001')}\u0000${context.cited ?? ''}\u0000${block.text}`;
      let judged = next.get(key) ?? previous.get(key);
      if (!judged) judged = this.checker.judgeBlock(block.text, block.kind, context);
      next.set(key, judged);
      return judged;
    });
    // Only the blocks of the current text are kept, so memory follows the draft's size.
    this.judged = next;
    return result;
  }
}
