/**
 * Hover cards. On a flagged claim the card shows the evidence first: what the draft says against
 * what the fact base says, the facts behind it in words, and the sources. On a mention of a known
 * entity it shows what the base knows about it: type, other names, description, key facts with
 * their dates, sources. On a supported claim it says so and shows the facts behind it.
 *
 * Everything that comes from a fact file is escaped (markdown.ts): a card never holds a live
 * link other than an http(s) source URL, nor HTML, images or command links.
 */

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Claim, Finding } from '../engine/check.js';
import { describeQuotation, describeStatement, keyFacts } from '../engine/describe.js';
import type { FactBase } from '../engine/factbase/factbase.js';
import type { CslName, Entity, Reference } from '../engine/factbase/types.js';
import type { Mention } from '../engine/entities/matcher.js';
import { offsetOf, type ProseBlock } from '../engine/markdown/parse.js';
import type { LineIndex } from '../engine/text/positions.js';
import { escapeMarkdown, markdownLink } from './markdown.js';
import type { ServerState } from './state.js';

/** Facts on an entity card; the rest are a hover away on the statements' own subjects. */
const KEY_FACTS = 8;
const ALIASES = 4;
const QUOTATIONS = 2;
/** Descriptions are meant to be short; a long one is cut so the card stays a card. */
const MAX_DESCRIPTION = 400;
const MAX_QUOTE = 160;

