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
 *
 * The Markdown itself is parsed by whoever drives a `Parsing`: each step asks for one text to be
 * parsed (a `ParseRequest`) and goes on with its top-level blocks. `DraftParse.parse` and `update`
 * answer on this thread; the language server answers from a worker thread within a time budget,
 * because micromark is quadratic on some inputs and nothing can stop it on the thread it runs on.
 */

import { assemble, parseFragment, parseRoots, type ParsedDraft, type RootBlock } from './parse.js';

/**
 * A text to parse into top-level blocks. A document may start with front matter and a byte-order
 * mark; a fragment (a region of a document and the definitions it needs) never does. Offsets in
 * the answer are the text's own: the caller shifts a fragment's into place.
 */
export interface ParseRequest {
  readonly text: string;
  readonly fragment: boolean;
}

/** A parse in steps: yields what to parse, is sent its blocks, returns the parse. */
export type Parsing = Generator<ParseRequest, DraftParse, readonly RootBlock[]>;

/** Parses what a request asks for, on this thread. Pure: the worker answers with this too. */
export function parseRequest({ text, fragment }: ParseRequest): RootBlock[] {
  if (!fragment) return parseRoots(text);
  try {
    return parseFragment(text);
  } catch {
    // No blocks fail the region's checks, and the whole document is parsed instead.
    return [];
  }
}

/** Runs a parse in steps, on this thread. */
export function parseNow<T>(steps: Generator<ParseRequest, T, readonly RootBlock[]>): T {
  let step = steps.next();
  while (!step.done) step = steps.next(parseRequest(step.value));
  return step.value;
}

/** Runs a parse in steps, each parsed by `parse` (a worker thread, say). */
export async function parseWith<T>(steps: Generator<ParseRequest, T, readonly RootBlock[]>, parse: (request: ParseRequest) => Promise<readonly RootBlock[]>): Promise<T> {
  let step = steps.next();
  while (!step.done) step = steps.next(await parse(step.value));
  return step.value;
}

export class DraftParse {
  private constructor(
    readonly text: string,
    readonly roots: readonly RootBlock[],
    /** Whether the last update re-parsed only a region (for tests and benchmarks). */
    readonly incremental: boolean,
  ) {}

  private assembled: ParsedDraft | undefined;

  static parse(text: string): DraftParse {
    return parseNow(DraftParse.parsing(text));
  }

  /** The parse of a whole document, in steps. */
  static *parsing(text: string): Parsing {
    return new DraftParse(text, yield { text, fragment: false }, false);
  }

  /** The prose blocks, comments and footnotes of the whole document. */
  get parsed(): ParsedDraft {
    this.assembled ??= assemble(this.roots);
    return this.assembled;
  }

  /** The parse of `text`, reusing this one where the edit between them allows. */
  update(text: string, edit: Edit = editBetween(this.text, text)): DraftParse {
    return parseNow(this.updating(text, edit));
  }

  /** `update` in steps: the region around the edit, and the whole document if that fails. */
  *updating(text: string, edit: Edit = editBetween(this.text, text)): Parsing {
    if (text === this.text) return this;
    return (yield* this.reparseRegion(text, edit)) ?? (yield* DraftParse.parsing(text));
  }

  private *reparseRegion(text: string, { prefix, suffix }: Edit): Generator<ParseRequest, DraftParse | undefined, readonly RootBlock[]> {
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
    // Parsed standalone and moved into place: inside the region the fragment's text is the document's.
    const parsed = (yield { text: fragment, fragment: true }).map((r) => shift(r, regionStart));
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
