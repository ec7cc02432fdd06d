/**
 * Protocol faults over a real JSON-RPC connection: the built server as a child process, driven
 * by a client that does what a broken or hurried editor does (changes to documents it never
 * opened, duplicate opens and closes, ranges out of bounds or reversed, requests at impossible
 * positions, cancellations, floods of changes, stale quick fixes, handlers that throw, and bytes
 * that are not JSON-RPC at all). The server must answer or ignore each one, never publish a
 * stale result, and keep serving. Tests wait for conditions, never for fixed sleeps.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  ErrorCodes,
  HoverRequest,
  LSPErrorCodes,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type Position,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import type { Checker } from '../../server/src/engine/check.js';
import { LineIndex } from '../../server/src/engine/text/positions.js';
import { shippedChecker } from '../support/engine.js';
import { LspClient } from '../support/lspClient.js';

const WRONG = 'The Shahab-3 is a copy of the Yono-class midget submarine.\n';
const NEUTRAL = 'Officials met in Geneva on a rainy afternoon.\n';
const workspace = mkdtempSync(join(tmpdir(), 'factcheck-protocol-'));
after(() => rmSync(workspace, { recursive: true, force: true }));
const uri = (name: string) => pathToFileURL(join(workspace, name)).href;

let checker: Checker;
before(async () => {
  checker = await shippedChecker();
});

/** What the server must publish for `text`: the engine's findings, as code and LSP range. */
function expected(text: string): Array<{ code: string; range: Diagnostic['range'] }> {
  const lines = new LineIndex(text);
  return checker.check(text).findings.map((f) => ({ code: f.code, range: lines.rangeOf(f.start, f.end) }));
}

const shape = (ds: readonly Diagnostic[]) => ds.map((d) => ({ code: String(d.code), range: d.range }));

