/**
 * `--format text`: one line per finding, `path:line:col  severity  code  message`, which
 * terminals and editors turn into links, then the suggested correction indented below it.
 */

import type { ReportFile } from './model.js';
import { safeText } from './escape.js';

const SEVERITY_NAME = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

export function formatText(files: readonly ReportFile[]): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let supported = 0;
  for (const file of files) {
    for (const d of file.diagnostics) {
      if (d.severity === 1) errors++;
      if (d.severity === 2) warnings++;
      const { line, character } = d.range.start;
      out.push(`${safeText(file.path)}:${line + 1}:${character + 1}  ${SEVERITY_NAME[d.severity]}  ${d.code}  ${safeText(d.message)}`);
      const fix = d.fixes[0];
      if (fix) out.push(`    fix: ${safeText(fix.title)}`);
    }
    supported += file.claims.filter((c) => c.verdict === 'supported').length;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files.length, 'file')}; ${plural(supported, 'claim')} supported by the fact base`);
  return out.join('\n');
}