/** The hover card at `position`, or null where the base has nothing to say. */
export function hover(document: TextDocument, position: Position, state: ServerState): Hover | null {
  const draft = state.resultFor(document);
  const offset = draft.lines.offsetAt(position);
  const base = state.base;

  const findings = draft.result.findings.filter((f) => contains(f, offset));
  if (findings.length) return card(evidenceCard(base, draft.text, findings), innermost(findings), draft.lines);

  const mention = mentionAt(state, document, offset);
  if (mention) {
    const value = mention.entities.length > 1 ? ambiguousCard(base, mention) : entityCard(base, mention.entities[0]!);
    if (value) return card(value, mention, draft.lines);
  }

  const supported = draft.result.claims.filter((c) => c.verdict === 'supported' && contains(c, offset));
  if (supported.length) return card(supportedCard(base, supported), innermost(supported), draft.lines);
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

function card(value: string, span: Span, lines: LineIndex): Hover {
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

/** "A flagged claim": the finding's message, the correction, the facts and sources behind it. */
function evidenceCard(base: FactBase, text: string, findings: readonly Finding[]): string {
  const facts = new Set<string>();
  const sections = findings.map((f) => {
    f.facts.forEach((id) => facts.add(id));
    const lines = [`**Factcheck** (${escapeMarkdown(f.code)}): ${escapeMarkdown(f.message)}`];
    if (f.expected !== undefined) {
      lines.push(`Draft: *${escapeMarkdown(text.slice(f.start, f.end))}* · Fact base: *${escapeMarkdown(f.expected)}*`);
    }
    return lines.join('\n\n');
  });
  return [...sections, factsAndSources(base, 'What the fact base says', [...facts])].filter(Boolean).join('\n\n');
}

function supportedCard(base: FactBase, claims: readonly Claim[]): string {
  const facts = [...new Set(claims.flatMap((c) => c.facts))];
  return ['**Supported by the fact base**', factsAndSources(base, undefined, facts)].filter(Boolean).join('\n\n');
}

/** The facts (statements or quotations) in words, each marked with its sources' numbers, then the sources. */
function factsAndSources(base: FactBase, heading: string | undefined, ids: readonly string[]): string {
  const sources = new SourceList(base);
  const items: string[] = [];
  for (const id of ids) {
    const statement = base.statements.get(id);
    const quotation = base.quotations.get(id);
    const words = statement ? sentence(describeStatement(base, statement, { withSubject: true })) : quotation ? describeQuotation(base, quotation) : undefined;
    if (words === undefined) continue;
    const refs = statement?.references ?? quotation?.references ?? [];
    items.push(`- ${escapeMarkdown(words)}${sources.marks(refs)}`);
  }
  if (items.length === 0) return '';
  return [heading ? `**${heading}**` : '', items.join('\n'), sources.render()].filter(Boolean).join('\n\n');
}

function entityCard(base: FactBase, id: string): string | undefined {
  const entity = base.entities.get(id);
  if (!entity) return undefined;
  const sources = new SourceList(base);
  const parts = [`**${escapeMarkdown(entity.name)}** · ${escapeMarkdown(entity.type.replace(/-/g, ' '))}`];
  const aliases = entity.aliases.filter((a) => a !== entity.name).slice(0, ALIASES);
  if (aliases.length) {
    const more = entity.aliases.length - aliases.length > 0 ? ', …' : '';
    parts.push(`Also: ${aliases.map(escapeMarkdown).join(', ')}${more}`);
  }
  if (entity.description) parts.push(`${escapeMarkdown(clip(entity.description, MAX_DESCRIPTION))}${sources.marks(entity.references)}`);
  const facts = keyFacts(base, id, KEY_FACTS);
  // Each list has a heading: two lists with only a blank line between them would merge into one.
  if (facts.length) {
    parts.push(`**Key facts**\n\n${facts.map((f) => `- ${escapeMarkdown(f.role === 'object' ? sentence(f.text) : f.text)}${sources.marks(f.references)}`).join('\n')}`);
  }
  const quotes = base.quotationsOf(id).slice(0, QUOTATIONS);
  if (quotes.length) {
    parts.push(`**Quoted**\n\n${quotes.map((q) => `- ${escapeMarkdown(clip(describeQuotation(base, q), MAX_QUOTE))}${sources.marks(q.references)}`).join('\n')}`);
  }
  const rendered = sources.render();
  if (rendered) parts.push(rendered);
  return parts.join('\n\n');
}

function ambiguousCard(base: FactBase, mention: DocumentMention): string {
  const candidates = mention.entities
    .map((id) => base.entities.get(id))
    .filter((e): e is Entity => e !== undefined)
    .map((e) => `- **${escapeMarkdown(e.name)}** · ${escapeMarkdown(e.type.replace(/-/g, ' '))}${e.description ? `: ${escapeMarkdown(clip(e.description, 160))}` : ''}`);
  return [`*${escapeMarkdown(mention.text)}* may name any of these; Factcheck does not check claims about it:`, candidates.join('\n')].join('\n\n');
}

/**
 * The sources a card cites, numbered in order of first use, with the locators its facts give.
 */
class SourceList {
  private readonly order: string[] = [];
  private readonly locators = new Map<string, string[]>();

  constructor(private readonly base: FactBase) {}

  /** " \[1\]" after a fact: the numbers of its sources, added to the list. */
  marks(refs: readonly Reference[]): string {
    const numbers: number[] = [];
    for (const ref of refs) {
      if (!this.base.sources.has(ref.source)) continue;
      if (!this.order.includes(ref.source)) this.order.push(ref.source);
      const found = this.locators.get(ref.source) ?? [];
      if (ref.locator && !found.includes(ref.locator)) found.push(ref.locator);
      this.locators.set(ref.source, found);
      const n = this.order.indexOf(ref.source) + 1;
      if (!numbers.includes(n)) numbers.push(n);
    }
    return numbers.length ? ` ${numbers.map((n) => `\\[${n}\\]`).join('')}` : '';
  }

  /** "**Sources**" and a numbered list: linked title, authors, container, locators. */
  render(): string {
    if (this.order.length === 0) return '';
    const lines = this.order.map((id, i) => {
      const source = this.base.sources.get(id)!;
      const details = [
        names(source.author),
        source['container-title'] ?? source.publisher,
        issuedYear(source.issued),
        [...(this.locators.get(id) ?? [])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(', '),
      ].filter((d): d is string => Boolean(d));
      return `${i + 1}. ${markdownLink(source.title, source.URL)}${details.length ? ` — ${escapeMarkdown(details.join(', '))}` : ''}`;
    });
    return `**Sources**\n\n${lines.join('\n')}`;
  }
}

function names(list: readonly CslName[] | undefined): string | undefined {
  if (!list?.length) return undefined;
  const shown = list.slice(0, 3).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' ')).filter(Boolean);
  return shown.length ? `${shown.join(', ')}${list.length > 3 ? ' et al.' : ''}` : undefined;
}

function issuedYear(issued: { readonly 'date-parts': readonly (readonly number[])[] } | undefined): string | undefined {
  const year = issued?.['date-parts'][0]?.[0];
  return year === undefined ? undefined : String(year);
}

/** A phrase that starts with a name, as a sentence: capitalised first letter, final stop. */
function sentence(words: string): string {
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return /[.!?”"]$/.test(text) ? text : `${text}.`;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
