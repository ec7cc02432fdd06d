/**
 * Hover cards, short enough for VS Code's default hover (about ten lines) and saying each thing
 * once. On a flagged claim the editor already shows the finding's message above the card, so the
 * card leads with what the message cannot show at a glance: the draft's words against the fact
 * base's, the recorded fact in words (the changed words of a quotation marked), and the source
 * with its link. On a mention of a known entity: what it is, a few key facts as whole sentences,
 * one quotation, the source. On a supported claim: that it is supported, and why. The rest of
 * the fact base is one click away: a link opens the fact's entry in its YAML file, when the
 * client runs Factcheck's `openFact` command (the VS Code extension says so at start-up).
 *
 * Everything that comes from a fact file is escaped (markdown.ts): a card never holds a live
 * link other than an http(s) source URL and Factcheck's own "open the fact" link, nor HTML or
 * images.
 */

import { pathToFileURL } from 'node:url';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Claim, Coreference, Finding } from '../engine/check.js';
import { describeQuotation, describeStatement, keyFacts } from '../engine/describe.js';
import { sourceTitle, type FactBase } from '../engine/factbase/factbase.js';
import type { CslDate, CslName, Entity, Origin, Quotation, Reference } from '../engine/factbase/types.js';
import type { Mention } from '../engine/entities/matcher.js';
import { offsetOf, type ProseBlock } from '../engine/markdown/parse.js';
import type { LineIndex } from '../engine/text/positions.js';
import { OPEN_FACT_COMMAND, type OpenFactTarget } from '../protocol.js';
import { escapeMarkdown, markdownLink } from './markdown.js';
import type { ServerState } from './state.js';

/** Facts on an entity card, at most; the rest are in the fact file, a click away. */
const KEY_FACTS = 3;
/**
 * How many lines a card may take, at about 90 characters a line (VS Code's hover is about 700
 * pixels wide and 500 high by default), and how many its source and link take.
 */
const CARD_LINES = 10;
const FOOTER_LINES = 3;
/** Facts on the card of a flagged or supported claim. */
const CLAIM_FACTS = 3;
const ALIASES = 3;
/** Other names are listed while they fit on the card's first line. */
const MAX_ALIASES = 50;
/** A description is cut after its first sentences that fit, so the card stays a card. */
const MAX_DESCRIPTION = 160;
/** A quotation is shown whole or not at all: a clipped quotation misquotes. */
const MAX_QUOTATION = 240;

export interface HoverOptions {
  /** Whether the client runs `factcheck.openFact` from a command link (VS Code does). */
  readonly openFactLinks?: boolean;
}

/** The hover card at `position`, or null where the base has nothing to say. */
export function hover(document: TextDocument, position: Position, state: ServerState, options: HoverOptions = {}): Hover | null {
  const draft = state.resultFor(document);
  const offset = draft.lines.offsetAt(position);
  const card = new Card(state.base, options);

  const findings = draft.result.findings.filter((f) => contains(f, offset));
  if (findings.length) return reply(card.evidence(draft.text, findings), innermost(findings), draft.lines);

  // A pronoun or description a claim rests on: what it was read as, then that entity's card.
  // Every finding has its claim, with the same resolved words: the claims hold them all.
  const reference = draft.result.claims.flatMap((c) => c.resolved ?? []).find((r) => contains(r, offset));
  if (reference) {
    const value = card.reference(draft.text, reference);
    if (value) return reply(value, reference, draft.lines);
  }

  const mention = mentionAt(state, document, offset);
  if (mention) {
    const value = mention.entities.length > 1 ? card.ambiguous(mention) : card.entity(mention.entities[0]!);
    if (value) return reply(value, mention, draft.lines);
  }

  const supported = draft.result.claims.filter((c) => c.verdict === 'supported' && contains(c, offset));
  if (supported.length) return reply(card.supported(draft.text, supported), innermost(supported), draft.lines);
  return null;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A mention, in document offsets, with the entities it may name. */
interface DocumentMention extends Span {
  readonly entities: readonly string[];
  readonly text: string;
}

function reply(value: string, span: Span, lines: LineIndex): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: lines.rangeOf(span.start, span.end) };
}

/** The cursor is on a span when it is on one of its characters, or just after its last one. */
function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end && span.end > span.start;
}

function innermost<T extends Span>(spans: readonly T[]): T {
  return spans.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
}

/** The entity mention under the cursor, found in the prose block that holds it. */
function mentionAt(state: ServerState, document: TextDocument, offset: number): DocumentMention | undefined {
  for (const block of state.parsedFor(document).blocks) {
    if (offset < block.start || offset > block.end) continue;
    for (const m of state.checker.mentions(block.text)) {
      const span = documentSpan(block, m);
      if (contains(span, offset)) return { ...span, entities: m.entities, text: block.text.slice(m.start, m.end) };
    }
  }
  return undefined;
}

