/**
 * Document links from footnote labels and Pandoc citation keys that name a source to the source's web page.
 */

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentLinks } from '../../server/src/lsp/links.js';
import { ResultCache, type ServerState } from '../../server/src/lsp/state.js';
import { shippedChecker } from '../support/engine.js';

let state: ServerState;
before(async () => {
  const checker = await shippedChecker();
  const cache = new ResultCache(() => checker, () => ({}));
  state = { base: checker.base, checker, options: { citationStyle: 'apa' }, resultFor: (d) => cache.get(d), parsedFor: (d) => cache.parsedFor(d) };
});

const URL = 'https://www.atlanticcouncil.org/blogs/iransource/iran-north-korea-relationship-reflects-failed-us-policies/';
const TITLE = 'Iran-North Korea relationship reflects failed US policies';

let version = 0;
/** Each link as `linked text -> target (tooltip)`. */
function links(draft: string): string[] {
  const document = TextDocument.create(`file:///draft${++version}.md`, 'markdown', 1, draft);
  return documentLinks(document, state).map((l) => `${document.getText(l.range)} -> ${l.target} (${l.tooltip})`);
}

describe('document links', () => {
  it('a reference and a definition naming a source link to its URL', () => {
    assert.deepEqual(links('The Shahab-3 is a version of the Nodong-1.[^oba-iransource]\n\n[^oba-iransource]: Oba.\n'), [
      `oba-iransource -> ${URL} (${TITLE})`,
      `oba-iransource -> ${URL} (${TITLE})`,
    ]);
  });

  it('a reference without a definition still links', () => {
    assert.deepEqual(links('It flew.[^oba-iransource]\n'), [`oba-iransource -> ${URL} (${TITLE})`]);
  });

  it('Pandoc citation keys naming a source link to its URL, each key of a group on its own', () => {
    assert.deepEqual(links('It flew [see @oba-iransource, p. 3; @other; -@{oba-iransource}].\n\n`[@oba-iransource]`\n'), [
      `oba-iransource -> ${URL} (${TITLE})`,
      `oba-iransource -> ${URL} (${TITLE})`,
    ]);
  });

  it('no link for unknown labels, sources without a web address, or labels in code', () => {
    assert.deepEqual(links('It flew.[^other] and [^unsc-consolidated-list].\n\n`[^oba-iransource]`\n\n```\n[^oba-iransource]\n```\n'), []);
  });
});
