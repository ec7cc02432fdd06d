/**
 * Markdown to prose: parses a draft with unified + remark-parse + remark-gfm + remark-frontmatter
 * and returns the prose blocks a fact-checker reads (paragraphs, headings, table cells, and the
 * paragraphs inside list items, block quotes and footnote definitions), each with a map from
 * every character of its text back to an offset in the original document.
 *
 * Code, inline code, HTML, comments, front matter, link destinations and images are not prose:
 * they are left out. HTML comments are kept aside for suppression directives, and footnotes for
 * citations.
 */

import type { Blockquote, Nodes, Paragraph, Parents, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { exceedsLimits } from './limits.js';

/** A prose block: its text, and for each UTF-16 index of the text its offset in the document. */
/**
 * What a prose block is: a paragraph, a heading, a table cell, a paragraph of a list item, or a
 * table row. A row's text is its header's cells and then its own, each cell after `CELL` and the
 * row after `ROW`, so that a check can read "<cell> is the <header> of <first cell>"; its cells
 * are prose blocks of their own as well.
 */
export type BlockKind = 'paragraph' | 'heading' | 'tableCell' | 'listItem' | 'tableRow';

/** Separators in a table row's text (see `BlockKind`): control characters no draft's prose holds. */
export const CELL = '\u001F';
export const ROW = '\u001E';

export interface ProseBlock {
  readonly kind: BlockKind;
  readonly text: string;
  /**
   * Where each character of `text` is, relative to `start`: `start + rel[i]` is the document
   * offset of `text[i]`, and `start + rel[text.length]` the block's end. Relative, so that moving
   * a block after an edit elsewhere changes only `start` and `end`. Use `offsetOf`.
   */
  readonly rel: ArrayLike<number>;
  /** The block's range in the document. */
  readonly start: number;
  readonly end: number;
}

/** The document offset of `block.text[i]` (`i` may be `text.length`, the block's end). */
export function offsetOf(block: ProseBlock, i: number): number {
  return block.start + (block.rel[Math.max(0, Math.min(i, block.rel.length - 1))] ?? 0);
}

/** An HTML comment in the document, for `factcheck-disable` directives. */
export interface Comment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A footnote definition: its label and range, for citations that reuse one. */
export interface FootnoteDefinition {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** The definition's text (its prose), to recognise a citation of a known source. */
  readonly text: string;
}

/** The draft's front matter: its range (fences included) and what is between the fences. */
export interface FrontMatter {
  readonly kind: 'yaml' | 'toml';
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export interface ParsedDraft {
  readonly blocks: readonly ProseBlock[];
  readonly comments: readonly Comment[];
  readonly footnotes: readonly FootnoteDefinition[];
  /** Labels of footnote references used in the text. */
  readonly footnoteReferences: ReadonlySet<string>;
  /** The front matter, when the draft opens with one (for the bibliography Pandoc citations use). */
  readonly frontMatter?: FrontMatter;
}

/**
 * Stands in for inline code and other non-prose inline content inside a block, so that words on
 * either side of it never join into one name.
 */
export const GAP = '\uFFFC';

const withFrontmatter = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
const plain = unified().use(remarkParse).use(remarkGfm);

/** Front matter that is opened and closed: YAML between `---` lines, or TOML between `+++` lines. */
const FRONTMATTER = /^(---|\+\+\+)[ \t]*\r?\n(?:[\s\S]*?\r?\n)?\1[ \t]*(?:\r?\n|$)/;

/**
 * The parser for a document. remark-frontmatter is used only when the document starts with
 * complete front matter: with an opening fence that is never closed, micromark's front matter
 * construct stops later list items from being lists ("---", "title: x", "--- y", then "- a" is a
 * paragraph), which is not what CommonMark says the text is.
 */
function processorFor(text: string) {
  return FRONTMATTER.test(text) ? withFrontmatter : plain;
}

/** Parses Markdown; never throws on any input. */
export function parseDraft(source: string): ParsedDraft {
  return assemble(parseRoots(source));
}

/**
 * One top-level block of the document (a root child of the Markdown tree) and the prose,
 * comments and footnotes found in it. The incremental parser replaces these one by one.
 */
export interface RootBlock {
  readonly type: string;
  /** Document offsets. */
  readonly start: number;
  readonly end: number;
  /** For link and footnote definitions: the label they define (references elsewhere need it). */
  readonly defines?: string;
  readonly content: Sink;
}

/** Parses a whole document into its top-level blocks. */
export function parseRoots(source: string): RootBlock[] {
  // A draft nested too deep would overflow the parser's stack; it reads as having no prose.
  if (exceedsLimits(source) !== undefined) return [];
  // micromark drops a leading byte-order mark and counts offsets without it; put it back.
  const shift = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = shift ? source.slice(1) : source;
  const tree = processorFor(text).parse(text) as Root;
  return toRootBlocks(tree.children, source, shift);
}

/**
 * Parses a fragment of a document (a region and the definitions it needs) standalone, offsets
 * its own: the incremental parser moves its blocks into place.
 */
export function parseFragment(text: string): RootBlock[] {
  // A fragment never starts the document, so nothing in it is front matter.
  const tree = plain.parse(text) as Root;
  return toRootBlocks(tree.children, text, 0);
}

function toRootBlocks(children: readonly RootContent[], source: string, shift: number): RootBlock[] {
  return children.map((node) => {
    const content: Sink = { blocks: [], comments: [], footnotes: [], footnoteReferences: new Set() };
    walkBlocks({ type: 'root', children: [node] }, source, shift, content);
    const defines = node.type === 'definition' || node.type === 'footnoteDefinition' ? node.identifier : undefined;
    return {
      type: node.type,
      start: (node.position?.start.offset ?? 0) + shift,
      end: (node.position?.end.offset ?? 0) + shift,
      ...(defines !== undefined && { defines }),
      content,
    };
  });
}

/** The parsed draft made of top-level blocks, in order. */
export function assemble(roots: readonly RootBlock[]): ParsedDraft {
  const out: Sink = { blocks: [], comments: [], footnotes: [], footnoteReferences: new Set() };
  for (const r of roots) {
    for (const b of r.content.blocks) out.blocks.push(b);
    for (const c of r.content.comments) out.comments.push(c);
    for (const f of r.content.footnotes) out.footnotes.push(f);
    for (const l of r.content.footnoteReferences) out.footnoteReferences.add(l);
    out.frontMatter ??= r.content.frontMatter;
  }
  return out;
}

interface Sink {
  readonly blocks: ProseBlock[];
  readonly comments: Comment[];
  readonly footnotes: FootnoteDefinition[];
  readonly footnoteReferences: Set<string>;
  frontMatter?: FrontMatter;
}

function walkBlocks(parent: Parents, source: string, shift: number, out: Sink, paragraph: 'paragraph' | 'listItem' = 'paragraph'): void {
  for (const node of parent.children as RootContent[]) {
    switch (node.type) {
      case 'paragraph':
        pushBlock(paragraph, [node], node, source, shift, out);
        break;
      case 'heading':
        pushBlock('heading', [node], node, source, shift, out);
        break;
      case 'table': {
        for (const row of node.children) for (const cell of row.children) pushBlock('tableCell', [cell], cell, source, shift, out);
        const [header, ...body] = node.children;
        if (!header) break;
        const heads = header.children.flatMap((cell) => [CELL, cell]);
        for (const row of body) pushBlock('tableRow', [...heads, ROW, ...row.children.flatMap((cell) => [CELL, cell])], row, source, shift, out);
        break;
      }
      case 'html':
        collectComments(node.value, (node.position?.start.offset ?? 0) + shift, out);
        break;
      case 'footnoteDefinition': {
        const before = out.blocks.length;
        walkBlocks(node, source, shift, out);
        const text = out.blocks.slice(before).map((b) => b.text).join(' ');
        out.footnotes.push({ label: node.identifier, start: (node.position?.start.offset ?? 0) + shift, end: (node.position?.end.offset ?? 0) + shift, text });
        break;
      }
      case 'listItem':
        walkBlocks(node, source, shift, out, 'listItem');
        break;
      case 'blockquote':
        walkQuote(node, source, shift, out, paragraph);
        break;
      case 'list':
        walkBlocks(node, source, shift, out, paragraph);
        break;
      case 'yaml':
        // Front matter is no prose; it is kept for the bibliography it may name.
        out.frontMatter = { kind: 'yaml', start: (node.position?.start.offset ?? 0) + shift, end: (node.position?.end.offset ?? 0) + shift, value: node.value };
        break;
      default:
        // code, TOML front matter (mdast types no 'toml'), thematic breaks, definitions: not prose.
        if ((node.type as string) === 'toml') out.frontMatter = { kind: 'toml', start: (node.position?.start.offset ?? 0) + shift, end: (node.position?.end.offset ?? 0) + shift, value: String((node as { value?: unknown }).value ?? '') };
        break;
    }
  }
}

/**
 * A block quotation: its blocks as anywhere else, except that a closing paragraph which credits
 * the words ("— Ali Khamenei") is one prose block with the paragraph before it, as a reader
 * takes the two together.
 */
function walkQuote(quote: Blockquote, source: string, shift: number, out: Sink, paragraph: 'paragraph' | 'listItem'): void {
  const children = quote.children;
  const credit = children.at(-1);
  const quoted = children.at(-2);
  if (children.length >= 2 && credit?.type === 'paragraph' && quoted?.type === 'paragraph' && credits(credit)) {
    walkBlocks({ ...quote, children: children.slice(0, -2) }, source, shift, out, paragraph);
    pushBlock(paragraph, [quoted, '\n', credit], { ...credit, position: quoted.position && credit.position && { start: quoted.position.start, end: credit.position.end } }, source, shift, out);
    return;
  }
  walkBlocks(quote, source, shift, out, paragraph);
}

/** A paragraph that opens with a dash: the line that credits a quotation. */
function credits(p: Paragraph): boolean {
  const first = p.children[0];
  return first?.type === 'text' && /^\s*(?:—|–|―|--)\s*\S/u.test(first.value);
}

/**
 * Pushes the prose block made of `parts` (nodes whose inline content is read, and separators),
 * spanning `span` in the document.
 */
function pushBlock(kind: BlockKind, parts: ReadonlyArray<Parents | string>, span: Nodes, source: string, shift: number, out: Sink): void {
  const start = (span.position?.start.offset ?? 0) + shift;
  const end = (span.position?.end.offset ?? 0) + shift;
  // The block's pieces first (text as parsed, or one character standing for something else),
  // then one typed array of offsets for all of them: no array per piece, no copy per character.
  const pieces: Array<{ readonly text: string; readonly from: number; readonly to: number | undefined }> = [];
  let length = 0;
  // `to` is undefined for one character that stands for an inline which is not prose.
  const emit = (text: string, from: number, to?: number) => {
    pieces.push({ text, from, to });
    length += text.length;
  };
  const inline = (n: Nodes): void => {
    const from = (n.position?.start.offset ?? start - shift) + shift;
    const to = (n.position?.end.offset ?? end - shift) + shift;
    switch (n.type) {
      case 'text':
        emit(n.value, from, to);
        break;
      case 'inlineCode':
      case 'image':
      case 'imageReference':
        emit(GAP, from);
        break;
      case 'html':
        collectComments(n.value, from, out);
        emit(GAP, from);
        break;
      case 'break':
        emit(' ', from);
        break;
      case 'footnoteReference':
        out.footnoteReferences.add(n.identifier);
        emit(GAP, from);
        break;
      default:
        if ('children' in n) for (const c of n.children) inline(c as Nodes);
    }
  };
  let at = start;
  for (const part of parts) {
    if (typeof part === 'string') {
      // A separator stands at the end of the cell before it (or at the row's start).
      emit(part, at);
      continue;
    }
    for (const c of part.children) inline(c as Nodes);
    at = (part.position?.end.offset ?? at - shift) + shift;
  }
  const rel = new Int32Array(length + 1);
  let i = 0;
  for (const { text, from, to } of pieces) {
    if (to === undefined) {
      // One character for an inline that is not prose: it stands where that inline starts.
      rel[i++] = from - start;
    } else if (to - from === text.length && source.startsWith(text, from)) {
      // Text that is exactly its source (most text): each character where it is written.
      for (let k = 0; k < text.length; k++) rel[i++] = from + k - start;
    } else for (const o of align(text, source, from, to)) rel[i++] = o - start;
  }
  rel[i] = end - start;
  const joined = pieces.length === 1 ? pieces[0]!.text : pieces.map((p) => p.text).join('');
  if (joined.trim().length > 0) out.blocks.push({ kind, text: joined, rel, start, end });
}

/**
 * Maps each character of a text node's value to its offset in the source. The value differs
 * from the source where Markdown escapes (`\*`) or character references (`&amp;`) were decoded,
 * and where line prefixes (indentation, `>`) and spaces before a line ending were dropped; the
 * walk matches characters and skips what the parser removed. It never reads past `to`.
 */
export function align(value: string, source: string, from: number, to: number): number[] {
  const offsets = new Array<number>(value.length);
  let s = from;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (source[s] === '&') {
      // A character reference decodes to one character (or a surrogate pair) of the value,
      // unless the value itself continues with the same literal text.
      const ref = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(source.slice(s, Math.min(to, s + 40)));
      if (ref && value.slice(i, i + ref[0].length) !== ref[0]) {
        offsets[i] = s;
        if (i + 1 < value.length && isLowSurrogate(value.charCodeAt(i + 1))) offsets[++i] = s;
        s += ref[0].length;
        continue;
      }
    }
    // The parser drops spaces before a line ending, and the indentation and `>` markers that
    // start a continuation line: skip them in the source to find the character again.
    if (s < to && source[s] !== ch) {
      let k = s;
      while (k < to && k - s < 64 && (source[k] === ' ' || source[k] === '\t' || source[k] === '>')) k++;
      if (k < to && source[k] === ch) s = k;
    }
    if (s < to && source[s] === ch) {
      offsets[i] = s++;
      continue;
    }
    if (s < to && source[s] === '\\' && source[s + 1] === ch) {
      offsets[i] = s + 1;
      s += 2;
      continue;
    }
    offsets[i] = Math.min(s, to);
    if (s < to) s++;
  }
  return offsets;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function collectComments(html: string, offset: number, out: Sink): void {
  const re = /<!--([\s\S]*?)-->/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    out.comments.push({ text: m[1]!.trim(), start: offset + m.index, end: offset + m.index + m[0].length });
  }
}
