/**
 * Adding items to the text of a fact file, for the two writers of fact files: `factcheck
 * sources import` (sources from a reference manager) and "Add to fact base…" in the editor (a
 * statement from a draft's sentence). The file is the author's: where the new items can simply
 * be inserted (after the last item of a block list, or a new section at the end), every other
 * byte is kept; otherwise it is rewritten through the yaml Document API, which keeps comments.
 * Either way the result is read back and must hold exactly the old data and the new items.
 * Pure: text in, text out.
 */

import schema from '../../../../facts/factbase.schema.json' with { type: 'json' };
import { Document, isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/** The lists a fact file holds. */
export type Section = 'sources' | 'entities' | 'statements' | 'quotations';

/** Why a fact file's text cannot take new items, with a 1-based place when there is one. */
export interface FactFileFailure {
  readonly ok: false;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  /** Set when the file is fine and the fault is this module's. */
  readonly internal?: boolean;
}

/** A fact file's text read for editing. */
export interface ParsedFactFile {
  readonly text: string;
  readonly doc: Document;
  readonly data: Readonly<Record<string, unknown>>;
  readonly lines: LineCounter;
}

/** How new items are written: which fields of an item go on one line (`{ source: x, locator: y }`). */
export interface ItemStyle {
  readonly inline?: (field: string) => boolean;
  /** Strings to write in double quotes though YAML would read them as strings anyway: dates ("2018-08"). */
  readonly quote?: (value: string) => boolean;
  /** A last touch to the rendered YAML of the items. */
  readonly finish?: (yaml: string) => string;
}

/** Reads a fact file's text (undefined or '' for a new file) for `addItems`, or says why it cannot be edited. */
export function parseFactFile(targetText: string | undefined): { readonly ok: true; readonly file: ParsedFactFile } | FactFileFailure {
  const text = targetText ?? '';
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const pos = lines.linePos(err.pos[0]);
    return { ok: false, message: `YAML syntax: ${err.message.split('\n')[0]}`, line: pos.line, column: pos.col };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, message: `YAML aliases expand too far: ${(e as Error).message}` };
  }
  if (data !== null && data !== undefined && !isRecord(data)) {
    return { ok: false, message: 'it is not a fact file: a fact file is a mapping with the keys sources, entities, statements and/or quotations' };
  }
  return { ok: true, file: { text, doc, data: (data ?? {}) as Record<string, unknown>, lines } };
}

/** The items of a section as the file has them ([] when it has none), or why the section is no list. */
export function sectionItems(file: ParsedFactFile, section: Section): { readonly ok: true; readonly items: readonly unknown[] } | FactFileFailure {
  const list = file.data[section];
  if (list === undefined || list === null) return { ok: true, items: [] };
  if (Array.isArray(list)) return { ok: true, items: list };
  const node = file.doc.get(section, true) as Node | undefined;
  const pos = file.lines.linePos(node?.range?.[0] ?? 0);
  return { ok: false, message: `\`${section}\` is not a list; a fact file lists its ${section} as \`${section}:\` followed by \`- id: ...\` items`, line: pos.line, column: pos.col };
}

/** The file's text with `items` added at the end of `section`. */
export function addItems(
  file: ParsedFactFile,
  section: Section,
  items: ReadonlyArray<Readonly<Record<string, unknown>>>,
  style: ItemStyle = {},
): { readonly ok: true; readonly text: string; /** Whether items are written with a blank line between them. */ readonly spaced: boolean } | FactFileFailure {
  const listed = sectionItems(file, section);
  if (!listed.ok) return listed;
  if (items.length === 0) return { ok: true, text: file.text, spaced: true };
  const expected = { ...file.data, [section]: [...listed.items, ...items] };
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  const spaced = blankLinesBetween(file.text, file.doc.get(section, true));
  const writer = { section, items, spaced, style };
  for (const make of [() => inserted(file, writer, eol), () => rewritten(file.doc, writer)]) {
    const out = make();
    if (out !== undefined && holds(out, expected)) return { ok: true, text: out, spaced };
  }
  return { ok: false, internal: true, message: 'the new items could not be added without changing what the file says (an internal error: please report it)' };
}

/** The items as a block list at `indent` spaces (for showing what was added, too). */
export function renderItems(items: ReadonlyArray<Readonly<Record<string, unknown>>>, spaced: boolean, indent: number, style: ItemStyle = {}): string {
  const doc = new Document(items);
  (doc.contents as YAMLSeq).items.forEach((node, i) => {
    styleItem(node as YAMLMap, style);
    if (spaced && i > 0) (node as YAMLMap).spaceBefore = true;
  });
  const yaml = doc.toString({ lineWidth: 100, flowCollectionPadding: false });
  const pad = ' '.repeat(indent);
  return (style.finish?.(yaml) ?? yaml).split('\n').map((l) => (l === '' ? l : pad + l)).join('\n');
}

interface Writer {
  readonly section: Section;
  readonly items: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly spaced: boolean;
  readonly style: ItemStyle;
}

