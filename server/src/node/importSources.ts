/**
 * `factcheck sources import`, the part that touches no file: reading a BibTeX or CSL-JSON
 * bibliography through citation-js, turning each item into a source the fact base's schema
 * accepts, and adding the new ones to the text of a fact file without disturbing what is there.
 *
 * Nothing is invented: a source holds only what the bibliography gives (a field the schema has
 * no place for, or a value it rejects, is left out and said so), and the only value the
 * schema forces on an item is its type, 'document' when the bibliography gives none CSL knows.
 * Ids are made to fit the schema's pattern, and every change is reported.
 */

import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import Ajv, { type ErrorObject } from 'ajv';
import { extname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import schema from '../../../facts/factbase.schema.json' with { type: 'json' };
import { addItems, parseFactFile, renderItems, sectionItems, toFactBaseId, type ItemStyle } from '../engine/factbase/factFileText.js';

export type BibliographyFormat = 'bibtex' | 'csl-json';

/** One item of a bibliography, as citation-js read it. */
export interface BibliographyItem {
  /** Its key as the bibliography writes it: the BibTeX key or the CSL-JSON id ('' if none). */
  readonly key: string;
  /** The line of the bibliography it starts on (1-based), where it can be found. */
  readonly line?: number;
  /** The item as the file has it, when it is CSL-JSON already. */
  readonly input?: Readonly<Record<string, unknown>>;
  /** The CSL-JSON item citation-js made of it. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** The same after citation-js's clean-up (types and dates corrected, unreadable values dropped). */
  readonly clean: Readonly<Record<string, unknown>>;
}

export type ParseResult =
  | { readonly ok: true; readonly items: readonly BibliographyItem[] }
  | {
    readonly ok: false;
    readonly message: string;
    /** Whether it is a syntax error (at `line` and `column`), rather than content of the wrong kind. */
    readonly syntax: boolean;
    readonly line?: number;
    readonly column?: number;
  };

/** A bibliography item made into a fact-base source, or why it could not be. */
export interface ConvertedItem {
  readonly key: string;
  readonly line?: number;
  /** The source, valid under the schema's `source` definition; absent if the item cannot be one. */
  readonly source?: Readonly<Record<string, unknown>>;
  /** Why there is no source. */
  readonly problem?: string;
  /** What was changed or left out on the way, one sentence each. */
  readonly notes: readonly string[];
}

const SOURCE = schema.definitions.source;
/** The fields a source may have, in the schema's order (which is also the order they are written in). */
const FIELDS: readonly string[] = Object.keys(SOURCE.properties);
const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);
const TYPES: ReadonlySet<string> = new Set(SOURCE.properties.type.enum);
const DATE_FIELDS: ReadonlySet<string> = new Set(FIELDS.filter((f) => refOf(SOURCE.properties, f) === '#/definitions/cslDate'));
const NAME_FIELDS: ReadonlySet<string> = new Set(FIELDS.filter((f) => refOf(SOURCE.properties, f) === undefined && (SOURCE.properties as Record<string, { items?: { $ref?: string } }>)[f]?.items?.$ref === '#/definitions/cslName'));
const NAME_PARTS: readonly string[] = Object.keys(schema.definitions.cslName.properties);
const DATE_PARTS: readonly string[] = Object.keys(schema.definitions.cslDate.properties);
/** CSL's type for an item of no more specific kind: what an item with no type CSL knows becomes. */
const FALLBACK_TYPE = 'document';

function refOf(properties: object, field: string): string | undefined {
  return (properties as Record<string, { $ref?: string }>)[field]?.$ref;
}

let validateSource: ReturnType<Ajv['compile']> | undefined;
function sourceValidator(): ReturnType<Ajv['compile']> {
  if (!validateSource) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    ajv.addSchema(schema);
    validateSource = ajv.compile({ $ref: `${schema.$id}#/definitions/source` });
  }
  return validateSource;
}

/**
 * The format of a bibliography: by its extension (.bib, .json), else by its first characters.
 * Undefined when it looks like neither.
 */
