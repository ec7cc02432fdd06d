/** Markdown as the engine reads it: the prose blocks a full parse finds in tricky documents. */

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { offsetOf, parseDraft } from '../../server/src/engine/markdown/parse.js';

it('reads front matter only when it is closed, and lists after a broken one stay lists', () => {
  // With an unclosed opening fence, remark-frontmatter made the list below a paragraph.
  const broken = parseDraft('---\ntitle: x\n--- y\n\n## H\n\n- first item\n- second item\n');
  assert.deepEqual(broken.blocks.map((b) => b.text), ['title: x\n--- y', 'H', 'first item', 'second item']);
  const closed = parseDraft('---\ntitle: The Shahab-3 is a copy\n---\n\n- first item\n');
  assert.deepEqual(closed.blocks.map((b) => b.text), ['first item'], 'front matter is not prose');
  const toml = parseDraft('+++\ntitle = "x"\n+++\n\nText.\n');
  assert.deepEqual(toml.blocks.map((b) => b.text), ['Text.']);
});

it('reads a table row with its header, and list items as list items, each character where it is written', () => {
  const text = 'Lead-in:\n\n- one: 1\n\n| Missile | Derived from |\n| --- | --- |\n| Shahab-3 | Nodong-1 |\n';
  const parsed = parseDraft(text);
  assert.deepEqual(
    parsed.blocks.map((b) => [b.kind, b.text]),
    [
      ['paragraph', 'Lead-in:'],
      ['listItem', 'one: 1'],
      ['tableCell', 'Missile'],
      ['tableCell', 'Derived from'],
      ['tableCell', 'Shahab-3'],
      ['tableCell', 'Nodong-1'],
      ['tableRow', '\u001FMissile\u001FDerived from\u001E\u001FShahab-3\u001FNodong-1'],
    ],
  );
  const row = parsed.blocks.at(-1)!;
  // The header's words are where the header is, above the row's own range.
  for (const word of ['Missile', 'Derived from', 'Shahab-3', 'Nodong-1']) {
    const i = row.text.indexOf(word);
    const at = offsetOf(row, i);
    assert.equal(text.slice(at, at + word.length), word);
  }
  assert.equal(text.slice(row.start, row.end), '| Shahab-3 | Nodong-1 |');
});

it('reads the line that credits a block quotation with the quotation, and no other closing paragraph', () => {
  const text = '> “Words.”\n>\n> — Ali Khamenei\n\n> First.\n>\n> Second.\n';
  const parsed = parseDraft(text);
  assert.deepEqual(parsed.blocks.map((b) => b.text), ['“Words.”\n— Ali Khamenei', 'First.', 'Second.']);
  const credited = parsed.blocks[0]!;
  const at = offsetOf(credited, credited.text.indexOf('Ali'));
  assert.equal(text.slice(at, at + 12), 'Ali Khamenei');
  assert.equal(text.slice(credited.start, credited.end), '“Words.”\n>\n> — Ali Khamenei');
});
