/**
 * The configuration shared by the editor and the command line: a `.factcheck.yaml` found in
 * the workspace (or the working folder and its parents), validated against
 * schemas/factcheck-config.schema.json, and overridden by editor settings. Problems are
 * located like fact-base problems and never stop a check: a broken configuration falls back to
 * the defaults for what it got wrong.
 */

import Ajv from 'ajv';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, type Node } from 'yaml';
import schema from '../../../schemas/factcheck-config.schema.json' with { type: 'json' };
import type { Severity } from '../engine/check.js';
import type { CitationStyle } from '../engine/citations.js';
import type { CitationFormat } from '../engine/pandoc.js';
import type { FactBaseProblem } from '../engine/factbase/types.js';
import { describeFsError } from './factFiles.js';

export const CONFIG_FILE = '.factcheck.yaml';
const MAX_CONFIG_BYTES = 256 * 1024;

/** What `.factcheck.yaml` or the editor settings may say; every field optional. */
export interface ConfigInput {
  readonly factBases?: readonly string[];
  readonly includeBuiltinFacts?: boolean;
  readonly severity?: Readonly<Record<string, Severity | 'off'>>;
  readonly citationStyle?: CitationStyle;
  readonly citationFormat?: CitationFormat;
}

/** The configuration in force: fact-base folders are absolute. */
export interface Settings {
  readonly factBases: readonly string[];
  readonly includeBuiltinFacts: boolean;
  readonly severity: Readonly<Record<string, Severity | 'off'>>;
  readonly citationStyle: CitationStyle;
  readonly citationFormat: CitationFormat;
}

export const DEFAULT_SETTINGS: Settings = { factBases: [], includeBuiltinFacts: true, severity: {}, citationStyle: 'apa', citationFormat: 'footnote' };

/** The nearest `.factcheck.yaml` in `dir` or above it. */
export function findConfig(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

let validate: ReturnType<Ajv['compile']> | undefined;

/**
 * Reads and validates a configuration file; fact-base folders are resolved against its folder.
 * `overlay` is its text as the editor has it, when that differs from the disk's.
 */
export async function readConfig(path: string, overlay?: string): Promise<{ config: ConfigInput; problems: FactBaseProblem[] }> {
  // Problems with the file as a whole have line 0: no made-up place in it (see factFiles.ts).
  const problem = (message: string, code = 'config', start = 0, end = 0, line = 0, column = 0): FactBaseProblem =>
    ({ file: path, start, end, line, column, severity: 'error', code, message });
  const tooLarge = (bytes: number) => ({ config: {}, problems: [problem(`the configuration file is ${bytes} bytes; the limit is ${MAX_CONFIG_BYTES}`)] });
  let text: string;
  if (overlay !== undefined) {
    if (overlay.length > MAX_CONFIG_BYTES) return tooLarge(overlay.length);
    text = overlay;
  } else {
    try {
      const info = await stat(path);
      if (!info.isFile()) return { config: {}, problems: [problem(`'${path}' is not a regular file`)] };
      if (info.size > MAX_CONFIG_BYTES) return tooLarge(info.size);
      text = await readFile(path, 'utf8');
    } catch (e) {
      return { config: {}, problems: [problem(describeFsError(e, `configuration file '${path}'`), 'unreadable')] };
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (node: Node | undefined | null, message: string, code = 'config') => {
    const [start, end] = node?.range ?? [0, 0];
    const pos = lines.linePos(start);
    return problem(message, code, start, end, pos.line, pos.col);
  };
  if (doc.errors.length) {
    return { config: {}, problems: doc.errors.map((e) => { const pos = lines.linePos(e.pos[0]); return problem(`YAML syntax: ${e.message.split('\n')[0]}`, 'yaml-syntax', e.pos[0], e.pos[1], pos.line, pos.col); }) };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    return { config: {}, problems: [problem(`YAML aliases expand too far: ${(e as Error).message}`, 'yaml-aliases')] };
  }
  validate ??= new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
  const problems: FactBaseProblem[] = [];
  if (!validate(data)) {
    for (const err of validate.errors ?? []) {
      const path = err.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
      const node = (path.length ? doc.getIn(path, true) : doc.contents) as Node | undefined;
      const extra = err.keyword === 'additionalProperties' ? ` '${String((err.params as { additionalProperty: string }).additionalProperty)}'` : '';
      problems.push(at(node, `${path.join('.') || 'configuration'} ${err.message ?? 'is not valid'}${extra}; see schemas/factcheck-config.schema.json`));
    }
    // Keep what is valid: drop only the top-level keys that had errors.
    const bad = new Set((validate.errors ?? []).map((e) => e.instancePath.split('/')[1] ?? (e.params as { additionalProperty?: string }).additionalProperty ?? ''));
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { config: {}, problems };
    data = Object.fromEntries(Object.entries(data).filter(([k]) => !bad.has(k)));
  }
  const config = data as ConfigInput;
  const base = dirname(path);
  return {
    config: { ...config, ...(config.factBases && { factBases: config.factBases.map((f) => resolve(base, f)) }) },
    problems,
  };
}

/**
 * Merges configurations, later ones overriding earlier ones key by key (severities merge per
 * code). Relative fact-base folders of `overrides` are resolved against `root`.
 */
export function mergeSettings(root: string, ...layers: ReadonlyArray<ConfigInput | undefined>): Settings {
  let out: Settings = DEFAULT_SETTINGS;
  for (const layer of layers) {
    if (!layer) continue;
    out = {
      factBases: layer.factBases ? layer.factBases.map((f) => resolve(root, f)) : out.factBases,
      includeBuiltinFacts: layer.includeBuiltinFacts ?? out.includeBuiltinFacts,
      severity: { ...out.severity, ...layer.severity },
      citationStyle: layer.citationStyle ?? out.citationStyle,
      citationFormat: layer.citationFormat ?? out.citationFormat,
    };
  }
  return out;
}

/** Whether `path` lies inside one of `roots` (after resolving `..`). */
export function insideAny(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const rel = relative(root, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}
