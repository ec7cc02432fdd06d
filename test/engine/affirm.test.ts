/** Denials turned into affirmations, for the quick fix of a refuted denial. */

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { affirm, pastTense } from '../../server/src/engine/claims/affirm.js';

it('takes the negation out of a denial, keeping tense and case', () => {
  const cases: Array<[string, string | undefined]> = [
    ['did not end', 'ended'],
    ["didn't receive", 'received'],
    ['Did not visit', 'Visited'],
    ['did not find', 'found'],
    ['does not hold', 'holds'],
    ['doesn’t have', 'has'],
    ['never said', 'said'],
    ['Never visited', 'Visited'],
    ['is not based on', 'is based on'],
    ['was never', 'was'],
    ["wasn't", 'was'],
    ['has not been', 'has been'],
    ["can't", 'can'],
    ['no longer holds', 'holds'],
    ['did not meet with', 'met with'],
    ['did not ship', 'shipped'],
    ['did not copy', 'copied'],
    ['visited', undefined],
  ];
  for (const [words, want] of cases) assert.equal(affirm(words), want, words);
});

it('forms the past tense of regular and irregular verbs', () => {
  assert.deepEqual(['report', 'receive', 'sell', 'say', 'stop', 'carry', 'visit'].map(pastTense), ['reported', 'received', 'sold', 'said', 'stopped', 'carried', 'visited']);
});
