/**
 * Completion of footnote citations: after `[^` in prose, every source of the fact base is
 * offered. Accepting one writes the reference `[^label]` and, unless the draft already has a
 * footnote for that source (whose label is then reused), appends its definition at the end of the
 * document, formatted in the configured citation style, as "Insert citation" does.
 *
 * Sources come from fact files, which are not trusted: the reference shown as documentation is
 * escaped so that it renders as plain text.
 */

import { CompletionItemKind, MarkupKind, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { existingFootnote, footnoteLabel, formatReference, planCitation } from '../engine/citations.js';
import type { Source } from '../engine/factbase/types.js';
import { sourceTitle } from '../engine/factbase/factbase.js';
import { GAP, offsetOf, type ProseBlock } from '../engine/markdown/parse.js';
import { escapeMarkdown } from './markdown.js';
import type { ServerState } from './state.js';

/** Characters that ask the client for completions: the `^` of `[^`. */
export const COMPLETION_TRIGGERS = ['^'];

/** `[^` and the part of a label typed so far, right before the cursor. */
const TYPED = /\[\^([^\]\s[^]*)$/;
/** The rest of a label and its closing bracket right after the cursor, when editing inside `[^...]`. */
const REST = /^([^\]\s[^]*)\]/;

/** Citation completions at `position`, or none when the cursor is not after `[^` in prose. */
export function completion(document: TextDocument, position: Position, state: ServerState): CompletionItem[] {
  const { text, lines, result } = state.resultFor(document);
  const offset = lines.offsetAt(position);
  const lineStart = lines.offsetAt({ line: position.line, character: 0 });
  const typed = TYPED.exec(text.slice(lineStart, offset));
  if (!typed) return [];
  const bracket = offset - typed[0].length;
  const parsed = state.parsedFor(document);
  const block = parsed.blocks.find((b) => holdsBracket(b, bracket, text));
  if (!block) return [];

  // An auto-closed `]`, or the rest of a label being edited, is replaced too.
  const rest = REST.exec(text.slice(offset, block.end));
  const end = rest ? offset + rest[0].length : offset;
  // `[^label]:` is a definition being written, not a citation.
  if (rest && text[end] === ':') return [];
  const range = lines.rangeOf(bracket, end);

  const nearby = new Set<string>();
  for (const claim of result.claims) {
    if (claim.start >= block.start && claim.end <= block.end) for (const s of claim.sources) nearby.add(s);
  }

  const style = state.options.citationStyle;
  const items: CompletionItem[] = [];
  for (const source of state.base.sources.values()) {
    const existing = existingFootnote(source, parsed.footnotes);
    const label = existing ?? footnoteLabel(source.id);
    const reference = formatReference(source, style);
    // planCitation appends the definition with the draft's line ending after a blank line; its
    // reference edit, placed at the very end so nothing counts as already cited, is not used.
    const definition = existing === undefined ? planCitation(text, state.base, [source.id], text.length, parsed.footnotes, style)?.definition : undefined;
    const additional: TextEdit[] = definition ? [{ range: lines.rangeOf(definition.start, definition.end), newText: definition.newText }] : [];
    items.push({
      label: source.id,
      kind: CompletionItemKind.Reference,
      detail: sourceTitle(source),
      documentation: { kind: MarkupKind.Markdown, value: documentation(source, reference, existing) },
      filterText: `[^${source.id}`,
      sortText: `${nearby.has(source.id) ? '0' : '1'}-${source.id}`,
      textEdit: { range, newText: `[^${label}]` },
      ...(additional.length > 0 && { additionalTextEdits: additional }),
    });
  }
  return items;
}

/**
 * Whether the `[` at `bracket` is prose of `block`: literal text, or the gap that stands for a
 * footnote reference there. Inline code and code blocks never are.
 */
function holdsBracket(block: ProseBlock, bracket: number, text: string): boolean {
  if (bracket < block.start || bracket >= block.end || text[bracket - 1] === '\\') return false;
  for (let i = 0; i < block.text.length; i++) {
    if (offsetOf(block, i) !== bracket) continue;
    const ch = block.text[i];
    if (ch === '[' || (ch === GAP && text.startsWith('[^', bracket))) return true;
  }
  return false;
}

function documentation(source: Source, reference: string, existing: string | undefined): string {
  const note = existing !== undefined && existing !== source.id ? `\n\nCited in this draft as footnote ${escapeMarkdown(existing)}.` : '';
  return `${escapeMarkdown(reference)}${note}`;
}
