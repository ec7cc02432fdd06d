/**
 * Typing simulation, as markdownlint does it: every draft in the fixtures is checked at every
 * prefix a writer passes through while typing it (sampled: every 13th character and every line
 * end). No prefix may throw, and no prefix may be pathologically slow. Time is measured as a
 * ratio to the median time remark takes to parse the whole document in the same run, so a
 * blow-up is caught and a slow machine is not. One pause of a busy machine must not fail the
 * test either: the slowest prefixes of the first pass are timed again, and each is judged by the
 * fastest of its repeats. A real blow-up is slow every time; a pause is not.
 */

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Checker } from '../../server/src/engine/check.js';
import { parseDraft } from '../../server/src/engine/markdown/parse.js';
import { shippedChecker } from '../support/engine.js';

const repo = join(import.meta.dirname, '..', '..');
const DRAFTS = [
  ...readdirSync(join(repo, 'test', 'fixtures', 'checks'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `test/fixtures/checks/${f}`),
  'test/fixtures/seed-article.md',
  'examples/draft.md',
];
/** The slowest prefix may take this many times the median full parse of its document. */
const MAX_RATIO = 50;
const STEP = 13;
/** How many of the slowest prefixes are timed again, and how many times each. */
const SUSPECTS = 3;
const REPEATS = 5;

let checker: Checker;
before(async () => {
  checker = await shippedChecker();
});

/** The fastest of `runs` timings of `work`, in milliseconds. */
function fastest(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Prefix lengths to check: every STEP-th character, every line end, and the whole text. */
function prefixLengths(text: string): number[] {
  const out = new Set<number>([text.length]);
  for (let i = 0; i < text.length; i += STEP) out.add(i);
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') out.add(i).add(i + 1);
  return [...out].sort((a, b) => a - b);
}

describe('typing every fixture draft', { timeout: 120_000 }, () => {
  for (const file of DRAFTS) {
    it(file, () => {
      const text = readFileSync(join(repo, file), 'utf8');
      checker.check(text); // warm up
      const parses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        parseDraft(text);
        parses.push(performance.now() - t0);
      }
      const baseline = Math.max(median(parses), 0.5);
      const timings: Array<{ ms: number; at: number }> = [];
      for (const n of prefixLengths(text)) {
        const prefix = text.slice(0, n);
        const t0 = performance.now();
        try {
          checker.check(prefix);
        } catch (e) {
          assert.fail(`${file}: checking the first ${n} characters threw: ${(e as Error).stack}`);
        }
        timings.push({ ms: performance.now() - t0, at: n });
      }
      const suspects = timings.sort((a, b) => b.ms - a.ms).slice(0, SUSPECTS);
      const slowest = suspects
        .map(({ at }) => ({ at, ms: fastest(REPEATS, () => checker.check(text.slice(0, at))) }))
        .reduce((a, b) => (b.ms > a.ms ? b : a));
      const ratio = slowest.ms / baseline;
      assert.ok(ratio < MAX_RATIO, `${file}: the prefix of ${slowest.at} characters took at best ${slowest.ms.toFixed(1)} ms in ${REPEATS} runs, ${ratio.toFixed(1)}× the median full parse (${baseline.toFixed(1)} ms)`);
    });
  }
});
