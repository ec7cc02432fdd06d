/** Recasts: claims written out from pieces of a block, and ranges in them mapped back to the block. */

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lowerFirst, mapRange, RecastBuilder } from '../../server/src/engine/reading/recast.js';

const block = 'Alpha beta; gamma, delta.';

it('maps a range of pieces back to the block, and says when one edit could replace it', () => {
  // "gamma beta delta": the subject, the borrowed verb, the rest.
  const r = new RecastBuilder().piece(block, 12, 17).own(' ').piece(block, 6, 10).own(' ').piece(block, 19, 24).own('.').build();
  assert.equal(r.text, 'gamma beta delta.');
  const at = (word: string) => [r.text.indexOf(word), r.text.indexOf(word) + word.length] as const;
  assert.deepEqual(mapRange(r, ...at('delta')), { start: 19, end: 24, contiguous: true });
  assert.deepEqual(mapRange(r, ...at('beta')), { start: 6, end: 10, contiguous: true });
  // A range across pieces covers them in the block, and no single edit makes it.
  const across = mapRange(r, 0, r.text.length);
  assert.deepEqual(across, { start: 6, end: 24, contiguous: false });
  // Words of the recast's own are nowhere in the block.
  assert.equal(mapRange(r, r.text.length - 1, r.text.length), undefined);
  // A recast's own space at the edge of a range does not break it.
  assert.deepEqual(mapRange(r, at('gamma')[0], at('gamma')[1] + 1), { start: 12, end: 17, contiguous: true });
});

it('lowers the first letter of a label that moves inside a sentence, keeping its place', () => {
  const r = new RecastBuilder().own('nine ').piece('Midget submarines', 0, 17, lowerFirst).build();
  assert.equal(r.text, 'nine midget submarines');
  assert.deepEqual(mapRange(r, 5, 11), { start: 0, end: 6, contiguous: true });
});
