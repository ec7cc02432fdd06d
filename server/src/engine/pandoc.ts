/**
 * Pandoc citations, for writers who publish through Pandoc or Quarto: a source is cited as
 * `[@source-id]` before the sentence's final punctuation (`... the Nodong-1 [@oba-iransource].`,
 * as Pandoc's manual writes them), and its CSL-JSON goes into the bibliography file that the
 * draft's YAML front matter names (`bibliography: refs.json`, relative to the draft). A draft
 * whose front matter names no bibliography gets `bibliography: references.json` in the same edit,
 * and front matter if it has none.
 *
 * Pure, like the rest of the engine: the bibliography file is read and written by the caller,
 * which gives its current text to `bibliographyChange` and applies the edits it returns.
 */

import { parseDocument } from 'yaml';
import type { TextEdit } from './citations.js';
import type { Source } from './factbase/types.js';
import type { FrontMatter } from './markdown/parse.js';

/** How citations are written: Markdown footnotes (the default) or Pandoc citations. */
export type CitationFormat = 'footnote' | 'pandoc';

/** The bibliography named when the front matter names none, beside the draft. */
export const DEFAULT_BIBLIOGRAPHY = 'references.json';

/** A CSL-JSON item: the source's CSL fields, without Factcheck's own `origin`. */
export interface CslItem {
  readonly id: string;
  readonly [field: string]: unknown;
}

/** Sources to add to a bibliography file (the ones it already holds are left out when it is edited). */
export interface BibliographyAddition {
  /** The file as the front matter names it: relative to the draft's folder (or absolute). */
  readonly path: string;
  readonly items: readonly CslItem[];
}

/**
 * Which bibliography a draft's citations go to: the CSL-JSON file its front matter names, or
 * the default one together with the edit that names it. None when the front matter names only
 * bibliographies of other formats (BibTeX, say), is TOML, or is not valid YAML: the citation is
 * still written, and no file is touched.
 */
export type BibliographyTarget = { readonly path: string; readonly naming?: TextEdit } | undefined;

/** A source as a CSL-JSON item. */
export function cslItem(source: Source): CslItem {
  const { origin: _origin, ...csl } = source;
  return csl;
}

/** The bibliography a draft's Pandoc citations go to (see `BibliographyTarget`). */
export function bibliographyTarget(document: string, frontMatter: FrontMatter | undefined): BibliographyTarget {
  const eol = document.includes('\r\n') ? '\r\n' : '\n';
  const line = `bibliography: ${DEFAULT_BIBLIOGRAPHY}${eol}`;
  if (!frontMatter) {
    // New front matter at the very top (after a byte-order mark, which stays first).
    const at = document.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { path: DEFAULT_BIBLIOGRAPHY, naming: { start: at, end: at, newText: `---${eol}${line}---${eol}${eol}` } };
  }
  // Pandoc reads YAML front matter only.
  if (frontMatter.kind !== 'yaml') return undefined;
  const doc = parseDocument(frontMatter.value);
  if (doc.errors.length) return undefined;
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) return undefined;
  const fields = (data ?? {}) as Record<string, unknown>;
  // A `bibliography:` with no value is the writer's, half written: no second key beside it.
  const named = fields['bibliography'];
  if (!Object.hasOwn(fields, 'bibliography')) {
    // The new line goes just before the closing fence.
    const close = document.lastIndexOf('\n', frontMatter.end - 1) + 1;
    return { path: DEFAULT_BIBLIOGRAPHY, naming: { start: close, end: close, newText: line } };
  }
  const files = (Array.isArray(named) ? named : [named]).filter((f): f is string => typeof f === 'string');
  const json = files.find((f) => /\.json$/i.test(f.trim()));
  return json === undefined ? undefined : { path: json.trim() };
}

/**
 * Where a Pandoc citation of the sentence ending at `end` goes: before its final run of stops,
 * question and exclamation marks (`Nodong-1 [@id].`), or at its end when it ends in anything
 * else (a closing quotation mark, no punctuation at all). The citation text starts with a space.
 */
export function pandocCitationAt(document: string, end: number, from = 0): number {
  let i = end;
  while (i > from && /[.!?…]/.test(document[i - 1]!)) i--;
  return i < end && i > from ? i : end;
}

/**
 * The citation group `at` lies inside, if any: `[see @a, p. 3]` holds a stop that may end a
 * "sentence" for the splitter. Its brackets' offsets.
 */
export function enclosingCitation(document: string, at: number): { readonly open: number; readonly close: number } | undefined {
  let open = at - 1;
  while (open >= 0 && at - open <= REACH && document[open] !== '[' && document[open] !== ']') open--;
  if (open < 0 || document[open] !== '[') return undefined;
  let close = at;
  while (close < document.length && close - at <= REACH && document[close] !== ']' && document[close] !== '[') close++;
  if (document[close] !== ']') return undefined;
  return citationKeys(document.slice(open + 1, close)).length > 0 ? { open, close } : undefined;
}

