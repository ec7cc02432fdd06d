/**
 * `npm run bench`: the benchmark suite. Generates its inputs deterministically, measures
 * medians (with min-max) over repeated runs, prints a table and writes .bench/results.json.
 * Not a test: nothing here fails on a number. The 1,000,000-fact base is measured only with
 * FACTCHECK_BENCH_MILLION=1: its first load takes many minutes and gigabytes (see the README), and
 * a run that dies of memory would print no table.
 */


import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint } from 'markdownlint/sync';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { Checker } from '../server/src/engine/check.js';
import { loadFactBaseFromDisk } from '../server/src/node/loadFacts.js';
import { LspClient } from '../test/support/lspClient.js';
import { draft, random } from './drafts.js';
import { writeSyntheticBase } from './factbases.js';
import { openings, typing } from './keystroke.js';
import { hoversWhileStuck } from './stuck.js';
import { ms, summarize, time, type Summary } from './stats.js';

const million = process.env['FACTCHECK_BENCH_MILLION'] === '1';
/** Keystrokes typed per draft size: enough for a nearest-rank p95 of at least 80. */
const KEYSTROKES = 120;
/** One keystroke every 100 ms: a quick typist, and the same cadence every run. */
const TYPING_INTERVAL_MS = 100;
/** Opens per measure of opening (after one that warms the server). */
const OPENS = 12;
const ONE_SENTENCE = 'The Shahab-3 is a copy of the Yono-class midget submarine.\n';
// The conditions, so that a run on a busy machine says so: the bench wants it otherwise idle.
const conditions = { cpus: cpus().length, loadAverage: loadavg().map((l) => Number(l.toFixed(2))) };
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, ...conditions };
console.error(`conditions: ${conditions.cpus} CPUs, load average ${conditions.loadAverage.join(' ')} (1, 5, 15 min); run it with the machine otherwise idle`);
const rows: string[][] = [];
const row = (what: string, s: Summary | string, note = '') => {
  const r = [what, typeof s === 'string' ? s : `${ms(s.median)} ms`, typeof s === 'string' ? '' : `${ms(s.min)}–${ms(s.max)}`, note];
  rows.push(r);
  // Printed as measured too, so a run that dies (say, of memory on the largest base) still reports.
  console.error(`measured: ${r.filter(Boolean).join(' · ')}`);
};

const parser = unified().use(remarkParse).use(remarkGfm);
const shipped = await loadFactBaseFromDisk();
const checker = new Checker(shipped.base);

// 1. Full check against remark-parse alone, and markdownlint as a peer, on the same drafts.
for (const words of [1_000, 10_000, 100_000]) {
  const text = draft(words);
  const runs = words >= 100_000 ? 5 : 15;
  const parse = time(() => parser.parse(text), runs);
  const check = time(() => checker.check(text), runs);
  const peer = time(() => lint({ strings: { draft: text } }), runs);
  const ratio = check.median / parse.median;
  results[`check-${words}`] = { parse, check, ratio, markdownlint: peer };
  row(`${words.toLocaleString('en-US')} words: remark-parse + GFM`, parse);
  row(`${words.toLocaleString('en-US')} words: full check (engine, warm)`, check, `${ratio.toFixed(2)}× parse`);
  row(`${words.toLocaleString('en-US')} words: markdownlint (peer)`, peer);
}

// 2. Re-check after a one-character edit, in the engine.
for (const words of [10_000, 100_000]) {
  let text = draft(words);
  const session = checker.session();
  session.check(text);
  const rand = random(3);
  const samples: number[] = [];
  for (let i = 0; i < 100; i++) {
    let at = Math.floor(rand() * text.length);
    while (!/[a-z]/.test(text[at] ?? '')) at = (at + 1) % text.length;
    text = text.slice(0, at) + 'e' + text.slice(at);
    const start = performance.now();
    session.check(text);
    samples.push(performance.now() - start);
  }
  const s = summarize(samples);
  results[`edit-engine-${words}`] = s;
  row(`${words.toLocaleString('en-US')} words: re-check after a keystroke (engine)`, s, `p95 ${ms(s.p95)} ms`);
}

