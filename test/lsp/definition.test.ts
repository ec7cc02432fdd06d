/**
 * Go to definition from a draft to the fact base: an entity's name leads to its entry's `id` in
 * its YAML file, a footnote or a Pandoc citation key that names a source to the source's entry.
 * `$0` marks the cursor.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { definition } from '../../server/src/lsp/definition.js';
import { ResultCache, type ServerState } from '../../server/src/lsp/state.js';
import { shippedChecker } from '../support/engine.js';

let state: ServerState;
before(async () => {
  const checker = await shippedChecker();
  const cache = new ResultCache(() => checker, () => ({}));
  state = { base: checker.base, checker, options: { citationStyle: 'apa' }, resultFor: (d) => cache.get(d), parsedFor: (d) => cache.parsedFor(d) };
});

let version = 0;
function definitionAt(draft: string): Location[] {
  const offset = draft.indexOf('$0');
  assert.ok(offset >= 0, 'the draft has no $0 cursor');
  const document = TextDocument.create(`file:///draft${++version}.md`, 'markdown', 1, draft.replace('$0', ''));
  return definition(document, document.positionAt(offset), state);
}

/** `file.yaml:line: text of the range`, to compare a location with what the fact file holds. */
function describeLocation(location: Location): string {
  const path = fileURLToPath(location.uri);
  const line = readFileSync(path, 'utf8').split(/\r?\n/)[location.range.start.line] ?? '';
  assert.equal(location.range.end.line, location.range.start.line);
  return `${path.split(/[\\/]/).pop()}:${location.range.start.line + 1}: ${line.slice(location.range.start.character, location.range.end.character)}`;
}

describe('definition', () => {
  it('an alias of an entity leads to its id in the fact file', () => {
    assert.deepEqual(definitionAt('The Shahab-3 is a version of the No$0dong.\n').map(describeLocation), ['weapons.yaml:11: nodong-1']);
  });

  it('the cursor right after the name still counts; one word away does not', () => {
    assert.deepEqual(definitionAt('Iran built it from the Nodong$0.\n').map(describeLocation), ['weapons.yaml:11: nodong-1']);
    assert.deepEqual(definitionAt('Iran built it $0from the Nodong.\n'), []);
  });

  it('a footnote naming a source leads to the source, in a reference and in a definition', () => {
    const draft = 'The Shahab-3 is a version of the Nodong-1.[^oba-iransource]\n\n[^oba-iransource]: Oba.\n';
    assert.deepEqual(definitionAt(draft.replace('[^oba-iran', '[^oba-$0iran')).map(describeLocation), ['sources.yaml:11: oba-iransource']);
    assert.deepEqual(definitionAt(draft.replace('\n[^oba', '\n[^$0oba')).map(describeLocation), ['sources.yaml:11: oba-iransource']);
  });

  it('a Pandoc citation key naming a source leads to the source, from its @ to its end, in any group', () => {
    const draft = 'The Shahab-3 is a version of the Nodong-1 [see @oba-iransource, para. 3; @unknown-key].\n';
    for (const at of ['$0@oba', '@$0oba', '@oba-iransource$0,']) {
      assert.deepEqual(definitionAt(draft.replace(at.replace('$0', ''), at)).map(describeLocation), ['sources.yaml:11: oba-iransource'], at);
    }
    assert.deepEqual(definitionAt(draft.replace('@unknown', '@unk$0nown')), []);
    assert.deepEqual(definitionAt('Write to a$0@oba-iransource.\n'), [], 'an address is no citation');
    assert.deepEqual(definitionAt('The `[@oba-$0iransource]` key.\n'), [], 'nor code');
  });

  it('nothing inside code', () => {
    assert.deepEqual(definitionAt('```\nThe Nodong$0 flew.\n```\n'), []);
    assert.deepEqual(definitionAt('The `Nodong$0` flew.\n'), []);
  });
});
