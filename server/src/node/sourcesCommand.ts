/**
 * `factcheck sources import <file> [--into <sources.yaml>]`: adds the items of a BibTeX or
 * CSL-JSON bibliography to the sources of a fact base. This module reads and writes the files
 * and speaks to the user; what an item becomes, and how it is added to the file, is decided in
 * importSources.ts, which touches no file.
 *
 * The target file is never left half-written or changed on a failure: it is written once, at
 * the end, through a temporary file and a rename, and only after the new text has been read
 * back and loaded by the fact-base loader.
 */

import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { readArgs } from './args.js';
import { loadFactBase, MAX_FACT_FILE_CHARS } from '../engine/factbase/load.js';
import { safeText } from '../report/escape.js';
import { formatProblem, shortPath } from '../report/problems.js';
import { writeAtomically } from './atomicWrite.js';
import { findConfig, readConfig } from './config.js';
import { describeFsError } from './factFiles.js';
import { formatOf, parseBibliography, planImport, toSource, type ConvertedItem, type Outcome } from './importSources.js';

export const SOURCES_USAGE = `Usage: factcheck sources import <file> [--into <sources.yaml>] [--dry-run]

Adds the items of a bibliography to the sources of a fact base: a BibTeX or BibLaTeX file
(.bib), or a CSL-JSON file (.json; in Zotero: File > Export Library... > CSL JSON).

Options:
  --into FILE      the fact file to add them to: a .yaml file, or a folder (its sources.yaml).
                   Default: sources.yaml in the first factBases folder of the nearest
                   .factcheck.yaml, else facts/sources.yaml in the working folder. The file is
                   created if it does not exist; its comments and other sections are kept.
  --dry-run        print the sources that would be added, and change nothing
  --config FILE    take the default --into from this configuration file
  --no-config      use no configuration file (the default --into is then facts/sources.yaml)
  -h, --help       show this help

Each item becomes a CSL-JSON source as facts/factbase.schema.json has them, holding only what
the bibliography gives: its key is the id, lower-cased and with other characters made hyphens
(Smith2019:Missiles becomes smith2019-missiles, and keeps its key as citation-key); fields the
schema has no place for and values it refuses are left out. (BibTeX fields citation-js has no
CSL field for, such as file, are not read at all.) An item whose id the file already has is
skipped, and counted as already there if it is the same. What was changed, left out or
skipped is said on standard error, item by item, with the item's line. Ids are compared with
the target file only: factcheck --check-facts --facts DIR then finds a source defined twice
in one fact base.

Exit codes: 0 the bibliography was read (even if every item was skipped), 2 usage error, a
bibliography that is missing, unreadable or not BibTeX or CSL-JSON, or a target file that
cannot be read or written. The target file is changed only when the command succeeds.`;

/** The exit codes of the `factcheck` command (cli.ts) that this command uses. */
const EXIT = { ok: 0, trouble: 2 } as const;

/** Bibliographies larger than this are refused; a fact file may hold only a tenth of it. */
const MAX_BIBLIOGRAPHY_BYTES = 50 * 1024 * 1024;

export interface SourcesIo {
  /** A line to standard output. */
  out(s: string): void;
  /** A line to standard error. */
  err(s: string): void;
}

