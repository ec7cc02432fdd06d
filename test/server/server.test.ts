/**
 * The language server over a real JSON-RPC connection: the built server as a child process,
 * driven by a plain LSP client over stdio, as any editor would. Each test waits for conditions
 * (diagnostics of a version, an applied edit), never for fixed sleeps.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  ExecuteCommandRequest,
  HoverRequest,
  type CodeAction,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { TRACE_LINE } from '../../server/src/lsp/debounce.js';
import { LspClient } from '../support/lspClient.js';

const WRONG = 'The Shahab-3 is a copy of the Yono-class midget submarine.\n';
const repo = join(import.meta.dirname, '..', '..');
const workspace = mkdtempSync(join(tmpdir(), 'factcheck-ls-'));
after(() => rmSync(workspace, { recursive: true, force: true }));
const messageOf = (m: string | MarkupContent) => (typeof m === 'string' ? m : m.value);
const uri = (name: string) => pathToFileURL(join(workspace, name)).href;
/** The server's scheduling decisions for a draft, as it traced them: [version, now | wait | join]. */
const decisions = (client: LspClient, draft: string) =>
  client.traces.map((t) => TRACE_LINE.exec(t)).filter((m) => m?.[1] === draft).map((m) => [Number(m![2]), m![3]]);

describe('language server over JSON-RPC', { timeout: 120_000 }, () => {
  it('diagnoses on open, re-checks as you type, corrects with a quick fix', async () => {
    const client = await LspClient.start({ workspace });
    try {
      const draft = uri('draft.md');
      await client.open(draft, WRONG);
      const first = await client.diagnosticsFor(draft, 1);
      assert.equal(first.diagnostics.length, 1);
      const d = first.diagnostics[0]!;
      assert.equal(d.code, 'lineage');
      assert.equal(d.source, 'factcheck');
      assert.deepEqual(d.range, { start: { line: 0, character: 30 }, end: { line: 0, character: 57 } });
      assert.match(messageOf(d.message), /Iran's version of North Korea's Nodong-1/);

      // Typing: a new sentence with a wrong date, appended as an incremental change.
      const v2 = await client.change(draft, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'Khamenei visited North Korea in 1991.\n' }]);
      const second = await client.diagnosticsFor(draft, v2);
      assert.deepEqual(second.diagnostics.map((x) => x.code).sort(), ['date', 'lineage']);

      // The quick fix, applied as the client would, clears the lineage finding.
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: draft },
        range: d.range,
        context: { diagnostics: second.diagnostics.filter((x) => x.code === 'lineage') },
      })) as CodeAction[];
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('Correct "Yono-class midget submarine" to "Nodong-1"'), titles.join(' | '));
      assert.ok(titles.includes('Correct "Yono-class midget submarine" to "Nodong-1" and cite'));
      assert.ok(titles.includes('Disable lineage for this line'));
      const fix = actions.find((a) => a.isPreferred)!;
      const change = fix.edit!.documentChanges![0]! as { textDocument: { version: number }; edits: Array<{ range: typeof d.range; newText: string }> };
      assert.equal(change.textDocument.version, v2, 'the edit is versioned');
      const v3 = await client.change(draft, change.edits.map((e) => ({ range: e.range, text: e.newText })));
      const third = await client.diagnosticsFor(draft, v3);
      assert.deepEqual(third.diagnostics.map((x) => x.code), ['date']);
      assert.match(client.text(draft), /^The Shahab-3 is a copy of the Nodong-1\.\n/);
    } finally {
      await client.stop();
    }
  });

  it('starts as `npx factcheck-ls --stdio` in a project that installed Factcheck, as other editors start it', async () => {
    // A writer's project with Factcheck installed from this checkout (a folder install: a link, offline).
    const project = mkdtempSync(join(workspace, 'project-'));
    writeFileSync(join(project, 'package.json'), '{"name": "memos", "private": true}\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--offline', repo], { cwd: project, stdio: 'ignore' });
    const client = await LspClient.start({ workspace: project, viaNpxIn: project });
    try {
      const draft = uri('npx.md');
      await client.open(draft, WRONG);
      assert.equal((await client.diagnosticsFor(draft, 1)).diagnostics[0]!.code, 'lineage');
    } finally {
      await client.stop();
    }
  });

  it('hovers an entity with its card, and a flagged claim with the evidence', async () => {
    const client = await LspClient.start({ workspace });
    try {
      const draft = uri('hover.md');
      await client.open(draft, WRONG);
      await client.diagnosticsFor(draft, 1);
      const entity = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: { line: 0, character: 6 } })) as Hover;
      const card = (entity.contents as MarkupContent).value;
      assert.match(card, /Shahab-3/);
      assert.match(card, /medium-range ballistic missile/);
      const evidence = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: { line: 0, character: 40 } })) as Hover;
      assert.match((evidence.contents as MarkupContent).value, /Nodong-1/);
      assert.match((evidence.contents as MarkupContent).value, /Iran-North Korea relationship reflects failed US policies/);
      assert.doesNotMatch(card, /command:/, 'no link to a command this client did not say it runs');
    } finally {
      await client.stop();
    }
  });

  it('hovers a pronoun with what it was read as, across a heading and a paragraph', async () => {
    const client = await LspClient.start({ workspace });
    try {
      const draft = uri('pronoun.md');
      await client.open(draft, '## The Shahab-3\n\nIt is a copy of the Scud-C.\n');
      const { diagnostics } = await client.diagnosticsFor(draft, 1);
      assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code]), [[2, 20, 'lineage']]);
      const card = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: { line: 2, character: 1 } })) as Hover;
      assert.match(messageOf(card.contents as MarkupContent), /^\*It\* → \*\*Shahab-3\*\*/);
      assert.deepEqual(card.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
    } finally {
      await client.stop();
    }
  });

  it('links each card to its fact file for a client that runs factcheck.openFact', async () => {
    const client = await LspClient.start({ workspace, initializationOptions: { openFactLinks: true } });
    try {
      const draft = uri('hover-links.md');
      await client.open(draft, WRONG);
      await client.diagnosticsFor(draft, 1);
      const evidence = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: { line: 0, character: 40 } })) as Hover;
      const link = /\[Open in weapons\.yaml\]\(command:factcheck\.openFact\?([^)]+)\)/.exec((evidence.contents as MarkupContent).value);
      assert.ok(link, (evidence.contents as MarkupContent).value);
      const [target] = JSON.parse(decodeURIComponent(link[1]!)) as Array<{ uri: string; line: number; character: number }>;
      assert.match(target!.uri, /\/facts\/base\/weapons\.yaml$/);
    } finally {
      await client.stop();
    }
  });

  it('publishes only the newest version when changes flood in', async () => {
    // A fixed pause, so that keystrokes arriving within it are checked once.
    const client = await LspClient.start({ workspace, initializationOptions: { diagnosticsDelay: 50 } });
    try {
      const draft = uri('flood.md');
      await client.open(draft, '');
      await client.diagnosticsFor(draft, 1);
      const before = client.published.length;
      let version = 1;
      const text = WRONG;
      for (let i = 0; i < text.length; i++) {
        version = await client.change(draft, [{ range: { start: { line: 0, character: i }, end: { line: 0, character: i } }, text: text[i]! === '\n' ? '\n' : text[i]! }]);
      }
      const last = await client.diagnosticsFor(draft, version);
      assert.equal(last.diagnostics.length, 1);
      const later = client.published.slice(before).filter((p) => p.uri === draft);
      const versions = later.map((p) => p.version ?? 0);
      assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'versions never go back');
      assert.ok(later.length < text.length / 2, `debounced: ${later.length} publications for ${text.length} keystrokes`);
    } finally {
      await client.stop();
    }
  });

  it('checks an opened draft at once, whatever delay is set: the change event that comes with the open is no keystroke', async () => {
    // An hour: were the open's change event taken for a keystroke, version 1 would wait for it.
    const client = await LspClient.start({ workspace, initializationOptions: { diagnosticsDelay: 3_600_000 }, trace: 'verbose' });
    try {
      // Opened after the base loaded: a draft opened before is checked again when it loads.
      await client.baseLoaded();
      const draft = uri('open-delay.md');
      await client.open(draft, WRONG);
      assert.deepEqual((await client.diagnosticsFor(draft, 1)).diagnostics.map((d) => d.code), ['lineage']);
      // A keystroke does wait the delay set.
      const v2 = await client.change(draft, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }]);
      const decision = await client.until('the decision for the keystroke', () => client.traces.find((t) => t.includes(` v${v2}: `)));
      assert.match(decision, /: wait 3600000 ms: the delay set in diagnosticsDelay$/);
      assert.deepEqual(decisions(client, draft), [[1, 'now'], [v2, 'wait']], 'one decision for the open, none for its change event');
    } finally {
      await client.stop();
    }
  });

  it('checks the first keystroke after opening a long draft at once, and publishes the open once', async () => {
    // Long enough that the open's full check is many times slower than a re-check: it used to make the first keystroke wait.
    const long = Array.from({ length: 300 }, (_, i) => `## Part ${i + 1}\n\nKhamenei visited North Korea in 1991. Analysts disagree about the rest.\n`).join('\n');
    const client = await LspClient.start({ workspace, trace: 'verbose' });
    try {
      await client.baseLoaded();
      const draft = uri('first-keystroke.md');
      await client.open(draft, long);
      assert.equal((await client.diagnosticsFor(draft, 1)).diagnostics.length, 300);
      const v2 = await client.change(draft, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Then ' }]);
      await client.diagnosticsFor(draft, v2);
      assert.deepEqual(decisions(client, draft), [[1, 'now'], [v2, 'now']]);
      // Publications come in order: by the time version 2's arrived, every one of version 1 had.
      assert.equal(client.published.filter((p) => p.uri === draft && p.version === 1).length, 1);
    } finally {
      await client.stop();
    }
  });

  it('re-checks drafts when a fact file in the workspace changes, and shows its errors in place', async () => {
    const ws = mkdtempSync(join(workspace, 'facts-ws-'));
    mkdirSync(join(ws, 'team-facts'));
    writeFileSync(join(ws, '.factcheck.yaml'), 'factBases: [team-facts]\n');
    const factPath = join(ws, 'team-facts', 'extra.yaml');
    writeFileSync(factPath, 'entities: []\n');
    const client = await LspClient.start({ workspace: ws });
    try {
      const draft = pathToFileURL(join(ws, 'memo.md')).href;
      await client.open(draft, 'The Zolfaghar is based on the Fateh-110.\n');
      assert.equal((await client.diagnosticsFor(draft, 1)).diagnostics.length, 0, 'unknown to the base: silent');
      const factUri = pathToFileURL(factPath).href;
      await client.open(factUri, 'entities: []\n', 'yaml');
      const facts = `sources:
  - { id: team-notes, type: report, title: Team notes on Iranian missiles }
entities:
  - { id: zolfaghar, type: missile, name: Zolfaghar, description: An Iranian missile., references: [{ source: team-notes }] }
  - { id: fateh-110, type: missile, name: Fateh-110, description: An Iranian missile., references: [{ source: team-notes }] }
  - { id: shahab-1, type: missile, name: Shahab-1, description: An Iranian missile., references: [{ source: team-notes }] }
statements:
  - { id: zolfaghar-from-shahab-1, subject: zolfaghar, predicate: derived-from, object: shahab-1, references: [{ source: team-notes }] }
`;
      await client.change(factUri, [{ text: facts }]);
      const rechecked = await client.until('the draft re-checked against the edited fact file', () =>
        [...client.published].reverse().find((p) => p.uri === draft && p.diagnostics.some((x) => x.code === 'lineage')));
      assert.match(messageOf(rechecked.diagnostics[0]!.message), /Shahab-1/);

      // A broken edit: its error appears in the fact file; the rest of the base still checks.
      const mark = client.published.length;
      await client.change(factUri, [{ text: facts.replace('object: shahab-1', 'object: shahab-one') }]);
      const inFactFile = await client.until('an error in the fact file', () =>
        [...client.published].reverse().find((p) => p.uri === factUri && p.diagnostics.length > 0));
      assert.match(messageOf(inFactFile.diagnostics[0]!.message), /'shahab-one' is not an entity/);
      assert.equal(inFactFile.diagnostics[0]!.range.start.line, 7);
      await client.until('the draft no longer refuted', () => client.published.slice(mark).find((p) => p.uri === draft && p.diagnostics.length === 0));
      const status = await client.until('a status with the error', () =>
        client.notifications.map((n) => n.params as { errors: number; entities: number }).find((p) => p.errors === 1));
      assert.ok(status.entities > 40, 'the shipped base is still loaded');
    } finally {
      await client.stop();
    }
  });

  it('completes footnote citations, goes to a definition, and cites all supported claims', async () => {
    const client = await LspClient.start({ workspace });
    try {
      const draft = uri('cite.md');
      const text = 'The Shahab-3 is based on the Nodong-1. Khamenei visited North Korea in 1989.\n\nSee [^';
      await client.open(draft, text);
      await client.diagnosticsFor(draft, 1);
      const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: draft }, position: { line: 2, character: 6 } })) as Array<{ label: string }>;
      assert.ok(items.some((i) => i.label === 'oba-iransource'), JSON.stringify(items.map((i) => i.label)));
      const locations = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: draft }, position: { line: 0, character: 30 } })) as Array<{ uri: string }>;
      assert.match(locations[0]!.uri, /facts\/base\/weapons\.yaml$/);
      await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'factcheck.citeAll', arguments: [draft] });
      await client.until('the cite-all edit', () => client.applied.length > 0);
      assert.match(client.text(draft), /Nodong-1\.\[\^oba-iransource\] Khamenei visited North Korea in 1989\.\[\^oba-iransource\]/);
      assert.equal(client.text(draft).match(/\[\^oba-iransource\]:/g)?.length, 1);
    } finally {
      await client.stop();
    }
  });

  it('in the pandoc citation format, "Insert citation" edits the draft and creates the bibliography its front matter names', async () => {
    const client = await LspClient.start({ workspace, settings: { citationFormat: 'pandoc' } });
    try {
      const draft = uri('pandoc.md');
      await client.open(draft, '---\nbibliography: refs/pandoc.json\n---\n\nThe Shahab-3 is based on the Nodong-1.\n');
      await client.diagnosticsFor(draft, 1);
      const at = { line: 4, character: 5 };
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: draft }, range: { start: at, end: at }, context: { diagnostics: [], only: ['quickfix'] } })) as CodeAction[];
      const cite = actions.find((a) => a.title.startsWith('Insert citation'));
      assert.ok(cite, actions.map((a) => a.title).join(' | '));
      const [text, create, bibliography] = cite.edit!.documentChanges! as [
        { textDocument: { uri: string; version: number }; edits: Array<{ newText: string; range: unknown }> },
        { kind: string; uri: string },
        { textDocument: { uri: string; version: null }; edits: Array<{ newText: string }> },
      ];
      assert.equal(text.textDocument.uri, draft);
      assert.deepEqual(text.edits, [{ range: { start: { line: 4, character: 37 }, end: { line: 4, character: 37 } }, newText: ' [@oba-iransource]' }]);
      assert.deepEqual(create, { kind: 'create', uri: uri('refs/pandoc.json'), options: { ignoreIfExists: true } });
      assert.equal(bibliography.textDocument.uri, uri('refs/pandoc.json'));
      assert.equal(bibliography.textDocument.version, null);
      assert.deepEqual((JSON.parse(bibliography.edits[0]!.newText) as Array<{ id: string }>).map((i) => i.id), ['oba-iransource']);

      // What an accepted completion of `[@` runs: the source added to the bibliography, the file created.
      await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'factcheck.addToBibliography', arguments: [draft, ['oba-iransource']] });
      const applied = await client.until('the bibliography edit', () => client.applied.at(-1));
      assert.deepEqual(applied.edit.documentChanges?.map((c) => ('kind' in c ? c.kind : c.textDocument.uri)), ['create', uri('refs/pandoc.json')]);
    } finally {
      await client.stop();
    }
  });

  it('survives a handler that throws: that request fails, the server keeps serving', async () => {
    const client = await LspClient.start({ workspace, env: { FACTCHECK_TEST_FAULT: 'hover' } });
    try {
      const draft = uri('fault.md');
      await client.open(draft, WRONG);
      await client.diagnosticsFor(draft, 1);
      await assert.rejects(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: { line: 0, character: 6 } }), /injected fault in hover/);
      const actions = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: draft },
        range: { start: { line: 0, character: 30 }, end: { line: 0, character: 31 } },
        context: { diagnostics: [] },
      });
      assert.ok((actions ?? []).length > 0, 'the server still answers');
      const v2 = await client.change(draft, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Intro. ' }]);
      assert.equal((await client.diagnosticsFor(draft, v2)).diagnostics.length, 1);
      assert.equal(client.process.exitCode, null);
    } finally {
      await client.stop();
    }
  });
});
