#!/usr/bin/env node
/**
 * The Factcheck language server: wiring only. It binds LSP requests to the engine through the
 * translators in lsp/, keeps the fact base live, and pushes diagnostics for every open draft.
 * Run it with `factcheck-ls --stdio` (any LSP client) or over IPC (the VS Code extension).
 *
 * Start-up answers `initialize` at once and loads the fact base afterwards; drafts opened
 * meanwhile are checked as soon as it is there. Every request handler is guarded: an exception
 * answers that one request with an error and is logged, and the server keeps serving.
 */

import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  ResponseError,
  ErrorCodes,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Checker } from './engine/check.js';
import { FactBase } from './engine/factbase/factbase.js';
import { citeAll } from './engine/fixAll.js';
import { bibliographyTarget, cslItem } from './engine/pandoc.js';
import { codeActions, CODE_ACTION_KINDS } from './lsp/actions.js';
import { addToFactBaseEdit, MESSAGE_CHOICES, readArgs, sourceChoices, type AuthoringWorkspace } from './lsp/addToFactBase.js';
import { COMPLETION_TRIGGERS, completion } from './lsp/completion.js';
import { bibliographyChanges, toDiagnostic, toWorkspaceEdit, type BibliographyFile } from './lsp/convert.js';
import { checkedLine, Debouncer, traceLine } from './lsp/debounce.js';
import { definition } from './lsp/definition.js';
import { hover } from './lsp/hover.js';
import { documentLinks } from './lsp/links.js';
import { isFactFile, loadLiveFactBase, type LoadedBase } from './lsp/liveFactBase.js';
import { ResultCache, type DraftResult, type ServerState } from './lsp/state.js';
import { warmUp } from './lsp/warmUp.js';
import { CONFIG_FILE, DEFAULT_SETTINGS, findConfig, insideAny, mergeSettings, readConfig, type ConfigInput, type Settings } from './node/config.js';
import { MAX_FACT_FILE_CHARS } from './engine/factbase/load.js';
import { shippedFactBases } from './node/factFiles.js';
import { DEFAULT_PARSE_LIMIT_S, ParsePool } from './node/parsePool.js';
import { WorkerStartFailed } from './node/budgetedWorker.js';
import { parseRequest, type ParseRequest } from './engine/markdown/incremental.js';
import type { RootBlock } from './engine/markdown/parse.js';
import { COMMANDS, PICK_SOURCE_COMMAND, STATUS_NOTIFICATION, type SourceChoice, type StatusParams } from './protocol.js';
import type { Proposal } from './engine/authoring.js';

/**
 * Over stdio the transport is built here, so that a broken frame is noticed: a stream whose
 * headers cannot be read has no next message boundary to resynchronize on, and a server that
 * silently stops reading looks alive but answers nothing. It exits instead, saying why. Over IPC
 * (VS Code) messages are whole objects and the library's transport is used.
 */
function startConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  const fatal = (why: string) => {
    process.stderr.write(`factcheck-ls: ${why}; the stream cannot be resynchronized, exiting\n`);
    process.exit(1);
  };
  reader.onError((e) => {
    // A body that is not JSON is one lost message; a header that cannot be read is the stream lost.
    if (e instanceof SyntaxError || /JSON/i.test(e.message)) process.stderr.write(`factcheck-ls: dropped a message that is not JSON: ${e.message}\n`);
    else fatal(`unreadable message header from the client (${e.message})`);
  });
  // A message whose announced body never arrives (a wrong or huge Content-Length).
  reader.partialMessageTimeout = 5_000;
  reader.onPartialMessage((info) => fatal(`a message announced with Content-Length ${info.messageToken} did not arrive within ${info.waitingTime} ms`));
  process.stdin.on('end', () => process.exit(shutdownRequested ? 0 : 1));
  process.stdin.on('data', frameChecker(fatal));
  return createConnection(ProposedFeatures.all, reader, writer);
}