export function formatOf(path: string, text: string): BibliographyFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.bib' || ext === '.bibtex' || ext === '.biblatex') return 'bibtex';
  if (ext === '.json' || ext === '.csljson') return 'csl-json';
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') return 'csl-json';
  if (/^\s*@\s*[A-Za-z]+\s*[{(]/m.test(text)) return 'bibtex';
  return undefined;
}

/** Reads a bibliography through citation-js. Errors say what is wrong, and where when known. */
export function parseBibliography(text: string, format: BibliographyFormat): ParseResult {
  return format === 'bibtex' ? parseBibtex(text) : parseCslJson(text);
}

function parseBibtex(text: string): ParseResult {
  let items: unknown;
  try {
    // BibLaTeX's reading is a superset of BibTeX's: it reads both (citation-js's own choice for .bib text).
    items = plugins.input.chain(text, { generateGraph: false, forceType: '@biblatex/text' });
  } catch (e) {
    // citation-js's parser says "expected "comma", got "label" at line 2 col 3:" and then a
    // picture of the place; the first part is the message, the place is given as line and column.
    const message = String((e as Error).message ?? e);
    const at = /^([\s\S]*?)\s+at line (\d+) col (\d+)/.exec(message);
    if (!at) return { ok: false, syntax: true, message: `not valid BibTeX: ${message.split('\n')[0]}` };
    const line = Number(at[2]);
    const entry = entryStartBefore(text, line);
    const within = entry !== undefined && entry < line ? ` (in the entry that begins on line ${entry})` : '';
    return { ok: false, syntax: true, message: `not valid BibTeX: ${inWords(at[1]!.trim())}${within}`, line, column: Number(at[3]) };
  }
  if (!Array.isArray(items)) return { ok: false, syntax: false, message: 'citation-js read no entries from it' };
  const lineAt = lineIndex(text);
  let from = 0;
  return {
    ok: true,
    items: items.map((raw: Record<string, unknown>) => {
      const key = keyOf(raw);
      const found = locate(text, new RegExp(`@\\s*[A-Za-z]+\\s*[{(]\\s*${escapeRegExp(key)}\\s*,`, 'g'), from);
      if (found !== undefined) from = found + 1;
      return { key, ...(found !== undefined && { line: lineAt(found) }), raw, clean: cleanOne(raw) };
    }),
  };
}

/** The tokens of citation-js's BibTeX grammar, as they are written. */
const TOKENS: Readonly<Record<string, string>> = { lbrace: '{', rbrace: '}', lparen: '(', rparen: ')', comma: ',', equals: '=', quote: '"', hash: '#' };

/** citation-js's parser message with its token names written as the characters they stand for. */
function inWords(message: string): string {
  return message
    .replace(/"([a-z]+)"/g, (m, name: string) => (TOKENS[name] !== undefined ? `'${TOKENS[name]}'` : m))
    .replace(/\bgot EOF\b/, 'got the end of the file')
    .replace(/"label"/, 'a key');
}

/** The line of the last entry (`@type{`) that begins on or before `line`. */
function entryStartBefore(text: string, line: number): number | undefined {
  const lines = text.split('\n', line);
  for (let i = lines.length - 1; i >= 0; i--) if (/^\s*@\s*[A-Za-z]+\s*[{(]/.test(lines[i]!)) return i + 1;
  return undefined;
}

function parseCslJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const position = /at position (\d+)/.exec(message);
    const cleaned = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    if (position) {
      const offset = Number(position[1]);
      return { ok: false, syntax: true, message: `not valid JSON: ${cleaned}`, line: lineIndex(text)(offset), column: offset - text.lastIndexOf('\n', offset - 1) };
    }
    return { ok: false, syntax: true, message: `not valid JSON: ${cleaned}` };
  }
  // Zotero's web API wraps the list as { "items": [...] }; a lone item is a list of one.
  if (isRecord(data) && Array.isArray(data['items'])) data = data['items'];
  else if (isRecord(data) && ('id' in data || 'type' in data)) data = [data];
  if (!Array.isArray(data)) {
    return { ok: false, syntax: false, message: `not CSL-JSON: it holds ${describeJson(data)}, not a list of items such as [{ "id": "smith-2024", "type": "book", "title": "..." }]` };
  }
  const notItem = data.findIndex((x) => !isRecord(x));
  if (notItem >= 0) return { ok: false, syntax: false, message: `not CSL-JSON: item ${notItem + 1} of the list is ${describeJson(data[notItem])}, not an item (an object with an "id" and a "type")` };
  if (data.length > 0 && data.every((x: Record<string, unknown>) => !('id' in x) && !('type' in x))) {
    return { ok: false, syntax: false, message: 'not CSL-JSON: none of its items has an "id" or a "type"' };
  }
  // citation-js reads the list as CSL-JSON (no conversion is needed) and cleans it up.
  const originals = data as Array<Record<string, unknown>>;
  const items = plugins.input.chain(originals, { generateGraph: false, forceType: '@csl/list+object' }) as Array<Record<string, unknown>>;
  const lineAt = lineIndex(text);
  let from = 0;
  return {
    ok: true,
    items: items.map((raw, i) => {
      const key = keyOf(raw);
      const id = raw['id'];
      const pattern = typeof id === 'string' || typeof id === 'number' ? new RegExp(`"id"\\s*:\\s*${escapeRegExp(JSON.stringify(id))}`, 'g') : undefined;
      const found = pattern ? locate(text, pattern, from) : undefined;
      if (found !== undefined) from = found + 1;
      const input = items.length === originals.length ? originals[i] : undefined;
      return { key, ...(found !== undefined && { line: lineAt(found) }), ...(input && { input }), raw, clean: cleanOne(raw) };
    }),
  };
}

function cleanOne(raw: Record<string, unknown>): Record<string, unknown> {
  return plugins.input.util.clean([raw])[0] ?? {};
}

function keyOf(raw: Readonly<Record<string, unknown>>): string {
  for (const field of ['id', 'citation-key']) {
    const v = raw[field];
    if ((typeof v === 'string' && v.trim() !== '') || typeof v === 'number') return String(v).trim();
  }
  return '';
}


const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)(?=10\.)/i;

