/**
 * A real LSP client for tests: starts the built server (`dist/server.cjs --stdio`) as a child
 * process and talks JSON-RPC to it over its standard streams, as Neovim or Emacs would. It keeps
 * a mirror of the documents it opened, answers the server's requests (configuration, applyEdit,
 * showMessageRequest, showDocument), and lets tests wait for conditions (diagnostics of a
 * version) instead of sleeping. Like an editor, it creates the files an edit creates on disk,
 * empty, and keeps the edits of files it has not opened as unsaved buffers (`unsaved`) until a
 * test saves them.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  LogTraceNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageRequest,
  ShutdownRequest,
  type ApplyWorkspaceEditParams,
  type MessageActionItem,
  type ShowDocumentParams,
  type ShowMessageRequestParams,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

const repo = join(import.meta.dirname, '..', '..');

export interface StartOptions {
  readonly workspace?: string;
  readonly env?: Record<string, string>;
  readonly initializationOptions?: Record<string, unknown>;
  /** What the client answers to workspace/configuration for section 'factcheck'. */
  readonly settings?: Record<string, unknown>;
  /** Start the server through the package's bin from this project folder, as a user's editor would (`npx factcheck-ls --stdio`). */
  readonly viaNpxIn?: string;
  /** The trace the client asks for in `initialize`; with 'verbose' the server traces why it checks when it does. */
  readonly trace?: 'off' | 'messages' | 'verbose';
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  /** When each of `published` arrived (performance.now() of this process), for the bench. */
  readonly publishedAt: number[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  readonly stderr: string[] = [];
  /** The server's window/logMessage notifications (its console), in order. */
  readonly logs: Array<{ type: number; message: string }> = [];
  /** The server's $/logTrace messages, in order (only with a trace asked for). */
  readonly traces: string[] = [];
  /** Settles when the server process exits, with its exit code and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly documents = new Map<string, TextDocument>();
  /** Files edited through workspace/applyEdit without being open, by URI: their text, not yet saved. */
  readonly unsaved = new Map<string, string>();
  /** The server's window/showMessageRequest questions, in order, and how the client answers them (dismissed by default). */
  readonly questions: ShowMessageRequestParams[] = [];
  answer: (question: ShowMessageRequestParams) => MessageActionItem | null = () => null;
  /** The documents the server asked to show (window/showDocument). */
  readonly shown: ShowDocumentParams[] = [];
  private waiters: Array<() => void> = [];

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    private settings: Record<string, unknown>,
  ) {
    this.exited = new Promise((resolve) => {
      if (process.exitCode !== null || process.signalCode !== null) resolve({ code: process.exitCode, signal: process.signalCode });
      else process.once('exit', (code, signal) => resolve({ code, signal }));
    });
    this.exited.then(() => this.wake(), () => undefined);
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const [command, args] = options.viaNpxIn
      ? ['npx', ['--no-install', 'factcheck-ls', '--stdio']]
      : [process.execPath, [join(repo, 'dist', 'server.cjs'), '--stdio']];
    const child = spawn(command, args, {
      cwd: options.viaNpxIn ?? options.workspace ?? repo,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options.settings ?? {});
    child.stderr!.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.published.push(p);
      client.publishedAt.push(performance.now());
      client.wake();
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      client.logs.push({ type: p.type, message: p.message });
      client.wake();
    });
    connection.onNotification(LogTraceNotification.type, (p) => {
      client.traces.push(p.message);
      client.wake();
    });
    connection.onNotification('factcheck/status', (params: unknown) => {
      client.notifications.push({ method: 'factcheck/status', params });
      client.wake();
    });
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'factcheck' ? client.settings : null)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      client.applied.push(p);
      for (const change of p.edit.documentChanges ?? []) {
        if ('kind' in change) {
          if (change.kind === 'create' && !existsSync(fileURLToPath(change.uri))) {
            // As VS Code does, with the folders it needs.
            mkdirSync(dirname(fileURLToPath(change.uri)), { recursive: true });
            writeFileSync(fileURLToPath(change.uri), '');
          }
          continue;
        }
        const edits = change.edits.filter((e): e is TextEdit => 'newText' in e);
        const doc = client.documents.get(change.textDocument.uri);
        if (doc && change.textDocument.version === doc.version) {
          client.documents.set(doc.uri, TextDocument.create(doc.uri, doc.languageId, doc.version, TextDocument.applyEdits(doc, edits)));
        } else if (!doc && change.textDocument.version === null) {
          const uri = change.textDocument.uri;
          const text = client.unsaved.get(uri) ?? readFileSync(fileURLToPath(uri), 'utf8');
          client.unsaved.set(uri, TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), edits));
        }
      }
      client.wake();
      return { applied: true };
    });
    connection.onRequest(ShowMessageRequest.type, (p) => {
      client.questions.push(p);
      client.wake();
      return client.answer(p);
    });
    connection.onRequest(ShowDocumentRequest.type, (p) => {
      client.shown.push(p);
      client.wake();
      return { success: true };
    });
    connection.listen();
    const root = options.workspace ?? repo;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
        window: { showDocument: { support: true } },
      },
      initializationOptions: options.initializationOptions ?? {},
      trace: options.trace ?? 'off',
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  setSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once `condition` holds, re-testing after every message; fails after `ms` with `what`. */
  async until<T>(what: string, condition: () => T | undefined | false, ms = 20_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = condition();
      if (value) return value;
      if (this.process.exitCode !== null) throw new Error(`server exited (${this.process.exitCode}) while waiting for ${what}\n${this.stderr.join('')}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once the server has loaded the fact base (its first factcheck/status notification). */
  baseLoaded(): Promise<unknown> {
    return this.until('the fact base to load', () => this.notifications.find((n) => n.method === 'factcheck/status')?.params);
  }

  /** The diagnostics published for `uri` at `version` (the newest such publication). */
  diagnosticsFor(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return this.until(`diagnostics of ${uri}${version === undefined ? '' : ` v${version}`}`, () =>
      [...this.published].reverse().find((p) => p.uri === uri && (version === undefined || p.version === version)),
    );
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends changes and updates the mirror; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.documents.get(uri)!;
    const version = doc.version + 1;
    this.documents.set(uri, TextDocument.update(doc, changes, version));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * Writes bytes straight to the server's standard input, bypassing the JSON-RPC framing, to
   * test how the server treats a broken client.
   */
  writeRaw(data: string | Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => this.process.stdin!.write(data, (e) => (e ? reject(e) : resolve())));
  }

  /** Saves a file edited without being open, and tells the server, as an editor's file watcher would. */
  async save(uri: string): Promise<void> {
    writeFileSync(fileURLToPath(uri), this.unsaved.get(uri)!);
    this.unsaved.delete(uri);
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may be gone already; it is killed below either way.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
