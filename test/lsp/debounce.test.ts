/**
 * The debounce's policy, with the clock passed in: when an edit is checked at once, when it
 * waits, and when it joins the check already pending. The server's use of it (the open's check
 * is not postponed, a first keystroke is checked at once) is tested over JSON-RPC in
 * test/server/server.test.ts.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BURST_DELAY_MS, BURST_GAP_MS, CHECKED_LINE, checkedLine, Debouncer, median, SLOW_RECHECK_MS, TRACE_LINE, traceLine, type EditContext } from '../../server/src/lsp/debounce.js';

const URI = 'file:///draft.md';
const FAST = [3, 4, 5, 3, 4];
const SLOW = [40, 45, 50, 42, 41];
const auto = (recentRechecksMs: readonly number[], pending = false): EditContext => ({ pending, userDelayMs: undefined, recentRechecksMs });

describe('debounce', () => {
  it('takes the change event that comes with an open for no edit, once', () => {
    const d = new Debouncer();
    assert.equal(d.opened(URI, 1).kind, 'now');
    assert.equal(d.isOpenEcho(URI, 1), true);
    assert.equal(d.isOpenEcho(URI, 1), false, 'a second change event at the open version is a real one');
    d.opened(URI, 5);
    assert.equal(d.isOpenEcho(URI, 6), false, 'another version is an edit');
    d.edited(URI, 0, auto([]));
    assert.equal(d.isOpenEcho(URI, 5), false, 'an edit ends what the open noted');
  });

  it('checks the first keystroke after opening at once, however slow the re-checks before the draft was reopened', () => {
    const d = new Debouncer();
    d.opened(URI, 1);
    assert.equal(d.edited(URI, 0, auto(SLOW)).kind, 'now');
  });

  it('checks at once while re-checks are fast, even in a burst', () => {
    const d = new Debouncer();
    for (let t = 0; t < 500; t += 10) assert.equal(d.edited(URI, t, auto(FAST)).kind, 'now');
  });

  it('makes a burst wait when re-checks are slow, and checks the edit after a pause at once', () => {
    const d = new Debouncer();
    assert.equal(d.edited(URI, 1000, auto(SLOW)).kind, 'now', 'the first edit of a burst');
    assert.deepEqual(pick(d.edited(URI, 1000 + BURST_GAP_MS - 1, auto(SLOW))), { kind: 'wait', ms: BURST_DELAY_MS });
    assert.equal(d.edited(URI, 1000 + 3 * BURST_GAP_MS, auto(SLOW)).kind, 'now', 'after a pause');
  });

  it('lets an edit join the pending check instead of postponing it', () => {
    const d = new Debouncer();
    d.edited(URI, 0, auto(SLOW));
    assert.equal(d.edited(URI, 1, auto(SLOW, true)).kind, 'join');
    assert.equal(d.edited(URI, 2, auto(FAST, true)).kind, 'join');
  });

  it('judges slowness by the median of the latest re-checks, not by one slow one or old ones', () => {
    const d = new Debouncer();
    const burst = (recent: number[]) => {
      d.edited(URI, 0, auto(recent));
      return d.edited(URI, 1, auto(recent)).kind;
    };
    assert.equal(burst([3, 4, 120, 3, 5]), 'now', 'one footnote edit parsed whole');
    assert.equal(burst([90, 90, 90, 3, 3, 3, 3, 3, 3, 3]), 'now', 'only the latest seven count');
    assert.equal(burst([3, 3, 3, 3, 90, 90, 90, 90]), 'wait');
    assert.equal(burst([90, 90]), 'now', 'two re-checks are too few to call slow');
    assert.equal(burst([SLOW_RECHECK_MS, SLOW_RECHECK_MS, SLOW_RECHECK_MS]), 'wait', 'the threshold is slow');
  });

  it('waits the delay the user set, restarting it with every edit', () => {
    const d = new Debouncer();
    for (const pending of [false, true]) {
      assert.deepEqual(pick(d.edited(URI, 0, { pending, userDelayMs: 400, recentRechecksMs: FAST })), { kind: 'wait', ms: 400 });
    }
    assert.deepEqual(pick(d.edited(URI, 0, { pending: false, userDelayMs: 0, recentRechecksMs: SLOW })), { kind: 'wait', ms: 0 });
  });

  it('forgets a closed draft', () => {
    const d = new Debouncer();
    d.opened(URI, 1);
    d.edited(URI, 0, auto(SLOW));
    d.forget(URI);
    assert.equal(d.isOpenEcho(URI, 1), false);
    assert.equal(d.edited(URI, 1, auto(SLOW)).kind, 'now', 'no burst carried over from before the close');
  });

  it('takes the lower middle of an even count as the median', () => {
    assert.equal(median([]), undefined);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2);
  });

  it('traces each decision in a line the bench reads back', () => {
    const d = new Debouncer();
    d.edited(URI, 0, auto(SLOW));
    const line = traceLine(URI, 12, d.edited(URI, 10, auto(SLOW)));
    assert.match(line, /wait 150 ms: re-checks are slow \(median 42\.0 ms\) and the last edit was 10 ms ago/);
    assert.deepEqual(TRACE_LINE.exec(line)?.slice(1), [URI, '12', 'wait']);
    const checked = checkedLine(URI, 12, 3.14159);
    assert.deepEqual(CHECKED_LINE.exec(checked)?.slice(1), [URI, '12', '3.1']);
    assert.equal(TRACE_LINE.exec(checked), null, 'a check time is no decision');
  });
});

function pick(d: { kind: string; ms?: number }): { kind: string; ms?: number } {
  return d.kind === 'wait' ? { kind: d.kind, ms: d.ms } : { kind: d.kind };
}
