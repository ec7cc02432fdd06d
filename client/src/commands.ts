/**
 * The palette commands. Each is a thin call into the language server, which owns the fact base
 * and the edits: citing applies its edit through workspace/applyEdit, and the list of fact
 * files comes from the server because only it knows which folders were loaded. Also the command
 * behind the hover cards' "Open … in people.yaml" links, which opens a fact file at an entry.
 */

import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, OPEN_FACT_COMMAND, PICK_SOURCE_COMMAND, type AddToFactBaseArgs, type OpenFactTarget, type SourceChoice } from '../../server/src/protocol.js';
import { factFileLabels } from './factFileLabels.js';

/** Runs one of the server's commands (workspace/executeCommand). */
function executeOnServer(client: LanguageClient, command: string, args: unknown[]): Promise<unknown> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
}

/** Shows a failed server request as an error message rather than an unhandled rejection. */
function reportFailure(action: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  void vscode.window.showErrorMessage(`Factcheck could not ${action}: ${reason}`);
}

/** Cites every claim of the active Markdown draft that the fact base supports. */
async function citeAllSupported(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Factcheck: open a Markdown draft to cite its supported claims.');
    return;
  }
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  try {
    await executeOnServer(client, COMMANDS.citeAll, [uri]);
  } catch (error) {
    reportFailure('cite the supported claims', error);
  }
}

/** Asks the server for the fact files, lets the user pick one and opens it. */
async function openFactBase(client: LanguageClient, extensionPath: string): Promise<void> {
  let result: unknown;
  try {
    result = await executeOnServer(client, COMMANDS.factFiles, []);
  } catch (error) {
    reportFailure('list the fact files', error);
    return;
  }
  const files = Array.isArray(result) ? result.filter((file): file is string => typeof file === 'string') : [];
  if (files.length === 0) {
    void vscode.window.showInformationMessage('Factcheck: no fact files are loaded.');
    return;
  }
  const paths = files.map((file) => client.protocol2CodeConverter.asUri(file)).filter((uri) => uri.scheme === 'file');
  const items = factFileLabels(
    paths.map((uri) => uri.fsPath),
    {
      workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => ({ path: f.uri.fsPath, name: f.name })),
      extensionPath,
      ...(process.env['HOME'] && { home: process.env['HOME'] }),
    },
  ).map((row) => ({ label: row.label, description: row.description, uri: vscode.Uri.file(row.path) }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Factcheck: Open Fact Base',
    placeHolder: 'Select a fact file to open',
    matchOnDescription: true,
  });
  if (picked) await vscode.window.showTextDocument(picked.uri);
}

/** Opens a fact file at an entry: the target of a hover card's link. Anything else is ignored. */
async function openFact(target: unknown): Promise<void> {
  const t = target as Partial<OpenFactTarget> | undefined;
  if (typeof t?.uri !== 'string' || !Number.isInteger(t.line) || !Number.isInteger(t.character)) return;
  const uri = vscode.Uri.parse(t.uri, true);
  if (uri.scheme !== 'file' || !/\.ya?ml$/i.test(uri.path)) return;
  const at = new vscode.Position(Math.max(0, t.line!), Math.max(0, t.character!));
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at) });
}

/**
 * "Add to fact base…" from a code action: every source of the base in a quick pick, likeliest
 * first (the server ranks them), then the server writes the statement citing the one picked.
 */
async function addToFactBase(client: LanguageClient, args: AddToFactBaseArgs): Promise<void> {
  let choices: SourceChoice[];
  try {
    const result = await executeOnServer(client, COMMANDS.factSources, [args]);
    choices = Array.isArray(result) ? (result as SourceChoice[]) : [];
  } catch (error) {
    reportFailure('list the sources', error);
    return;
  }
  if (choices.length === 0) {
    void vscode.window.showInformationMessage('Factcheck: the fact base has no sources yet. Add the source that backs this fact first (factcheck sources import reads BibTeX and CSL-JSON).');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.label, description: c.detail ?? '', detail: c.id, id: c.id })),
    { title: `Factcheck: Add to fact base: ${args.proposal.summary}`, placeHolder: 'Select the source that backs it', matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  try {
    await executeOnServer(client, COMMANDS.addToFactBase, [{ ...args, source: picked.id }]);
  } catch (error) {
    reportFailure('add the fact', error);
  }
}

/** Registers the commands contributed in package.json, the hover cards' link command and the source picker; returns their disposables. */
export function registerCommands(client: LanguageClient, extensionPath: string): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('factcheck.restartServer', () => client.restart()),
    vscode.commands.registerCommand('factcheck.citeAllSupported', () => citeAllSupported(client)),
    vscode.commands.registerCommand('factcheck.openFactBase', () => openFactBase(client, extensionPath)),
    vscode.commands.registerCommand(OPEN_FACT_COMMAND, openFact),
    vscode.commands.registerCommand(PICK_SOURCE_COMMAND, (args: AddToFactBaseArgs) => addToFactBase(client, args)),
  ];
}
