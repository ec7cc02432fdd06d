/**
 * Reads drafts for the command line: every way a path can fail to be a readable Markdown draft
 * becomes one clear sentence, and nothing is ever half-read.
 */

import { readFile, stat } from 'node:fs/promises';
import { MAX_DRAFT_CHARS } from '../engine/check.js';
import { describeFsError } from './factFiles.js';

export type DraftRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** The byte limit that goes with the engine's character limit: UTF-8 needs at most 3 bytes per UTF-16 unit. */
const MAX_DRAFT_BYTES = MAX_DRAFT_CHARS * 3;

export async function readDraft(path: string): Promise<DraftRead> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    return { ok: false, error: describeFsError(e, `'${path}'`) };
  }
  if (info.isDirectory()) return { ok: false, error: `'${path}' is a folder; give Markdown files, or a glob such as '${folderGlob(path)}'` };
  if (!info.isFile()) return { ok: false, error: `'${path}' is not a regular file` };
  if (info.size > MAX_DRAFT_BYTES) return { ok: false, error: tooLarge(path, info.size) };
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return { ok: false, error: describeFsError(e, `'${path}'`) };
  }
  return decodeDraft(path, bytes);
}

export function decodeDraft(path: string, bytes: Uint8Array): DraftRead {
  if (bytes.includes(0)) return { ok: false, error: `'${path}' looks like a binary file (it contains NUL bytes), not a Markdown draft` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, error: `'${path}' is not valid UTF-8; save it as UTF-8 and check again` };
  }
  if (text.length > MAX_DRAFT_CHARS) return { ok: false, error: tooLarge(path, bytes.length) };
  return { ok: true, text };
}

/**
 * The glob of a folder's Markdown files, as a person would type it: the folder as given, without
 * its trailing slashes ("examples/" and "examples" give the same), then the pattern; none for ".".
 */
export function folderGlob(path: string): string {
  const folder = path.replace(/[\\/]+$/, '');
  const pattern = '**/*.md';
  return folder === '.' ? pattern : `${folder}/${pattern}`;
}

function tooLarge(path: string, bytes: number): string {
  return `'${path}' is ${(bytes / 1024 / 1024).toFixed(1)} MB; Factcheck checks drafts of up to ${MAX_DRAFT_CHARS.toLocaleString('en-US')} characters (about 2 MB). Split it into parts.`;
}
