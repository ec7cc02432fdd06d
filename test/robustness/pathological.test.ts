/**
 * Pathological drafts finish in bounded time and memory, or are refused with a reason. Each case
 * runs in a child process with a timeout, so a hang or a crash fails one test with a message
 * instead of killing the runner. Time is bounded relative to a baseline measured in the same
 * run (checking a plain 1 MB draft), memory by the child's RSS growth.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exceedsLimits, MAX_LINES, MAX_NESTING } from '../../server/src/engine/markdown/limits.js';

const here = import.meta.dirname;
const worker = join(here, 'pathological.worker.ts');
/** A case may take this many times the baseline (plus a constant for start-up noise). */
const MAX_TIME_RATIO = 20;
/** RSS growth allowed while checking, in MB. */
const MAX_RSS_GROWTH_MB = 1500;

interface Outcome {
  readonly ms: number;
  readonly rssMB: number;
  readonly length: number;
  readonly skipped?: string;
  readonly threw?: string;
  readonly claims: number;
}

function run(name: string, timeoutMs = 120_000): Outcome {
  const r = spawnSync(process.execPath, ['--import', 'tsx', worker, name], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20 });
  if (r.error || r.status !== 0) {
    assert.fail(`${name}: the child ${r.error ? `failed (${r.error.message}; killed after ${timeoutMs} ms?)` : `exited with ${r.status} ${r.signal ?? ''}`}\n${r.stderr.slice(-2000)}`);
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Outcome;
}

let baseline: Outcome | undefined;
function baselineMs(): number {
  baseline ??= run('plain-1mb');
  return Math.max(baseline.ms, 50);
}

function assertBounded(name: string, o: Outcome): void {
  assert.equal(o.threw, undefined, `${name}: the engine threw: ${o.threw}`);
  const bound = MAX_TIME_RATIO * baselineMs() + 2000;
  assert.ok(o.ms < bound, `${name}: took ${o.ms} ms; the bound is ${bound} ms (${MAX_TIME_RATIO}× checking a plain 1 MB draft, ${baselineMs()} ms)`);
  assert.ok(o.rssMB < MAX_RSS_GROWTH_MB, `${name}: RSS grew by ${o.rssMB} MB`);
}

describe('pathological drafts', { timeout: 600_000 }, () => {
  it('the nesting limit is a cheap pre-check with a clear reason', () => {
    assert.equal(exceedsLimits('> '.repeat(MAX_NESTING) + 'x'), undefined);
    assert.match(exceedsLimits('> '.repeat(MAX_NESTING + 1) + 'x') ?? '', /nests block quotes or lists more than 100 levels deep/);
    assert.match(exceedsLimits(Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')) ?? '', /levels deep/);
    assert.equal(exceedsLimits('a\r\n'.repeat(MAX_LINES - 1)), undefined, 'CRLF counts as one line ending');
    assert.match(exceedsLimits('\n'.repeat(MAX_LINES)) ?? '', /more than 200,000 lines/);
    // Deep indentation without a marker (code) is not nesting.
    assert.equal(exceedsLimits(`\`\`\`\n${' '.repeat(1000)}x\n\`\`\`\n`), undefined);
    assert.equal(exceedsLimits('*a'.repeat(50_000)), undefined);
  });

  for (const name of ['quotes-10k', 'lists-10k', 'lists-indented-1k']) {
    it(`${name}: refused before parsing, with the reason`, () => {
      const o = run(name);
      assertBounded(name, o);
      assert.match(o.skipped ?? '', /levels deep/, `${name}: not refused (${JSON.stringify(o)})`);
    });
  }

  it('a 5 MB draft: the engine refuses it with the reason', () => {
    const o = run('5mb');
    assertBounded('5mb', o);
    assert.match(o.skipped ?? '', /checks drafts of up to 2,000,000 characters/);
  });

  it('a 5 MB draft: the command refuses it with exit code 2 and the reason', () => {
    const r = spawnSync(process.execPath, [join(here, '..', '..', 'dist', 'cli.cjs'), '-'], { input: 'The Shahab-3 is a copy of the Yono-class midget submarine. '.repeat(90_000), encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /2,000,000 characters/);
  });

  for (const name of ['brackets-50k', 'underscores-50k', 'backticks-50k', 'line-1mb', 'words-1mb', 'claims-1mb', 'footnotes-100k', 'table-10k-columns', 'nul-1mb']) {
    it(`${name}: checked in bounded time and memory`, () => {
      assertBounded(name, run(name));
    });
  }

  // A million line breaks made remark hold 1.6 GB: more lines than MAX_LINES are refused.
  it('cr-1mb: refused before parsing, with the reason, in bounded time and memory', () => {
    const o = run('cr-1mb');
    assertBounded('cr-1mb', o);
    assert.match(o.skipped ?? '', /more than 200,000 lines/, `not refused (${JSON.stringify(o)})`);
  });

  // Known upstream blow-ups in micromark's inline parsing: measured 35-38 s and 11-19 s. Only
  // `npm run test:long` runs them (FACTCHECK_LONG=1), and they report without failing the suite
  // until the engine bounds them.
  for (const name of ['emphasis-50k', 'link-openers-50k']) {
    const options = process.env.FACTCHECK_LONG ? { todo: 'micromark resolves these inline markers in quadratic time' } : { skip: 'slow known failure: npm run test:long runs it' };
    it(`${name}: checked in bounded time and memory`, options, () => {
      assertBounded(name, run(name, 90_000));
    });
  }
});
