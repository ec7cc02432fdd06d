/**
 * Suppression comments, in the conventions writers know from markdownlint:
 *
 *   <!-- factcheck-disable-next-line [codes] -->
 *   <!-- factcheck-disable-line [codes] -->
 *   <!-- factcheck-disable [codes] -->  ...  <!-- factcheck-enable [codes] -->
 *
 * Without codes a directive covers every check. Lines are 0-based.
 */

import type { Comment } from './markdown/parse.js';
import { LineIndex } from './text/positions.js';

interface Rule {
  readonly codes: ReadonlySet<string> | 'all';
  readonly fromLine: number;
  readonly toLine: number; // inclusive
}

const DIRECTIVE = /^factcheck-(disable-next-line|disable-line|disable|enable)\b\s*(.*)$/;

export class Suppressions {
  private readonly rules: Rule[] = [];
  /** Line numbers of `text`, counted only when a directive is found (most drafts have none). */
  private lines: LineIndex | undefined;

  constructor(comments: readonly Comment[], text: string) {
    const open = new Map<string, number>(); // code or '*' -> start line
    const sorted = [...comments].sort((a, b) => a.start - b.start);
    for (const c of sorted) {
      const m = DIRECTIVE.exec(c.text);
      if (!m) continue;
      const lines = (this.lines ??= new LineIndex(text));
      const codes = m[2]!.split(/[\s,]+/).filter(Boolean);
      const line = lines.positionAt(c.start).line;
      const endLine = lines.positionAt(c.end).line;
      const set: Rule['codes'] = codes.length ? new Set(codes) : 'all';
      switch (m[1]) {
        case 'disable-next-line':
          this.rules.push({ codes: set, fromLine: endLine + 1, toLine: endLine + 1 });
          break;
        case 'disable-line':
          this.rules.push({ codes: set, fromLine: line, toLine: endLine });
          break;
        case 'disable':
          for (const code of codes.length ? codes : ['*']) if (!open.has(code)) open.set(code, line);
          break;
        case 'enable':
          for (const code of codes.length ? codes : [...open.keys()]) {
            const from = open.get(code);
            if (from === undefined) continue;
            open.delete(code);
            this.rules.push({ codes: code === '*' ? 'all' : new Set([code]), fromLine: from, toLine: line });
          }
          break;
      }
    }
    for (const [code, from] of open) this.rules.push({ codes: code === '*' ? 'all' : new Set([code]), fromLine: from, toLine: Number.MAX_SAFE_INTEGER });
  }

  /** Whether a finding of `code` starting at document offset `offset` is suppressed. */
  suppressed(code: string, offset: number): boolean {
    if (!this.lines || this.rules.length === 0) return false;
    const line = this.lines.positionAt(offset).line;
    return this.rules.some((r) => line >= r.fromLine && line <= r.toLine && (r.codes === 'all' || r.codes.has(code)));
  }
}