/**
 * Watches the frames on stdin beside the reader: the reader waits forever on a header block with
 * no usable Content-Length (none, negative, not a number, over 512 MB), so those are caught here.
 */
function frameChecker(fatal: (why: string) => void): (chunk: Buffer) => void {
  const MAX_BODY = 512 * 1024 * 1024;
  let header = '';
  let body = 0;
  return (chunk: Buffer) => {
    let i = 0;
    while (i < chunk.length) {
      if (body > 0) {
        const take = Math.min(body, chunk.length - i);
        body -= take;
        i += take;
        continue;
      }
      header += String.fromCharCode(chunk[i++]!);
      if (header.length > 8192) return fatal('a message header longer than 8 KB');
      if (!header.endsWith('\r\n\r\n')) continue;
      const length = /(?:^|\r\n)Content-Length:\s*(\S+)/i.exec(header)?.[1];
      if (length === undefined || !/^\d+$/.test(length) || Number(length) > MAX_BODY) {
        return fatal(`unreadable message header from the client (Content-Length ${length === undefined ? 'missing' : `'${length}'`})`);
      }
      body = Number(length);
      header = '';
    }
  };
}

let shutdownRequested = false;
const connection: Connection = startConnection();
connection.onShutdown(() => {
  shutdownRequested = true;
  parsePool.stop();
});
const documents = new TextDocuments(TextDocument);

/** A handler that tests may make throw, to prove one failure does not take the server down. */
const injectedFault = process.env['FACTCHECK_TEST_FAULT'];

let workspaceRoots: string[] = [];
let trusted = true;
/** Whether the client runs `factcheck.openFact` from the links of hover cards. */
let openFactLinks = false;
let pullDiagnostics = false;
let canPullConfiguration = false;
/** Whether the client shows its own source picker for "Add to fact base…" (the VS Code client does). */
let pickSources = false;
let canShowDocument = false;
let canCreateFiles = false;
/** The pause before a check after typing: automatic (undefined) unless the user set one. */
let debounceMs: number | undefined;
/**
 * How long parsing a draft's Markdown may take, in milliseconds; 0 parses on this thread, with
 * no limit. Drafts are parsed in worker threads (node/parsePool.ts), so that one the parser is
 * slow on never stops the server from answering; the checks run here, with the fact base.
 */
let parseLimitMs = DEFAULT_PARSE_LIMIT_S * 1000;
const parsePool = new ParsePool(new URL('./parseWorker.cjs', import.meta.url), parseLimitMs);
/** Set when the parse workers cannot start: drafts are then parsed on this thread. */
let parseWorkersFailed = false;
let settings: Settings = DEFAULT_SETTINGS;
let loaded: LoadedBase | undefined;
let checker = new Checker(FactBase.empty());
/** The check options the current settings give. */
function checkOptions() {
  return { severities: settings.severity, citationStyle: settings.citationStyle, citationFormat: settings.citationFormat };
}
const cache = new ResultCache(
  () => checker,
  checkOptions,
  () => (parseLimitMs > 0 && !parseWorkersFailed ? { parse: parseOffThread, limitMs: parseLimitMs } : undefined),
);
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const debouncer = new Debouncer();

/**
 * What a request handler reads: `draft` is the result it was asked about, checked before the
 * handler runs, so that no handler parses on this thread.
 */
function stateFor(draft: DraftResult): ServerState {
  const resultFor = (document: TextDocument) => (document.uri === draft.uri && document.version === draft.version ? draft : cache.peek(document) ?? cache.get(document));
  return {
    base: checker.base,
    checker,
    options: checkOptions(),
    resultFor,
    parsedFor: (document) => resultFor(document).parsed,
    bibliography: bibliographyFile,
  };
}

/** A bibliography larger than this is not read, and so not edited. */
const MAX_BIBLIOGRAPHY_BYTES = 16 * 1024 * 1024;

/**
 * The bibliography file a draft's front matter names, relative to the draft: the open document's
 * text if the client has it open, else the disk's. Undefined for a draft that is no file (it has
 * no folder), for a name that is not CSL-JSON, and for a file that cannot be read.
 */