function documentSpan(block: ProseBlock, m: Mention): Span {
  const start = offsetOf(block, m.start);
  const last = m.end > 0 ? offsetOf(block, m.end - 1) : undefined;
  return { start, end: last === undefined ? start : last + 1 };
}

/** One card being written: its paragraphs, and the sources its facts cite. */
class Card {
  private readonly sources: SourceList;

  constructor(
    private readonly base: FactBase,
    private readonly options: HoverOptions,
  ) {
    this.sources = new SourceList(base);
  }

  /** A flagged claim: "Draft: *x* · Fact base: **y**", the facts in words, the source, the link. */
  evidence(text: string, findings: readonly Finding[]): string {
    const facts: string[] = [];
    const parts: string[] = [];
    for (const f of findings) {
      const written = escapeMarkdown(text.slice(f.start, f.end));
      parts.push(f.expected !== undefined ? `Draft: *${written}* · Fact base: **${escapeMarkdown(f.expected)}**` : `Draft: *${written}*`);
      for (const id of f.facts) if (!facts.includes(id)) facts.push(id);
    }
    const marked = findings.map((f) => f.expected).filter((e): e is string => e !== undefined);
    return this.finish([...parts, ...this.readAs(text, findings), ...this.facts(facts, marked)], this.originOf(facts[0]), facts.length - CLAIM_FACTS);
  }

  supported(text: string, claims: readonly Claim[]): string {
    const facts = [...new Set(claims.flatMap((c) => c.facts))];
    return this.finish(['**Supported by the fact base**', ...this.readAs(text, claims), ...this.facts(facts, [])], this.originOf(facts[0]), facts.length - CLAIM_FACTS);
  }

  /** A pronoun or description: "*He* → **Ali Khamenei**", then what the base knows of him. */
  reference(text: string, r: Coreference): string | undefined {
    const entity = this.entity(r.entity);
    return entity && `${this.arrow(text, r)}\n\n${entity}`;
  }

  /** "Read as: *He* → **Ali Khamenei**", for the claims' pronouns and descriptions. */
  private readAs(text: string, claims: ReadonlyArray<Finding | Claim>): string[] {
    const seen = new Set<number>();
    const arrows: string[] = [];
    for (const r of claims.flatMap((c) => c.resolved ?? [])) {
      if (seen.has(r.start)) continue;
      seen.add(r.start);
      arrows.push(this.arrow(text, r));
    }
    return arrows.length ? [`Read as: ${arrows.join(' · ')}`] : [];
  }

  private arrow(text: string, r: Coreference): string {
    const name = this.base.entities.get(r.entity)?.name ?? r.entity;
    return `*${escapeMarkdown(text.slice(r.start, r.end))}* → **${escapeMarkdown(name)}**`;
  }

  /** What the base knows of an entity: name, type and other names; description; key facts; a quotation. */
  entity(id: string): string | undefined {
    const entity = this.base.entities.get(id);
    if (!entity) return undefined;
    const aliases = entity.aliases.filter((a) => a !== entity.name);
    const shown: string[] = [];
    for (const a of aliases.slice(0, ALIASES)) {
      if (shown.length && [...shown, a].join(', ').length > MAX_ALIASES) break;
      shown.push(a);
    }
    const also = shown.length ? ` · also ${shown.map(escapeMarkdown).join(', ')}${aliases.length > shown.length ? ', …' : ''}` : '';
    const parts = [`**${escapeMarkdown(entity.name)}** · ${escapeMarkdown(entity.type.replace(/-/g, ' '))}${also}`];
    if (entity.description) parts.push(`${escapeMarkdown(firstSentences(entity.description, MAX_DESCRIPTION))}${this.sources.marks(entity.references)}`);
    // Another base's description of the same entity: one, short, after the first base's.
    const other = entity.alsoDescribed?.[0];
    if (other) parts.push(`*Also:* ${escapeMarkdown(firstSentences(other, MAX_DESCRIPTION / 2))}`);
    // One quotation, whole, and key facts, while the card stays within its lines; the rest are counted.
    let budget = CARD_LINES - parts.reduce((n, p) => n + linesOf(p), 0) - FOOTER_LINES;
    const quotations = this.base.quotationsOf(id);
    const quotation = quotations.find((q) => quoted(this.base, q).length <= MAX_QUOTATION && linesOf(`- ${quoted(this.base, q)}`) <= budget - 1);
    if (quotation) budget -= linesOf(`- ${quoted(this.base, quotation)}`);
    const all = keyFacts(this.base, id, Number.MAX_SAFE_INTEGER);
    const items: string[] = [];
    let factsShown = 0;
    for (const f of all.slice(0, KEY_FACTS)) {
      const statement = this.base.statements.get(f.statement);
      const words = asSentence(statement ? describeStatement(this.base, statement, { withSubject: true }) : f.text);
      const cost = linesOf(`- ${words}`) + this.sources.cost(f.references);
      if (cost > budget) break;
      budget -= cost;
      items.push(`- ${escapeMarkdown(words)}${this.sources.marks(f.references)}`);
      factsShown++;
    }
    if (quotation) items.push(`- ${escapeMarkdown(quoted(this.base, quotation))}${this.sources.marks(quotation.references)}`);
    if (items.length) parts.push(items.join('\n'));
    return this.finish(parts, entity.origin, all.length - factsShown + quotations.length - (quotation ? 1 : 0));
  }

