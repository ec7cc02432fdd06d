/**
 * "Add to fact base…" over a real JSON-RPC connection: the code action on a sentence the base
 * cannot judge, the source asked for with window/showMessageRequest, the statement written into
 * the team's fact file through workspace/applyEdit, and the live base judging the sentence at
 * once, before the file is saved and after.
 */

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Command } from 'vscode-languageserver-protocol';
import { parse } from 'yaml';
import { LspClient } from '../support/lspClient.js';

const root = mkdtempSync(join(tmpdir(), 'factcheck-authoring-'));
after(() => rmSync(root, { recursive: true, force: true }));

const TEAM_SOURCES = `sources:
  - id: team-notes
    type: report
    title: Team research notes
`;

/** A sentence the shipped base cannot judge: it records when the Iran-Iraq War ended, not when it began. */
const DRAFT = 'The Iran-Iraq War began in 1980.\n';

/** Resolves after the server's next reload of the fact base (each one ends with a factcheck/status notification). */
async function reloaded(client: LspClient, before: number): Promise<void> {
  await client.until('the fact base to reload', () => client.notifications.filter((n) => n.method === 'factcheck/status').length > before);
}

const loads = (client: LspClient) => client.notifications.filter((n) => n.method === 'factcheck/status').length;

async function actionsAt(client: LspClient, uri: string): Promise<CodeAction[]> {
  return (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } },
    context: { diagnostics: [] },
  })) as CodeAction[];
}

function workspace(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('Add to fact base… over JSON-RPC', { timeout: 120_000 }, () => {
  it('writes the statement into the team base with the source chosen, and the live base judges the sentence', async () => {
    const dir = workspace('team', { '.factcheck.yaml': 'factBases: [team-facts]\n', 'team-facts/sources.yaml': TEAM_SOURCES });
    const client = await LspClient.start({ workspace: dir });
    try {
      const draft = pathToFileURL(join(dir, 'draft.md')).href;
      await client.open(draft, DRAFT);
      await client.diagnosticsFor(draft, 1);
      const offered = (await actionsAt(client, draft)).filter((a) => a.title.startsWith('Add to fact base'));
      assert.deepEqual(offered.map((a) => a.title), ['Add to fact base: the Iran-Iraq War took place from 1980…']);
      const command = offered[0]!.command as Command;
      assert.equal(command.command, 'factcheck.addToFactBase');

      // The client is asked which source backs it; the sources cited for the war come first.
      client.answer = (q) => q.actions?.find((a) => a.title === 'Team research notes') ?? null;
      const before = loads(client);
      const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments })) as { applied: boolean; file: string; statement: string };
      assert.equal(result.applied, true);
      const question = client.questions[0]!;
      assert.match(question.message, /which source backs "the Iran-Iraq War took place from 1980"/);
      const titles = question.actions!.map((a) => a.title);
      assert.equal(titles[0], 'Iran-North Korea relationship reflects failed US policies', titles.join(' | '));
      assert.ok(titles.includes('Team research notes'), titles.join(' | '));

      // A new file of the team's folder, created empty on disk and filled in the editor's buffer.
      const file = pathToFileURL(join(dir, 'team-facts', 'from-drafts.yaml')).href;
      assert.equal(result.file, file);
      assert.equal(readFileSync(join(dir, 'team-facts', 'from-drafts.yaml'), 'utf8'), '', 'created, not saved');
      const written = parse(client.unsaved.get(file)!) as { statements: Array<Record<string, unknown>> };
      assert.deepEqual(written.statements.map(({ note: _note, ...rest }) => rest), [
        { id: result.statement, subject: 'iran-iraq-war', predicate: 'occurred', qualifiers: { start: '1980' }, references: [{ source: 'team-notes' }] },
      ]);
      assert.match(String(written.statements[0]!['note']), /Added from a draft, which says “The Iran-Iraq War began in 1980\.”/);
      assert.deepEqual(client.shown.map((s) => s.uri), [file], 'the new statement is shown');

      // Not saved yet, the fact counts: the claim is supported (a citation of the team's source
      // is offered) and "Add to fact base…" is offered no more.
      await reloaded(client, before);
      const now = (await actionsAt(client, draft)).map((a) => a.title);
      assert.ok(now.includes('Insert citation: Team research notes'), now.join(' | '));
      assert.ok(!now.some((t) => t.startsWith('Add to fact base')), now.join(' | '));

      // Another start year now contradicts the recorded one.
      const v2 = await client.change(draft, [{ range: { start: { line: 0, character: 27 }, end: { line: 0, character: 31 } }, text: '1981' }]);
      const diagnostics = await client.diagnosticsFor(draft, v2);
      assert.deepEqual(diagnostics.diagnostics.map((d) => d.code), ['date']);
      assert.match(String(diagnostics.diagnostics[0]!.message), /1980/);

      // Saved, the disk's text counts, and it is the same.
      await client.save(file);
      assert.match(readFileSync(join(dir, 'team-facts', 'from-drafts.yaml'), 'utf8'), /predicate: occurred/);
    } finally {
      await client.stop();
    }
  });

  it('in a workspace with no fact base of its own, makes facts/ and names it in .factcheck.yaml', async () => {
    const dir = workspace('bare', { 'notes.txt': 'nothing here\n' });
    const client = await LspClient.start({ workspace: dir });
    try {
      const draft = pathToFileURL(join(dir, 'draft.md')).href;
      await client.open(draft, DRAFT);
      await client.diagnosticsFor(draft, 1);
      const command = (await actionsAt(client, draft)).find((a) => a.title.startsWith('Add to fact base'))!.command!;
      // A client that picks the source itself passes it; the server asks nothing.
      const before = loads(client);
      const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: command.command,
        arguments: [{ ...(command.arguments![0] as object), source: 'oba-iransource' }],
      })) as { applied: boolean };
      assert.equal(result.applied, true);
      assert.deepEqual(client.questions, []);
      const config = pathToFileURL(join(dir, '.factcheck.yaml')).href;
      assert.match(client.unsaved.get(config)!, /^factBases: \[facts\]$/m);
      assert.ok(existsSync(join(dir, 'facts', 'from-drafts.yaml')));
      await reloaded(client, before);
      const now = (await actionsAt(client, draft)).map((a) => a.title);
      assert.ok(now.includes('Insert citation: Iran-North Korea relationship reflects failed US policies'), now.join(' | '));
    } finally {
      await client.stop();
    }
  });

  it('offers nothing for what the base judges, and refuses arguments no code action gave', async () => {
    const dir = workspace('judged', {});
    const client = await LspClient.start({ workspace: dir });
    try {
      const draft = pathToFileURL(join(dir, 'draft.md')).href;
      await client.open(draft, 'The Iran-Iraq War ended in 1988.\n');
      await client.diagnosticsFor(draft, 1);
      const titles = (await actionsAt(client, draft)).map((a) => a.title);
      assert.ok(!titles.some((t) => t.startsWith('Add to fact base')), titles.join(' | '));
      await assert.rejects(
        client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'factcheck.addToFactBase', arguments: [{ uri: draft, proposal: { statement: { subject: 'nobody' } } }] }),
        /takes \{ uri, proposal, source\? \}/,
      );
    } finally {
      await client.stop();
    }
  });
});
