/**
 * Completion of footnote citations: after `[^` in prose, every source of the fact base is
 * offered. Accepting one writes the reference `[^label]` and, unless the draft already has a
 * footnote for that source (whose label is then reused), appends its definition at the end of the
 * document, formatted in the configured citation style, as "Insert citation" does.
 *
 * In the `pandoc` citation format, the same after `[@` (and `[see @`, and `; @` inside a group):
 * accepting writes the source's id as the citation key, names the bibliography in the front
 * matter if it names none, and runs `factcheck.addToBibliography`, which adds the source to the
 * bibliography file (another document, which a completion's own edits cannot reach).
 *
 * Sources come from fact files, which are not trusted: the reference shown as documentation is
 * escaped so that it renders as plain text.
 */

import { CompletionItemKind, MarkupKind, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { existingFootnote, footnoteLabel, formatReference, planCitation } from '../engine/citations.js';
import type { Source } from '../engine/factbase/types.js';
import { sourceTitle } from '../engine/factbase/factbase.js';
import { GAP, offsetOf, type ParsedDraft, type ProseBlock } from '../engine/markdown/parse.js';
import { bibliographyTarget } from '../engine/pandoc.js';
import type { LineIndex } from '../engine/text/positions.js';
import type { CheckResult } from '../engine/check.js';
import { COMMANDS } from '../protocol.js';
import { escapeMarkdown } from './markdown.js';
import type { ServerState } from './state.js';

/** Characters that ask the client for completions: the `^` of `[^`, the `@` of `[@`. */
export const COMPLETION_TRIGGERS = ['^', '@'];

/**
 * A Pandoc citation key being typed: `[@`, `[-@`, `[see @` or `[@a; @` and the key so far,
 * right before the cursor.
 */
const TYPED_KEY = /\[(?:[^[\]@]*\s|[^[\]]*;\s*)?-?@([\p{L}\p{N}_:.#$%&+?<>~/-]*)$/u;
/** The rest of a key after the cursor, when editing inside one. */
const REST_KEY = /^[\p{L}\p{N}_:.#$%&+?<>~/-]*/u;

/** `[^` and the part of a label typed so far, right before the cursor. */
const TYPED = /\[\^([^\]\s[^]*)$/;
/** The rest of a label and its closing bracket right after the cursor, when editing inside `[^...]`. */
const REST = /^([^\]\s[^]*)\]/;

/** Citation completions at `position`, or none when the cursor is not after `[^` in prose. */
export function completion(document: TextDocument, position: Position, state: ServerState): CompletionItem[] {
  const { text, lines, result } = state.resultFor(document);
  const offset = lines.offsetAt(position);
  const lineStart = lines.offsetAt({ line: position.line, character: 0 });
  const key = state.options.citationFormat === 'pandoc' ? TYPED_KEY.exec(text.slice(lineStart, offset)) : null;
  if (key) return pandocCompletion(document, text, lines, result, state, offset, offset - key[0].length, key[1]!.length);
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

  const nearby = citedNearby(result, block);

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
 * Pandoc citation keys at `offset`, where the key typed so far is `typed` characters long and
 * its group opens at `bracket`. The key typed and the rest of it after the cursor are replaced.
 */
function pandocCompletion(document: TextDocument, text: string, lines: LineIndex, result: CheckResult, state: ServerState, offset: number, bracket: number, typed: number): CompletionItem[] {
  const parsed: ParsedDraft = state.parsedFor(document);
  const block = parsed.blocks.find((b) => holdsBracket(b, bracket, text));
  if (!block) return [];
  const end = offset + (REST_KEY.exec(text.slice(offset, block.end))?.[0].length ?? 0);
  const range = lines.rangeOf(offset - typed, end);
  const nearby = citedNearby(result, block);
  const target = bibliographyTarget(text, parsed.frontMatter);
  const naming: TextEdit[] = target?.naming ? [{ range: lines.rangeOf(target.naming.start, target.naming.end), newText: target.naming.newText }] : [];
  const style = state.options.citationStyle;
  const items: CompletionItem[] = [];
  for (const source of state.base.sources.values()) {
    items.push({
      label: source.id,
      kind: CompletionItemKind.Reference,
      detail: sourceTitle(source),
      documentation: { kind: MarkupKind.Markdown, value: escapeMarkdown(formatReference(source, style)) },
      filterText: source.id,
      sortText: `${nearby.has(source.id) ? '0' : '1'}-${source.id}`,
      textEdit: { range, newText: source.id },
      ...(naming.length > 0 && { additionalTextEdits: naming }),
      // The bibliography is another file: the server adds the source to it (unless it is there).
      ...(target && { command: { title: 'Add to the bibliography', command: COMMANDS.addToBibliography, arguments: [document.uri, [source.id]] } }),
    });
  }
  return items;
}

/** The sources cited by the claims of a block, which sort first. */
function citedNearby(result: CheckResult, block: ProseBlock): Set<string> {
  const nearby = new Set<string>();
  for (const claim of result.claims) {
    if (claim.start >= block.start && claim.end <= block.end) for (const s of claim.sources) nearby.add(s);
  }
  return nearby;
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