function bibliographyFile(draftUri: string, path: string): BibliographyFile | undefined {
  const draft = pathOf(draftUri);
  if (!draft || !/\.json$/i.test(path)) return undefined;
  const file = resolve(dirname(draft), path);
  // In Restricted Mode a draft's front matter cannot send edits outside the workspace.
  if (!trusted && !insideAny(file, workspaceRoots)) return undefined;
  const found = clientFile(file, MAX_BIBLIOGRAPHY_BYTES);
  return found && { uri: pathToFileURL(file).href, ...found };
}

/**
 * A file as the client has it: an open document's text and version, else what "Add to fact
 * base…" wrote to it, else the disk's (text undefined: there is no such file). Undefined for a
 * file that cannot be read or is larger than `maxBytes`.
 */
function clientFile(path: string, maxBytes: number): { text: string | undefined; version: number | null } | undefined {
  const open = documents.get(pathToFileURL(path).href);
  if (open) return { text: open.getText(), version: open.version };
  const written = authored.get(path);
  if (written) return { text: written.after, version: null };
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return { text: undefined, version: null };
    if (!info.isFile() || info.size > maxBytes) return undefined;
    return { text: readFileSync(path, 'utf8'), version: null };
  } catch {
    return undefined;
  }
}

function isDraft(document: TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(?:md|markdown|mdown|mkd)$/i.test(document.uri);
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** Wraps a request handler: a thrown error answers this request only, and is logged. */
function guard<P, R>(name: string, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      if (injectedFault === name) throw new Error(`injected fault in ${name}`);
      return await handler(params);
    } catch (e) {
      connection.console.error(`factcheck: ${name} failed: ${(e as Error).stack ?? String(e)}`);
      throw new ResponseError(ErrorCodes.InternalError, `factcheck: ${name} failed: ${(e as Error).message}`);
    }
  };
}

/** Runs a notification handler, logging instead of throwing: a notification has no one to answer. */
function safely<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params: P) => {
    Promise.resolve()
      .then(() => {
        if (injectedFault === name) throw new Error(`injected fault in ${name}`);
        return handler(params);
      })
      .catch((e: unknown) => connection.console.error(`factcheck: ${name} failed: ${(e as Error).stack ?? String(e)}`));
  };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const folders = params.workspaceFolders?.map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined) ?? [];
  const root = params.rootUri ? pathOf(params.rootUri) : undefined;
  workspaceRoots = folders.length ? folders : root ? [root] : [];
  const init = (params.initializationOptions ?? {}) as { trusted?: boolean; diagnosticMode?: string; diagnosticsDelay?: number; openFactLinks?: boolean; pickSources?: boolean; timeLimit?: number };
  trusted = init.trusted !== false;
  openFactLinks = init.openFactLinks === true;
  pickSources = init.pickSources === true;
  canShowDocument = params.capabilities.window?.showDocument?.support === true;
  canCreateFiles = params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
  if (typeof init.diagnosticsDelay === 'number' && init.diagnosticsDelay >= 0) debounceMs = init.diagnosticsDelay;
  if (typeof init.timeLimit === 'number' && init.timeLimit >= 0) setParseLimit(init.timeLimit);
  pullDiagnostics = init.diagnosticMode === 'pull' && params.capabilities.textDocument?.diagnostic !== undefined;
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      definitionProvider: true,
      documentLinkProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [COMMANDS.citeAll, COMMANDS.factFiles, COMMANDS.addToBibliography, COMMANDS.addToFactBase, COMMANDS.factSources] },
      ...(pullDiagnostics && { diagnosticProvider: { identifier: 'factcheck', interFileDependencies: false, workspaceDiagnostics: false } }),
    },
    serverInfo: { name: 'factcheck', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  // The first worker starts, and warms its parser up, while the fact base loads.
  if (parseLimitMs > 0) parsePool.start().catch(parseWorkersUnavailable);
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'factcheck' }).catch(() => undefined);
  }
  scheduleReload(0);
});

