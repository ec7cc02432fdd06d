/**
 * The palette commands. Each is a thin call into the language server, which owns the fact base
 * and the edits: citing applies its edit through workspace/applyEdit, and the list of fact
 * files comes from the server because only it knows which folders were loaded.
 */

import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../server/src/protocol.js';

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
async function openFactBase(client: LanguageClient): Promise<void> {
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
  const items = files
    .map((file) => {
      const uri = client.protocol2CodeConverter.asUri(file);
      return { label: vscode.workspace.asRelativePath(uri), uri };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Factcheck: Open Fact Base',
    placeHolder: 'Select a fact file to open',
  });
  if (picked) await vscode.window.showTextDocument(picked.uri);
}

/** Registers the commands contributed in package.json; returns their disposables. */
export function registerCommands(client: LanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('factcheck.restartServer', () => client.restart()),
    vscode.commands.registerCommand('factcheck.citeAllSupported', () => citeAllSupported(client)),
    vscode.commands.registerCommand('factcheck.openFactBase', () => openFactBase(client)),
  ];
}
