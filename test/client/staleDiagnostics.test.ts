/**
 * The client's rule for diagnostics an edit made stale: a diagnostic whose whole range an edit
 * replaced (a quick fix) is dropped at once, so no badge keeps counting it; typing inside or
 * next to flagged words leaves it for the server's next check.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replaced, withoutReplaced, type PlainRange } from '../../client/src/staleDiagnostics.js';

const range = (line: number, start: number, end: number, endLine = line): PlainRange => ({ start: { line, character: start }, end: { line: endLine, character: end } });

describe('diagnostics an edit made stale', () => {
  it('a quick fix replacing the flagged words drops the diagnostic', () => {
    assert.equal(replaced(range(2, 30, 57), range(2, 30, 57)), true);
    assert.equal(replaced(range(2, 30, 57), range(2, 0, 3, 3)), true, 'a larger edit around it');
    assert.equal(replaced(range(1, 60, 5, 2), range(1, 0, 9, 2)), true, 'across lines');
  });

  it('typing inside, before or after the flagged words keeps it for the server to judge', () => {
    assert.equal(replaced(range(2, 30, 57), range(2, 31, 31)), false, 'an insertion inside');
    assert.equal(replaced(range(2, 30, 57), range(2, 30, 30)), false, 'an insertion at its start');
    assert.equal(replaced(range(2, 30, 57), range(2, 40, 45)), false, 'part of it replaced');
    assert.equal(replaced(range(2, 30, 57), range(3, 0, 4)), false, 'another line');
  });

  it('keeps the others, and says when nothing changed', () => {
    const diagnostics = [{ range: range(2, 30, 57), code: 'lineage' }, { range: range(5, 0, 4), code: 'date' }];
    assert.deepEqual(withoutReplaced(diagnostics, [range(2, 30, 57)]), [diagnostics[1]]);
    assert.equal(withoutReplaced(diagnostics, [range(7, 0, 0)]), undefined);
  });
});
