/**
 * The command line's report model: the engine's findings and claims with LSP-style ranges
 * (0-based lines, UTF-16 characters) and LSP severities. This is the shape `--format json`
 * prints, and the other formats are written from it.
 */

import type { CheckResult, Severity } from '../engine/check.js';
import { LineIndex, type Range } from '../engine/text/positions.js';

export const SEVERITY_NUMBER: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

export interface ReportEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface ReportDiagnostic {
  readonly range: Range;
  readonly severity: 1 | 2 | 3 | 4;
  readonly code: string;
  readonly source: 'factcheck';
  readonly message: string;
  readonly fixes: ReadonlyArray<{ readonly title: string; readonly edits: readonly ReportEdit[] }>;
}

export interface ReportClaim {
  readonly range: Range;
  readonly verdict: 'supported' | 'refuted' | 'unconfirmed' | 'disputed';
  readonly facts: readonly string[];
  readonly sources: readonly string[];
  /** The pronouns and descriptions the claim rests on, and the entity each was read as. */
  readonly resolved?: ReadonlyArray<{ readonly range: Range; readonly entity: string }>;
}

export interface ReportFile {
  readonly path: string;
  readonly diagnostics: readonly ReportDiagnostic[];
  readonly claims: readonly ReportClaim[];
}

export function toReportFile(path: string, text: string, result: CheckResult): ReportFile {
  const lines = new LineIndex(text);
  const range = (start: number, end: number) => lines.rangeOf(start, end);
  return {
    path,
    diagnostics: result.findings.map((f) => ({
      range: range(f.start, f.end),
      severity: SEVERITY_NUMBER[f.severity],
      code: f.code,
      source: 'factcheck',
      message: f.message,
      fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })) })),
    })),
    claims: result.claims.map((c) => ({
      range: range(c.start, c.end),
      verdict: c.verdict,
      facts: c.facts,
      sources: c.sources,
      ...(c.resolved && { resolved: c.resolved.map((r) => ({ range: range(r.start, r.end), entity: r.entity })) }),
    })),
  };
}