/** A Pandoc citation of `ids`, as inserted: ` [@a; @b]`. */
export function pandocCitation(ids: readonly string[]): string {
  return ` [${ids.map((id) => `@${id}`).join('; ')}]`;
}

/** The keys of a Pandoc citation group's text (between its brackets): `see @a, p. 3; -@b` → a, b. */
export function citationKeys(group: string): string[] {
  return citationKeySpans(group).map((k) => k.key);
}

/** The keys of a citation group's text with where each is in it (the key's own characters, without `@` or braces). */
export function citationKeySpans(group: string): Array<{ readonly key: string; readonly start: number; readonly end: number }> {
  const out: Array<{ key: string; start: number; end: number }> = [];
  for (const m of group.matchAll(KEY)) {
    const key = m[1] ?? m[2]!;
    // The match may start with the character before the `@`; the key ends the match, or its brace does.
    const end = m.index + m[0].length - (m[1] === undefined ? 0 : 1);
    out.push({ key, start: end - key.length, end });
  }
  return out;
}

/** A citation key after the start, a space, `;` or `-`: `@key` (inner punctuation allowed) or `@{key}`. */
const KEY = /(?:^|[\s;[-])@(?:\{([^{}]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*))/gu;

/** How far from a sentence a citation group is looked for. */
const REACH = 300;

/**
 * Whether the draft already cites `id` with a Pandoc citation right at `at` (the groups just
 * before it: `Nodong-1 [@a] [see @id, p. 3].`) or right after the sentence's end (`"…." [@id]`).
 */
export function pandocCitedAt(document: string, at: number, end: number, id: string): boolean {
  // Groups ending just before `at`, walking back.
  let i = at;
  for (let n = 0; n < 8; n++) {
    let j = i;
    while (j > 0 && /[ \t\u00a0]/.test(document[j - 1]!)) j--;
    if (document[j - 1] !== ']') break;
    const open = document.lastIndexOf('[', j - 2);
    if (open < 0 || j - open > REACH) break;
    const group = document.slice(open + 1, j - 1);
    if (group.includes(']')) break;
    if (citationKeys(group).includes(id)) return true;
    i = open;
  }
  // Groups starting just after the sentence, walking on.
  i = end;
  for (let n = 0; n < 8; n++) {
    let j = i;
    while (j < document.length && /[ \t\u00a0]/.test(document[j]!)) j++;
    if (document[j] !== '[') break;
    const close = document.indexOf(']', j + 1);
    if (close < 0 || close - j > REACH) break;
    const group = document.slice(j + 1, close);
    if (group.includes('[')) break;
    if (citationKeys(group).includes(id)) return true;
    i = close + 1;
  }
  return false;
}

/** The edits that add `items` to a bibliography file, and whether the file must first be created. */
export interface BibliographyChange {
  readonly create: boolean;
  /** Offsets in the file's current text (an empty text when it is created). */
  readonly edits: readonly TextEdit[];
}

/**
 * Adds CSL-JSON items to a bibliography's current text (`undefined`: the file does not exist),
 * leaving out items whose id it already holds and touching nothing else of the file: new items go
 * before the array's closing bracket, two spaces in, with the file's line ending. Undefined when
 * there is nothing to add; an error when the file is not a JSON array (it is then left alone).
 */
export function bibliographyChange(current: string | undefined, items: readonly CslItem[]): BibliographyChange | { readonly error: string } | undefined {
  const eol = current?.includes('\r\n') ? '\r\n' : '\n';
  const blank = current === undefined || current.trim() === '';
  let held: Set<string>;
  if (blank) held = new Set();
  else {
    let data: unknown;
    try {
      data = JSON.parse(current.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { error: `the bibliography is not valid JSON (${(e as Error).message})` };
    }
    if (!Array.isArray(data)) return { error: 'the bibliography is not a CSL-JSON array of items' };
    held = new Set(data.map((d: unknown) => (d && typeof d === 'object' && 'id' in d ? String((d as { id: unknown }).id) : '')));
  }
  const fresh: CslItem[] = [];
  for (const item of items) {
    if (held.has(item.id)) continue;
    held.add(item.id);
    fresh.push(item);
  }
  if (fresh.length === 0) return undefined;
  const texts = fresh.map((item) => `  ${JSON.stringify(item, null, 2).replace(/\n/g, `${eol}  `)}`);
  if (blank) {
    return { create: current === undefined, edits: [{ start: 0, end: current?.length ?? 0, newText: `[${eol}${texts.join(`,${eol}`)}${eol}]${eol}` }] };
  }
  const close = current.trimEnd().length - 1;
  let last = close - 1;
  while (last >= 0 && /\s/.test(current[last]!)) last--;
  if (current[last] === '[') {
    // An empty array: the items replace what lies between its brackets.
    return { create: false, edits: [{ start: last + 1, end: close, newText: `${eol}${texts.join(`,${eol}`)}${eol}` }] };
  }
  return { create: false, edits: [{ start: last + 1, end: last + 1, newText: `,${eol}${texts.join(`,${eol}`)}` }] };
}
