/**
 * The VS Code extension: starts the Factcheck language server and wires the status bar and the
 * palette commands to it. All checking happens in the server, so every editor gets the same
 * results; this file only says which documents and file events the server receives.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { OPEN_FACT_COMMAND } from '../../server/src/protocol.js';
import { registerCommands } from './commands.js';
import { withoutReplaced } from './staleDiagnostics.js';
import { registerStatusBar } from './statusBar.js';

let client: LanguageClient | undefined;

/** What the server receives at start-up (`initialize`'s `initializationOptions`). */
export interface FactcheckInitializationOptions {
  /** Whether the workspace is trusted; if not, fact-base folders outside the workspace are ignored. */
  readonly trusted: boolean;
  /** This client runs `factcheck.openFact` from the links of hover cards. */
  readonly openFactLinks: true;
  /** This client picks the source of "Add to fact base…" itself, in a quick pick. */
  readonly pickSources: true;
}

/** Starts the language server and registers the status bar item and the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
    vscode.workspace.createFileSystemWatcher('**/.factcheck.yaml'),
  ];
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // The server also reads open fact files, so that fact-base problems show while typing.
      // Every YAML file on disk: the fact-base folders are the server's settings (any folder
      // name), and the server must hear when a fact file "Add to fact base…" wrote is closed
      // unsaved, so that the statement stops counting. It ignores YAML outside the base.
      { scheme: 'file', language: 'yaml' },
    ],
    synchronize: { fileEvents: watchers },
    // A function, so that a restart after trust is granted tells the server the new state.
    initializationOptions: (): FactcheckInitializationOptions => ({ trusted: vscode.workspace.isTrusted, openFactLinks: true, pickSources: true }),
    // Hover cards may run one command from their links: opening a fact file at an entry.
    markdown: { isTrusted: { enabledCommands: [OPEN_FACT_COMMAND] } },
    middleware: {
      didChange: (event, next) => {
        // A quick fix replaced flagged words: their diagnostic goes with them, not at the next publish.
        const diagnostics = languageClient.diagnostics;
        const current = diagnostics?.get(event.document.uri);
        const kept = current && withoutReplaced(current, event.contentChanges.map((c) => c.range));
        if (kept) diagnostics!.set(event.document.uri, kept);
        return next(event);
      },
    },
  };
  const languageClient = new LanguageClient('factcheck', 'Factcheck', serverOptions, clientOptions);
  client = languageClient;

  context.subscriptions.push(
    ...watchers,
    registerStatusBar(languageClient),
    ...registerCommands(languageClient, context.extensionPath),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      languageClient.restart().catch((error: unknown) => {
        void vscode.window.showErrorMessage(`Factcheck could not restart after the workspace was trusted: ${String(error)}`);
      });
    }),
  );
  await languageClient.start();
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
