/**
 * A session checks the limits of an edited draft by reading only what the edit touched. That
 * must give exactly the answer of a scan of the whole text, for every edit: line breaks of every
 * kind (a CR and an LF may meet at the edit's edge), and nesting that an edit deepens or undoes.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { random } from '../../bench/drafts.js';
import { editBetween } from '../../server/src/engine/markdown/incremental.js';
import { exceedsLimits, exceedsLimitsAfterEdit, MAX_LINES, MAX_NESTING, within, type Within } from '../../server/src/engine/markdown/limits.js';

const PIECES = ['\n', '\r', '\r\n', '\n\n', '> ', '>', '- ', '* ', '1. ', '  ', '\t', 'x', 'word ', '>'.repeat(60) + ' ', '- '.repeat(40)];

function edited(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const cut = rand() < 0.5 ? 0 : Math.floor(rand() * 8);
  const inserted = rand() < 0.3 ? '' : Array.from({ length: 1 + Math.floor(rand() * 3) }, () => PIECES[Math.floor(rand() * PIECES.length)]).join('');
  return text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + cut));
}

/** Edits `start` at random, checking each edit of a text that passed against a whole scan. */
function walk(start: string, seed: number, steps: number): number {
  const rand = random(seed);
  let text = start;
  let state: Within | undefined = within(text);
  let compared = 0;
  for (let i = 0; i < steps; i++) {
    const next = edited(text, rand);
    if (state) {
      const { prefix, suffix } = editBetween(text, next);
      const got = exceedsLimitsAfterEdit(state, next, prefix, suffix);
      assert.equal(got.reason, exceedsLimits(next), `edit ${i} of seed ${seed}: ${JSON.stringify(next.slice(Math.max(0, prefix - 20), next.length - suffix + 20))}`);
      assert.deepEqual(got.state, within(next));
      compared++;
      state = got.state;
    } else state = within(next);
    text = next;
  }
  return compared;
}

describe('limits after an edit', () => {
  it('agree with a scan of the whole text near the nesting limit', () => {
    const deep = `${'> '.repeat(MAX_NESTING - 2)}x\n- a\r\n\r- b\n`;
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) compared += walk(deep, seed, 60);
    assert.ok(compared > 1000, `only ${compared} edits of a text within the limits`);
  });

  it('agree with a scan of the whole text near the line limit, with every kind of line break', () => {
    const lines = `${'a\n'.repeat(MAX_LINES / 2 - 5)}${'b\r\n'.repeat(MAX_LINES / 4)}${'c\r'.repeat(MAX_LINES / 4 - 6)}`;
    let compared = 0;
    for (let seed = 1; seed <= 4; seed++) compared += walk(lines, seed, 40);
    assert.ok(compared > 40, `only ${compared} edits of a text within the limits`);
  });
});
