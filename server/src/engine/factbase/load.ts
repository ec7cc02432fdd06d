/**
 * Loads fact files into a typed, indexed fact base.
 *
 * The loader is forgiving in the way a compiler is: it never throws on what a file contains.
 * Every problem becomes a located `FactBaseProblem` that says what to change, and only the items
 * that are wrong are left out, so one broken file (or one broken statement) never leaves a draft
 * unchecked against the rest of the base.
 *
 * Three passes: parse each file (YAML syntax, alias expansion limits), validate it against the
 * JSON Schema (ajv), then check what a schema cannot see across files: unique ids, references to
 * known ids, predicate signatures, dates that exist.
 */

import Ajv, { type ErrorObject } from 'ajv';
import { isMap, isScalar, LineCounter, parseAllDocuments, visit, type Document, type Node } from 'yaml';
import schema from '../../../../facts/factbase.schema.json' with { type: 'json' };
import { didYouMean } from '../text/suggest.js';
import { parseIsoDate, compareAtCommonPrecision, type FuzzyDate } from './dates.js';
import { FactBase } from './factbase.js';
import { isPredicate, PREDICATES, type Predicate } from './predicates.js';
import type {
  Bound,
  Certainty,
  Entity,
  FactBaseProblem,
  FactFile,
  Origin,
  Qualifiers,
  Quotation,
  Reference,
  Severity,
  Source,
  Statement,
  StatementValue,
} from './types.js';

/** Fact files larger than this are refused: a fact base is written by hand, and a huge file is a mistake or an attack. */
export const MAX_FACT_FILE_CHARS = 5 * 1024 * 1024;
/** YAML aliases a file may expand; anchors are useful for reuse, but "billion laughs" files must not expand. */
export const MAX_ALIAS_COUNT = 100;

export interface LoadResult {
  readonly base: FactBase;
  readonly problems: readonly FactBaseProblem[];
}

type Section = 'sources' | 'entities' | 'statements' | 'quotations';
const SECTIONS: readonly Section[] = ['sources', 'entities', 'statements', 'quotations'];
const KIND: Record<Section, string> = { sources: 'source', entities: 'entity', statements: 'statement', quotations: 'quotation' };

// Compiled once per process: ajv generates the validator's code, which is the slow part.
let validateFile: ReturnType<Ajv['compile']> | undefined;
function validator(): ReturnType<Ajv['compile']> {
  validateFile ??= new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
  return validateFile;
}

/** A raw item of a file that passed the schema, with where it is. */
interface RawItem {
  readonly section: Section;
  /** Its index in its section, to find its YAML node again. */
  readonly index: number;
  readonly data: Record<string, unknown>;
  readonly origin: Origin;
  readonly file: ParsedFile;
}

/**
 * A fact file being loaded. Its YAML document is parsed on first use: a file that comes from the
 * cache is only parsed again if a problem needs an exact position in it.
 */
class ParsedFile {
  private parsed: { doc: Document; lines: LineCounter } | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    /** The fact base (layer) the file belongs to. */
    readonly base: string,
    parsed?: { doc: Document; lines: LineCounter },
  ) {
    this.parsed = parsed;
  }

  get doc(): Document {
    return this.yaml().doc;
  }

  get lines(): LineCounter {
    return this.yaml().lines;
  }

  private yaml(): { doc: Document; lines: LineCounter } {
    if (!this.parsed) {
      const lines = new LineCounter();
      const doc = parseAllDocuments(this.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }) as Document[];
      this.parsed = { doc: (Array.isArray(doc) ? doc : [doc]).find((d) => d.contents !== null) ?? (doc as Document[])[0]!, lines };
    }
    return this.parsed;
  }

  /**
   * Lets go of the parsed YAML once the file's items are extracted: a large base would otherwise
   * hold every file's syntax tree until linking ends. It is parsed again if a problem needs it.
   */
  release(): void {
    this.parsed = undefined;
  }

  /** The YAML node of an item. */
  nodeOf(item: RawItem): Node {
    return (this.doc.getIn([item.section, item.index], true) as Node | undefined) ?? (this.doc.contents as Node);
  }
}

/**
 * What the loader keeps of one file between runs: the items that passed the schema and the
 * file's own problems (syntax, schema). Linking across files is always done afresh.
 */
export interface CompiledFactFile {
  readonly items: ReadonlyArray<{ readonly section: Section; readonly index: number; readonly data: Record<string, unknown>; readonly origin: Omit<Origin, 'file'> }>;
  readonly problems: ReadonlyArray<Omit<FactBaseProblem, 'file'>>;
}

/**
 * A store of compiled fact files keyed by their text, so that an unchanged file is not parsed and
 * validated again (YAML parsing dominates loading a large base). The node layer keeps it on disk.
 */
export interface FactFileCache {
  get(text: string): CompiledFactFile | undefined;
  set(text: string, compiled: CompiledFactFile): void;
}

class Problems {
  readonly list: FactBaseProblem[] = [];