/** Makes one bibliography item a source the schema accepts, saying what changed or was left out. */
export function toSource(item: BibliographyItem): ConvertedItem {
  const { key, raw, clean } = item;
  const where = { key, ...(item.line !== undefined && { line: item.line }) };
  if (key === '') return { ...where, problem: 'it has no id (a BibTeX key, or the "id" of a CSL-JSON item), so it cannot be cited; give it one', notes: [] };
  const id = toFactBaseId(key);
  if (id === '') return { ...where, problem: `its key '${key}' has no letter or digit to make a fact-base id of; give it a key of letters, digits and hyphens`, notes: [] };
  const notes: string[] = [];
  if (id !== key) notes.push(`its id is '${id}' (fact-base ids are lower-case letters, digits and hyphens)`);

  const rawType = raw['type'];
  const cleanType = clean['type'];
  let type: string;
  if (typeof cleanType === 'string' && TYPES.has(cleanType)) {
    type = cleanType;
    if (rawType !== cleanType) notes.push(`its type '${String(rawType)}' is read as CSL's '${cleanType}'`);
  } else {
    type = FALLBACK_TYPE;
    notes.push(rawType === undefined || rawType === ''
      ? `it has no type; it is imported as '${FALLBACK_TYPE}', CSL's type for a document of no more specific kind`
      : `its type '${String(rawType)}' is not a CSL type; it is imported as '${FALLBACK_TYPE}', CSL's type for a document of no more specific kind`);
  }

  const candidate: Record<string, unknown> = { id, type };
  const notInSchema: string[] = [];
  const unreadable: string[] = [];
  // What the file has and citation-js took out (its own `_graph`) is said too.
  for (const field of new Set([...Object.keys(item.input ?? {}), ...Object.keys(raw)])) {
    if (field === 'id' || field === 'type') continue;
    if (!FIELD_SET.has(field)) notInSchema.push(field);
    else if (clean[field] === undefined) unreadable.push(field);
    else candidate[field] = clean[field];
  }
  // Names and dates keep the parts CSL-JSON names and dates have in the schema (an ORCID, or
  // citation-js's own "_orcid", is not one), so that one stray part does not cost the whole field.
  const strayParts = new Map<string, Set<string>>();
  for (const field of Object.keys(candidate)) {
    if (NAME_FIELDS.has(field) && Array.isArray(candidate[field])) {
      candidate[field] = (candidate[field] as unknown[]).map((name) => keepParts(name, NAME_PARTS, field, strayParts));
    } else if (DATE_FIELDS.has(field)) {
      candidate[field] = keepParts(candidate[field], DATE_PARTS, field, strayParts);
    }
  }
  for (const [field, parts] of strayParts) notes.push(`left out ${list([...parts])} of ${field}: not ${parts.size === 1 ? 'a part' : 'parts'} of a CSL-JSON ${DATE_FIELDS.has(field) ? 'date' : 'name'} the schema has`);
  // The key the bibliography cites the item by is kept when it is not the id already.
  if (candidate['citation-key'] === id) delete candidate['citation-key'];
  const doi = candidate['DOI'];
  if (typeof doi === 'string' && DOI_PREFIX.test(doi)) {
    candidate['DOI'] = doi.replace(DOI_PREFIX, '');
    notes.push(`its DOI is written without the '${doi.slice(0, doi.length - (candidate['DOI'] as string).length)}' in front`);
  }
  if (notInSchema.length) notes.push(`left out ${list(notInSchema)}: ${notInSchema.length === 1 ? 'not a field' : 'not fields'} of a fact-base source (see facts/factbase.schema.json)`);
  if (unreadable.length) notes.push(`left out ${list(unreadable)}: citation-js could not read ${unreadable.length === 1 ? 'its value' : 'their values'}`);

  // Values the schema rejects (a URL without http://, a name without a family name) are left out
  // one field at a time, so the rest of the item is kept.
  const validate = sourceValidator();
  for (let round = 0; round < FIELDS.length && !validate(candidate); round++) {
    const bad = new Map<string, string>();
    for (const err of validate.errors ?? []) {
      const field = topField(err);
      if (field === undefined || field === 'id' || field === 'type') return { ...where, problem: `it is not a valid source: ${err.instancePath || 'the item'} ${err.message ?? ''}`.trim(), notes };
      if (!bad.has(field)) bad.set(field, explain(field, err, candidate[field]));
    }
    for (const [field, why] of bad) {
      delete candidate[field];
      notes.push(`left out ${why}`);
    }
  }
  const source = Object.fromEntries(FIELDS.filter((f) => candidate[f] !== undefined).map((f) => [f, candidate[f]]));
  return { ...where, source, notes };
}