// 3. Over JSON-RPC, as the writer feels it: opening, the first keystroke after opening, and
// typing, with the keystrokes the server checked at once and those it debounced (made wait, or
// let join a pending check) apart, as the server's trace says.
{
  const fullCheck = (results['check-10000'] as { check: Summary }).check.median;
  const long = await openings(draft(10_000), OPENS);
  results['open-jsonrpc-10000'] = long;
  row('10,000 words: open → diagnostics over JSON-RPC (warm server)', long.open, `${(long.open.median / fullCheck).toFixed(2)}× the warm full check`);
  row('10,000 words: first keystroke after opening → diagnostics', long.first, `${describeCounts(long.counts)}`);
  const short = await openings(ONE_SENTENCE, OPENS);
  results['open-jsonrpc-sentence'] = short;
  row('one sentence: open → diagnostics over JSON-RPC (warm server)', short.open);
  for (const words of [10_000, 100_000]) {
    const t = await typing(words, KEYSTROKES, TYPING_INTERVAL_MS);
    results[`typing-jsonrpc-${words}`] = t;
    const label = `${words.toLocaleString('en-US')} words: keystroke → diagnostics over JSON-RPC`;
    row(`${label}, all`, t.all, `p95 ${ms(t.all.p95)} ms over ${t.all.runs}; ${describeCounts(t.counts)}`);
    if (t.immediate) row(`${label}, checked at once`, t.immediate, percentile(t.immediate));
    row(`${label}, debounced`, t.debounced ?? 'none', t.debounced ? percentile(t.debounced) : '');
  }
}

// 3b. A hover on one draft while another is stuck in the Markdown parser (parsed in a worker).
{
  const s = await hoversWhileStuck();
  results['hover-while-stuck'] = s;
  row('hover on a 10,000-word draft, server idle', s.idle, `max ${ms(s.idle.max)} ms`);
  row('the same hover while another draft is stuck in the parser', s.whileStuck, `max ${ms(s.whileStuck.max)} ms over ${s.whileStuck.runs}; ${s.allBeforeStuckAnswered ? 'all answered before the stuck draft timed out' : 'NOT all answered while the parse ran'}`);
}

/** The p95 by nearest rank where there are enough samples for one, else only how many there are. */
function percentile(s: Summary): string {
  return s.runs >= 80 ? `p95 ${ms(s.p95)} ms over ${s.runs}` : `${s.runs} keystrokes (too few for a p95)`;
}

function describeCounts(c: { now: number; wait: number; join: number }): string {
  return `${c.now} at once, ${c.wait} waited, ${c.join} joined a pending check`;
}

// 4. Fact bases: load time, cold start to first diagnostics, peak RSS; check ratio at 100,000.
const sizes = million ? [1_000, 100_000, 1_000_000] : [1_000, 100_000];
for (const facts of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `factcheck-base-${facts}-`));
  try {
    writeSyntheticBase(join(dir, 'facts'), facts);
    writeFileSync(join(dir, '.factcheck.yaml'), 'factBases: [facts]\n');
    const loadStart = performance.now();
    const loaded = await loadFactBaseFromDisk({ folders: [join(dir, 'facts')] });
    const load = performance.now() - loadStart;
    const size = loaded.base.size;
    let ratio: number | undefined;
    if (facts === 100_000) {
      const text = draft(10_000);
      const big = new Checker(loaded.base);
      const parse = time(() => parser.parse(text), 9);
      const check = time(() => big.check(text), 9);
      ratio = check.median / parse.median;
      row('10,000 words, 100,000-fact base: full check', check, `${ratio.toFixed(2)}× parse (${ms(parse.median)} ms)`);
    }
    const cold = await coldStart(dir);
    results[`base-${facts}`] = { facts: size.statements, entities: size.entities, loadMs: load, coldStartMs: cold.ms, peakRssMb: cold.rssMb, ratio };
    row(`${facts.toLocaleString('en-US')}-fact base: load (in process)`, `${ms(load)} ms`, `${size.entities.toLocaleString('en-US')} entities`);
    row(`${facts.toLocaleString('en-US')}-fact base: cold start → first diagnostics`, `${ms(cold.ms)} ms`, `peak RSS ${cold.rssMb.toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Spawns the server in `workspace`, opens a 10,000-word draft and waits for its diagnostics. */
async function coldStart(workspace: string): Promise<{ ms: number; rssMb: number }> {
  const start = performance.now();
  const client = await LspClient.start({ workspace });
  const uri = pathToFileURL(join(workspace, 'draft.md')).href;
  await client.open(uri, draft(10_000));
  // The first publication after the fact base is loaded (a draft opened earlier is checked again).
  await client.until('diagnostics after the fact base loaded', () =>
    client.notifications.some((n) => n.method === 'factcheck/status') && client.published.some((p) => p.uri === uri && p.diagnostics.length > 0), 600_000);
  const elapsed = performance.now() - start;
  const rssMb = peakRss(client.process.pid!);
  await client.stop();
  return { ms: elapsed, rssMb };
}

function peakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

// The table, and the results as JSON.
const widths = [0, 1, 2, 3].map((c) => Math.max(...[['measure', 'median', 'min–max', 'note'], ...rows].map((r) => r[c]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log([line(['measure', 'median', 'min–max', 'note']), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
mkdirSync('.bench', { recursive: true });
writeFileSync(join('.bench', 'results.json'), JSON.stringify(results, null, 2));
console.log(`\n${results['date']}, node ${process.version}, ${conditions.cpus} CPUs; load average ${conditions.loadAverage.join(' ')} at the start, ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
console.log('written: .bench/results.json');
