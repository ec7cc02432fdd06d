/**
 * Citation completion after `[^`: every source is offered with its title and formatted
 * reference; accepting one writes the reference and, once per source, the footnote definition.
 * Each draft marks the cursor with `$0`.
 */

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completion } from '../../server/src/lsp/completion.js';
import { ResultCache, type ServerState } from '../../server/src/lsp/state.js';
import { shippedChecker } from '../support/engine.js';

let state: ServerState;
before(async () => {
  const checker = await shippedChecker();
  const cache = new ResultCache(() => checker, () => ({}));
  state = { base: checker.base, checker, options: { citationStyle: 'apa' }, resultFor: (d) => cache.get(d), parsedFor: (d) => cache.parsedFor(d) };
});

const REFERENCE =
  'Oba, M. (n.d.). Iran-North Korea relationship reflects failed US policies. IranSource. https://www.atlanticcouncil.org/blogs/iransource/iran-north-korea-relationship-reflects-failed-us-policies/';

let version = 0;
/** The completions at the `$0` of a draft, and its document. */
function complete(draft: string): { items: CompletionItem[]; document: TextDocument } {
  const offset = draft.indexOf('$0');
  assert.ok(offset >= 0, 'the draft has no $0 cursor');
  const document = TextDocument.create(`file:///draft${++version}.md`, 'markdown', 1, draft.replace('$0', ''));
  return { items: completion(document, document.positionAt(offset), state), document };
}

/** The document's text after accepting `item`, as an editor applies its edits. */
function accept(document: TextDocument, item: CompletionItem): string {
  const main = item.textEdit;
  assert.ok(main && 'range' in main, 'the item has a text edit');
  const edits: TextEdit[] = [main, ...(item.additionalTextEdits ?? [])];
  return TextDocument.applyEdits(document, edits);
}

function itemFor(items: CompletionItem[], id: string): CompletionItem {
  const item = items.find((i) => i.label === id);
  assert.ok(item, `${id} is not offered`);
  return item;
}

describe('completion', () => {
  it('after [^ offers every source with its title and formatted reference', () => {
    const { items } = complete('The Shahab-3 is a version of the Nodong-1.[^$0\n');
    assert.deepEqual(items.map((i) => i.label).sort(), [...state.base.sources.keys()].sort());
    const oba = itemFor(items, 'oba-iransource');
    assert.equal(oba.detail, 'Iran-North Korea relationship reflects failed US policies');
    const doc = oba.documentation;
    assert.ok(doc && typeof doc === 'object' && doc.kind === 'markdown');
    // Escaped: the URL cannot become a link.
    assert.ok(!doc.value.includes('https://'), doc.value);
    assert.equal(doc.value.replace(/\\(.)/g, '$1'), REFERENCE);
  });

  it('sources cited by claims of the paragraph sort first', () => {
    const near = complete('The Shahab-3 is a version of the Nodong-1.[^$0\n').items;
    const others = [...state.base.sources.keys()].filter((id) => id !== 'oba-iransource');
    assert.deepEqual(near.map((i) => `${i.label} ${i.sortText}`), ['oba-iransource 0-oba-iransource', ...others.map((id) => `${id} 1-${id}`)]);
    const elsewhere = complete('The Shahab-3 is a version of the Nodong-1.\n\nMore.[^$0\n').items;
    assert.deepEqual(elsewhere.map((i) => i.sortText?.[0]), others.map(() => '1').concat('1'));
  });

  it('accepting inserts the reference and appends the definition after a blank line', () => {
    const { items, document } = complete('The Shahab-3 is a version of the Nodong-1.[^$0\n');
    assert.equal(
      accept(document, itemFor(items, 'oba-iransource')),
      `The Shahab-3 is a version of the Nodong-1.[^oba-iransource]\n\n[^oba-iransource]: ${REFERENCE}\n`,
    );
  });

  it('replaces the label typed so far and an auto-closed bracket, keeping CRLF line endings', () => {
    const { items, document } = complete('The Shahab-3 is a version of the Nodong-1.[^ob$0]\r\nMore text.');
    const item = itemFor(items, 'oba-iransource');
    assert.equal(item.filterText, '[^oba-iransource');
    assert.equal(
      accept(document, item),
      `The Shahab-3 is a version of the Nodong-1.[^oba-iransource]\r\nMore text.\r\n\r\n[^oba-iransource]: ${REFERENCE}\r\n`,
    );
  });

  it('reuses a footnote that already cites the source, without a second definition', () => {
    const draft = 'The Shahab-3 is a version of the Nodong-1.[^$0\n\nIt flew.[^oba]\n\n[^oba]: Oba, IranSource, https://www.atlanticcouncil.org/blogs/iransource/iran-north-korea-relationship-reflects-failed-us-policies/\n';
    const { items, document } = complete(draft);
    const item = itemFor(items, 'oba-iransource');
    assert.equal(item.additionalTextEdits, undefined);
    assert.equal(accept(document, item), draft.replace('[^$0', '[^oba]'));
  });

  it('inside an existing reference, replaces its whole label', () => {
    const draft = 'The Shahab-3 is a version of the Nodong-1.[^oba-$0xyz]\n\n[^oba-xyz]: Some note.\n';
    const { items, document } = complete(draft);
    assert.equal(accept(document, itemFor(items, 'unsc-consolidated-list')).split('\n\n')[0], 'The Shahab-3 is a version of the Nodong-1.[^unsc-consolidated-list]');
  });

  it('offers nothing inside a fenced code block or inline code, nor without [^', () => {
    assert.deepEqual(complete('Text.\n\n```\nnote[^$0\n```\n').items, []);
    assert.deepEqual(complete('Text `a[^$0` more.\n').items, []);
    assert.deepEqual(complete('Text ^$0 more.\n').items, []);
    assert.deepEqual(complete('Text [^a b$0 more.\n').items, []);
    assert.deepEqual(complete('Text.\n\n[^$0]: A note.\n').items, []);
  });
});
