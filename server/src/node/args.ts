/**
 * Command-line arguments read in the command's own words. Node's parser is run leniently and
 * its tokens checked here, since its own messages speak of parseArgs rather than of factcheck.
 * Shared by `factcheck` and `factcheck sources`.
 */

import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The options and positionals of `argv`, or what is wrong with them. `command` is how a file
 * named like an option is written ("factcheck -- --odd"); `examples` give a value for each
 * string option, for the message when one is missing.
 */
export function readArgs<V>(argv: readonly string[], options: Options, command: string, examples: Readonly<Record<string, string>>): { values: V; positionals: string[] } | { error: string } {
  const { values, positionals, tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const known = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!known) {
      return { error: `unknown option '${token.rawName}'; the options are below (a file named '${token.rawName}' goes after '--': ${command} -- ${token.rawName})` };
    }
    if (known.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))) {
      return { error: `${token.rawName} needs a value, as in ${token.rawName} ${examples[token.name] ?? 'VALUE'}` };
    }
    if (known.type === 'boolean' && token.value !== undefined) return { error: `${token.rawName} takes no value (it was given '${token.value}')` };
  }
  return { values: values as V, positionals };
}
