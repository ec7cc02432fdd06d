/**
 * `factcheck --cite`: every supported claim of a draft cited at once, as "Cite all supported
 * claims" does in the editor, and for Pandoc citations the sources added to the bibliography
 * file the draft's front matter names (read here, edited by the engine, written atomically,
 * created if missing). The draft itself is written by the caller.
 */

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { applyEdits, type Claim } from '../engine/check.js';
import { citeAll } from '../engine/fixAll.js';
import { bibliographyChange } from '../engine/pandoc.js';
import { LineIndex } from '../engine/text/positions.js';
import { safeText } from '../report/escape.js';
import { writeAtomically } from './atomicWrite.js';

export interface CitedDraft {
  /** The draft with its citations. */
  readonly text: string;
  /** What was done, one line each, for standard error. */
  readonly messages: readonly string[];
  /** Whether something could not be done (the bibliography could not be read or written). */
  readonly trouble: boolean;
}

/**
 * Cites the supported claims of `text`, the draft at `path` (undefined for standard input: its
 * bibliography has no folder to be found in, and is not written). `shown` names the draft in messages.
 */
export async function citeDraft(path: string | undefined, shown: string, text: string, claims: readonly Claim[]): Promise<CitedDraft> {
  const { edits, bibliography } = citeAll(claims);
  const messages: string[] = [];
  if (edits.length === 0) return { text, messages, trouble: false };
  const lines = new LineIndex(text);
  for (const e of edits) {
    // The citations themselves, not the front matter or footnote definitions that come with them.
    if (!/^(?: ?\[[@^][^\]]*\]|(?:; @\S+)+)$/.test(e.newText)) continue;
    const at = lines.positionAt(e.start);
    messages.push(`${safeText(shown)}:${at.line + 1}:${at.character + 1}  cited  ${safeText(e.newText.trim())}`);
  }
  const cited = applyEdits(text, edits);
  if (!bibliography) return { text: cited, messages, trouble: false };
  if (path === undefined) {
    messages.push(`factcheck: ${safeText(shown)}: not written: the bibliography '${safeText(bibliography.path)}' (a draft from standard input has no folder); add ${bibliography.items.map((i) => safeText(i.id)).join(', ')} to it yourself`);
    return { text: cited, messages, trouble: false };
  }
  const file = resolve(dirname(path), bibliography.path);
  let current: string | undefined;
  try {
    current = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      messages.push(`factcheck: could not read the bibliography '${safeText(file)}': ${safeText((e as Error).message)}`);
      return { text, messages, trouble: true };
    }
  }
  const change = bibliographyChange(current, bibliography.items);
  if (change && 'error' in change) {
    messages.push(`factcheck: ${safeText(file)}: ${safeText(change.error)}; no citation was added`);
    return { text, messages, trouble: true };
  }
  if (change) {
    try {
      await writeAtomically(file, applyEdits(current ?? '', change.edits), { create: true });
    } catch (e) {
      messages.push(`factcheck: could not write '${safeText(file)}': ${safeText((e as Error).message)}`);
      return { text, messages, trouble: true };
    }
    const held = new Set(bibliography.items.map((i) => i.id));
    if (current !== undefined) for (const id of idsIn(current)) held.delete(id);
    const rel = relative(process.cwd(), file);
    messages.push(`${safeText(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file)}  ${change.create ? 'created with' : 'added'}  ${[...held].map((id) => safeText(id)).join(', ')}`);
  }
  return { text: cited, messages, trouble: false };
}

function idsIn(json: string): string[] {
  try {
    const data: unknown = JSON.parse(json.replace(/^\uFEFF/, ''));
    return Array.isArray(data) ? data.map((d: unknown) => (d && typeof d === 'object' && 'id' in d ? String((d as { id: unknown }).id) : '')) : [];
  } catch {
    return [];
  }
}
