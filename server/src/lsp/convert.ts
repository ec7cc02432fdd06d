/**
 * Engine data to LSP data. Offsets become positions through the engine's LineIndex, the one
 * place where offsets and UTF-16 line/character positions are converted (those of a draft, and
 * those of the bibliography file a Pandoc citation adds a source to).
 */

import { CodeActionKind, DiagnosticSeverity, type CodeAction, type CreateFile, type Diagnostic, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, Fix, Severity } from '../engine/check.js';
import type { TextEdit as EngineEdit } from '../engine/citations.js';
import { bibliographyChange, type BibliographyAddition } from '../engine/pandoc.js';
import { LineIndex } from '../engine/text/positions.js';

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

/**
 * A bibliography file as the server found it: its URI, its current text (undefined when it does
 * not exist) and the version of the open document holding it (null when it is not open).
 */
export interface BibliographyFile {
  readonly uri: string;
  readonly text: string | undefined;
  readonly version: number | null;
}

/** Finds the bibliography file a draft's front matter names (a path relative to the draft); undefined for a draft with no folder. */
export type BibliographyLookup = (draftUri: string, path: string) => BibliographyFile | undefined;

export function toWorkspaceEdit(
  uri: string,
  version: number,
  edits: readonly EngineEdit[],
  lines: LineIndex,
  bibliography?: { readonly addition: BibliographyAddition; readonly lookup: BibliographyLookup | undefined },
): WorkspaceEdit {
  // Versioned, so a client refuses an edit computed for an older text.
  const draft: TextDocumentEdit = { textDocument: { uri, version }, edits: edits.map((e) => toTextEdit(e, lines)) };
  const file = bibliography && bibliography.lookup?.(uri, bibliography.addition.path);
  return { documentChanges: [draft, ...(file ? bibliographyChanges(file, bibliography!.addition) : [])] };
}

/**
 * The changes that add sources to a bibliography file: the file created if missing, then its
 * edits. None when it holds them all already, or is not a CSL-JSON array (it is left alone).
 */
export function bibliographyChanges(file: BibliographyFile, addition: BibliographyAddition): Array<TextDocumentEdit | CreateFile> {
  const change = bibliographyChange(file.text, addition.items);
  if (!change || 'error' in change) return [];
  const lines = new LineIndex(file.text ?? '');
  const edit: TextDocumentEdit = { textDocument: { uri: file.uri, version: file.version }, edits: change.edits.map((e) => toTextEdit(e, lines)) };
  return change.create ? [{ kind: 'create', uri: file.uri, options: { ignoreIfExists: true } }, edit] : [edit];
}

export function toCodeAction(uri: string, version: number, fix: Fix, lines: LineIndex, diagnostics: Diagnostic[], lookup?: BibliographyLookup): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    ...(fix.preferred && { isPreferred: true }),
    ...(diagnostics.length && { diagnostics }),
    edit: toWorkspaceEdit(uri, version, fix.edits, lines, fix.bibliography && { addition: fix.bibliography, lookup }),
  };
}