// ---------------------------------------------------------------------------------------------
// The fact base and the settings.

let reloadTimer: ReturnType<typeof setTimeout> | undefined;
/** The `.factcheck.yaml` in force, as the last reload found it. */
let configPath: string | undefined;
/**
 * Files "Add to fact base…" wrote through the client, by path, with their text before and after
 * the edit: the client may keep them unsaved, and the fact must count at once. Each is forgotten
 * when the client opens or closes it (its text then counts), or when the disk has a text other
 * than the one before the edit (saved, perhaps with more changes). Creating a new file first
 * writes it empty, which is still the text before.
 */
const authored = new Map<string, { readonly before: string; readonly after: string }>();

function authoredIn(path: string): string | undefined {
  return authored.has(path) ? path : undefined;
}

/** A file's text as the client has it: an open document's, or what "Add to fact base…" wrote; undefined for the disk's. */
function textOf(path: string): string | undefined {
  return documents.get(pathToFileURL(path).href)?.getText() ?? authored.get(path)?.after;
}

function forgetAuthored(uri: string, unlessDiskIsBefore = false): void {
  const path = pathOf(uri);
  const written = path === undefined ? undefined : authored.get(path);
  if (!written) return;
  if (unlessDiskIsBefore) {
    let disk: string | undefined;
    try {
      disk = readFileSync(path!, 'utf8');
    } catch {
      disk = undefined;
    }
    if ((disk ?? '') === written.before) return;
  }
  authored.delete(path!);
}
let reloading: Promise<void> | undefined;
let reloadAgain = false;

function scheduleReload(delay = 200): void {
  if (reloadTimer) clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => {
    reloadTimer = undefined;
    void reload();
  }, delay);
}

async function reload(): Promise<void> {
  // One reload at a time; a request during one runs once more after it, with the newest state.
  if (reloading) {
    reloadAgain = true;
    return reloading;
  }
  reloading = (async () => {
    do {
      reloadAgain = false;
      try {
        await reloadOnce();
      } catch (e) {
        connection.console.error(`factcheck: loading the fact base failed: ${(e as Error).stack ?? String(e)}`);
      }
    } while (reloadAgain);
  })();
  await reloading;
  reloading = undefined;
}