  ambiguous(mention: DocumentMention): string {
    const candidates = mention.entities
      .map((id) => this.base.entities.get(id))
      .filter((e): e is Entity => e !== undefined)
      .map((e) => `- **${escapeMarkdown(e.name)}** · ${escapeMarkdown(e.type.replace(/-/g, ' '))}${e.description ? `: ${escapeMarkdown(firstSentences(e.description, 160))}` : ''}`);
    return [`*${escapeMarkdown(mention.text)}* may name any of these; Factcheck does not check claims about it:`, candidates.join('\n')].join('\n\n');
  }

  /** The facts in words, at most CLAIM_FACTS, one paragraph each (a list when there are several). */
  private facts(ids: readonly string[], marked: readonly string[]): string[] {
    const items: string[] = [];
    for (const id of ids.slice(0, CLAIM_FACTS)) {
      const statement = this.base.statements.get(id);
      const quotation = this.base.quotations.get(id);
      if (statement) items.push(`${escapeMarkdown(asSentence(describeStatement(this.base, statement, { withSubject: true })))}${this.sources.marks(statement.references)}`);
      else if (quotation) items.push(`${markWords(quoted(this.base, quotation), marked)}${this.sources.marks(quotation.references)}`);
    }
    return items.length > 1 ? [items.map((i) => `- ${i}`).join('\n')] : items;
  }

  /** The card's paragraphs, then its sources, then the link to the fact file (with how many facts more it holds). */
  private finish(parts: readonly string[], origin: Origin | undefined, more: number): string {
    const out = [...parts];
    const sources = this.sources.render();
    if (sources) out.push(sources);
    const link = origin && this.options.openFactLinks ? openLink(origin, `Open in ${fileName(origin.file)}`) : '';
    const rest = more > 0 ? `${more} more ${more === 1 ? 'fact' : 'facts'} in the fact base` : '';
    if (link || rest) out.push([link, rest].filter(Boolean).join(' · '));
    return this.sources.fill(out.join('\n\n'));
  }

  private originOf(id: string | undefined): Origin | undefined {
    if (id === undefined) return undefined;
    return (this.base.statements.get(id) ?? this.base.quotations.get(id))?.origin;
  }
}

/** A quotation as a whole sentence: "Ali Khamenei said: “… both our countries.”" */
function quoted(base: FactBase, q: Quotation): string {
  const words = describeQuotation(base, q);
  return /[.!?…]”$/.test(words) ? words : words.replace(/”$/, '.”');
}

/**
 * The quotation, escaped, with the words a correction restores in bold, so the writer sees at
 * once what the source says where the draft differs.
 */
function markWords(text: string, marked: readonly string[]): string {
  const lower = text.toLowerCase();
  const hits = marked
    .map((m) => ({ at: lower.indexOf(m.toLowerCase()), length: m.length }))
    .filter((h) => h.at >= 0 && h.length > 0)
    .sort((a, b) => a.at - b.at);
  let out = '';
  let done = 0;
  for (const h of hits) {
    if (h.at < done) continue;
    out += `${escapeMarkdown(text.slice(done, h.at))}**${escapeMarkdown(text.slice(h.at, h.at + h.length))}**`;
    done = h.at + h.length;
  }
  return out + escapeMarkdown(text.slice(done));
}

