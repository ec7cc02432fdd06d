/**
 * Engine data to LSP data. Offsets become positions through the engine's LineIndex, the one
 * place where offsets and UTF-16 line/character positions are converted.
 */

import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, Fix, Severity } from '../engine/check.js';
import type { TextEdit as EngineEdit } from '../engine/citations.js';
import type { LineIndex } from '../engine/text/positions.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Data kept on a diagnostic so a code action can find its finding again. */
export interface DiagnosticData {
  readonly version: number;
  readonly start: number;
  readonly end: number;
  readonly facts: readonly string[];
}

export function toDiagnostic(finding: Finding, lines: LineIndex, version: number): Diagnostic {
  const data: DiagnosticData = { version, start: finding.start, end: finding.end, facts: finding.facts };
  return {
    range: lines.rangeOf(finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'factcheck',
    message: finding.message,
    data,
  };
}

export function toTextEdit(edit: EngineEdit, lines: LineIndex): TextEdit {
  return { range: lines.rangeOf(edit.start, edit.end), newText: edit.newText };
}

export function toWorkspaceEdit(uri: string, version: number, edits: readonly EngineEdit[], lines: LineIndex): WorkspaceEdit {
  // Versioned, so a client refuses an edit computed for an older text.
  return { documentChanges: [{ textDocument: { uri, version }, edits: edits.map((e) => toTextEdit(e, lines)) }] };
}

export function toCodeAction(uri: string, version: number, fix: Fix, lines: LineIndex, diagnostics: Diagnostic[]): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    ...(fix.preferred && { isPreferred: true }),
    ...(diagnostics.length && { diagnostics }),
    edit: toWorkspaceEdit(uri, version, fix.edits, lines),
  };
}
