/**
 * Incremental parsing: after an edit, re-parse only the top-level blocks around it and keep the
 * rest of the previous parse, shifted. A keystroke in a 10,000-word draft then costs the parse
 * of a few paragraphs instead of the whole document.
 *
 * Markdown is not always local: an unclosed code fence swallows the rest of the document, a list
 * can absorb the paragraph after it, and a reference resolves against definitions anywhere. So a
 * re-parse is accepted only when it provably matches what a full parse would give:
 *
 * - the re-parsed region runs from the top-level block before the edit to the one after it, and
 *   both come back with the same type and extent as before (so the edit did not reach past them);
 * - no top-level node of the re-parse crosses the end of the region;
 * - the definitions of the rest of the document are appended to the region, so its references
 *   resolve as in a full parse, and they must come back as definitions (nothing swallowed them);
 * - the region defines the same labels after the edit as before (a definition gained or lost
 *   changes how the whole document reads; typing inside a footnote's text does not).
 *
 * Anything else falls back to a full parse. Tests compare both on random edits.
 */

import { assemble, parseFragment, parseRoots, type ParsedDraft, type RootBlock } from './parse.js';

export class DraftParse {
  private constructor(
    readonly text: string,
    readonly roots: readonly RootBlock[],
    /** Whether the last update re-parsed only a region (for tests and benchmarks). */
    readonly incremental: boolean,
  ) {}

  private assembled: ParsedDraft | undefined;

  static parse(text: string): DraftParse {
    return new DraftParse(text, parseRoots(text), false);
  }

  /** The prose blocks, comments and footnotes of the whole document. */
  get parsed(): ParsedDraft {
    this.assembled ??= assemble(this.roots);
    return this.assembled;
  }

  /** The parse of `text`, reusing this one where the edit between them allows. */
  update(text: string, edit: Edit = editBetween(this.text, text)): DraftParse {
    if (text === this.text) return this;
    return this.reparseRegion(text, edit) ?? DraftParse.parse(text);
  }

  private reparseRegion(text: string, { prefix, suffix }: Edit): DraftParse | undefined {
    const old = this.text;
    // The edit, as the changed stretch between a common prefix and a common suffix.
    const editStart = prefix;
    const editEnd = old.length - suffix; // in the old text
    const delta = text.length - old.length;

    const roots = this.roots;
    // The blocks the edit touches (an edit at a block's edge touches it too), and one on either side.
    let first = roots.findIndex((r) => r.end >= editStart);
    if (first < 0) first = roots.length;
    let last = first;
    while (last + 1 < roots.length && roots[last + 1]!.start <= editEnd) last++;
    const before = first - 1;
    const after = last + 1 < roots.length ? last + 1 : undefined;
    // The region must start at a block that the edit leaves whole: never the document's start,
    // where front matter and a byte-order mark live.
    if (before < 0 || roots[before]!.start >= editStart) return undefined;
    const regionStart = roots[before]!.start;
    const oldRegionEnd = after === undefined ? old.length : roots[after]!.end;
    if (after !== undefined && roots[after]!.start < editEnd) return undefined;
    const regionEnd = oldRegionEnd + delta;
    if (regionEnd < regionStart || regionEnd > text.length) return undefined;

    const end = after === undefined ? roots.length : after + 1;
    const replaced = roots.slice(before, end);

    // References in the region resolve against the definitions of the rest of the document: the
    // ones whose label the region mentions are appended (all of them would cost a parse each).
    const regionText = text.slice(regionStart, regionEnd);
    const mentioned = regionText.toLowerCase().replace(/\s+/g, ' ');
    const definitions = [...roots.slice(0, before), ...roots.slice(end)]
      .filter((r) => r.defines !== undefined && mentioned.includes(`[${r.type === 'footnoteDefinition' ? '^' : ''}${r.defines.toLowerCase()}`))
      .map((r) => old.slice(r.start, r.end));
    const fragment = definitions.length ? `${regionText}\n\n${definitions.join('\n\n')}\n` : regionText;
    let parsed: RootBlock[];
    try {
      parsed = parseFragment(fragment, text, regionStart);
    } catch {
      return undefined;
    }
    const inside = parsed.filter((r) => r.start < regionEnd);
    const outside = parsed.filter((r) => r.start >= regionEnd);
    if (inside.some((r) => r.end > regionEnd) || labelsOf(inside) !== labelsOf(replaced)) return undefined;
    if (outside.length !== definitions.length || outside.some((r) => r.defines === undefined)) return undefined;
    // The blocks at the region's edges must come back as they were.
    const head = inside[0];
    const oldHead = roots[before]!;
    if (!head || head.type !== oldHead.type || head.start !== oldHead.start || head.end !== oldHead.end) return undefined;
    if (after !== undefined) {
      const tail = inside[inside.length - 1]!;
      const oldTail = roots[after]!;
      if (tail.type !== oldTail.type || tail.end !== oldTail.end + delta || tail.start !== oldTail.start + delta) return undefined;
    }

    const shifted = after === undefined ? [] : roots.slice(after + 1).map((r) => shift(r, delta));
    return new DraftParse(text, [...roots.slice(0, before), ...inside, ...shifted], true);
  }
}

/** The labels a list of blocks defines, with their kind, in a form to compare. */
function labelsOf(blocks: readonly RootBlock[]): string {
  return blocks
    .filter((r) => r.defines !== undefined)
    .map((r) => `${r.type}\u0000${r.defines!.toLowerCase()}`)
    .sort()
    .join('\u0001');
}

/**
 * The edit that turns `old` into `text`: the lengths of their common prefix and of their common
 * suffix after it. Compared a chunk at a time (string equality runs in native code), then a
 * character at a time inside the first chunk that differs: a keystroke in a long draft costs a
 * few comparisons of long stretches, not a loop over every character.
 */
export function editBetween(old: string, text: string): Edit {
  const limit = Math.min(old.length, text.length);
  let prefix = 0;
  for (let step = CHUNK; prefix + step <= limit && old.slice(prefix, prefix + step) === text.slice(prefix, prefix + step); ) prefix += step;
  while (prefix < limit && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  const room = limit - prefix;
  let suffix = 0;
  while (suffix + CHUNK <= room && old.slice(old.length - suffix - CHUNK, old.length - suffix) === text.slice(text.length - suffix - CHUNK, text.length - suffix)) suffix += CHUNK;
  while (suffix < room && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

const CHUNK = 512;

/** An edit between two texts: how much of the start and of the end they share. */
export interface Edit {
  readonly prefix: number;
  readonly suffix: number;
}

/** A top-level block moved by `delta` characters, with everything in it. */
function shift(r: RootBlock, delta: number): RootBlock {
  if (delta === 0) return r;
  const c = r.content;
  return {
    ...r,
    start: r.start + delta,
    end: r.end + delta,
    content: {
      blocks: c.blocks.map((b) => ({ ...b, start: b.start + delta, end: b.end + delta })),
      comments: c.comments.map((m) => ({ ...m, start: m.start + delta, end: m.end + delta })),
      footnotes: c.footnotes.map((f) => ({ ...f, start: f.start + delta, end: f.end + delta })),
      footnoteReferences: c.footnoteReferences,
      ...(c.frontMatter && { frontMatter: { ...c.frontMatter, start: c.frontMatter.start + delta, end: c.frontMatter.end + delta } }),
    },
  };
}
