/**
 * Checking is linear in the length of a line: the reading layer and every check work per
 * sentence and per phrase, and no search runs from one mention to the end of its block. A line
 * of 4,000 repetitions of a claim must take less than 10× a line of 1,000 (linear is 4×; the old
 * engine took 17×). Each size is timed as the fastest of three runs, so that one pause of a busy
 * machine does not count.
 */

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Checker } from '../../server/src/engine/check.js';
import { shippedChecker } from '../support/engine.js';

const LINES: Record<string, string> = {
  'a lineage claim': 'The Shahab-3 is a copy of the Yono-class midget submarine. ',
  'a meeting, a summit and a quotation': 'Rouhani received Ri Yong Ho in Tehran in August 2018, shortly after the first US-North Korea summit in Singapore, and "You have proved in Korea that you have the power to confront America," Khamenei said. ',
  'names with no sentence break': 'Shahab-3, Nodong-1, KOMID, Green Pine, Iran, ',
  // Context across sentences: what earlier sentences named must not pile up along the block.
  'pronouns and descriptions of earlier sentences': "Ali Khamenei toured North Korea in 1989. He was then the country's supreme leader. The talks took place in Tehran. ",
  // One sentence of gapped clauses that never ends, and reports each rejected by the next sentence.
  'gapped clauses with no sentence break': "Iran's Shahab-3 is its version of the Nodong-1; the Ghadir-class, of the Yono-class; ",
  'reports and their rejections': 'A viral post claims the Shahab-3 is a copy of the Scud-C. It is not. Pundits wrongly said that Kim Il Sung met Rouhani. ',
};

let checker: Checker;
before(async () => {
  checker = await shippedChecker();
});

function fastest(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    checker.check(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('checking time grows linearly with a line of claims', { timeout: 300_000 }, () => {
  for (const [what, sentence] of Object.entries(LINES)) {
    it(what, () => {
      checker.check(sentence.repeat(50)); // warm up
      const small = fastest(sentence.repeat(1000));
      const large = fastest(sentence.repeat(4000));
      const ratio = large / Math.max(small, 1);
      assert.ok(ratio < 10, `4,000 repetitions took ${large.toFixed(0)} ms, ${ratio.toFixed(1)}× the ${small.toFixed(0)} ms of 1,000 (linear is 4×)`);
    });
  }
});