  add(file: ParsedFile | string, range: readonly [number, number] | undefined, code: string, message: string, severity: Severity = 'error'): void {
    const path = typeof file === 'string' ? file : file.path;
    const [start, end] = range ?? [0, 0];
    // A problem named by path alone (a file too large to parse) is about the whole file.
    const pos = typeof file === 'string' ? { line: 1, col: 1 } : file.lines.linePos(start);
    this.list.push({ file: path, start, end, line: pos.line, column: pos.col, severity, code, message });
  }

  at(item: RawItem, key: string | undefined, code: string, message: string, severity: Severity = 'error'): void {
    const node = item.file.nodeOf(item);
    this.add(item.file, rangeOf(key === undefined ? node : valueNode(node, key) ?? node), code, message, severity);
  }
}

/**
 * Loads the given fact files into one fact base. Files belong to bases (layers, `FactFile.base`),
 * given in order: the shipped base first, then the team's. The same entity or source id in two
 * bases is the same thing and its definitions merge; a base can also map its own id onto
 * another's with `same-as`. Within one base an id is defined once.
 */
export function loadFactBase(files: readonly FactFile[], cache?: FactFileCache): LoadResult {
  const problems = new Problems();
  const items: RawItem[] = [];
  for (const file of files) items.push(...compiledFile(file, problems, cache));
  const base = link(items, problems);
  return { base, problems: problems.list };
}

/** A file's items and problems: from the cache when its text is known, else parsed (and cached). */
function compiledFile(file: FactFile, problems: Problems, cache: FactFileCache | undefined): RawItem[] {
  const hit = file.text.length <= MAX_FACT_FILE_CHARS ? cache?.get(file.text) : undefined;
  if (hit) {
    const parsed = new ParsedFile(file.path, file.text, file.base ?? '');
    for (const p of hit.problems) problems.list.push({ ...p, file: file.path });
    return hit.items.map((i) => ({ section: i.section, index: i.index, data: i.data, origin: { ...i.origin, file: file.path }, file: parsed }));
  }
  const own = new Problems();
  const items = parseFile(file, own);
  items[0]?.file.release();
  problems.list.push(...own.list);
  if (cache && file.text.length <= MAX_FACT_FILE_CHARS) {
    cache.set(file.text, {
      items: items.map((i) => ({ section: i.section, index: i.index, data: i.data, origin: { start: i.origin.start, end: i.origin.end, line: i.origin.line, column: i.origin.column } })),
      problems: own.list.map(({ file: _file, ...rest }) => rest),
    });
  }
  return items;
}

function parseFile(file: FactFile, problems: Problems): RawItem[] {
  if (file.text.length > MAX_FACT_FILE_CHARS) {
    problems.add(file.path, [0, 0], 'too-large',
      `fact file is ${(file.text.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FACT_FILE_CHARS / 1024 / 1024} MB. Split it into several files.`);
    return [];
  }
  const lines = new LineCounter();
  let docs: Document[];
  try {
    docs = parseAllDocuments(file.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }) as Document[];
  } catch (e) {
    // The yaml package reports errors as data; this guards against a bug in it, not expected input.
    problems.add(file.path, [0, 0], 'yaml-syntax', `could not parse YAML: ${(e as Error).message}`);
    return [];
  }
  if (!Array.isArray(docs)) docs = [docs];
  const nonEmpty = docs.filter((d) => d.contents !== null || d.errors.length > 0);
  if (nonEmpty.length === 0) return [];
  const doc = nonEmpty[0]!;
  const parsed = new ParsedFile(file.path, file.text, file.base ?? '', { doc, lines });
  let syntaxErrors = false;
  for (const d of nonEmpty) {
    for (const err of d.errors) {
      syntaxErrors = true;
      const first = err.message.split('\n')[0] ?? err.message;
      problems.add(parsed, [err.pos[0], err.pos[1]], 'yaml-syntax', `YAML syntax: ${first}`);
    }
  }
  if (syntaxErrors) return [];
  if (nonEmpty.length > 1) {
    problems.add(parsed, rangeOf(nonEmpty[1]!.contents), 'yaml-syntax',
      'a fact file holds one YAML document; move the part after `---` into a file of its own');
    return [];
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    problems.add(parsed, rangeOf(firstAlias(doc) ?? doc.contents), 'yaml-aliases',
      `YAML aliases expand too far (${(e as Error).message}); write the values out or use fewer aliases (at most ${MAX_ALIAS_COUNT} expansions)`);
    return [];
  }
  if (data === null || data === undefined) return [];
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.add(parsed, rangeOf(doc.contents), 'schema',
      'a fact file is a mapping with the keys sources, entities, statements and/or quotations');
    return [];
  }

  // Schema errors are attributed to the item they fall in; such items are left out, the rest
  // kept. An unknown key is the exception: it is reported and dropped on its own, so one typo in
  // a source does not take the source, and every fact citing it, out of the base.
  const bad = new Set<string>();
  const unknownKeys: { path: string[]; key: string }[] = [];
  const validate = validator();
  if (!validate(data)) {
    for (const err of simplify(validate.errors ?? [])) {
      const path = err.instancePath.split('/').slice(1).map(unescapePointer);
      const { range, message } = describe(err, doc, path);
      problems.add(parsed, range, 'schema', message);
      if (path.length < 2) continue;
      if (err.keyword === 'additionalProperties') unknownKeys.push({ path, key: (err.params as { additionalProperty: string }).additionalProperty });
      else bad.add(`${path[0]}/${path[1]}`);
    }
  }
  for (const { path, key } of unknownKeys) {
    const holder = path.reduce<unknown>((at, seg) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[seg] : undefined), data);
    if (holder && typeof holder === 'object' && Object.hasOwn(holder, key)) delete (holder as Record<string, unknown>)[key];
  }

  const items: RawItem[] = [];
  const record = data as Record<string, unknown>;
  for (const section of SECTIONS) {
    const list = Object.prototype.hasOwnProperty.call(record, section) ? record[section] : undefined;
    if (!Array.isArray(list)) continue;
    list.forEach((entry, index) => {
      if (bad.has(`${section}/${index}`)) return;
      const node = doc.getIn([section, index], true) as Node | undefined;
      if (node && typeof entry === 'object' && entry !== null) {
        items.push({ section, index, data: entry as Record<string, unknown>, origin: originOf(parsed, node), file: parsed });
      }
    });
  }
  return items;
}

