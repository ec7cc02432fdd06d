#!/usr/bin/env node
/**
 * The `factcheck` command: checks Markdown drafts against the fact base, for people and for CI.
 *
 * Exit codes: 0 no error-severity finding, 1 at least one, 2 usage, unreadable input or an
 * invalid fact base. One bad file never stops the others from being checked. Results go to
 * standard output; problems, and what `--fix` changed, to standard error.
 */

import { readArgs } from './node/args.js';
import { glob } from 'tinyglobby';
import { applyEdits } from './engine/check.js';
import { fixAllChanges } from './engine/fixAll.js';
import { oneLine } from './engine/minimalEdit.js';
import { LineIndex } from './engine/text/positions.js';
import { writeAtomically } from './node/atomicWrite.js';
import { citeDraft } from './node/citeDraft.js';
import { decodeDraft, readDraft } from './node/drafts.js';
import { findConfig, mergeSettings, readConfig } from './node/config.js';
import { BudgetedChecker, DEFAULT_TIME_LIMIT_S, InProcessChecker, type DraftChecker } from './node/budget.js';
import { loadFactBaseFromDisk } from './node/loadFacts.js';
import { sourcesCommand } from './node/sourcesCommand.js';
import { safeText } from './report/escape.js';
import { formatProblem } from './report/problems.js';
import { toReportFile, type ReportFile } from './report/model.js';
import { formatSarif } from './report/sarif.js';
import { formatText } from './report/text.js';
import { describeFactBaseSize } from './protocol.js';

const VERSION = '0.1.0';

const USAGE = `Usage: factcheck [options] <files or globs...>
       factcheck sources import <file> [--into <sources.yaml>]

Checks Markdown drafts against the fact base. Use - to read a draft from standard input.
factcheck sources import adds the items of a BibTeX or CSL-JSON file to the sources of a fact
base; factcheck sources --help says how.

Options:
  --format text|json|sarif   output format (default: text)
  --facts DIR                add a fact-base folder or file (repeatable)
  --no-builtin-facts         do not load the fact base shipped with Factcheck
  --fix                      correct the wrong words in place, saying what changed on standard
                             error (with -: print the corrected draft)
  --cite                     cite every supported claim in place (Cite All), saying what it
                             cited on standard error; with --fix, after the corrections
  --citation-style STYLE     apa (default), vancouver or harvard1, for citation fixes
  --citation-format FORMAT   footnote (default) or pandoc: [@id] before the sentence's final
                             stop, and the source added to the CSL-JSON bibliography the
                             draft's front matter names (references.json if it names none)
  --config FILE              use this configuration file instead of the nearest .factcheck.yaml
  --no-config                use no configuration file
  --check-facts              only load and validate the fact base, and print its size (drafts
                             given with it are not checked)
  --time-limit SECONDS       stop checking a draft after this long and report it as not
                             checked (default 30; 0: no limit)
  -h, --help                 show this help
  -v, --version              print the version

Exit codes: 0 no error found, 1 errors found, 2 usage error, unreadable input or invalid fact base.`;

export const EXIT = { ok: 0, findings: 1, trouble: 2 } as const;

export { formatProblem };

interface Io {
  /** A line to standard output. */
  out(s: string): void;
  /** A line to standard error. */
  err(s: string): void;
  /** Text to standard output exactly as it is, with no line ending added (the draft of `--fix -`). */
  write(s: string): void;
  stdin(): Promise<Uint8Array>;
}

