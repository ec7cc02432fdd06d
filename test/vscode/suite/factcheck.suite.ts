/**
 * The extension, seen through the `vscode` API as another extension would see it: diagnostics
 * on a draft, hover cards, quick fixes applied as workspace edits, and a fact file edited and
 * saved. It runs in the workspace test/e2e/workspace (a copy of it), under @vscode/test-electron
 * (`npm run test:vscode`) or inside code-server (test/e2e/editor.test.ts).
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from '../harness.js';

/** The wrong lineage; the draft wraps it across two lines. */
const WRONG = 'Yono-class\nmidget submarine';
const SUPPORTED_SENTENCE = "Iran's Shahab-3 is a version of North Korea's Nodong-1.";
const TEAM_CLAIM = 'The Example-1 is a copy of the Shahab-3.';

suite('Factcheck in VS Code', () => {
  let draft: vscode.TextDocument;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension('factcheck.factcheck');
    assert.ok(extension, 'the Factcheck extension (factcheck.factcheck) is not installed');
    await extension.activate();
    draft = await vscode.workspace.openTextDocument(workspaceFile('draft.md'));
    await vscode.window.showTextDocument(draft);
  });

  test('reports the wrong words of each refuted claim as an error, with a message on one line', async () => {
    const diagnostics = await waitForDiagnostics(draft.uri, 'a lineage and a quotation error', (all) => all.some((d) => d.code === 'lineage') && all.some((d) => d.code === 'quotation'));
    assert.equal(diagnostics.length, 2, `expected two findings, got: ${describe(diagnostics)}`);
    const lineage = diagnostics.find((d) => d.code === 'lineage')!;
    assert.equal(draft.getText(lineage.range), WRONG);
    assert.equal(lineage.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(lineage.source, 'factcheck');
    assert.match(lineage.message, /derives from the Yono-class midget submarine; .*Nodong-1/);
    const quotation = diagnostics.find((d) => d.code === 'quotation')!;
    assert.equal(draft.getText(quotation.range), 'hostility', 'only the wrong word of the quotation');
    for (const d of diagnostics) assert.doesNotMatch(d.message, /\n/);
  });

  test('hovering an entity shows its card', async () => {
    const text = await hoverText(draft, positionIn(draft, 'Shahab-3'));
    assert.match(text, /Shahab-3/);
    assert.match(text, /medium-range ballistic missile/);
  });

  test('hovering the flagged words shows the evidence', async () => {
    const text = await hoverText(draft, positionIn(draft, WRONG));
    assert.match(text, /Nodong-1/);
    assert.match(text, /Iran-North Korea relationship reflects failed US policies/, 'the evidence names its source');
  });

  test('"Correct … to …" is the preferred fix, and applying it corrects the draft', async () => {
    const actions = await codeActions(draft, rangeOf(draft, WRONG));
    const title = `Correct "${WRONG.replace("\n", " ")}" to "Nodong-1"`;
    const fix = actions.find((a) => a.title === title);
    assert.ok(fix?.edit, `no ${title} action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit was not applied');
    assert.equal(lineWith(draft, 'The Shahab-3 is'), 'The Shahab-3 is a copy of the Nodong-1.');
    await waitForDiagnostics(draft.uri, 'no lineage finding left', (all) => all.every((d) => d.code !== 'lineage'));
  });

  test('the quotation\'s fix replaces only its wrong word, and keeps the line break', async () => {
    const actions = await codeActions(draft, rangeOf(draft, 'hostility'));
    const fix = actions.find((a) => a.title === 'Correct "hostility" to "enmity"');
    assert.ok(fix?.edit, `no quotation fix among: ${actions.map((a) => a.title).join(' | ')}`);
    const edits = fix.edit.get(draft.uri);
    assert.deepEqual(edits.map((e) => [draft.getText(e.range), e.newText]), [['hostility', 'enmity']]);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit was not applied');
    assert.equal(lineWith(draft, 'Back then'), 'Back then, Khamenei said: “Among the reasons why Iran is close to Korea');
    assert.equal(lineWith(draft, 'is the USA’s'), 'is the USA’s enmity toward both our countries.”');
    await waitForDiagnostics(draft.uri, 'no finding left', (all) => all.length === 0);
  });

  test('"Insert citation" on a supported claim adds the footnote reference and definition', async () => {
    const actions = await codeActions(draft, rangeOf(draft, "North Korea's Nodong-1"));
    const cite = actions.find((a) => a.title.startsWith('Insert citation'));
    assert.ok(cite?.edit, `no "Insert citation" action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(cite.edit), 'the edit was not applied');
    assert.equal(lineWith(draft, "Iran's Shahab-3"), `${SUPPORTED_SENTENCE}[^oba-iransource]`);
    assert.match(lineWith(draft, '[^oba-iransource]:'), /^\[\^oba-iransource\]: Oba, M\. .*Iran-North Korea relationship reflects failed US policies/);
  });

  test('editing and saving a fact file of the workspace changes the findings', async () => {
    assert.equal(lineWith(draft, 'The Example-1'), TEAM_CLAIM);
    const facts = await vscode.workspace.openTextDocument(workspaceFile('team-facts/missiles.yaml'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(facts.uri, rangeOf(facts, 'object: shahab-3'), 'object: nodong-1');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit of the fact file was not applied');
    assert.ok(await facts.save(), 'the fact file was not saved');
    const line = draft.positionAt(draft.getText().indexOf(TEAM_CLAIM)).line;
    const diagnostics = await waitForDiagnostics(draft.uri, `an error on line ${line + 1}`, (all) => all.some((d) => d.range.start.line === line));
    const finding = diagnostics.find((d) => d.range.start.line === line)!;
    assert.equal(draft.getText(finding.range), 'Shahab-3');
    assert.match(finding.message, /Nodong-1/);
  });
});

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

function rangeOf(document: vscode.TextDocument, text: string): vscode.Range {
  const at = document.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" is not in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + text.length));
}

/** A position inside the first occurrence of `text`, away from its edges. */
function positionIn(document: vscode.TextDocument, text: string): vscode.Position {
  return rangeOf(document, text).start.translate(0, Math.floor(text.length / 2));
}

function lineWith(document: vscode.TextDocument, start: string): string {
  const line = document.getText().split('\n').find((l) => l.startsWith(start));
  assert.ok(line !== undefined, `no line starts with "${start}" in:\n${document.getText()}`);
  return line;
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function codeActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const found = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, range);
  return found.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('; ') || 'none';
}

/** The draft's Factcheck diagnostics once `condition` holds for them; fails after `timeout` ms. */
function waitForDiagnostics(uri: vscode.Uri, what: string, condition: (all: vscode.Diagnostic[]) => boolean, timeout = 20_000): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'factcheck');
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const now = ours();
      if (!condition(now)) return false;
      done();
      resolve(now);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`waited ${timeout} ms for ${what} in ${uri.path}; the diagnostics are: ${describe(ours())}`));
    }, timeout);
    const done = () => {
      listener.dispose();
      clearTimeout(timer);
    };
    check();
  });
}