/** Turns the typed-but-unlinked items of all files into a fact base, checking what spans files. */
function link(items: readonly RawItem[], problems: Problems): FactBase {
  const inSection = (section: Section) => items.filter((i) => i.section === section);
  const idOf = (i: RawItem) => i.data['id'] as string;
  const place = (i: RawItem) => `${i.file.path}:${i.origin.line}`;
  const sameBase = (a: RawItem, b: RawItem) => a.file.base === b.file.base;

  // Entities: the same id in two bases is the same entity, and its definitions merge. Within one
  // base an id is defined once; a second definition is an error, but it still merges, so that
  // every fact citing the id keeps resolving while the writer sorts it out.
  const entityDefs = new Map<string, RawItem[]>();
  const mapped: RawItem[] = [];
  for (const item of inSection('entities')) {
    if (item.data['same-as'] !== undefined) {
      mapped.push(item);
      continue;
    }
    const defs = entityDefs.get(idOf(item));
    if (!defs) {
      entityDefs.set(idOf(item), [item]);
      continue;
    }
    const first = defs[0]!;
    const type = first.data['type'] as string;
    if (item.data['type'] !== type) {
      problems.at(item, 'type', 'conflicting-entity',
        `'${idOf(item)}' is ${withArticle(item.data['type'] as string)} here but ${withArticle(type)} at ${place(first)}; an id names one thing in every loaded fact base. Use the same type, or give this entity an id of its own`);
      continue;
    }
    const twin = defs.find((d) => sameBase(d, item));
    if (twin) {
      problems.at(item, 'id', 'duplicate-id',
        `the entity '${idOf(item)}' is also defined at ${place(twin)}, in the same fact base; within one base an id is defined once, so merge the two entries (until then they are read as one entity)`);
    }
    defs.push(item);
  }

  // `same-as` maps a base's own id onto an entity of another base: the id then stands for it.
  const alias = new Map<string, string>();
  for (const item of mapped) {
    const id = idOf(item);
    const defined = entityDefs.get(id)?.[0];
    if (defined) {
      problems.at(item, 'same-as', 'conflicting-entity',
        `'${id}' is defined as an entity at ${place(defined)} and mapped to '${item.data['same-as'] as string}' here; an id is either defined or mapped. Remove one of them`);
      continue;
    }
    alias.set(id, item.data['same-as'] as string);
  }
  const resolve = (id: string): string => {
    const seen = new Set<string>();
    let at = id;
    while (alias.has(at) && !seen.has(at)) {
      seen.add(at);
      at = alias.get(at)!;
    }
    return at;
  };
  for (const item of mapped) {
    const id = idOf(item);
    if (!alias.has(id)) continue;
    const target = resolve(id);
    const defs = entityDefs.get(target);
    if (!defs) {
      problems.at(item, 'same-as', 'unknown-reference',
        `same-as '${item.data['same-as'] as string}' is not an entity of any loaded fact base.${didYouMean(item.data['same-as'] as string, entityDefs.keys())} Load the base that defines it, or fix the id.`);
      alias.delete(id);
      continue;
    }
    const type = defs[0]!.data['type'] as string;
    if (item.data['type'] !== undefined && item.data['type'] !== type) {
      problems.at(item, 'type', 'conflicting-entity',
        `'${id}' is mapped to '${target}', which is ${withArticle(type)} at ${place(defs[0]!)}, but here it is ${withArticle(item.data['type'] as string)}; use the same type or remove same-as`);
      alias.delete(id);
      continue;
    }
    defs.push(item);
  }
  // An id is resolved through `same-as` wherever it is used.
  const canonical = (id: string): string => (entityDefs.has(id) ? id : alias.has(id) ? resolve(id) : id);

  // Sources merge by id the same way; a field the two definitions disagree on keeps the first.
  const sourceDefs = new Map<string, RawItem[]>();
  for (const item of inSection('sources')) {
    const defs = sourceDefs.get(idOf(item));
    if (!defs) {
      sourceDefs.set(idOf(item), [item]);
      continue;
    }
    const twin = defs.find((d) => sameBase(d, item));
    if (twin) {
      problems.at(item, 'id', 'duplicate-id',
        `the source '${idOf(item)}' is also defined at ${place(twin)}, in the same fact base; within one base an id is defined once, so merge the two entries`);
    }
    for (const [key, value] of Object.entries(item.data)) {
      const kept = defs.find((d) => d.data[key] !== undefined);
      if (kept && JSON.stringify(kept.data[key]) !== JSON.stringify(value)) {
        problems.at(item, key, 'conflicting-source',
          `'${key}' of the source '${idOf(item)}' differs from its definition at ${place(kept)}, which is used; if this is another work, give it an id of its own`, 'warning');
      }
    }
    defs.push(item);
  }

  // Statements and quotations are unique by id: never two facts under one name. Within one base
  // a repeated id is an error at every use and none of them is used, whatever the file order;
  // across bases the base loaded first keeps it. An id also never names an entity and a fact.
  const factItems = new Map<string, RawItem>();
  const factGroups = new Map<string, RawItem[]>();
  for (const item of [...inSection('statements'), ...inSection('quotations')]) {
    const group = factGroups.get(idOf(item));
    if (group) group.push(item);
    else factGroups.set(idOf(item), [item]);
  }
  for (const [id, group] of factGroups) {
    const entity = entityDefs.get(id)?.[0] ?? mapped.find((m) => idOf(m) === id && alias.has(id));
    let keeper: RawItem | undefined;
    for (const item of group) {
      const twins = group.filter((g) => g !== item && sameBase(g, item));
      if (entity) {
        problems.at(item, 'id', 'duplicate-id',
          `the id '${id}' is already used by the entity at ${place(entity)}; an id names one thing, so rename this ${KIND[item.section]}`);
      } else if (twins.length > 0) {
        problems.at(item, 'id', 'duplicate-id',
          `the id '${id}' is also used by the ${twins.map((t) => `${KIND[t.section]} at ${place(t)}`).join(' and ')}, in the same fact base; rename one of them (until then neither is used)`);
      } else if (keeper) {
        problems.at(item, 'id', 'duplicate-id',
          `the id '${id}' is already used by the ${KIND[keeper.section]} at ${place(keeper)}, in a fact base loaded before this one; rename this one`);
      } else keeper = item;
    }
    if (keeper) factItems.set(id, keeper);
  }
  const factsIn = (section: Section) => [...factItems.values()].filter((i) => i.section === section);

  const sourceIds = new Set(sourceDefs.keys());
  const statementIds = new Set(factsIn('statements').map(idOf));

  // An item is kept while at least one of its references resolves: a fact without a source is not used.
  const knownReferences = (item: RawItem): Reference[] => {
    const refs = (item.data['references'] as Reference[] | undefined) ?? [];
    return refs.filter((ref, index) => {
      if (sourceIds.has(ref.source)) return true;
      const itemNode = item.file.nodeOf(item);
      const node = isMap(itemNode) ? (itemNode.getIn(['references', index, 'source'], true) as Node | undefined) : undefined;
      problems.add(item.file, rangeOf(node ?? itemNode), 'unknown-reference',
        `references the source '${ref.source}', which no fact file defines.${didYouMean(ref.source, sourceIds)} Add it under \`sources:\` or fix the id.`);
      return false;
    });
  };
  const entityRef = (item: RawItem, key: string, id: string, path: (string | number)[] = [key], types?: readonly string[]): boolean => {
    const target = entityDefs.get(canonical(id))?.[0];
    // Found only for a problem: for a cached file, it means parsing the YAML again.
    const where = () => {
      const itemNode = item.file.nodeOf(item);
      return rangeOf((isMap(itemNode) ? (itemNode.getIn(path, true) as Node | undefined) : undefined) ?? itemNode);
    };
    if (!target) {
      problems.add(item.file, where(), 'unknown-reference',
        `${key} '${id}' is not an entity in the fact base.${didYouMean(id, entityDefs.keys())} Define it under \`entities:\` or fix the id.`);
      return false;
    }
    const type = target.data['type'] as string;
    if (types && !types.includes(type)) {
      problems.add(item.file, where(), 'wrong-type',
        `${key} '${id}' is ${withArticle(type)}, but here it must be ${types.map(withArticle).join(' or ')}`);
      return false;
    }
    return true;
  };

  const sources: Source[] = [];
  for (const defs of sourceDefs.values()) {
    const merged: Record<string, unknown> = {};
    for (const d of defs) for (const [key, value] of Object.entries(d.data)) if (merged[key] === undefined) merged[key] = value;
    sources.push({ ...merged, origin: defs[0]!.origin } as unknown as Source);
  }

  const entities: Entity[] = [];
  for (const [id, defs] of entityDefs) {
    const entity = mergeEntity(id, defs, knownReferences);
    if (entity) entities.push(entity);
  }
  warnOnSharedNames([...entityDefs.entries()].flatMap(([id, defs]) => defs.map((item) => ({ id, item }))), problems);

  const ctx: LinkContext = { entityRef, statementIds, canonical };
  const statements: Statement[] = [];
  for (const item of factsIn('statements')) {
    if (Array.isArray(item.data['competing'])) {
      statements.push(...competingValues(item, problems, ctx, knownReferences));
      continue;
    }
    const references = knownReferences(item);
    const s = statementFrom(item, problems, ctx);
    if (s && references.length > 0) statements.push({ ...s, references });
  }

  const quotations: Quotation[] = [];
  for (const item of factsIn('quotations')) {
    const d = item.data;
    const references = knownReferences(item);
    let ok = entityRef(item, 'speaker', d['speaker'] as string) && references.length > 0;
    if (d['in'] !== undefined) ok = entityRef(item, 'in', d['in'] as string) && ok;
    const date = d['date'] === undefined ? undefined : dateAt(item, ['date'], d['date'] as string, problems);
    if (date === null) ok = false;
    if (!ok) continue;
    quotations.push({
      id: d['id'] as string,
      speaker: canonical(d['speaker'] as string),
      text: d['text'] as string,
      mode: (d['mode'] as 'said' | 'wrote' | undefined) ?? 'said',
      ...(d['occasion'] !== undefined && { occasion: d['occasion'] as string }),
      ...(date && { date }),
      ...(d['in'] !== undefined && { in: canonical(d['in'] as string) }),
      ...(d['note'] !== undefined && { note: d['note'] as string }),
      references,
      origin: item.origin,
    });
  }

  // A statement whose target was left out (say, a `reported` of a broken statement) must go too.
  const kept = new Set(statements.map((s) => s.dispute?.id ?? s.id));
  const linked = statements.filter((s) => {
    if (s.value.kind !== 'statement' || kept.has(s.value.id)) return true;
    const item = factItems.get(s.id)!;
    problems.at(item, 'object', 'unknown-reference',
      `reports the statement '${s.value.id}', which was left out because of the errors above; fix that statement first`, 'warning');
    return false;
  });

  return new FactBase(sources, entities, linked, quotations, [...new Set(items.map((i) => i.file.path))]);
}