/** The options, as parseArgs takes them. */
const OPTIONS = {
  format: { type: 'string', default: 'text' },
  facts: { type: 'string', multiple: true },
  'no-builtin-facts': { type: 'boolean' },
  fix: { type: 'boolean' },
  'citation-style': { type: 'string' },
  'citation-format': { type: 'string' },
  cite: { type: 'boolean' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  'check-facts': { type: 'boolean' },
  'time-limit': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = {
  format: string;
  facts?: string[];
  'no-builtin-facts'?: boolean;
  fix?: boolean;
  'citation-style'?: string;
  'citation-format'?: string;
  cite?: boolean;
  config?: string;
  'no-config'?: boolean;
  'check-facts'?: boolean;
  'time-limit'?: string;
  help?: boolean;
  version?: boolean;
};

/** The command line read into options and files, or what is wrong with it. */
function parse(argv: readonly string[]): { values: Values; positionals: string[] } | { error: string } {
  return readArgs<Values>(argv, OPTIONS, 'factcheck', EXAMPLE_VALUE);
}

const EXAMPLE_VALUE: Readonly<Record<string, string>> = { format: 'json', facts: 'team-facts', 'citation-style': 'vancouver', 'citation-format': 'pandoc', config: 'team.factcheck.yaml' };

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // `factcheck sources import ...` has options of its own (a draft named `sources` is `./sources`).
  if (argv[0] === 'sources') return sourcesCommand(argv.slice(1), io);
  const args = parse(argv);
  if ('error' in args) {
    io.err(`factcheck: ${safeText(args.error)}\n\n${USAGE}`);
    return EXIT.trouble;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (values.version) {
    io.out(VERSION);
    return EXIT.ok;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    io.err(`factcheck: unknown format '${safeText(format ?? '')}'; use text, json or sarif`);
    return EXIT.trouble;
  }
  const style = values['citation-style'];
  if (style !== undefined && style !== 'apa' && style !== 'vancouver' && style !== 'harvard1') {
    io.err(`factcheck: unknown citation style '${safeText(style)}'; use apa, vancouver or harvard1`);
    return EXIT.trouble;
  }
  const citationFormat = values['citation-format'];
  if (citationFormat !== undefined && citationFormat !== 'footnote' && citationFormat !== 'pandoc') {
    io.err(`factcheck: unknown citation format '${safeText(citationFormat)}'; use footnote or pandoc`);
    return EXIT.trouble;
  }
  const limit = values['time-limit'] ?? String(DEFAULT_TIME_LIMIT_S);
  if (!/^\d+(?:\.\d+)?$/.test(limit)) {
    io.err(`factcheck: --time-limit takes a number of seconds, as in --time-limit 60 (0: no limit), not '${safeText(limit)}'`);
    return EXIT.trouble;
  }
  if (!values['check-facts'] && positionals.length === 0) {
    io.err(`factcheck: no files given\n\n${USAGE}`);
    return EXIT.trouble;
  }

  // One configuration for the editor and the command line: .factcheck.yaml, then the flags.
  const configPath = values['no-config'] ? undefined : values.config ?? findConfig(process.cwd());
  const fromFile = configPath ? await readConfig(configPath) : { config: {}, problems: [] };
  for (const p of fromFile.problems) io.err(formatProblem(p));
  const settings = mergeSettings(process.cwd(), fromFile.config, {
    ...(values['no-builtin-facts'] && { includeBuiltinFacts: false }),
    ...(style !== undefined && { citationStyle: style }),
    ...(citationFormat !== undefined && { citationFormat }),
  });
  const baseOptions = { builtin: settings.includeBuiltinFacts, folders: [...settings.factBases, ...(values.facts ?? [])] };
  const configBroken = fromFile.problems.length > 0;
  if (values['check-facts']) {
    const loaded = await loadFactBaseFromDisk(baseOptions);
    for (const p of loaded.problems) io.err(formatProblem(p));
    // --check-facts checks the fact base only; drafts given with it are named, not silently dropped.
    if (positionals.length) io.err(`factcheck: --check-facts checks only the fact base; not checked: ${positionals.map((p) => safeText(p)).join(', ')}`);
    io.out(`fact base: ${describeFactBaseSize(loaded.base.size, loaded.base.files.length)}`);
    return loaded.problems.some((p) => p.severity === 'error') || configBroken ? EXIT.trouble : EXIT.ok;
  }

  // Drafts are checked in a worker thread, which is stopped when a check runs past the time
  // limit. It loads the fact base and reports its problems; this thread never holds the base.
  const checker: DraftChecker = Number(limit) > 0 ? new BudgetedChecker(new URL('./checkWorker.cjs', import.meta.url), baseOptions, Number(limit) * 1000) : new InProcessChecker(baseOptions);
  try {
    let problems;
    try {
      problems = await checker.start();
    } catch (e) {
      io.err(`factcheck: could not start checking: ${safeText((e as Error).message)}`);
      return EXIT.trouble;
    }
    for (const p of problems) io.err(formatProblem(p));
    const brokenBase = problems.some((p) => p.severity === 'error') || configBroken;
    if (brokenBase) io.err('factcheck: the fact base or the configuration has errors (above); drafts are checked against the rest');
    return await checkDrafts(values, positionals, io, format, settings, brokenBase, checker);
  } finally {
    checker.stop();
  }
}

/** Checks every draft named, within the time limit; the exit code. */
async function checkDrafts(
  values: Values,
  positionals: readonly string[],
  io: Io,
  format: string,
  settings: ReturnType<typeof mergeSettings>,
  brokenBase: boolean,
  checker: DraftChecker,
): Promise<number> {

  const options = { citationStyle: settings.citationStyle, citationFormat: settings.citationFormat, severities: settings.severity };
  const reports: ReportFile[] = [];
  let trouble = brokenBase;
  for (const target of await expand(positionals)) {
    if (target.error) {
      io.err(`factcheck: ${safeText(target.error)}`);
      trouble = true;
      continue;
    }
    const read = target.path === '-' ? decodeDraft('<stdin>', await io.stdin()) : await readDraft(target.path);
    const shown = target.path === '-' ? '<stdin>' : target.path;
    if (!read.ok) {
      io.err(`factcheck: ${safeText(read.error)}`);
      trouble = true;
      continue;
    }
    let text = read.text;
    let result = await checker.check(text, options);
    if (result.skipped) {
      io.err(`factcheck: ${safeText(shown)}: ${safeText(result.skipped)}`);
      trouble = true;
      continue;
    }
    if (values.fix) {
      const changes = fixAllChanges(result.findings);
      const fixed = changes.length ? applyEdits(text, changes.flatMap((c) => c.edits)) : text;
      // The corrected draft exactly as it is: its last line ending, or the lack of one, kept.
      if (target.path === '-' && !values.cite) io.write(fixed);
      else if (changes.length) {
        try {
          await writeAtomically(target.path, fixed);
        } catch (e) {
          io.err(`factcheck: could not write '${safeText(target.path)}': ${safeText((e as Error).message)}`);
          trouble = true;
          continue;
        }
      }
      // What changed, on standard error, so standard output stays the report (or the draft).
      const lines = new LineIndex(text);
      for (const { finding, edits } of changes) {
        const at = lines.positionAt(finding.start);
        const to = edits.find((e) => e.start === finding.start && e.end === finding.end)?.newText ?? edits[0]!.newText;
        io.err(`${safeText(shown)}:${at.line + 1}:${at.character + 1}  fixed  ${finding.code}  "${safeText(oneLine(text.slice(finding.start, finding.end)))}" → "${safeText(oneLine(to))}"`);
      }
      if (changes.length) {
        text = fixed;
        result = await checker.check(text, options);
      }
    }
    if (values.cite) {
      // Pandoc citations add to the bibliography file too, which citeDraft writes.
      const cited = await citeDraft(target.path === '-' ? undefined : target.path, shown, text, result.claims);
      for (const m of cited.messages) io.err(m);
      if (cited.trouble) trouble = true;
      if (target.path === '-') io.write(cited.text);
      else if (cited.text !== text) {
        try {
          await writeAtomically(target.path, cited.text);
        } catch (e) {
          io.err(`factcheck: could not write '${safeText(target.path)}': ${safeText((e as Error).message)}`);
          trouble = true;
          continue;
        }
      }
      if (cited.text !== text) {
        text = cited.text;
        result = await checker.check(text, options);
      }
    }
    reports.push(toReportFile(shown, text, result));
  }

  if (format === 'json') io.out(JSON.stringify({ files: reports }, null, 2));
  else if (format === 'sarif') io.out(formatSarif(reports, VERSION));
  // A summary speaks of drafts that were checked: with none (a missing file, a folder), there is none.
  else if (!((values.fix || values.cite) && positionals.includes('-')) && reports.length > 0) io.out(formatText(reports));

  if (trouble) return EXIT.trouble;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 1)) ? EXIT.findings : EXIT.ok;
}

/** Files named on the command line: paths as given, globs expanded (sorted), `-` for stdin. */
async function expand(patterns: readonly string[]): Promise<Array<{ path: string; error?: string }>> {
  const out: Array<{ path: string; error?: string }> = [];
  for (const p of patterns) {
    if (p === '-' || !/[*?[\]{}]/.test(p)) {
      out.push({ path: p });
      continue;
    }
    const matches = (await glob(p, { onlyFiles: true, dot: false })).sort();
    if (matches.length === 0) out.push({ path: p, error: `no files match '${p}'` });
    for (const m of matches) out.push({ path: m });
  }
  return out;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  write: (s) => process.stdout.write(s),
  stdin: readStdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`factcheck: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = EXIT.trouble;
  },
);