/** A command link that opens a fact file at an item's `id`. Its arguments are a path and a position, never fact-file text. */
function openLink(origin: Origin, label: string): string {
  const target: OpenFactTarget = { uri: pathToFileURL(origin.file).href, line: Math.max(0, origin.line - 1), character: Math.max(0, origin.column - 1) };
  const args = encodeURIComponent(JSON.stringify([target])).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${label}](command:${OPEN_FACT_COMMAND}?${args})`;
}

function fileName(path: string): string {
  return escapeMarkdown(path.split(/[\\/]/).pop() ?? path);
}

/**
 * The sources a card cites, in order of first use. With one source the facts carry no marks and
 * the card ends with "Source: title — authors, container, locators"; with more, facts are marked
 * \[1\], \[2\] and the sources numbered.
 */
class SourceList {
  private readonly order: string[] = [];
  private readonly locators = new Map<string, string[]>();
  private readonly marked: Array<{ readonly placeholder: string; readonly sources: readonly string[] }> = [];

  constructor(private readonly base: FactBase) {}

  /** A placeholder after a fact for its sources' numbers, filled in by `render` once all are known. */
  marks(refs: readonly Reference[]): string {
    const ids: string[] = [];
    for (const ref of refs) {
      if (!this.base.sources.has(ref.source)) continue;
      if (!this.order.includes(ref.source)) this.order.push(ref.source);
      const found = this.locators.get(ref.source) ?? [];
      if (ref.locator && !found.includes(ref.locator)) found.push(ref.locator);
      this.locators.set(ref.source, found);
      if (!ids.includes(ref.source)) ids.push(ref.source);
    }
    if (ids.length === 0) return '';
    // escapeMarkdown removes U+2063 from fact-file text, so a placeholder cannot be forged.
    const placeholder = `\u2063${this.marked.length}\u2063`;
    this.marked.push({ placeholder, sources: ids });
    return placeholder;
  }

  /**
   * How many lines citing `refs` would add to the card's list of sources: the lines of each
   * source not listed yet. The card keeps room for one source line from the start.
   */
  cost(refs: readonly Reference[]): number {
    const fresh = [...new Set(refs.map((r) => r.source).filter((s) => this.base.sources.has(s) && !this.order.includes(s)))];
    const lines = fresh.map((id) => linesOf(`1. ${this.line(id, refs.filter((r) => r.source === id && r.locator).map((r) => r.locator!))}`));
    return lines.reduce((n, l) => n + l, 0) - (this.order.length === 0 && lines.length > 0 ? 1 : 0);
  }

  /** One source as the card lists it: its title, linked, then who, where, when and the locators. */
  private line(id: string, locators: readonly string[]): string {
    const source = this.base.sources.get(id)!;
    const where = source['container-title'] ?? source.publisher;
    const details = [
      names(source.author),
      // A source known by its container alone is titled by it already.
      source.title === undefined ? undefined : where,
      issuedYear(source.issued),
      [...locators].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(', '),
    ].filter((d): d is string => Boolean(d));
    return `${markdownLink(sourceTitle(source), source.URL)}${details.length ? ` — ${escapeMarkdown(details.join(', '))}` : ''}`;
  }

  /** The numbers for the placeholders, and the sources' paragraph. */
  render(): string {
    if (this.order.length === 0) return '';
    const lines = this.order.map((id) => this.line(id, this.locators.get(id) ?? []));
    return this.order.length === 1 ? `Source: ${lines[0]!}` : lines.map((l, i) => `${i + 1}. ${l}`).join('\n');
  }

  /** Fills the placeholders `marks` left in `text`. */
  fill(text: string): string {
    return text.replace(/\u2063(\d+)\u2063/g, (_, i: string) => {
      if (this.order.length <= 1) return '';
      const numbers = this.marked[Number(i)]!.sources.map((s) => this.order.indexOf(s) + 1);
      return ` ${numbers.map((n) => `\\[${n}\\]`).join('')}`;
    });
  }
}

function names(list: readonly CslName[] | undefined): string | undefined {
  if (!list?.length) return undefined;
  const shown = list.slice(0, 3).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' ')).filter(Boolean);
  return shown.length ? `${shown.join(', ')}${list.length > 3 ? ' et al.' : ''}` : undefined;
}

function issuedYear(issued: CslDate | undefined): string | undefined {
  const year = issued?.['date-parts']?.[0]?.[0];
  return year === undefined ? (issued?.literal ?? issued?.raw) : String(year);
}

/** About how many lines a paragraph takes on a card: link targets and markup do not show. */
export function linesOf(markdown: string): number {
  return markdown
    .split('\n')
    .filter((l) => l.trim())
    .reduce((n, l) => n + Math.ceil(l.replace(/\]\([^)]*\)/g, ']').replace(/\\(.)/g, '$1').replace(/\*/g, '').length / 90), 0);
}

/** Words that start with a name, as a sentence: capitalised first letter, final stop. */
function asSentence(words: string): string {
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return /[.!?”"]$/.test(text) ? text : `${text}.`;
}

/** The first sentences of a text that fit in `max` characters; a first sentence longer than that is cut at a word. */
function firstSentences(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const sentences = flat.match(/[^.!?]+[.!?]+(?:\s|$)/g) ?? [];
  let out = '';
  for (const s of sentences) {
    if ((out + s).trim().length > max) break;
    out += s;
  }
  if (out.trim()) return out.trim();
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trimEnd()}…`;
}