interface LinkContext {
  entityRef(item: RawItem, key: string, id: string, path?: (string | number)[], types?: readonly string[]): boolean;
  statementIds: ReadonlySet<string>;
  /** The id an entity id stands for, through `same-as`. */
  canonical(id: string): string;
}

/**
 * One entity from its definitions, in load order (the first is where it is defined first; the
 * rest come from other bases or from `same-as`). The first name is the canonical name and the
 * others become aliases; aliases, demonyms and references are united; the first description is
 * the entity's, the others are kept beside it. An entity none of whose references resolves is
 * left out.
 */
function mergeEntity(id: string, defs: readonly RawItem[], knownReferences: (item: RawItem) => Reference[]): Entity | undefined {
  const first = defs.find((d) => d.data['same-as'] === undefined)!;
  const references: Reference[] = [];
  const seenRef = new Set<string>();
  for (const d of defs) {
    for (const ref of knownReferences(d)) {
      const key = `${ref.source}\u0000${ref.locator ?? ''}`;
      if (!seenRef.has(key)) {
        seenRef.add(key);
        references.push(ref);
      }
    }
  }
  if (references.length === 0) return undefined;
  const name = first.data['name'] as string;
  const strings = (d: RawItem, key: string) => (d.data[key] as string[] | undefined) ?? [];
  const unite = (all: readonly string[]) => [...new Set(all)];
  const aliases = unite(defs.flatMap((d) => [...(d !== first && typeof d.data['name'] === 'string' ? [d.data['name']] : []), ...strings(d, 'aliases')])).filter((a) => a !== name);
  const description = first.data['description'] as string;
  const alsoDescribed = unite(defs.map((d) => d.data['description']).filter((t): t is string => typeof t === 'string' && t !== description));
  const note = defs.map((d) => d.data['note']).find((n): n is string => typeof n === 'string');
  return {
    id,
    type: first.data['type'] as string,
    name,
    aliases,
    demonyms: unite(defs.flatMap((d) => strings(d, 'demonyms'))),
    description,
    ...(alsoDescribed.length > 0 && { alsoDescribed }),
    ...(note !== undefined && { note }),
    references,
    origin: first.origin,
    origins: [first.origin, ...defs.filter((d) => d !== first).map((d) => d.origin)],
  };
}