async function reloadOnce(): Promise<void> {
  const root = workspaceRoots[0] ?? process.cwd();
  configPath = workspaceRoots.length ? findConfig(root) ?? authoredIn(join(root, CONFIG_FILE)) : undefined;
  const fromFile = configPath ? await readConfig(configPath, textOf(configPath)) : { config: {}, problems: [] };
  const fromEditor = canPullConfiguration ? await editorSettings() : undefined;
  settings = mergeSettings(root, fromFile.config, fromEditor);

  // Facts written by "Add to fact base…" count before the client saves them; open documents win.
  const overlays = new Map<string, string>([...authored].map(([path, { after }]) => [path, after]));
  for (const doc of documents.all()) {
    const path = pathOf(doc.uri);
    if (path && /\.ya?ml$/i.test(path)) overlays.set(path, doc.getText());
  }
  loaded = await loadLiveFactBase(settings, overlays, { trusted, workspaceRoots }, loaded, fromFile.problems);
  checker = new Checker(loaded.base);
  cache.clear();
  for (const [uri, diagnostics] of loaded.diagnostics) void connection.sendDiagnostics({ uri, diagnostics });
  const status: StatusParams = {
    ...loaded.base.size,
    errors: loaded.problems.filter((p) => p.severity === 'error').length,
    files: loaded.base.files,
  };
  void connection.sendNotification(STATUS_NOTIFICATION, status);
  connection.console.info(`factcheck: fact base loaded: ${status.entities} entities, ${status.statements} statements, ${status.errors} errors`);
  for (const doc of documents.all()) if (isDraft(doc)) schedule(doc, 0);
  if (pullDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
  warmUpOnce();
}

/** How many times the warm-up draft is checked: three brought the first check from 2.3 to 1.6 times a warm one (see lsp/warmUp.ts). */
const WARM_UP_PASSES = 3;
let warmedUp = false;

/**
 * After the first load, with no draft open, the engine warms up: the first draft opened is then
 * checked by compiled code. An open draft's own check does that work instead. Once per server:
 * compiled code stays warm when the base is reloaded, and a writer editing a fact file with no
 * draft open would otherwise pay the passes at every reload. One pass at a time, each a task of
 * its own, so that a draft opened meanwhile waits for one pass at most.
 */
function warmUpOnce(): void {
  if (warmedUp) return;
  warmedUp = true;
  const warming = checker;
  const pass = (left: number) => {
    if (left === 0 || warming !== checker || documents.all().some(isDraft)) return;
    try {
      warmUp(warming);
    } catch (e) {
      connection.console.error(`factcheck: warming up failed: ${(e as Error).stack ?? String(e)}`);
      return;
    }
    setImmediate(() => pass(left - 1));
  };
  setImmediate(() => pass(WARM_UP_PASSES));
}

/** `factcheck.timeLimit`, in seconds: 0 parses on the server's thread, with no limit. */
function setParseLimit(seconds: number): void {
  parseLimitMs = Math.round(seconds * 1000);
  if (parseLimitMs > 0) parsePool.setLimit(parseLimitMs);
}

/** A parse in a worker; if no worker can start, on this thread from then on. */
async function parseOffThread(request: ParseRequest): Promise<readonly RootBlock[] | { readonly timedOut: true }> {
  try {
    return await parsePool.parse(request);
  } catch (e) {
    if (!(e instanceof WorkerStartFailed)) throw e;
    parseWorkersUnavailable(e);
    return parseRequest(request);
  }
}

function parseWorkersUnavailable(e: unknown): void {
  if (parseWorkersFailed) return;
  parseWorkersFailed = true;
  connection.console.error(`factcheck: the parser's worker thread did not start (${(e as Error).message}); drafts are parsed on the server's thread, without a time limit`);
}

async function editorSettings(): Promise<ConfigInput | undefined> {
  try {
    // Settings are resource-scoped: ask for the first workspace folder's.
    const scopeUri = workspaceRoots[0] ? pathToFileURL(workspaceRoots[0]).href : undefined;
    const value = (await connection.workspace.getConfiguration({ section: 'factcheck', ...(scopeUri && { scopeUri }) })) as Record<string, unknown> | null;
    if (!value || typeof value !== 'object') return undefined;
    const out: { -readonly [K in keyof ConfigInput]: ConfigInput[K] } = {};
    // Only what the user set counts; the client fills defaults, which must not hide the file's values.
    if (Array.isArray(value['factBases']) && value['factBases'].length) out.factBases = value['factBases'].filter((f): f is string => typeof f === 'string');
    if (value['includeBuiltinFacts'] === false) out.includeBuiltinFacts = false;
    if (value['severity'] && typeof value['severity'] === 'object') out.severity = value['severity'] as ConfigInput['severity'];
    if (typeof value['citationStyle'] === 'string' && ['apa', 'vancouver', 'harvard1'].includes(value['citationStyle'])) {
      out.citationStyle = value['citationStyle'] as Settings['citationStyle'];
    }
    if (value['citationFormat'] === 'footnote' || value['citationFormat'] === 'pandoc') out.citationFormat = value['citationFormat'];
    if (typeof value['diagnosticsDelay'] === 'number' && value['diagnosticsDelay'] >= 0) debounceMs = value['diagnosticsDelay'];
    else if (value['diagnosticsDelay'] === null) debounceMs = undefined;
    if (typeof value['timeLimit'] === 'number' && value['timeLimit'] >= 0) setParseLimit(value['timeLimit']);
    return out;
  } catch {
    return undefined;
  }
}

connection.onDidChangeConfiguration(safely('didChangeConfiguration', () => scheduleReload(0)));

connection.onDidChangeWatchedFiles(
  safely('didChangeWatchedFiles', (params) => {
    for (const c of params.changes) forgetAuthored(c.uri, true);
    const relevant = params.changes.some((c) => {
      const path = pathOf(c.uri);
      return path !== undefined && (path.endsWith(CONFIG_FILE) || isFactFile(path, loaded));
    });
    if (relevant) scheduleReload();
  }),
);

// ---------------------------------------------------------------------------------------------
// Drafts: check after a short pause in typing, publish for the version checked.

/**
 * Schedules the check of an edited draft as the debounce decides, and traces why (seen with
 * `trace: verbose`, as `factcheck.trace.server` sets it). A joining edit leaves the pending
 * check in place: it reads the newest version when it runs.
 */
function scheduleEdit(document: TextDocument): void {
  const decision = debouncer.edited(document.uri, performance.now(), {
    pending: timers.has(document.uri) || publishing.has(document.uri),
    userDelayMs: debounceMs,
    recentRechecksMs: cache.recentRechecksMs(document.uri),
  });
  connection.tracer.log(traceLine(document.uri, document.version, decision));
  if (decision.kind !== 'join') schedule(document, decision.kind === 'now' ? 0 : decision.ms);
}

/** Notes an open draft (checked at once by its caller), so that the change event that comes with the open is not taken for an edit. */
function noteOpened(document: TextDocument): void {
  connection.tracer.log(traceLine(document.uri, document.version, debouncer.opened(document.uri, document.version)));
}

function schedule(document: TextDocument, delay: number): void {
  const pending = timers.get(document.uri);
  if (pending) clearTimeout(pending);
  timers.set(
    document.uri,
    setTimeout(() => {
      timers.delete(document.uri);
      void publish(document.uri);
    }, delay),
  );
}

function diagnosticsFor(draft: DraftResult): Diagnostic[] {
  const findings = draft.result.findings.map((f) => toDiagnostic(f, draft.lines, draft.version));
  if (draft.result.skipped === undefined) return findings;
  const notice: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    source: 'factcheck',
    code: draft.late ? 'not-checked' : 'too-large',
    message: draft.result.skipped,
  };
  return [notice, ...findings];
}