/** A request that must settle (answer or error response) within `ms`, with a clear message otherwise. */
async function settles<T>(what: string, request: Promise<T>, ms = 10_000): Promise<{ value?: T; error?: { code: number; message: string } }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([request.then((value) => ({ value }), (e: { code: number; message: string }) => ({ error: { code: e.code, message: e.message } })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Proves the server still reads and answers: opens a fresh draft and waits for its diagnostics. */
async function stillServing(client: LspClient, name: string): Promise<void> {
  const probe = uri(name);
  await client.open(probe, WRONG);
  const published = await client.diagnosticsFor(probe, 1);
  assert.deepEqual(shape(published.diagnostics), expected(WRONG), 'the server still checks drafts');
  assert.equal(client.process.exitCode, null, 'the server is alive');
}

describe('protocol faults over a real connection', { timeout: 180_000 }, () => {
  it('ignores a change to a document it never opened, and duplicate opens and closes', async () => {
    const client = await LspClient.start({ workspace });
      await client.baseLoaded();
    try {
      // A change for a document that was never opened: ignored, nothing published for it.
      const ghost = uri('ghost.md');
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: ghost, version: 7 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: WRONG }],
      });
      await stillServing(client, 'after-ghost.md');
      assert.equal(client.published.filter((p) => p.uri === ghost).length, 0, 'nothing published for a document never opened');
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: ghost }, position: { line: 0, character: 6 } });
      assert.equal(hover, null, 'the ghost document does not exist for the server');

      // A second didOpen of the same URI and version with other text: the new text counts.
      const draft = uri('twice.md');
      await client.open(draft, WRONG);
      assert.deepEqual(shape((await client.diagnosticsFor(draft, 1)).diagnostics), expected(WRONG));
      const mark = client.published.length;
      const reopened = `Intro.\n\n${WRONG}`;
      await client.open(draft, reopened);
      const second = await client.until('diagnostics after the second didOpen', () => client.published.slice(mark).find((p) => p.uri === draft));
      assert.deepEqual(shape(second.diagnostics), expected(reopened), 'diagnostics of the re-opened text, not of the cached old text');
      const card = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: { line: 2, character: 6 } })) as Hover | null;
      assert.match((card?.contents as MarkupContent | undefined)?.value ?? '', /Shahab-3/, 'hover reads the re-opened text');

      // Two didCloses: the first clears the diagnostics, the second is ignored.
      const closed = client.published.length;
      await client.close(draft);
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: draft } });
      await client.until('diagnostics cleared on close', () => client.published.slice(closed).find((p) => p.uri === draft && p.diagnostics.length === 0));
      await stillServing(client, 'after-closes.md');
    } finally {
      await client.stop();
    }
  });

  it('applies out-of-range and reversed change ranges exactly as a correct client computes them', async () => {
    const client = await LspClient.start({ workspace });
      await client.baseLoaded();
    try {
      const draft = uri('ranges.md');
      await client.open(draft, 'Intro.\n');
      await client.diagnosticsFor(draft, 1);
      const edits: Array<[string, TextDocumentContentChangeEvent]> = [
        ['past the end (line 10,000, character 10,000)', { range: { start: { line: 10_000, character: 10_000 }, end: { line: 10_000, character: 10_000 } }, text: WRONG }],
        ['past the end of a line', { range: { start: { line: 0, character: 10_000 }, end: { line: 0, character: 10_000 } }, text: ' More.' }],
        ['reversed', { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 0 } }, text: 'Start' }],
        ['reversed across lines', { range: { start: { line: 1, character: 3 }, end: { line: 0, character: 2 } }, text: 'ro.\n' }],
        ['negative', { range: { start: { line: -1, character: -1 }, end: { line: -1, character: -1 } }, text: NEUTRAL }],
        ['from a negative line to far past the end', { range: { start: { line: 1, character: 0 }, end: { line: 99_999, character: 99_999 } }, text: WRONG + WRONG }],
      ];
      for (const [name, change] of edits) {
        const version = await client.change(draft, [change]);
        const published = await client.diagnosticsFor(draft, version);
        assert.deepEqual(shape(published.diagnostics), expected(client.text(draft)), `${name}: the server's text is the client's:\n${client.text(draft)}`);
      }
      assert.equal(client.process.exitCode, null);
    } finally {
      await client.stop();
    }
  });

  it('answers hover, definition, completion and code actions at impossible positions and unknown documents', async () => {
    const client = await LspClient.start({ workspace });
      await client.baseLoaded();
    try {
      const draft = uri('positions.md');
      await client.open(draft, `${WRONG}See [^`);
      await client.diagnosticsFor(draft, 1);
      const closed = uri('closed.md');
      await client.open(closed, WRONG);
      await client.close(closed);
      const targets = [draft, closed, uri('never-opened.md'), 'untitled:Untitled-1', 'not a uri at all'];
      const positions: Position[] = [
        { line: -1, character: -1 },
        { line: 0, character: -5 },
        { line: -3, character: 4 },
        { line: 10_000, character: 10_000 },
        { line: 0, character: 1e9 },
        { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      ];
      for (const target of targets) {
        for (const position of positions) {
          const at = `${target} ${JSON.stringify(position)}`;
          const textDocument = { uri: target };
          const answers = [
            await settles(`hover at ${at}`, client.connection.sendRequest(HoverRequest.type, { textDocument, position })),
            await settles(`definition at ${at}`, client.connection.sendRequest(DefinitionRequest.type, { textDocument, position })),
            await settles(`completion at ${at}`, client.connection.sendRequest(CompletionRequest.type, { textDocument, position })),
            await settles(`code actions at ${at}`, client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })),
          ];
          for (const a of answers) assert.equal(a.error, undefined, `${at}: ${a.error?.message}`);
        }
      }
      // Positions that are not numbers at all: an error response at worst, never a dead server.
      for (const position of [{ line: null, character: 'x' }, {}, null] as unknown as Position[]) {
        await settles('hover at a malformed position', client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position }));
      }
      await stillServing(client, 'after-positions.md');
    } finally {
      await client.stop();
    }
  });

  it('settles a cancelled request, with its answer or RequestCancelled, and keeps serving', async () => {
    const client = await LspClient.start({ workspace, initializationOptions: { diagnosticsDelay: 0 } });
      await client.baseLoaded();
    try {
      const draft = uri('cancel.md');
      // Large enough that a check takes a while: the requests below are in flight during one.
      await client.open(draft, (NEUTRAL + WRONG).repeat(800));
      await client.diagnosticsFor(draft, 1);
      const version = await client.change(draft, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Intro. ' }]);
      const requests = [
        ['hover', (token: CancellationTokenSource['token']) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: { line: 1, character: 6 } }, token)],
        ['codeAction', (token: CancellationTokenSource['token']) => client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: draft }, range: { start: { line: 1, character: 30 }, end: { line: 1, character: 31 } }, context: { diagnostics: [] } }, token)],
        ['completion', (token: CancellationTokenSource['token']) => client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: draft }, position: { line: 0, character: 0 } }, token)],
      ] as const;
      for (const [name, send] of requests) {
        const source = new CancellationTokenSource();
        const pending = send(source.token);
        source.cancel();
        const outcome = await settles(`cancelled ${name}`, pending as Promise<unknown>);
        if (outcome.error) assert.equal(outcome.error.code, LSPErrorCodes.RequestCancelled, `${name}: ${outcome.error.message}`);
      }
      assert.deepEqual(shape((await client.diagnosticsFor(draft, version)).diagnostics), expected(client.text(draft)));
      await stillServing(client, 'after-cancel.md');
    } finally {
      await client.stop();
    }
  });

  it('under a flood of changes while checks run, publishes each version at most once, in order, and with its own text', async () => {
    const client = await LspClient.start({ workspace, initializationOptions: { diagnosticsDelay: 0 } });
      await client.baseLoaded();
    try {
      const draft = uri('flood-big.md');
      const base = (NEUTRAL + NEUTRAL + NEUTRAL).repeat(1500);
      await client.open(draft, base);
      await client.diagnosticsFor(draft, 1);
      const mark = client.published.length;
      // Each change appends a wrong or a neutral sentence: the number of findings tells the version's text.
      const findingsAt = new Map<number, number>([[1, 0]]);
      let wrong = 0;
      let version = 1;
      for (let i = 0; i < 40; i++) {
        const text = i % 3 === 0 ? WRONG : NEUTRAL;
        if (text === WRONG) wrong++;
        version = await client.change(draft, [{ range: { start: { line: 1e6, character: 0 }, end: { line: 1e6, character: 0 } }, text }]);
        findingsAt.set(version, wrong);
      }
      const last = await client.diagnosticsFor(draft, version);
      assert.equal(last.diagnostics.length, wrong);
      const later = client.published.slice(mark).filter((p) => p.uri === draft);
      const versions = later.map((p) => p.version ?? -1);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! > versions[i - 1]!, `versions only go forward: ${versions.join(', ')}`);
      for (const p of later) assert.equal(p.diagnostics.length, findingsAt.get(p.version!), `v${p.version} was published with another version's findings`);
      // Nothing older turns up after the newest: a settled server publishes no more for this draft.
      await stillServing(client, 'after-flood.md');
      assert.equal(client.published.filter((p) => p.uri === draft).at(-1)!.version, version, 'the newest version is the last one published');
    } finally {
      await client.stop();
    }
  });

  it('versions a quick fix with the text it was computed on; after an edit, fixes are for the new version', async () => {
    const client = await LspClient.start({ workspace });
      await client.baseLoaded();
    try {
      const draft = uri('stale-fix.md');
      await client.open(draft, WRONG);
      const v1 = (await client.diagnosticsFor(draft, 1)).diagnostics;
      const ask = (diagnostics: Diagnostic[], range = v1[0]!.range) =>
        client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: draft }, range, context: { diagnostics } }) as Promise<CodeAction[]>;
      const old = (await ask(v1)).find((a) => a.isPreferred)!;
      const oldChange = old.edit!.documentChanges![0]! as { textDocument: { version: number } };
      assert.equal(oldChange.textDocument.version, 1, 'the fix carries the version it was computed on');

      // The user types before applying it: a correct client refuses the versioned edit.
      const v2 = await client.change(draft, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Intro. ' }]);
      const stillOld = client.documents.get(draft)!;
      assert.notEqual(oldChange.textDocument.version, stillOld.version, 'the old fix no longer matches the document');

      // Asking again with the v1 diagnostics: no fix is built on moved text.
      for (const action of await ask(v1)) {
        for (const change of action.edit?.documentChanges ?? []) {
          assert.ok('textDocument' in change);
          assert.equal(change.textDocument.version, v2, `${action.title}: versioned for the current text`);
        }
      }
      // With the current diagnostics: fixes for v2, which apply cleanly and clear the finding.
      const current = (await client.diagnosticsFor(draft, v2)).diagnostics;
      const fix = (await ask(current, current[0]!.range)).find((a) => a.isPreferred)!;
      const change = fix.edit!.documentChanges![0]! as { textDocument: { version: number }; edits: Array<{ range: Diagnostic['range']; newText: string }> };
      assert.equal(change.textDocument.version, v2);
      const v3 = await client.change(draft, change.edits.map((e) => ({ range: e.range, text: e.newText })));
      assert.deepEqual((await client.diagnosticsFor(draft, v3)).diagnostics, [], client.text(draft));
      assert.equal(client.text(draft), 'Intro. The Shahab-3 is a copy of the Nodong-1.\n');
    } finally {
      await client.stop();
    }
  });

  for (const fault of ['hover', 'codeAction', 'completion', 'didChange'] as const) {
    it(`survives a throwing ${fault} handler: that message fails, the server keeps serving`, async () => {
        const client = await LspClient.start({ workspace, env: { FACTCHECK_TEST_FAULT: fault } });
      await client.baseLoaded();
      try {
        const draft = uri(`fault-${fault}.md`);
        await client.open(draft, WRONG);
        await client.diagnosticsFor(draft, 1);
        const position = { line: 0, character: 6 };
        const calls = {
          hover: () => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position }),
          codeAction: () => client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: draft }, range: { start: { line: 0, character: 30 }, end: { line: 0, character: 31 } }, context: { diagnostics: [] } }),
          completion: () => client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: draft }, position }),
        };
        if (fault === 'didChange') {
          const v2 = await client.change(draft, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Intro.\n\n' }]);
          await client.until('the failure logged', () => client.logs.some((l) => l.message.includes('didChange failed')));
          // The document itself was updated (the failing part is what runs after): requests see v2.
          const card = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: { line: 2, character: 6 } })) as Hover | null;
          assert.match((card?.contents as MarkupContent | undefined)?.value ?? '', /Shahab-3/);
          assert.equal(client.published.some((p) => p.uri === draft && p.version === v2), false, 'no check was scheduled by the failed handler');
        } else {
          const failed = await settles(fault, calls[fault]() as Promise<unknown>);
          assert.equal(failed.error?.code, ErrorCodes.InternalError, `${fault} answers with an error response`);
          assert.match(failed.error!.message, new RegExp(`injected fault in ${fault}`));
          await client.until('the failure logged', () => client.logs.some((l) => l.message.includes(`${fault} failed`)));
          for (const [name, call] of Object.entries(calls)) {
            if (name === fault) continue;
            const outcome: { error?: { message: string } } = await settles(name, call() as Promise<unknown>);
            assert.equal(outcome.error, undefined, `${name} still answers`);
          }
          const v2 = await client.change(draft, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Intro. ' }]);
          assert.deepEqual(shape((await client.diagnosticsFor(draft, v2)).diagnostics), expected(client.text(draft)));
        }
        await stillServing(client, `after-${fault}.md`);
      } finally {
        await client.stop();
      }
    });
  }
});