function statementFrom(item: RawItem, problems: Problems, ctx: LinkContext): Statement | undefined {
  const d = item.data;
  const predicate = d['predicate'] as string;
  if (!isPredicate(predicate)) return undefined; // the schema already said so
  let ok = ctx.entityRef(item, 'subject', d['subject'] as string);
  const c = ctx.canonical;

  const given = (['object', 'quantity', 'date', 'text'] as const).filter((k) => d[k] !== undefined);
  const signature = PREDICATES[predicate].value;
  let value: StatementValue = { kind: 'none' };
  const wrongValue = (want: string) => {
    problems.at(item, given[0] ?? 'predicate', 'predicate-value',
      `the predicate '${predicate}' takes ${want}${given.length ? `, not ${given.map((g) => `\`${g}\``).join(' and ')}` : ''} (see facts/README.md)`);
    ok = false;
  };
  switch (signature.kind) {
    case 'entity':
      if (typeof d['object'] !== 'string') wrongValue('an `object` (an entity id)');
      else if (ctx.entityRef(item, 'object', d['object'], ['object'], 'types' in signature ? signature.types : undefined)) {
        value = { kind: 'entity', id: c(d['object']) };
      } else ok = false;
      break;
    case 'statement':
      if (typeof d['object'] !== 'string') wrongValue('an `object` (a statement id)');
      else if (!ctx.statementIds.has(d['object'])) {
        problems.at(item, 'object', 'unknown-reference',
          `object '${d['object']}' is not a statement in the fact base.${didYouMean(d['object'], ctx.statementIds)}`);
        ok = false;
      } else value = { kind: 'statement', id: d['object'] };
      break;
    case 'quantity': {
      const q = d['quantity'] as { amount: number; unit?: string; bound?: Bound } | undefined;
      if (!q) wrongValue('a `quantity` ({ amount, unit, bound })');
      else value = { kind: 'quantity', quantity: { amount: q.amount, ...(q.unit !== undefined && { unit: q.unit }), bound: q.bound ?? 'exact' } };
      break;
    }
    case 'date-or-span': {
      const quals = (d['qualifiers'] ?? {}) as Record<string, unknown>;
      if (typeof d['date'] === 'string') {
        const date = dateAt(item, ['date'], d['date'], problems);
        if (date) value = { kind: 'date', date };
        else ok = false;
      } else if (given.length > 0 || !['point-in-time', 'start', 'end', 'after', 'before'].some((k) => quals[k] !== undefined)) {
        wrongValue('a `date`, or qualifiers `point-in-time`, `start`, `end`, `after` or `before`');
      }
      break;
    }
    case 'text-or-statement':
      if (typeof d['text'] === 'string') value = { kind: 'text', text: d['text'] };
      else if (typeof d['object'] === 'string' && ctx.statementIds.has(d['object'])) value = { kind: 'statement', id: d['object'] };
      else if (typeof d['object'] === 'string') {
        problems.at(item, 'object', 'unknown-reference',
          `object '${d['object']}' is not a statement in the fact base.${didYouMean(d['object'], ctx.statementIds)} Give the id of the statement denied, or the denial as \`text\``);
        ok = false;
      } else wrongValue('a `text` or an `object` (a statement id)');
      break;
    case 'text-or-entity':
      if (typeof d['text'] === 'string') value = { kind: 'text', text: d['text'] };
      else if (typeof d['object'] === 'string' && ctx.entityRef(item, 'object', d['object'])) value = { kind: 'entity', id: c(d['object']) };
      else if (typeof d['object'] !== 'string') wrongValue('a `text` or an `object`');
      else ok = false;
      break;
  }

  const q = (d['qualifiers'] ?? {}) as Record<string, unknown>;
  const date = (key: string): FuzzyDate | undefined | null =>
    typeof q[key] === 'string' ? dateAt(item, ['qualifiers', key], q[key], problems) : undefined;
  const pointInTime = date('point-in-time');
  const start = date('start');
  const end = date('end');
  const asOf = date('as-of');
  if (pointInTime === null || start === null || end === null || asOf === null) ok = false;
  if (start && end && compareAtCommonPrecision(start, end) > 0) {
    problems.add(item.file, rangeOf(valueNode(item.file.nodeOf(item), 'qualifiers') ?? item.file.nodeOf(item)), 'impossible-date',
      `start (${q['start'] as string}) is after end (${q['end'] as string}); swap them or fix one`);
    ok = false;
  }
  if (typeof q['location'] === 'string') ok = ctx.entityRef(item, 'location', q['location'], ['qualifiers', 'location']) && ok;
  if (typeof q['in'] === 'string') ok = ctx.entityRef(item, 'in', q['in'], ['qualifiers', 'in']) && ok;
  const withIds = (q['with'] as string[] | undefined) ?? [];
  withIds.forEach((id, i) => {
    ok = ctx.entityRef(item, 'with', id, ['qualifiers', 'with', i]) && ok;
  });
  const duringIds = (q['during'] as string[] | undefined) ?? [];
  duringIds.forEach((id, i) => {
    ok = ctx.entityRef(item, 'during', id, ['qualifiers', 'during', i]) && ok;
  });
  const afterIds = (q['after'] as string[] | undefined) ?? [];
  const beforeIds = (q['before'] as string[] | undefined) ?? [];
  // An order may be given against an event or against a recorded act ("he became Supreme
  // Leader after his 1989 visit"): an entity id or a statement id.
  afterIds.forEach((id, i) => {
    ok = (ctx.statementIds.has(id) || ctx.entityRef(item, 'after', id, ['qualifiers', 'after', i])) && ok;
  });
  beforeIds.forEach((id, i) => {
    ok = (ctx.statementIds.has(id) || ctx.entityRef(item, 'before', id, ['qualifiers', 'before', i])) && ok;
  });
  if (q['relation'] !== undefined && predicate !== 'derived-from') {
    problems.at(item, 'qualifiers', 'qualifier', `the qualifier 'relation' only applies to derived-from, not to '${predicate}'`, 'warning');
  }
  if (!ok) return undefined;

  const qualifiers: Qualifiers = {
    ...(pointInTime && { pointInTime }),
    ...(start && { start }),
    ...(end && { end }),
    ...(asOf && { asOf }),
    ...(typeof q['location'] === 'string' && { location: c(q['location']) }),
    with: withIds.map(c),
    ...(typeof q['of'] === 'string' && { of: q['of'] }),
    ...(typeof q['item'] === 'string' && { item: q['item'] }),
    ...(typeof q['relation'] === 'string' && { relation: q['relation'] as Qualifiers['relation'] }),
    certainty: (q['certainty'] as Certainty | undefined) ?? 'stated',
    ...(typeof q['in'] === 'string' && { in: c(q['in']) }),
    ...(typeof q['rank'] === 'string' && { rank: q['rank'] }),
    ...(typeof q['role'] === 'string' && { role: q['role'] }),
    ...(duringIds.length > 0 && { during: duringIds.map(c) }),
    ...(Array.isArray(q['supports']) && { supports: q['supports'] as string[] }),
    ...(Array.isArray(q['contradicts']) && { contradicts: q['contradicts'] as string[] }),
    ...(afterIds.length > 0 && { after: afterIds.map((id) => (ctx.statementIds.has(id) ? id : c(id))) }),
    ...(beforeIds.length > 0 && { before: beforeIds.map((id) => (ctx.statementIds.has(id) ? id : c(id))) }),
  };
  return {
    id: d['id'] as string,
    subject: c(d['subject'] as string),
    predicate: predicate as Predicate,
    value,
    qualifiers,
    ...(typeof d['note'] === 'string' && { note: d['note'] }),
    references: d['references'] as Reference[],
    origin: item.origin,
  };
}

