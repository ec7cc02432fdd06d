/**
 * Code actions: for a refuted claim `Correct "<wrong words>" to "<value>"` (preferred) and the
 * same "and cite"; for a supported claim "Insert citation"; "Disable for this line" for any
 * finding; "Add to fact base…" for a claim the base cannot judge (addToFactBase.ts); and the source actions "Cite all supported claims" and fix-all (for fix-on-save).
 * Every edit is versioned with the document version it was computed on, so a client applies
 * nothing to a newer text.
 */

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Claim, Finding } from '../engine/check.js';
import type { TextEdit } from '../engine/citations.js';
import { citeAll, fixAllEdits } from '../engine/fixAll.js';
import type { BibliographyAddition } from '../engine/pandoc.js';
import { CITE_ALL_KIND, COMMANDS, FIX_ALL_KIND } from '../protocol.js';
import { ADD_TO_FACT_BASE_KIND, addToFactBaseActions } from './addToFactBase.js';
import { toCodeAction, toWorkspaceEdit, type DiagnosticData } from './convert.js';
import type { DraftResult, ServerState } from './state.js';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND, CITE_ALL_KIND];

/** How the client runs "Add to fact base…": the server's command, or the VS Code client's source picker. */
export interface ActionOptions {
  readonly addToFactBaseCommand: string;
}

export function codeActions(document: TextDocument, params: CodeActionParams, state: ServerState, options: ActionOptions = { addToFactBaseCommand: COMMANDS.addToFactBase }): CodeAction[] {
  const draft = state.resultFor(document);
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const out: CodeAction[] = [];
  const start = draft.lines.offsetAt(params.range.start);
  const end = draft.lines.offsetAt(params.range.end);

  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of draft.result.findings) {
      if (!touches(finding, start, end)) continue;
      const diagnostics = params.context.diagnostics.filter((d) => matches(d, finding, draft));
      // A diagnostic from an older version names text that may have moved: offer nothing for it.
      if (params.context.diagnostics.some((d) => isOurs(d) && stale(d, draft)) && diagnostics.length === 0) continue;
      for (const fix of finding.fixes) out.push(toCodeAction(document.uri, draft.version, fix, draft.lines, diagnostics, state.bibliography));
      out.push(disableForLine(document, draft, finding, diagnostics));
    }
    for (const claim of draft.result.claims) {
      if (claim.verdict !== 'supported' || !touches(claim, start, end)) continue;
      for (const fix of claim.fixes) out.push(toCodeAction(document.uri, draft.version, fix, draft.lines, [], state.bibliography));
    }
  }
  // After the fixes: a claim the base cannot judge yet can become a fact of the team's base.
  if (wants(ADD_TO_FACT_BASE_KIND)) out.push(...addToFactBaseActions(document, draft, state, start, end, options.addToFactBaseCommand));
  if (wants(CITE_ALL_KIND)) {
    const { edits, bibliography } = citeAll(draft.result.claims);
    if (edits.length) out.push(sourceAction('Cite all supported claims', CITE_ALL_KIND, document, draft, edits, bibliography && { addition: bibliography, state }));
  }
  if (wants(FIX_ALL_KIND) || (only?.includes(CodeActionKind.SourceFixAll) ?? false)) {
    const edits = fixAllEdits(draft.result.findings);
    if (edits.length) out.push(sourceAction('Fix all Factcheck findings', FIX_ALL_KIND, document, draft, edits));
  }
  return out;
}

function sourceAction(title: string, kind: string, document: TextDocument, draft: DraftResult, edits: readonly TextEdit[], bibliography?: { addition: BibliographyAddition; state: ServerState }): CodeAction {
  const file = bibliography && { addition: bibliography.addition, lookup: bibliography.state.bibliography };
  return { title, kind, edit: toWorkspaceEdit(document.uri, draft.version, edits, draft.lines, file) };
}

/**
 * "Disable for this line": an inline `<!-- factcheck-disable-line CODE -->` at the end of the
 * finding's line. Inline, because a comment line inserted above would split a paragraph or a
 * table; in a table row it goes inside the last cell.
 */
function disableForLine(document: TextDocument, draft: DraftResult, finding: Finding, diagnostics: Diagnostic[]): CodeAction {
  const line = draft.lines.positionAt(finding.start).line;
  const lineStart = draft.lines.offsetAt({ line, character: 0 });
  const lineEnd = draft.lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
  const content = draft.text.slice(lineStart, lineEnd);
  const trimmed = content.trimEnd();
  let at = lineStart + trimmed.length;
  if (/\|$/.test(trimmed) && /^\s*\|/.test(content)) at -= 1;
  const comment = ` <!-- factcheck-disable-line ${finding.code} -->${at < lineStart + trimmed.length ? ' ' : ''}`;
  return {
    title: `Disable ${finding.code} for this line`,
    kind: CodeActionKind.QuickFix,
    ...(diagnostics.length && { diagnostics }),
    edit: toWorkspaceEdit(document.uri, draft.version, [{ start: at, end: at, newText: comment }], draft.lines),
  };
}

function touches(item: Finding | Claim, start: number, end: number): boolean {
  return item.start <= end && start <= item.end;
}

function isOurs(d: Diagnostic): boolean {
  return d.source === 'factcheck';
}

function stale(d: Diagnostic, draft: DraftResult): boolean {
  const data = d.data as DiagnosticData | undefined;
  return data !== undefined && data.version !== draft.version;
}

function matches(d: Diagnostic, finding: Finding, draft: DraftResult): boolean {
  const data = d.data as DiagnosticData | undefined;
  return isOurs(d) && d.code === finding.code && data !== undefined && data.version === draft.version && data.start === finding.start && data.end === finding.end;
}
