/** Markdown as the engine reads it: the prose blocks a full parse finds in tricky documents. */

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseDraft } from '../../server/src/engine/markdown/parse.js';

it('reads front matter only when it is closed, and lists after a broken one stay lists', () => {
  // With an unclosed opening fence, remark-frontmatter made the list below a paragraph.
  const broken = parseDraft('---\ntitle: x\n--- y\n\n## H\n\n- first item\n- second item\n');
  assert.deepEqual(broken.blocks.map((b) => b.text), ['title: x\n--- y', 'H', 'first item', 'second item']);
  const closed = parseDraft('---\ntitle: The Shahab-3 is a copy\n---\n\n- first item\n');
  assert.deepEqual(closed.blocks.map((b) => b.text), ['first item'], 'front matter is not prose');
  const toml = parseDraft('+++\ntitle = "x"\n+++\n\nText.\n');
  assert.deepEqual(toml.blocks.map((b) => b.text), ['Text.']);
});