/** The text with the new items inserted, the rest kept byte for byte; undefined where the file's shape does not allow it. */
function inserted({ text, doc }: ParsedFactFile, { section, items, spaced, style }: Writer, eol: string): string | undefined {
  const withEol = (s: string) => (eol === '\n' ? s : s.replace(/\n/g, eol));
  const render = (indent: number) => withEol(renderItems(items, spaced, indent, style));
  const whole = () => withEol(`${section}:\n`) + render(2);
  const ending = text === '' || text.endsWith('\n') ? '' : eol;
  if (doc.contents === null) {
    // A new, empty or comments-only file.
    return text.trim() === '' ? whole() : `${text}${ending}${eol}${whole()}`;
  }
  if (!isMap(doc.contents) || doc.contents.flow) return undefined;
  const seq = doc.get(section, true);
  if (seq === undefined) return `${text}${ending}${eol}${whole()}`;
  if (isScalar(seq) && seq.value === null) {
    // `statements:` with nothing after it: the items go on the lines after the key.
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === section);
    const keyEnd = isScalar(pair?.key) ? pair.key.range?.[1] : undefined;
    if (keyEnd === undefined) return undefined;
    const nl = text.indexOf('\n', keyEnd);
    const rest = text.slice(keyEnd, nl < 0 ? text.length : nl);
    if (!/^[ \t]*:[ \t]*(#.*)?\r?$/.test(rest)) return undefined;
    return nl < 0 ? `${text}${eol}${render(2)}` : `${text.slice(0, nl + 1)}${render(2)}${text.slice(nl + 1)}`;
  }
  if (isSeq(seq) && seq.flow && seq.items.length === 0 && seq.range && /^\[\s*\]$/.test(text.slice(seq.range[0], seq.range[1]))) {
    // `statements: []`: the brackets give way to the items, on the lines after the key.
    const [start, end] = seq.range;
    const nl = text.indexOf('\n', end);
    const restOfLine = text.slice(end, nl < 0 ? text.length : nl).replace(/\r$/, '');
    if (!/^[ \t]*(#.*)?$/.test(restOfLine)) return undefined;
    return `${text.slice(0, start).replace(/[ \t]+$/, '')}${restOfLine}${eol}${render(2)}${nl < 0 ? '' : text.slice(nl + 1)}`;
  }
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) return undefined;
  const last = seq.items[seq.items.length - 1] as Node;
  if (!last.range) return undefined;
  // The column of the last item's dash is the list's indentation.
  const start = last.range[0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const dash = text.lastIndexOf('-', start - 1);
  if (dash < lineStart || text.slice(lineStart, dash).trim() !== '') return undefined;
  const indent = dash - lineStart;
  // After the line the last item ends on (its trailing comment, if any, stays with it).
  const end = last.range[1];
  const nl = text[end - 1] === '\n' ? end - 1 : text.indexOf('\n', end);
  const at = nl < 0 ? text.length : nl + 1;
  const block = `${spaced ? eol : ''}${withEol(renderItems(items, spaced, indent, style))}`;
  return nl < 0 ? `${text}${eol}${block}` : `${text.slice(0, at)}${block}${text.slice(at)}`;
}

/** The file rewritten through the Document API: comments are kept, some formatting may not be. */
function rewritten(parsed: Document, { section, items, spaced, style }: Writer): string | undefined {
  const doc = parsed.clone();
  if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (!isMap(doc.contents)) return undefined;
  let seq = doc.get(section, true);
  if (!isSeq(seq)) {
    doc.set(section, doc.createNode([]));
    seq = doc.get(section, true);
  }
  if (!isSeq(seq)) return undefined;
  const list = seq as YAMLSeq;
  list.flow = false;
  for (const item of items) {
    const node = doc.createNode(item) as YAMLMap;
    styleItem(node, style);
    if (spaced && list.items.length > 0) node.spaceBefore = true;
    list.items.push(node);
  }
  return doc.toString({ lineWidth: 0 });
}

/** The style's one-line fields in flow style, and everything inside them. */
function styleItem(node: YAMLMap, style: ItemStyle): void {
  if (style.quote) {
    visit(node, {
      Scalar(_, scalar) {
        if (typeof scalar.value === 'string' && style.quote!(scalar.value)) scalar.type = 'QUOTE_DOUBLE';
      },
    });
  }
  if (!style.inline) return;
  for (const pair of node.items) {
    if (!isScalar(pair.key) || !style.inline(String(pair.key.value))) continue;
    const flow = (n: unknown): void => {
      if (!isCollection(n)) return;
      n.flow = true;
      for (const inner of n.items) flow(isMap(n) ? (inner as { value: unknown }).value : inner);
    };
    // A list of one-line items: `references:` with `- { source: x }` under it.
    if (isSeq(pair.value) && pair.value.items.every((i) => isMap(i))) for (const i of pair.value.items) flow(i);
    else flow(pair.value);
  }
}

/**
 * Whether to put a blank line between items: as the shipped files do, unless the file's list has
 * two items or more and no blank line between any of them.
 */
function blankLinesBetween(text: string, seq: unknown): boolean {
  if (!isSeq(seq) || seq.items.length < 2) return true;
  const items = seq.items as Node[];
  return items.slice(1).some((item, i) => {
    const before = items[i]!.range;
    const at = item.range;
    return !before || !at || /\n[ \t]*\r?\n/.test(text.slice(before[1] - 1, at[0]));
  });
}

/** Whether `text` is one fact file holding exactly `expected`. */
function holds(text: string, expected: unknown): boolean {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) return false;
  try {
    return sameData(doc.toJS({ maxAliasCount: 100 }), expected);
  } catch {
    return false;
  }
}

/**
 * A fact-base id for a bibliography key or other words: the text itself when it fits the schema's pattern, else
 * lower-cased, accents taken off, and every run of other characters made one hyphen (`Smith2019:Missiles`
 * becomes `smith2019-missiles`). Empty when the key has no letter or digit to keep.
 */
export function toFactBaseId(key: string): string {
  if (ID_PATTERN.test(key)) return key;
  return key
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
}

const ID_PATTERN = new RegExp(schema.definitions.id.pattern);
const MAX_ID_LENGTH = 100;

/** Deep equality of YAML data (mappings compared by their keys, whatever their order). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]));
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