/** An object with only the `parts` the schema has, in the schema's order; the others are noted. */
function keepParts(value: unknown, parts: readonly string[], field: string, stray: Map<string, Set<string>>): unknown {
  if (!isRecord(value)) return value;
  for (const k of Object.keys(value)) {
    if (!parts.includes(k)) stray.set(field, (stray.get(field) ?? new Set()).add(k));
  }
  return Object.fromEntries(parts.filter((p) => value[p] !== undefined).map((p) => [p, value[p]]));
}

function topField(err: ErrorObject): string | undefined {
  const first = err.instancePath.split('/')[1];
  return first === undefined || first === '' ? undefined : first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Why a field's value was refused, in words ("URL 'www.example.org': not a web address ..."). */
function explain(field: string, err: ErrorObject, value: unknown): string {
  const shown = typeof value === 'string' || typeof value === 'number' ? ` '${truncate(String(value))}'` : '';
  if (field === 'URL') return `URL${shown}: not a web address starting with http:// or https://`;
  if (field === 'DOI') return `DOI${shown}: not a DOI (10.NNNN/...)`;
  if (NAME_FIELDS.has(field)) return `${field}: every name needs a family name or a literal (an institution's name), which one of them lacks`;
  if (DATE_FIELDS.has(field)) return `${field}: not a date CSL can read (date-parts of year, month, day, or a literal)`;
  if (err.keyword === 'minLength' || (err.keyword === 'minItems' && (err.params as { limit?: number }).limit === 1)) return `${field}: it is empty`;
  if (err.keyword === 'maxLength') return `${field}: it is longer than the ${(err.params as { limit: number }).limit} characters the schema allows`;
  return `${field}${shown}: it ${err.message ?? 'is not valid'} (see facts/factbase.schema.json)`;
}

/** Where an existing or new item stands in the target file. */
export type Outcome =
  | { readonly kind: 'imported'; readonly item: ConvertedItem }
  | { readonly kind: 'identical'; readonly item: ConvertedItem }
  | { readonly kind: 'differs'; readonly item: ConvertedItem; readonly fields: readonly string[] }
  | { readonly kind: 'duplicate'; readonly item: ConvertedItem; readonly first: ConvertedItem }
  | { readonly kind: 'invalid'; readonly item: ConvertedItem };

export type PlanResult =
  | {
    readonly ok: true;
    /** The new text of the target file (the old text, if nothing is imported). */
    readonly text: string;
    readonly outcomes: readonly Outcome[];
    /** The YAML of the imported items alone, as a `sources:` list. */
    readonly added: string;
    /** The new sources, as they are written. */
    readonly sources: ReadonlyArray<Readonly<Record<string, unknown>>>;
  }
  | {
    readonly ok: false;
    readonly message: string;
    readonly line?: number;
    readonly column?: number;
    /** Set when the file is fine and the fault is this module's. */
    readonly internal?: boolean;
  };

/**
 * Adds the items that are new to the text of a fact file (undefined or '' for a new file). The
 * existing text is kept byte for byte where the new items can simply be inserted (after the last
 * item of a block `sources:` list, or a new `sources:` section at the end); otherwise the file
 * is rewritten through the yaml Document API, which keeps its comments. Either way the result
 * is read back and checked to hold exactly the old data and the new items.
 */
export function planImport(targetText: string | undefined, items: readonly ConvertedItem[]): PlanResult {
  const parsed = parseFactFile(targetText);
  if (!parsed.ok) return parsed;
  const listed = sectionItems(parsed.file, 'sources');
  if (!listed.ok) return listed;
  const existing = new Map<string, Record<string, unknown>>();
  for (const s of listed.items) {
    if (isRecord(s) && typeof s['id'] === 'string' && !existing.has(s['id'])) existing.set(s['id'], s);
  }

  const outcomes: Outcome[] = [];
  const added = new Map<string, ConvertedItem>();
  for (const item of items) {
    if (!item.source) {
      outcomes.push({ kind: 'invalid', item });
      continue;
    }
    const id = item.source['id'] as string;
    const first = added.get(id);
    const old = existing.get(id);
    if (first) outcomes.push({ kind: 'duplicate', item, first });
    else if (old && isDeepStrictEqual(old, item.source)) outcomes.push({ kind: 'identical', item });
    else if (old) outcomes.push({ kind: 'differs', item, fields: differingFields(old, item.source) });
    else {
      added.set(id, item);
      outcomes.push({ kind: 'imported', item });
    }
  }
  const sources = [...added.values()].map((i) => i.source!);
  if (sources.length === 0) return { ok: true, text: parsed.file.text, outcomes, added: '', sources };
  const result = addItems(parsed.file, 'sources', sources, SOURCE_STYLE);
  if (!result.ok) return result;
  return { ok: true, text: result.text, outcomes, added: `sources:\n${renderItems(sources, result.spaced, 2, SOURCE_STYLE)}`, sources };
}

/** Sources as the shipped files write them: dates on one line (`issued: { date-parts: [[2019, 3]] }`), names and the rest as blocks. */
const SOURCE_STYLE: ItemStyle = {
  inline: (field) => DATE_FIELDS.has(field),
  finish: (yaml) => yaml.replace(/^( *[A-Za-z-]+: )\{(date-parts: \[\[[0-9, [\]]*\]\])\}$/gm, (m, head: string, body: string) => (DATE_FIELDS.has(head.trim().slice(0, -1)) ? `${head}{ ${body} }` : m)),
};

function differingFields(a: Record<string, unknown>, b: Readonly<Record<string, unknown>>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => !isDeepStrictEqual(a[k], b[k]));
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describeJson(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'object') {
    const keys = Object.keys(x);
    return keys.length === 0 ? 'an empty object' : `an object with the keys ${list(keys.slice(0, 5))}${keys.length > 5 ? '...' : ''}`;
  }
  return `a ${typeof x}`;
}

function list(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function locate(text: string, pattern: RegExp, from: number): number | undefined {
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? m.index : undefined;
}

/** The 1-based line of an offset in `text`, by binary search in the offsets of its line breaks. */
function lineIndex(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}
