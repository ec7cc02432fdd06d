#!/usr/bin/env node
/**
 * The `factcheck` command. Exit codes: 0 no error-severity finding, 1 at least one, 2 usage,
 * unreadable input or an invalid fact base.
 */

import { parseArgs } from 'node:util';
import { loadFactBaseFromDisk } from './node/loadFacts.js';
import type { FactBaseProblem } from './engine/factbase/types.js';

const USAGE = `Usage: factcheck [options] <files or globs...>

Checks Markdown drafts against the fact base.

Options:
  --facts DIR            add a fact-base folder (repeatable)
  --no-builtin-facts     do not load the fact base shipped with Factcheck
  --check-facts          only load and validate the fact base, and print its size
  -h, --help             show this help
  -v, --version          print the version

Exit codes: 0 no error found, 1 errors found, 2 usage error, unreadable input or invalid fact base.`;

export const EXIT = { ok: 0, findings: 1, trouble: 2 } as const;

/** Formats a fact-base problem as `file:line:col  severity  code  message`. */
export function formatProblem(p: FactBaseProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.code}  ${p.message}`;
}

export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        facts: { type: 'string', multiple: true },
        'builtin-facts': { type: 'boolean', default: true },
        'no-builtin-facts': { type: 'boolean' },
        'check-facts': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    err(`factcheck: ${(e as Error).message}\n\n${USAGE}`);
    return EXIT.trouble;
  }
  const { values, positionals } = args;
  if (values.help) {
    out(USAGE);
    return EXIT.ok;
  }
  if (values.version) {
    out(process.env['FACTCHECK_VERSION'] ?? '0.1.0');
    return EXIT.ok;
  }
  const loaded = await loadFactBaseFromDisk({ builtin: !values['no-builtin-facts'], folders: values.facts ?? [] });
  for (const p of loaded.problems) err(formatProblem(p));
  const broken = loaded.problems.some((p) => p.severity === 'error');
  if (values['check-facts']) {
    const { sources, entities, statements, quotations } = loaded.base.size;
    out(`fact base: ${entities} entities, ${statements} statements, ${quotations} quotations, ${sources} sources from ${loaded.base.files.length} files`);
    return broken ? EXIT.trouble : EXIT.ok;
  }
  if (positionals.length === 0) {
    err(`factcheck: no files given\n\n${USAGE}`);
    return EXIT.trouble;
  }
  err('factcheck: checking drafts is not built yet');
  return EXIT.trouble;
}

main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`factcheck: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = EXIT.trouble;
  },
);
