/**
 * Child process of pathological.test.ts: builds one pathological draft, checks it, and prints
 * the time, the RSS growth and the outcome as one line of JSON.
 */

import { shippedChecker } from '../support/engine.js';

const CLAIM = 'The Shahab-3 is a copy of the Yono-class midget submarine. ';
const FILLER = 'Sanctions policy has shifted several times over the past decade. ';

const CASES: Record<string, () => string> = {
  'plain-1mb': () => Array.from({ length: 200 }, () => FILLER.repeat(78)).join('\n\n'),
  'quotes-10k': () => '> '.repeat(10_000) + CLAIM,
  'lists-10k': () => '- '.repeat(10_000) + CLAIM,
  'lists-indented-1k': () => Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- ${CLAIM}`).join('\n'),
  '5mb': () => CLAIM.repeat(Math.ceil(5e6 / CLAIM.length)),
  'brackets-50k': () => '['.repeat(50_000) + CLAIM,
  'emphasis-50k': () => '*a'.repeat(50_000) + CLAIM,
  'underscores-50k': () => '_a'.repeat(50_000) + CLAIM,
  'backticks-50k': () => '`a'.repeat(50_000),
  'link-openers-50k': () => '[a]('.repeat(50_000),
  'line-1mb': () => 'x'.repeat(1_000_000),
  'words-1mb': () => 'word '.repeat(200_000),
  'claims-1mb': () => CLAIM.repeat(Math.ceil(1e6 / CLAIM.length)),
  'footnotes-100k': () => `${Array.from({ length: 100_000 }, (_, i) => `Khamenei went in 1991.[^${i % 100}]`).join(' ')}\n\n${Array.from({ length: 100 }, (_, i) => `[^${i}]: Note ${i}.`).join('\n')}\n`,
  'table-10k-columns': () => `|${' a |'.repeat(10_000)}\n|${' - |'.repeat(10_000)}\n|${' Khamenei visited North Korea in 1991. |'.repeat(10_000)}\n`,
  'nul-1mb': () => '\u0000'.repeat(1_000_000),
  'cr-1mb': () => '\r'.repeat(1_000_000),
};

const name = process.argv[2]!;
const make = CASES[name];
if (!make) throw new Error(`no case ${name}`);
const checker = await shippedChecker();
checker.check(CLAIM); // warm up
const text = make();
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
let outcome: { skipped?: string; threw?: string; claims: number };
try {
  const r = checker.check(text);
  outcome = { claims: r.claims.length, ...(r.skipped !== undefined && { skipped: r.skipped }) };
} catch (e) {
  outcome = { claims: 0, threw: String((e as Error).message).slice(0, 300) };
}
const ms = Math.round(performance.now() - t0);
console.log(JSON.stringify({ ms, rssMB: Math.round((process.memoryUsage().rss - rss0) / 1e6), length: text.length, ...outcome }));