describe('start-up', { timeout: 60_000 }, () => {
  it('never publishes a draft as clean before the fact base is loaded', async () => {
    const client = await LspClient.start({ workspace, initializationOptions: { diagnosticsDelay: 0 } });
    try {
      const draft = uri('early.md');
      await client.open(draft, WRONG);
      await client.baseLoaded();
      const checked = await client.until('the draft checked against the loaded base', () => client.published.find((p) => p.uri === draft && p.diagnostics.length > 0));
      const before = client.published.slice(0, client.published.indexOf(checked)).filter((p) => p.uri === draft);
      assert.deepEqual(before.map((p) => p.diagnostics.length), [], 'an empty list was published for a wrong draft while the base was loading');
    } finally {
      await client.stop();
    }
  });
});

describe('malformed JSON-RPC', { timeout: 120_000 }, () => {
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

  // Well framed, so the next message is found: each is dropped (logged when it is not a request
  // the server could answer) and the server keeps serving.
  const recoverable: Array<[string, string]> = [
    ['a body that is not JSON', frame('{not json}')],
    ['a body that is JSON null', frame('null')],
    ['a body that is a JSON array', frame('[]')],
    ['a message with neither method nor id', frame('{"jsonrpc":"2.0"}')],
    ['a request for an unknown method', frame('{"jsonrpc":"2.0","id":99,"method":"factcheck/noSuchThing","params":{}}')],
    ['a notification with params of the wrong type', frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":"oops"}')],
    ['a didOpen with no textDocument', frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}}')],
  ];
  for (const [name, bytes] of recoverable) {
    it(`${name}: dropped, the server keeps serving`, async () => {
      const client = await LspClient.start({ workspace });
      await client.baseLoaded();
      try {
        await client.writeRaw(bytes);
        await stillServing(client, `after-${name.replace(/\W+/g, '-')}.md`);
      } finally {
        await client.stop();
      }
    });
  }

  // Broken framing: the stream has no next message boundary to resynchronize on, so no further
  // message can be read. The server must not go deaf silently: it exits, saying why.
  const fatal: Array<[string, string]> = [
    ['garbage bytes', '\u0000\u0001\u0002 hello\r\n\r\n'],
    ['a header without a colon', 'Content-Length 10\r\n\r\n0123456789'],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}'],
    ['a huge Content-Length', 'Content-Length: 99999999999\r\n\r\n{"jsonrpc":"2.0",'],
  ];
  for (const [name, bytes] of fatal) {
    it(`${name}: the server exits with a logged reason instead of hanging`, async () => {
      const client = await LspClient.start({ workspace });
      await client.baseLoaded();
      try {
        await client.writeRaw(bytes);
        const exit = await settles('the server to exit', client.exited, 15_000);
        assert.ok(exit.value && exit.value.code !== 0, `exit code ${exit.value?.code}`);
        assert.match(client.stderr.join(''), /factcheck-ls: .*(framing|header|Content-Length)/i);
      } finally {
        await client.stop();
      }
    });
  }
});
