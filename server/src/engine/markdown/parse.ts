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

import type { Nodes, Parents, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A prose block: its text, and for each UTF-16 index of the text its offset in the document. */
export interface ProseBlock {
  readonly kind: 'paragraph' | 'heading' | 'tableCell';
  readonly text: string;
  /** `offsets[i]` is the document offset of `text[i]`; `offsets[text.length]` is the block's end. */
  readonly offsets: readonly number[];
  /** The block's range in the document. */
  readonly start: number;
  readonly end: number;
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

export interface ParsedDraft {
  readonly blocks: readonly ProseBlock[];
  readonly comments: readonly Comment[];
  readonly footnotes: readonly FootnoteDefinition[];
  /** Labels of footnote references used in the text. */
  readonly footnoteReferences: ReadonlySet<string>;
}

/**
 * Stands in for inline code and other non-prose inline content inside a block, so that words on
 * either side of it never join into one name.
 */
export const GAP = '\uFFFC';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** Parses Markdown; never throws on any input. */
export function parseDraft(source: string): ParsedDraft {
  // micromark drops a leading byte-order mark and counts offsets without it; put it back.
  const shift = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = processor.parse(shift ? source.slice(1) : source) as Root;
  const out = { blocks: [] as ProseBlock[], comments: [] as Comment[], footnotes: [] as FootnoteDefinition[], footnoteReferences: new Set<string>() };
  walkBlocks(tree, source, shift, out);
  return out;
}

type Sink = { blocks: ProseBlock[]; comments: Comment[]; footnotes: FootnoteDefinition[]; footnoteReferences: Set<string> };

function walkBlocks(parent: Parents, source: string, shift: number, out: Sink): void {
  for (const node of parent.children as RootContent[]) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        pushBlock(node.type, node, source, shift, out);
        break;
      case 'table':
        for (const row of node.children) for (const cell of row.children) pushBlock('tableCell', cell, source, shift, out);
        break;
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
      case 'blockquote':
      case 'list':
      case 'listItem':
        walkBlocks(node, source, shift, out);
        break;
      default:
        // code, yaml/toml front matter, thematic breaks, definitions: not prose.
        break;
    }
  }
}

function pushBlock(kind: ProseBlock['kind'], node: Parents, source: string, shift: number, out: Sink): void {
  const text: string[] = [];
  const offsets: number[] = [];
  const start = (node.position?.start.offset ?? 0) + shift;
  const end = (node.position?.end.offset ?? 0) + shift;
  const emit = (chunk: string, chunkOffsets: readonly number[]) => {
    text.push(chunk);
    for (const o of chunkOffsets) offsets.push(o);
  };
  const inline = (n: Nodes): void => {
    const from = (n.position?.start.offset ?? start - shift) + shift;
    const to = (n.position?.end.offset ?? end - shift) + shift;
    switch (n.type) {
      case 'text':
        emit(n.value, align(n.value, source, from, to));
        break;
      case 'inlineCode':
      case 'image':
      case 'imageReference':
        emit(GAP, [from]);
        break;
      case 'html':
        collectComments(n.value, from, out);
        emit(GAP, [from]);
        break;
      case 'break':
        emit(' ', [from]);
        break;
      case 'footnoteReference':
        out.footnoteReferences.add(n.identifier);
        emit(GAP, [from]);
        break;
      default:
        if ('children' in n) for (const c of n.children) inline(c as Nodes);
    }
  };
  for (const c of node.children) inline(c as Nodes);
  const joined = text.join('');
  offsets.push(end);
  if (joined.trim().length > 0) out.blocks.push({ kind, text: joined, offsets, start, end });
}

/**
 * Maps each character of a text node's value to its offset in the source. The value differs
 * from the source where Markdown escapes (`\*`) or character references (`&amp;`) were decoded;
 * the walk matches characters and skips what decoding removed. It never reads past `to`.
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
