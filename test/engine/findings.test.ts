/**
 * Findings that read well everywhere: a message is one line whatever the draft's line breaks, a
 * fix's title says what changes, and a correction that keeps most of the flagged words (a
 * quotation with one wrong word) underlines and replaces only the words that differ, without
 * re-wrapping the draft's lines.
 */

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits, type Checker } from '../../server/src/engine/check.js';
import { fixAllEdits } from '../../server/src/engine/fixAll.js';
import { fixTitle, minimalEdit, oneLine, shorten } from '../../server/src/engine/minimalEdit.js';
import { shippedChecker } from '../support/engine.js';

let checker: Checker;
before(async () => {
  checker = await shippedChecker();
});

/** The edit applied to `old`, to see what it gives. */
function applied(old: string, edit: ReturnType<typeof minimalEdit>): string {
  return old.slice(0, edit.start) + edit.newText + old.slice(edit.end);
}

describe('minimal edits', () => {
  const recorded = 'Among the reasons why Iran is close to Korea is the USA’s enmity toward both our countries';

  it('one wrong word of a quotation: only that word', () => {
    const old = recorded.replace('enmity', 'hostility');
    const edit = minimalEdit(old, recorded);
    assert.equal(old.slice(edit.start, edit.end), 'hostility');
    assert.equal(edit.newText, 'enmity');
  });

  it('the draft’s line breaks stay where they were, outside and inside the changed words', () => {
    const old = 'Among the reasons why Iran is close to Korea is the\nUSA’s hostility toward both\nour countries';
    const edit = minimalEdit(old, recorded);
    assert.equal(old.slice(edit.start, edit.end), 'hostility');
    assert.equal(applied(old, edit), 'Among the reasons why Iran is close to Korea is the\nUSA’s enmity toward both\nour countries');

    const two = 'if big countries threaten small\ncountries, then small countries should';
    const fixed = minimalEdit(two, 'if big countries threaten progressive countries, then progressive countries should');
    assert.equal(two.slice(fixed.start, fixed.end), 'small\ncountries, then small');
    assert.equal(fixed.newText, 'progressive\ncountries, then progressive', 'one for one: the break is kept');
  });

  it('a correction of the first or last words, an insertion or a deletion: the check’s words as they are', () => {
    for (const [old, next] of [
      ['some 500', 'some 300'],
      ['July 2018', 'August 2018'],
      ['Yono-class midget submarine', 'Nodong-1'],
      ['is not based on', 'is based on'],
      ['then countries should', 'then progressive countries should'],
      ['Rouhani', 'Khamenei'],
      ['the  USA’s enmity', 'the USA’s enmity'],
    ] as const) {
      assert.deepEqual(minimalEdit(old, next), { start: 0, end: old.length, newText: next }, `${old} → ${next}`);
    }
  });

  it('words are whole: a change inside a hyphenated name or an abbreviation replaces the whole word', () => {
    const old = 'the Nodong-2 and the U.S. and the rest';
    const edit = minimalEdit(old, 'the Nodong-1 and the U.K. and the rest');
    assert.equal(old.slice(edit.start, edit.end), 'Nodong-2 and the U.S');
    assert.equal(edit.newText, 'Nodong-1 and the U.K');
  });
});

describe('fix titles', () => {
  it('say what changes, on one line', () => {
    assert.equal(fixTitle('hostility', 'enmity'), 'Correct "hostility" to "enmity"');
    assert.equal(fixTitle('the USA’s\nhostility', 'the USA’s enmity'), 'Correct "the USA’s hostility" to "the USA’s enmity"');
  });

  it('shorten long words in the middle, at word boundaries', () => {
    const long = 'Among the reasons why Iran is close to Korea is the USA’s enmity toward both our countries';
    const short = shorten(long);
    assert.equal(short, 'Among the reasons … both our countries');
    assert.ok(short.length <= 40);
    assert.equal(shorten('a'.repeat(60)).length, 40, 'one long word is cut');
    assert.equal(oneLine(' a\n\tb  c \n'), 'a b c');
  });
});

describe('findings from the engine', () => {
  const draft = [
    'Back then, “Among the reasons why Iran is close to Korea is the USA’s',
    'hostility toward both our countries,” Khamenei said.',
    '',
    'The Shahab-3 is a copy of the Yono-class',
    'midget submarine.',
    '',
  ].join('\n');

  it('a quotation with one wrong word: the finding and its fix cover only that word', () => {
    const result = checker.check(draft);
    const quotation = result.findings.find((f) => f.code === 'quotation')!;
    assert.equal(draft.slice(quotation.start, quotation.end), 'hostility');
    const fix = quotation.fixes.find((f) => f.preferred)!;
    assert.equal(fix.title, 'Correct "hostility" to "enmity"');
    assert.deepEqual(fix.edits, [{ start: quotation.start, end: quotation.end, newText: 'enmity' }]);
    assert.equal(quotation.expected, 'enmity');
    const claim = result.claims.find((c) => c.code === 'quotation')!;
    assert.deepEqual([claim.start, claim.end], [quotation.start, quotation.end], 'the refuted claim is the wrong words');
  });

  it('messages are one line, whatever the draft’s line breaks', () => {
    const lineage = checker.check(draft).findings.find((f) => f.code === 'lineage')!;
    assert.match(lineage.message, /derives from the Yono-class midget submarine;/);
    for (const f of checker.check(draft).findings) assert.doesNotMatch(f.message, /\s{2}|\n/, f.message);
  });

  it('fixing touches only the wrong words and never re-wraps a line', () => {
    const fixed = applyEdits(draft, fixAllEdits(checker.check(draft).findings));
    assert.equal(fixed, draft.replace('hostility', 'enmity').replace('Yono-class\nmidget submarine', 'Nodong-1'));
    assert.deepEqual(checker.check(fixed).findings, []);
  });
});