/** Drafts whose check is being published: an edit meanwhile joins it, as the check publishes the newest version. */
const publishing = new Set<string>();

/**
 * Checks a draft and publishes its diagnostics, for the newest version: if the draft changed
 * while it was checked (or the fact base did), it is checked again before anything is published.
 */
async function publish(uri: string): Promise<void> {
  // Before the fact base is loaded a draft would look clean: it is published after the load.
  if (!loaded || publishing.has(uri)) return;
  publishing.add(uri);
  try {
    for (;;) {
      const document = documents.get(uri);
      if (!document || !isDraft(document) || pullDiagnostics) return;
      const started = performance.now();
      const draft = await cache.current(document);
      if (documents.get(uri) !== document || cache.peek(document) !== draft) continue;
      connection.tracer.log(checkedLine(uri, draft.version, performance.now() - started));
      void connection.sendDiagnostics({ uri, version: draft.version, diagnostics: diagnosticsFor(draft) });
      return;
    }
  } catch (e) {
    connection.console.error(`factcheck: checking ${uri} failed: ${(e as Error).stack ?? String(e)}`);
  } finally {
    publishing.delete(uri);
  }
}

documents.onDidOpen(
  safely('didOpen', (e) => {
    forgetAuthored(e.document.uri);
    if (!isDraft(e.document)) return;
    schedule(e.document, 0);
    noteOpened(e.document);
  }),
);

documents.onDidChangeContent(
  safely('didChange', (e) => {
    const path = pathOf(e.document.uri);
    // The change event that comes with every open is no edit: the open's check stays immediate.
    if (isDraft(e.document) && debouncer.isOpenEcho(e.document.uri, e.document.version)) return;
    if (isDraft(e.document)) scheduleEdit(e.document);
    else if (path && (isFactFile(path, loaded) || path.endsWith(CONFIG_FILE))) scheduleReload();
  }),
);