/**
 * A statement whose sources disagree, as one statement per competing value: the statement's
 * fields with the value's own value, qualifiers, note and references in their place, under the
 * id `<id>#<n>`. A value that is broken is left out with its problem; the others stay, and a
 * dispute left with one value is an ordinary statement of that value.
 */
function competingValues(item: RawItem, problems: Problems, ctx: LinkContext, knownReferences: (item: RawItem) => Reference[]): Statement[] {
  const { competing, ...common } = item.data as Record<string, unknown> & { competing: Record<string, unknown>[] };
  const id = common['id'] as string;
  // Each value stands on its own references: ones on the statement would back every value at once.
  if (common['references'] !== undefined) {
    problems.at(item, 'references', 'competing-references',
      `a statement with competing values takes its references on each value; these are not used. Move each to the value its source gives`, 'warning');
  }
  const valueKeys = ['object', 'quantity', 'date', 'text'];
  const values: Statement[] = [];
  competing.forEach((value, index) => {
    const gives = valueKeys.some((k) => value[k] !== undefined);
    const data: Record<string, unknown> = {
      ...Object.fromEntries(Object.entries(common).filter(([k]) => !(gives && valueKeys.includes(k)))),
      ...Object.fromEntries(valueKeys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])),
      qualifiers: { ...((common['qualifiers'] as object | undefined) ?? {}), ...((value['qualifiers'] as object | undefined) ?? {}) },
      references: value['references'],
      ...(value['note'] !== undefined && { note: value['note'] }),
    };
    const one: RawItem = { ...item, data };
    const references = knownReferences(one);
    const s = statementFrom(one, problems, ctx);
    if (s && references.length > 0) values.push({ ...s, id: `${id}#${index + 1}`, references });
  });
  if (values.length < 2) return values.map((v) => ({ ...v, id }));
  const dispute = { id, values: values.map((v) => v.id) };
  return values.map((v) => ({ ...v, dispute }));
}

