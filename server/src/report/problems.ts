/** How the command line prints fact-base and configuration problems, and the paths in its messages. */

import { isAbsolute, relative } from 'node:path';
import type { FactBaseProblem } from '../engine/factbase/types.js';
import { safeText } from './escape.js';

/**
 * Formats a fact-base problem as `file:line:col  severity  code  message`, or `file  severity
 * code  message` for a problem about the file or folder as a whole (line 0): it has no place in
 * the file, and a made-up `:1:1` would send an editor to a line that is not the problem.
 */
export function formatProblem(p: FactBaseProblem): string {
  const where = p.line > 0 ? `${shortPath(p.file)}:${p.line}:${p.column}` : shortPath(p.file);
  return `${safeText(where)}  ${p.severity}  ${p.code}  ${safeText(p.message)}`;
}

/** A path relative to the working folder when it lies inside it, as people type them. */
export function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
