/**
 * A server that never blocks, over a real JSON-RPC connection: drafts are parsed in worker
 * threads within a time budget (node/parsePool.ts). While one draft is stuck in the Markdown
 * parser (a line micromark takes tens of seconds on, from test/robustness), the server answers
 * hovers, completions and code actions on another draft and checks its edits; the stuck draft
 * then says it was not checked and keeps its last findings; once the line is gone, it is checked
 * again by a new worker. Only the order of answers is asserted, never their times: the budget
 * (4 s) is far from both the answers (milliseconds) and the stuck parse (tens of seconds).
 */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { CodeActionRequest, CompletionRequest, HoverRequest, type CodeAction, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import type { Finding } from '../../server/src/engine/check.js';
import { carried } from '../../server/src/lsp/state.js';
import { LspClient } from '../support/lspClient.js';

const WRONG = 'The Shahab-3 is a copy of the Yono-class midget submarine.\n';
/** A line micromark resolves in quadratic time: 35-38 s on this machine (test/robustness/pathological.test.ts). */
const STUCK = '*a'.repeat(50_000);
const workspace = mkdtempSync(join(tmpdir(), 'factcheck-budget-'));
after(() => rmSync(workspace, { recursive: true, force: true }));
const uri = (name: string) => pathToFileURL(join(workspace, name)).href;
const end = (text: string) => {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines.at(-1)!.length };
};

describe('a draft stuck in the parser', { timeout: 180_000 }, () => {
  it('never stops the server: other drafts are answered and checked, the stuck one keeps its findings and says why', async () => {
    const client = await LspClient.start({ workspace, initializationOptions: { timeLimit: 4 } });
    try {
      const other = uri('other.md');
      const stuck = uri('stuck.md');
      await client.open(other, WRONG);
      await client.open(stuck, WRONG);
      const [before] = (await client.diagnosticsFor(stuck, 1)).diagnostics;
      assert.equal(before?.code, 'lineage');
      await client.diagnosticsFor(other, 1);

      // The pasted line: its parse holds one worker until the budget runs out.
      const v2 = await client.change(stuck, [{ range: { start: end(WRONG), end: end(WRONG) }, text: `\n${STUCK}\n` }]);
      const stuckPublished = () => client.published.some((p) => p.uri === stuck && p.version === v2);

      const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: { line: 0, character: 6 } })) as Hover | null;
      assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /Shahab-3/);
      const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: other }, position: end(WRONG) });
      assert.ok(completion !== null, 'completion answered');
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: other },
        range: before!.range,
        context: { diagnostics: [] },
      })) as CodeAction[];
      assert.ok(actions.some((a) => /Nodong-1/.test(a.title)), actions.map((a) => a.title).join(' | '));
      // An edit of the other draft is parsed by the other worker and published meanwhile.
      const otherV2 = await client.change(other, [{ range: { start: end(WRONG), end: end(WRONG) }, text: 'Khamenei visited North Korea in 1991.\n' }]);
      const edited = await client.diagnosticsFor(other, otherV2);
      assert.deepEqual(edited.diagnostics.map((d) => d.code).sort(), ['date', 'lineage']);
      assert.equal(stuckPublished(), false, 'all of this was answered while the stuck draft was being parsed');

      // The budget runs out: one diagnostic says so, and the last check's finding stays where it was.
      const late = (await client.diagnosticsFor(stuck, v2)).diagnostics;
      assert.deepEqual(late.map((d) => d.code), ['not-checked', 'lineage']);
      assert.match(String(late[0]!.message), /not checked since the last edit: parsing the Markdown took longer than 4 seconds/);
      assert.deepEqual(late[1]!.range, before!.range);
      const lateActions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: stuck },
        range: before!.range,
        context: { diagnostics: [late[1]!] },
      })) as CodeAction[];
      assert.ok(!lateActions.some((a) => /Nodong-1/.test(a.title)), 'no fix made for another text');

      // The line removed: a new worker parses the draft, which is checked as before.
      const text = client.text(stuck);
      const v3 = await client.change(stuck, [{ range: { start: end(WRONG), end: end(text) }, text: '' }]);
      const again = (await client.diagnosticsFor(stuck, v3)).diagnostics;
      assert.deepEqual(again.map((d) => d.code), ['lineage']);
      assert.equal(client.text(stuck), WRONG);

      // A draft stuck from its open has no last check to keep: the one diagnostic says why.
      const fresh = uri('fresh.md');
      await client.open(fresh, `${WRONG}\n${STUCK}\n`);
      const first = (await client.diagnosticsFor(fresh, 1)).diagnostics;
      assert.deepEqual(first.map((d) => d.code), ['not-checked']);
      assert.match(String(first[0]!.message), /^not checked: parsing the Markdown took longer than 4 seconds .*raise factcheck\.timeLimit\.$/);
    } finally {
      await client.stop();
    }
  });
});

describe('findings kept from the last check', () => {
  const finding = (start: number, end: number, resolved?: Finding['resolved']): Finding => ({
    code: 'lineage',
    severity: 'error',
    message: 'm',
    start,
    end,
    facts: [],
    sources: [],
    fixes: [{ title: 'fix', kind: 'correct', edits: [{ start, end, newText: 'x' }] }],
    ...(resolved && { resolved }),
  });
  const old = 'aaaa bbbb cccc dddd';

  it('keep the ranges the edit left alone, move those after it, drop those it changed, and lose their fixes', () => {
    // "cccc" becomes "cc ** cc": an insertion of 4 characters inside it.
    const text = 'aaaa bbbb cc ** cc dddd';
    const kept = carried([finding(0, 4), finding(5, 9), finding(10, 14), finding(15, 19), finding(5, 19)], old, text);
    assert.deepEqual(kept.map((f) => [f.start, f.end]), [[0, 4], [5, 9], [19, 23]]);
    assert.equal(text.slice(19, 23), 'dddd');
    assert.ok(kept.every((f) => f.fixes.length === 0));
  });

  it('move what a finding was read as with it, and drop what the edit changed', () => {
    const text = 'aaaa bXbbb cccc dddd';
    const [kept] = carried([finding(15, 19, [{ start: 0, end: 4, entity: 'a' }, { start: 5, end: 9, entity: 'b' }, { start: 10, end: 14, entity: 'c' }])], old, text);
    assert.deepEqual(kept?.resolved, [{ start: 0, end: 4, entity: 'a' }, { start: 11, end: 15, entity: 'c' }]);
    assert.deepEqual([kept?.start, kept?.end], [16, 20]);
  });

  it('an edit at a finding\'s edge leaves it alone', () => {
    assert.deepEqual(carried([finding(5, 9)], old, 'aaaa bbbbX cccc dddd').map((f) => [f.start, f.end]), [[5, 9]]);
    assert.deepEqual(carried([finding(5, 9)], old, 'aaaa Xbbbb cccc dddd').map((f) => [f.start, f.end]), [[6, 10]]);
  });
});
