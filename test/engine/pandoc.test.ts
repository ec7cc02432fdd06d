/**
 * Pandoc citations (`citationFormat: pandoc`): `[@id]` before the sentence's final stop, the
 * front matter naming the bibliography (added when it names none), and the source's CSL-JSON
 * added to that bibliography, once. The bibliography's text is given to the engine, which
 * returns its edits: nothing here touches a file.
 */

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits, type Checker, type CheckOptions, type Fix } from '../../server/src/engine/check.js';
import { citeAll } from '../../server/src/engine/fixAll.js';
import { bibliographyChange, citationKeys, type CslItem } from '../../server/src/engine/pandoc.js';
import { shippedChecker } from '../support/engine.js';

let checker: Checker;
before(async () => {
  checker = await shippedChecker();
});

const PANDOC: CheckOptions = { citationFormat: 'pandoc' };
const CLAIM = 'The Shahab-3 is Iran’s version of the Nodong-1.';

/** The citation fix of the first claim, or undefined when it has none. */
function citeFix(text: string): Fix | undefined {
  return checker.check(text, PANDOC).claims[0]?.fixes.find((f) => f.kind === 'cite');
}

/** A bibliography's text after adding `items` to `current` (undefined: no file yet). */
function withItems(current: string | undefined, items: readonly CslItem[]): string | undefined {
  const change = bibliographyChange(current, items);
  assert.ok(!(change && 'error' in change), 'the bibliography can be edited');
  return change ? applyEdits(current ?? '', change.edits) : undefined;
}

describe('pandoc citations', () => {
  it('no front matter: the citation goes before the stop, and front matter names references.json', () => {
    const text = `${CLAIM} It is old.\n`;
    const fix = citeFix(text)!;
    assert.equal(
      applyEdits(text, fix.edits),
      '---\nbibliography: references.json\n---\n\nThe Shahab-3 is Iran’s version of the Nodong-1 [@oba-iransource]. It is old.\n',
    );
    assert.equal(fix.bibliography?.path, 'references.json');
    assert.deepEqual(fix.bibliography.items.map((i) => i.id), ['oba-iransource']);
    assert.ok(!('origin' in fix.bibliography.items[0]!), 'no Factcheck-internal field');
    // A new bibliography file: a CSL-JSON array of the item.
    const change = bibliographyChange(undefined, fix.bibliography.items);
    assert.ok(change && !('error' in change) && change.create);
    const created = JSON.parse(applyEdits('', change.edits)) as CslItem[];
    assert.deepEqual(created.map((i) => [i.id, i['type'], i['title']]), [['oba-iransource', 'post-weblog', 'Iran-North Korea relationship reflects failed US policies']]);
  });

  it('front matter without a bibliography gets one line before its closing fence, in its line endings', () => {
    const text = `---\r\ntitle: Memo\r\n---\r\n\r\n${CLAIM}\r\n`;
    assert.equal(
      applyEdits(text, citeFix(text)!.edits),
      '---\r\ntitle: Memo\r\nbibliography: references.json\r\n---\r\n\r\nThe Shahab-3 is Iran’s version of the Nodong-1 [@oba-iransource].\r\n',
    );
  });

  it('an existing bibliography: the front matter is left alone and the source is added once, touching nothing else', () => {
    const text = `---\ntitle: Memo\nbibliography: [refs.bib, notes/refs.json]\n---\n\n${CLAIM}\n`;
    const fix = citeFix(text)!;
    assert.deepEqual(fix.edits.map((e) => e.newText), [' [@oba-iransource]']);
    assert.equal(fix.bibliography?.path, 'notes/refs.json');
    const current = '[\n    {"id": "other", "type": "book", "title": "Other"}\n]\n';
    const after = withItems(current, fix.bibliography.items)!;
    assert.ok(after.startsWith('[\n    {"id": "other", "type": "book", "title": "Other"},\n  {\n    "id": "oba-iransource",'), after);
    assert.deepEqual((JSON.parse(after) as CslItem[]).map((i) => i.id), ['other', 'oba-iransource']);
    assert.equal(withItems(after, fix.bibliography.items), undefined, 'a source already there is not added again');
    assert.deepEqual((JSON.parse(withItems('[]', fix.bibliography.items)!) as CslItem[]).map((i) => i.id), ['oba-iransource']);
    assert.ok('error' in bibliographyChange('{"id": "x"}', fix.bibliography.items)!, 'a file that is not an array is left alone');
  });

  it('a claim already followed by a citation of its source is not cited again', () => {
    for (const cited of ['[@oba-iransource]', '[@oba-iransource, p. 3]', '[see @oba-iransource]', '[@other; @oba-iransource]', '[-@oba-iransource]']) {
      const text = `The Shahab-3 is Iran’s version of the Nodong-1 ${cited}.\n`;
      assert.equal(citeFix(text), undefined, cited);
    }
    // Another source cited there does not count; the source joins its group.
    const other = 'The Shahab-3 is Iran’s version of the Nodong-1 [@other].\n';
    assert.equal(applyEdits(other, citeFix(other)!.edits).split('\n').at(-2), 'The Shahab-3 is Iran’s version of the Nodong-1 [@other; @oba-iransource].');
    assert.deepEqual(citationKeys('see @a, p. 3; -@b:c; @{d e}'), ['a', 'b:c', 'd e']);
  });

  it('front matter that names only other bibliographies, an empty one, or is TOML: the citation is written, no bibliography touched', () => {
    for (const front of ['---\nbibliography: refs.bib\n---\n', '---\nbibliography:\n---\n', '+++\ntitle = "x"\n+++\n']) {
      const fix = citeFix(`${front}\n${CLAIM}\n`)!;
      assert.deepEqual(fix.edits.map((e) => e.newText), [' [@oba-iransource]'], front);
      assert.equal(fix.bibliography, undefined, front);
    }
  });

  it('a sentence with no final stop (a heading, a line without one) is cited at its end', () => {
    assert.equal(citeFix('The Shahab-3 is Iran’s version of the Nodong-1\n')?.edits.at(-1)?.newText, ' [@oba-iransource]');
    const text = '## The Shahab-3 is Iran’s version of the Nodong-1\n';
    assert.equal(applyEdits(text, citeFix(text)!.edits).split('\n').slice(-2)[0], '## The Shahab-3 is Iran’s version of the Nodong-1 [@oba-iransource]');
  });

  it('cite all: one group per sentence, the front matter named once, each source added once; citing again adds nothing', () => {
    const text = 'The Shahab-3 is based on the Nodong-1. Khamenei visited North Korea in 1989.\n';
    const { edits, bibliography } = citeAll(checker.check(text, PANDOC).claims);
    const cited = applyEdits(text, edits);
    assert.equal(cited, '---\nbibliography: references.json\n---\n\nThe Shahab-3 is based on the Nodong-1 [@oba-iransource]. Khamenei visited North Korea in 1989 [@oba-iransource].\n');
    assert.deepEqual(bibliography?.items.map((i) => i.id), ['oba-iransource']);
    assert.deepEqual(citeAll(checker.check(cited, PANDOC).claims).edits, []);
  });

  it('footnotes stay the default', () => {
    assert.deepEqual(checker.check(`${CLAIM}\n`).claims[0]!.fixes[0]!.edits.map((e) => e.newText.split(':')[0]), ['[^oba-iransource]', '\n[^oba-iransource]']);
  });
});