/** Parses a date the schema let through (its shape is right) and reports days that do not exist. */
function dateAt(item: RawItem, path: (string | number)[], text: string, problems: Problems): FuzzyDate | null {
  const parsed = parseIsoDate(text);
  if ('error' in parsed) {
    const itemNode = item.file.nodeOf(item);
    const node = isMap(itemNode) ? (itemNode.getIn(path, true) as Node | undefined) : undefined;
    problems.add(item.file, rangeOf(node ?? itemNode), 'impossible-date', parsed.error);
    return null;
  }
  return parsed;
}

/** Two entities answering to the same name make a mention ambiguous; the matcher then leaves it alone. */
function warnOnSharedNames(definitions: readonly { id: string; item: RawItem }[], problems: Problems): void {
  const owner = new Map<string, string>();
  for (const { id, item } of definitions) {
    const names = [item.data['name'], ...((item.data['aliases'] as string[] | undefined) ?? [])].filter((n): n is string => typeof n === 'string');
    for (const name of new Set(names.map(nameKey))) {
      const other = owner.get(name);
      if (other !== undefined && other !== id) {
        problems.at(item, 'aliases', 'ambiguous-name',
          `the name '${name}' also belongs to '${other}'; a draft that writes it will not be linked to either. Remove it from one of them if one is meant.`,
          'warning');
      } else owner.set(name, id);
    }
  }
}