documents.onDidClose(
  safely('didClose', (e) => {
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    debouncer.forget(e.document.uri);
    cache.clear(e.document.uri);
    forgetAuthored(e.document.uri);
    if (isDraft(e.document)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // A fact file closed without saving: the disk's text counts again.
    const path = pathOf(e.document.uri);
    if (path && isFactFile(path, loaded)) scheduleReload();
  }),
);

connection.languages.diagnostics.on(
  guard('diagnostic', async (params) => {
    const document = documents.get(params.textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: loaded && document && isDraft(document) ? diagnosticsFor(await cache.current(document)) : [] };
  }),
);

// ---------------------------------------------------------------------------------------------
// Requests.

function draftOf(uri: string): TextDocument | undefined {
  const document = documents.get(uri);
  return document && isDraft(document) ? document : undefined;
}

connection.onHover(
  guard('hover', async (params) => {
    const document = draftOf(params.textDocument.uri);
    return document ? hover(document, params.position, stateFor(await cache.current(document)), { openFactLinks }) : null;
  }),
);

connection.onCodeAction(
  guard('codeAction', async (params) => {
    const document = draftOf(params.textDocument.uri);
    return document ? codeActions(document, params, stateFor(await cache.current(document)), { addToFactBaseCommand: pickSources ? PICK_SOURCE_COMMAND : COMMANDS.addToFactBase }) : [];
  }),
);

connection.onCompletion(
  guard('completion', async (params) => {
    const document = draftOf(params.textDocument.uri);
    return document ? completion(document, params.position, stateFor(await cache.current(document))) : [];
  }),
);

connection.onDefinition(
  guard('definition', async (params) => {
    const document = draftOf(params.textDocument.uri);
    return document ? definition(document, params.position, stateFor(await cache.current(document))) : [];
  }),
);

connection.onDocumentLinks(
  guard('documentLinks', async (params) => {
    const document = draftOf(params.textDocument.uri);
    return document ? documentLinks(document, stateFor(await cache.current(document))) : [];
  }),
);

connection.onExecuteCommand(
  guard('executeCommand', async (params) => {
    if (params.command === COMMANDS.factFiles) {
      return (loaded?.base.files ?? []).map((f) => pathToFileURL(f).href);
    }
    if (params.command === COMMANDS.citeAll) {
      const uri = params.arguments?.[0];
      const document = typeof uri === 'string' ? draftOf(uri) : undefined;
      if (!document) throw new ResponseError(ErrorCodes.InvalidParams, 'factcheck.citeAll takes the URI of an open Markdown document');
      const draft = await cache.current(document);
      const { edits, bibliography } = citeAll(draft.result.claims);
      if (edits.length === 0) return { applied: false, cited: 0 };
      const edit = toWorkspaceEdit(document.uri, draft.version, edits, draft.lines, bibliography && { addition: bibliography, lookup: bibliographyFile });
      const result = await connection.workspace.applyEdit({ label: 'Cite all supported claims', edit });
      return { applied: result.applied, cited: edits.length };
    }
    if (params.command === COMMANDS.addToBibliography) {
      // After a Pandoc citation key was completed: the source goes into the draft's bibliography.
      const [uri, ids] = params.arguments ?? [];
      const document = typeof uri === 'string' ? draftOf(uri) : undefined;
      if (!document || !Array.isArray(ids)) throw new ResponseError(ErrorCodes.InvalidParams, 'factcheck.addToBibliography takes the URI of an open Markdown document and source ids');
      const draft = await cache.current(document);
      const target = bibliographyTarget(draft.text, draft.parsed.frontMatter);
      const items = ids.flatMap((id) => { const source = typeof id === 'string' ? checker.base.sources.get(id) : undefined; return source ? [cslItem(source)] : []; });
      const file = target && items.length ? bibliographyFile(document.uri, target.path) : undefined;
      const changes = file && target ? bibliographyChanges(file, { path: target.path, items }) : [];
      if (changes.length === 0) return { applied: false };
      const result = await connection.workspace.applyEdit({ label: 'Add to the bibliography', edit: { documentChanges: changes } });
      return { applied: result.applied };
    }
    if (params.command === COMMANDS.factSources || params.command === COMMANDS.addToFactBase) {
      const args = readArgs(params.arguments?.[0], checker.base);
      if (typeof args === 'string') throw new ResponseError(ErrorCodes.InvalidParams, `factcheck: ${args}`);
      // The choices are made only where they are shown: a client that picked a source needs none.
      const choices = () => sourceChoices(checker.base, args.proposal, documents.get(args.uri)?.getText() ?? '', authoringWorkspace().teamFolders);
      if (params.command === COMMANDS.factSources) return choices();
      return addToFactBase(args.proposal, args.source, choices);
    }
    throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
  }),
);

/** What "Add to fact base…" may write to: the configured folders, never the shipped ones, and in an untrusted workspace only the folders inside it. */
function authoringWorkspace(): AuthoringWorkspace {
  const shipped = new Set(shippedFactBases().map((f) => resolve(f)));
  const teamFolders = settings.factBases.map((f) => resolve(f)).filter((f) => !shipped.has(f) && (trusted || insideAny(f, workspaceRoots)));
  return {
    base: checker.base,
    teamFolders,
    root: workspaceRoots[0],
    configFile: configPath,
    read: (path) => clientFile(path, MAX_FACT_FILE_CHARS),
  };
}

/**
 * Writes a statement from a draft into the team's fact base: asks for the source if the client
 * did not pick one, applies the edit through the client, counts it at once, and shows it.
 */
async function addToFactBase(proposal: Proposal, picked: string | undefined, choices: () => readonly SourceChoice[]): Promise<{ applied: boolean; file?: string; statement?: string; error?: string }> {
  const fail = (error: string) => {
    void connection.window.showErrorMessage(`Factcheck: ${error}`);
    return { applied: false, error };
  };
  let source = picked;
  if (source === undefined) {
    const offered = choices().slice(0, MESSAGE_CHOICES);
    if (offered.length === 0) return fail('the fact base has no sources yet: add the source that backs this fact first (factcheck sources import reads BibTeX and CSL-JSON)');
    // Buttons are titled by the source; two sources of one title are told apart by their ids.
    const title = (c: SourceChoice) => (offered.filter((o) => o.label === c.label).length > 1 ? `${c.label} (${c.id})` : c.label);
    const answer = await connection.window.showInformationMessage(`Factcheck: which source backs "${proposal.summary}"?`, ...offered.map((c) => ({ title: title(c) })));
    source = offered.find((c) => title(c) === answer?.title)?.id;
    if (source === undefined) return { applied: false };
  }
  const result = addToFactBaseEdit(authoringWorkspace(), proposal, source);
  if ('error' in result) return fail(result.error);
  const creates = result.edit.documentChanges?.some((c) => 'kind' in c && c.kind === 'create') ?? false;
  if (creates && !canCreateFiles) return fail(`this editor cannot create files for a server: create ${result.file} (it may be empty), then add the fact again`);
  const { applied } = await connection.workspace.applyEdit({ label: 'Add to fact base', edit: result.edit });
  if (!applied) return { applied: false };
  authored.set(result.file, { before: result.before, after: result.text });
  if (result.config) authored.set(result.config.file, { before: result.config.before, after: result.config.text });
  scheduleReload(0);
  const uri = pathToFileURL(result.file).href;
  if (canShowDocument) void connection.window.showDocument({ uri, selection: result.selection, takeFocus: true }).catch(() => undefined);
  return { applied: true, file: uri, statement: result.statementId };
}

process.on('uncaughtException', (e) => connection.console.error(`factcheck: uncaught: ${e.stack ?? String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`factcheck: unhandled rejection: ${String(e)}`));

documents.listen(connection);
connection.listen();
