/**
 * Pandoc citations in the editor: completion after `[@` and `; @` offers the fact base's
 * sources (those of the paragraph's claims first) and adds the source to the bibliography
 * through a command; "Insert citation" and "Cite all" return one workspace edit that changes the
 * draft and the bibliography file, created when it does not exist yet. Each draft marks the
 * cursor with `$0`.
 */

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { CodeActionKind, type CodeAction, type CompletionItem, type CreateFile, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../server/src/lsp/actions.js';
import { completion } from '../../server/src/lsp/completion.js';
import type { BibliographyFile } from '../../server/src/lsp/convert.js';
import { ResultCache, type ServerState } from '../../server/src/lsp/state.js';
import { CITE_ALL_KIND, COMMANDS } from '../../server/src/protocol.js';
import { shippedChecker } from '../support/engine.js';

/** The bibliography files the state "reads", by path relative to the drafts' folder. */
const files = new Map<string, string>();
let state: ServerState;
before(async () => {
  const checker = await shippedChecker();
  const options = { citationStyle: 'apa', citationFormat: 'pandoc' } as const;
  const cache = new ResultCache(() => checker, () => options);
  state = {
    base: checker.base,
    checker,
    options,
    resultFor: (d) => cache.get(d),
    parsedFor: (d) => cache.parsedFor(d),
    bibliography: (_draft, path): BibliographyFile => ({ uri: `file:///memos/${path}`, text: files.get(path), version: null }),
  };
});

let version = 0;
function documentOf(draft: string): { document: TextDocument; offset: number } {
  const offset = draft.indexOf('$0');
  return { document: TextDocument.create(`file:///memos/draft${++version}.md`, 'markdown', 1, draft.replace('$0', '')), offset };
}

function complete(draft: string): { items: CompletionItem[]; document: TextDocument } {
  const { document, offset } = documentOf(draft);
  return { items: completion(document, document.positionAt(offset), state), document };
}

function accept(document: TextDocument, item: CompletionItem): string {
  const main = item.textEdit;
  assert.ok(main && 'range' in main);
  return TextDocument.applyEdits(document, [main, ...(item.additionalTextEdits ?? [])]);
}

function itemFor(items: CompletionItem[], id: string): CompletionItem {
  const item = items.find((i) => i.label === id);
  assert.ok(item, `${id} is not offered`);
  return item;
}

/** The draft's text after a code action's edit, and the bibliography's changes. */
function applyAction(document: TextDocument, action: CodeAction): { draft: string; bibliography: Array<TextDocumentEdit | CreateFile> } {
  const changes = action.edit?.documentChanges ?? [];
  const [draft, ...rest] = changes as Array<TextDocumentEdit | CreateFile>;
  assert.ok(draft && 'textDocument' in draft && draft.textDocument.uri === document.uri, 'the draft is edited first');
  return { draft: TextDocument.applyEdits(document, draft.edits as TextEdit[]), bibliography: rest };
}

describe('pandoc citations in the editor', () => {
  it('after [@ and after ; @ in a group, offers every source, the paragraph’s first', () => {
    for (const draft of ['The Shahab-3 is a version of the Nodong-1 [@$0].\n', 'The Shahab-3 is a version of the Nodong-1 [see @x; @$0].\n']) {
      const { items } = complete(draft);
      assert.deepEqual(items.map((i) => i.label).sort(), [...state.base.sources.keys()].sort(), draft);
      assert.equal(itemFor(items, 'oba-iransource').sortText, '0-oba-iransource');
      assert.ok(items.filter((i) => i.label !== 'oba-iransource').every((i) => i.sortText?.startsWith('1-')));
    }
    assert.deepEqual(complete('Mail me at someone@$0 please.\n').items, []);
    assert.deepEqual(complete('Code `[@$0` here.\n').items, []);
  });

  it('accepting writes the key (replacing what was typed), names the bibliography, and adds the source with a command', () => {
    const { items, document } = complete('The Shahab-3 is a version of the Nodong-1 [@ob$0].\n');
    const item = itemFor(items, 'oba-iransource');
    assert.equal(accept(document, item), '---\nbibliography: references.json\n---\n\nThe Shahab-3 is a version of the Nodong-1 [@oba-iransource].\n');
    assert.deepEqual(item.command?.command, COMMANDS.addToBibliography);
    assert.deepEqual(item.command?.arguments, [document.uri, ['oba-iransource']]);
    // With a bibliography named, only the key is written.
    const named = complete('---\nbibliography: refs.json\n---\nThe Shahab-3 is a version of the Nodong-1 [@$0]\n');
    assert.equal(itemFor(named.items, 'oba-iransource').additionalTextEdits, undefined);
  });

  it('"Insert citation" edits the draft and creates the bibliography; with one there, adds to it', () => {
    const text = '---\nbibliography: refs.json\n---\n\nThe Shahab-3 is a version of the Nodong-1.\n';
    const { document } = documentOf(text);
    const at = { start: document.positionAt(text.indexOf('Shahab')), end: document.positionAt(text.indexOf('Shahab')) };
    const quickFix = () => codeActions(document, { textDocument: { uri: document.uri }, range: at, context: { diagnostics: [], only: [CodeActionKind.QuickFix] } }, state).find((a) => a.title.startsWith('Insert citation'))!;

    files.delete('refs.json');
    const created = applyAction(document, quickFix());
    assert.equal(created.draft, '---\nbibliography: refs.json\n---\n\nThe Shahab-3 is a version of the Nodong-1 [@oba-iransource].\n');
    const [create, write] = created.bibliography as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: 'file:///memos/refs.json', options: { ignoreIfExists: true } });
    assert.equal(write.textDocument.uri, 'file:///memos/refs.json');
    const bib = TextDocument.applyEdits(TextDocument.create('file:///memos/refs.json', 'json', 0, ''), write.edits as TextEdit[]);
    assert.deepEqual((JSON.parse(bib) as Array<{ id: string }>).map((i) => i.id), ['oba-iransource']);

    // The file exists now, with another item: one edit of it, positions in its own lines.
    files.set('refs.json', '[\n  {"id": "other", "type": "book"}\n]\n');
    const added = applyAction(document, quickFix()).bibliography;
    assert.equal(added.length, 1);
    const edit = added[0] as TextDocumentEdit;
    assert.deepEqual((edit.edits[0] as TextEdit).range.start, { line: 1, character: 33 });
    // Already there: the bibliography is not edited.
    files.set('refs.json', bib);
    assert.deepEqual(applyAction(document, quickFix()).bibliography, []);
  });

  it('"Cite all" cites each sentence and adds each source once', () => {
    files.delete('references.json');
    const text = 'The Shahab-3 is based on the Nodong-1. Khamenei visited North Korea in 1989.\n';
    const { document } = documentOf(text);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const action = codeActions(document, { textDocument: { uri: document.uri }, range, context: { diagnostics: [], only: [CITE_ALL_KIND] } }, state)[0]!;
    const { draft, bibliography } = applyAction(document, action);
    assert.equal(draft, '---\nbibliography: references.json\n---\n\nThe Shahab-3 is based on the Nodong-1 [@oba-iransource]. Khamenei visited North Korea in 1989 [@oba-iransource].\n');
    const write = bibliography[1] as TextDocumentEdit;
    assert.equal((write.edits[0] as TextEdit).newText.match(/"id": "oba-iransource"/g)?.length, 1);
  });
});