/** Names compare without case, hyphens or repeated spaces, as the matcher compares them. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[\s\u2010-\u2015-]+/g, ' ').trim();
}

function originOf(file: ParsedFile, node: Node): Origin {
  const idNode = valueNode(node, 'id');
  const [start, end] = rangeOf(idNode ?? node);
  const pos = file.lines.linePos(start);
  return { file: file.path, start, end, line: pos.line, column: pos.col };
}

function valueNode(node: Node, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  return node.get(key, true) as Node | undefined;
}

function rangeOf(node: unknown): [number, number] {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * ajv with allErrors reports, for a failed `anyOf`, every branch's error and then the `anyOf`
 * itself. Keep the most specific error per location so the writer sees one clear message.
 */
function simplify(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const seen = new Set<string>();
  for (const err of errors) {
    // `if` only says that its `then` or `else` failed, which has an error of its own.
    if (err.keyword === 'anyOf' || err.keyword === 'oneOf' || err.keyword === 'if') continue;
    const key = `${err.instancePath}|${err.keyword}|${JSON.stringify(err.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(err);
  }
  return out;
}

/** Where an ajv error is in the YAML, and a message that says how to fix it. */
function describe(err: ErrorObject, doc: Document, path: string[]): { range: [number, number]; message: string } {
  const jsPath = path.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const node = (jsPath.length ? doc.getIn(jsPath, true) : doc.contents) as Node | undefined;
  const what = describePath(path);
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = params['additionalProperty'] as string;
      const allowed = Object.keys(propertiesAt(path));
      const keyNode = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key)?.key : undefined;
      return {
        range: rangeOf(keyNode ?? node),
        message: `unknown key '${key}' in ${what}.${didYouMean(key, allowed)} Allowed keys: ${allowed.join(', ')}.`,
      };
    }
    case 'required':
      return { range: rangeOf(node), message: `${what} is missing the required key '${params['missingProperty'] as string}'` };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const value = String(isScalar(node) ? node.value : '');
      return { range: rangeOf(node), message: `'${value}' is not allowed as ${what}.${didYouMean(value, allowed)} Use one of: ${allowed.join(', ')}.` };
    }
    case 'pattern': {
      const value = String(isScalar(node) ? node.value : '');
      const hint = path.at(-1) === 'id' || ['subject', 'object', 'source', 'speaker', 'location', 'in'].includes(path.at(-1) ?? '')
        ? 'ids are lower-case letters, digits and hyphens, like `shahab-3`'
        : /date|point-in-time|start|end|as-of/.test(path.at(-1) ?? '')
          ? 'write dates as YYYY, YYYY-MM or YYYY-MM-DD, in quotes'
          : `it must match ${String(params['pattern'])}`;
      return { range: rangeOf(node), message: `'${value}' is not valid as ${what}: ${hint}` };
    }
    case 'type':
      // YAML reads a bare year (1989) as a number; full dates (2018-08-15) stay strings.
      if (params['type'] === 'string' && /date|point-in-time|^start$|^end$|as-of/.test(path.at(-1) ?? '')) {
        return { range: rangeOf(node), message: `${what} must be a date in quotes: write "${String(isScalar(node) ? node.value : '')}", since YAML reads a bare year as a number` };
      }
      return { range: rangeOf(node), message: `${what} must be ${article(String(params['type']))}` };
    case 'not':
      return { range: rangeOf(node), message: `${what} gives more than one of object, quantity, date and text; keep the one its predicate takes` };
    default:
      return { range: rangeOf(node), message: `${what} ${err.message ?? 'is not valid'}` };
  }
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function article(type: string): string {
  const names: Record<string, string> = { array: 'a list', object: 'a mapping', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false' };
  return names[type] ?? type;
}

function describePath(path: readonly string[]): string {
  if (path.length === 0) return 'the file';
  const [section, index, ...rest] = path;
  const kind = KIND[section as Section] ?? section;
  if (index === undefined) return `'${section}'`;
  const item = `${kind} #${Number(index) + 1}`;
  return rest.length ? `'${rest.join('.')}' of ${item}` : item;
}

/** The schema's `properties` at a path, for listing allowed keys. */
function propertiesAt(path: readonly string[]): Record<string, unknown> {
  type S = { properties?: Record<string, S>; items?: S; $ref?: string };
  const root = schema as unknown as S & { definitions: Record<string, S> };
  const resolve = (s: S | undefined): S | undefined => {
    let cur = s;
    while (cur?.$ref) cur = root.definitions[cur.$ref.replace('#/definitions/', '')];
    return cur;
  };
  let cur: S | undefined = root;
  for (const seg of path) {
    cur = resolve(cur);
    if (!cur) return {};
    cur = /^\d+$/.test(seg) ? cur.items : cur.properties?.[seg];
  }
  return resolve(cur)?.properties ?? {};
}