const OPTIONS = {
  into: { type: 'string' },
  'dry-run': { type: 'boolean' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { into?: string; 'dry-run'?: boolean; config?: string; 'no-config'?: boolean; help?: boolean };

const EXAMPLE_VALUE: Readonly<Record<string, string>> = { into: 'facts/sources.yaml', config: 'team.factcheck.yaml' };

/** The command line after `factcheck sources`, read as the main command reads its own. */
function parse(argv: readonly string[]): { values: Values; positionals: string[] } | { error: string } {
  return readArgs<Values>(argv, OPTIONS, 'factcheck sources import', EXAMPLE_VALUE);
}

/** Runs `factcheck sources ...` (`argv` is what follows `sources`) and returns the exit code. */
export async function sourcesCommand(argv: readonly string[], io: SourcesIo): Promise<number> {
  const usage = (message: string) => {
    io.err(`factcheck: ${safeText(message)}\n\n${SOURCES_USAGE}`);
    return EXIT.trouble;
  };
  const args = parse(argv);
  if ('error' in args) return usage(args.error);
  const { values, positionals } = args;
  if (values.help) {
    io.out(SOURCES_USAGE);
    return EXIT.ok;
  }
  const [command, ...files] = positionals;
  if (command === undefined) return usage("'factcheck sources' needs a command: factcheck sources import <file>");
  if (command !== 'import') return usage(`unknown command 'sources ${command}'; the command is 'sources import'`);
  if (files.length === 0) return usage('sources import needs a bibliography to read, as in factcheck sources import references.bib');
  if (files.length > 1) return usage(`sources import reads one bibliography at a time (given: ${files.join(', ')})`);
  const file = files[0]!;
  if (file === '-') return usage('sources import reads a file, not standard input; save the bibliography as a .bib or .json file');
  return importCommand(file, values, io);
}

async function importCommand(file: string, values: Values, io: SourcesIo): Promise<number> {
  const fail = (message: string) => {
    io.err(`factcheck: ${message}`);
    return EXIT.trouble;
  };
  const shownFile = safeText(file);

  // The bibliography.
  const input = await readText(file, 'bibliography', MAX_BIBLIOGRAPHY_BYTES);
  if ('error' in input) return fail(`${input.error}; nothing was imported`);
  if (input.text === undefined) return fail(`'${shownFile}' does not exist; give the path of a .bib or .json file`);
  const format = formatOf(file, input.text);
  if (!format) {
    return fail(`'${shownFile}' is neither BibTeX nor CSL-JSON; give a .bib file (BibTeX or BibLaTeX) or a .json file of CSL-JSON items, as Zotero exports them (File > Export Library... > CSL JSON)`);
  }
  const parsed = parseBibliography(input.text, format);
  if (!parsed.ok) {
    const fix = !parsed.syntax ? '' : format === 'bibtex' ? '; check the braces, quotes, commas and = signs there' : '; fix the JSON there';
    return fail(`${place(file, parsed.line, parsed.column)}: ${safeText(parsed.message)}${fix} (nothing was imported)`);
  }
  if (parsed.items.length === 0) {
    return fail(`'${shownFile}' has no ${format === 'bibtex' ? 'BibTeX entries (such as @article{smith2024, title = {...}})' : 'CSL-JSON items'}; nothing to import`);
  }

  // The fact file to add them to.
  const target = await targetOf(values, io);
  if ('error' in target) return fail(target.error);
  const shownTarget = safeText(shortPath(target.path));
  const existing = await readText(target.path, 'fact file', MAX_FACT_FILE_CHARS);
  if ('error' in existing) return fail(`${existing.error}; nothing was imported`);

  const converted = parsed.items.map(toSource);
  const plan = planImport(existing.text, converted);
  if (!plan.ok) {
    const fix = plan.internal ? '' : '; fix the file, or choose another with --into, then import again';
    return fail(`${place(target.path, plan.line, plan.column)}: ${safeText(plan.message)}${fix} (nothing was imported)`);
  }

  for (const outcome of plan.outcomes) {
    for (const line of describe(outcome, file, shownTarget)) io.err(line);
  }
  const count = (kind: Outcome['kind']) => plan.outcomes.filter((o) => o.kind === kind).length;
  const imported = count('imported');
  const identical = count('identical');
  const skipped = plan.outcomes.length - imported - identical;
  const summary = `imported ${imported}, skipped ${skipped}${identical ? `; ${identical} already there, the same` : ''}`;

  if (imported > 0) {
    // The new text must be a fact file the loader reads with every new source in it.
    if (plan.text.length > MAX_FACT_FILE_CHARS) {
      return fail(`${shownTarget}: with these sources it would be ${(plan.text.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FACT_FILE_CHARS / 1024 / 1024} MB a fact file may hold; import into a new file with --into (nothing was imported)`);
    }
    const loaded = loadFactBase([{ path: target.path, text: plan.text }]);
    const missing = plan.sources.filter((s) => !loaded.base.sources.has(s['id'] as string));
    if (missing.length) {
      for (const p of loaded.problems) io.err(formatProblem(p));
      return fail(`${shownTarget}: the fact-base loader would not read ${missing.map((s) => `'${safeText(String(s['id']))}'`).join(', ')} (an internal error: please report it); nothing was imported`);
    }
  }

  if (values['dry-run']) {
    if (imported > 0) io.out(plan.added.trimEnd());
    io.err(`factcheck: ${shownTarget}: would have ${summary} (--dry-run: nothing was written)`);
    return EXIT.ok;
  }
  if (imported > 0) {
    try {
      await mkdir(dirname(target.path), { recursive: true });
      // Someone may have saved the file since it was read: their change is not overwritten.
      const now = await readText(target.path, 'fact file', MAX_FACT_FILE_CHARS);
      if ('error' in now || now.text !== existing.text) return fail(`${shownTarget} changed while the sources were being imported; nothing was imported, run the command again`);
      // A byte-order mark the file had is kept.
      await writeAtomically(target.path, `${existing.bom ? '\ufeff' : ''}${plan.text}`, { create: true });
    } catch (e) {
      return fail(`could not write '${shownTarget}': ${safeText((e as Error).message)}; nothing was imported`);
    }
  }
  io.err(`factcheck: ${shownTarget}${existing.text === undefined && imported > 0 ? ' (a new file)' : ''}: ${summary}`);
  return EXIT.ok;
}

/** What happened to one item, as lines for standard error. */
function describe(outcome: Outcome, file: string, target: string): string[] {
  const { item } = outcome;
  const head = `factcheck: ${place(file, item.line)}: ${safeText(item.key || '(no id)')}: `;
  const id = () => safeText(String(item.source?.['id']));
  switch (outcome.kind) {
    case 'imported':
      return item.notes.map((n) => head + safeText(n));
    case 'identical':
      return [];
    case 'differs':
      return [`${head}skipped: ${target} already has a source '${id()}', with ${outcome.fields.length === 1 ? 'another' : 'other'} ${outcome.fields.map((f) => safeText(f)).join(', ')}; give the item another key to import it beside that one, or change the source in ${target} by hand`];
    case 'duplicate':
      return [`${head}skipped: its id '${id()}' is also the id of ${describeFirst(outcome.first)}, imported above; give one of them another key`];
    case 'invalid':
      return [`${head}skipped: ${safeText(item.problem ?? 'it cannot be a source')}`];
  }
}

function describeFirst(first: ConvertedItem): string {
  return `'${safeText(first.key)}'${first.line !== undefined ? ` (line ${first.line})` : ''}`;
}

/** `file:line:col` as far as it is known. */
function place(file: string, line?: number, column?: number): string {
  const shown = safeText(shortPath(file));
  return line === undefined ? shown : column === undefined ? `${shown}:${line}` : `${shown}:${line}:${column}`;
}

/**
 * Where the sources go: `--into` (a file, or a folder's sources.yaml), else sources.yaml in the
 * first `factBases` folder of the configuration, else facts/sources.yaml in the working folder.
 */
async function targetOf(values: Values, io: SourcesIo): Promise<{ path: string } | { error: string }> {
  if (values.into !== undefined) {
    let path = resolve(values.into);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) path = join(path, 'sources.yaml');
    if (!isYaml(path)) return { error: `--into '${safeText(values.into)}' is not a .yaml file; fact files are YAML, such as facts/sources.yaml` };
    return { path };
  }
  const configPath = values['no-config'] ? undefined : values.config ?? findConfig(process.cwd());
  if (configPath !== undefined) {
    const { config, problems } = await readConfig(configPath);
    if (problems.length) {
      for (const p of problems) io.err(formatProblem(p));
      return { error: `the configuration has errors (above), so it cannot say where the sources go; fix it, or give --into FILE` };
    }
    const first = config.factBases?.[0];
    if (first !== undefined) return { path: isYaml(first) ? first : join(first, 'sources.yaml') };
  }
  return { path: resolve('facts', 'sources.yaml') };
}

function isYaml(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.yaml' || ext === '.yml';
}

/**
 * A UTF-8 text file: its text, undefined if it does not exist, or what is wrong with it. A
 * byte-order mark is dropped, as the fact-base loader drops it.
 */
async function readText(path: string, what: string, limit: number): Promise<{ text: string | undefined; bom?: boolean } | { error: string }> {
  const shown = safeText(shortPath(path));
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { error: `'${shown}' is a folder; give a ${what === 'fact file' ? '.yaml file' : '.bib or .json file'}` };
    if (!info.isFile()) return { error: `'${shown}' is not a regular file` };
    if (info.size > limit) return { error: `'${shown}' is ${(info.size / 1024 / 1024).toFixed(1)} MB; a ${what} may be up to ${limit / 1024 / 1024} MB` };
    bytes = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { text: undefined };
    return { error: describeFsError(e, `${what} '${shown}'`) };
  }
  if (bytes.includes(0)) return { error: `'${shown}' looks like a binary file, not a ${what === 'fact file' ? 'YAML fact file' : 'BibTeX or CSL-JSON file'}` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: `'${shown}' is not valid UTF-8; save it as UTF-8` };
  }
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text };
}
