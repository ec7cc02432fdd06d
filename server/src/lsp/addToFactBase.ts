/**
 * "Add to fact base…": the code action on a sentence the base cannot judge, and the command it
 * runs. The engine proposes the statement (engine/authoring.ts); here it becomes an action, a
 * choice of source, and a workspace edit of a fact file of the team's own.
 *
 * Where the statement goes: into the file that defines its subject, when that file is in one of
 * the team's fact-base folders; else into `from-drafts.yaml` in the first of them. The shipped
 * bases are never written. A workspace with no folder of its own gets `facts/from-drafts.yaml`,
 * and its `.factcheck.yaml` gets `factBases: [facts]`, so the new file is loaded at all.
 *
 * The source is the writer's to choose, as only they know what backs the sentence: any LSP
 * client gets `window/showMessageRequest` with the likeliest sources; the VS Code client, which
 * says so in its initialization options, shows them all in a quick pick and runs the command
 * with the one picked.
 */

import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CreateFile, type Range, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { proposeStatements, statementItem, STATEMENT_STYLE, type Proposal } from '../engine/authoring.js';
import { sourceTitle, type FactBase } from '../engine/factbase/factbase.js';
import { addItems, parseFactFile } from '../engine/factbase/factFileText.js';
import { isPredicate } from '../engine/factbase/predicates.js';
import { editBetween } from '../engine/markdown/incremental.js';
import { LineIndex } from '../engine/text/positions.js';
import { COMMANDS, type AddToFactBaseArgs, type SourceChoice } from '../protocol.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DraftResult, ServerState } from './state.js';

/** The kind of the action: a quick fix of a sentence, though no diagnostic asks for it. */
export const ADD_TO_FACT_BASE_KIND = `${CodeActionKind.QuickFix}.addToFactBase`;

/** The file a new statement goes into when no file defines its subject. */
export const DRAFTED_FACTS_FILE = 'from-drafts.yaml';

/** How many sources `window/showMessageRequest` offers: clients show them as buttons. */
export const MESSAGE_CHOICES = 5;

/** One action per claim of the range the base cannot judge; `command` is the server's or the client's picker. */
export function addToFactBaseActions(document: TextDocument, draft: DraftResult, state: ServerState, start: number, end: number, command: string): CodeAction[] {
  const parsed = state.parsedFor(document);
  return proposeStatements(state.checker, draft.text, parsed, start, end).map((proposal) => {
    const args: AddToFactBaseArgs = { uri: document.uri, proposal };
    return { title: `Add to fact base: ${proposal.summary}…`, kind: ADD_TO_FACT_BASE_KIND, command: { title: 'Add to fact base…', command, arguments: [args] } };
  });
}

/** The arguments of the command as a client sent them back, or why they are not usable. */
export function readArgs(value: unknown, base: FactBase): AddToFactBaseArgs | string {
  const args = value as Partial<AddToFactBaseArgs> | undefined;
  const p = args?.proposal as Partial<Proposal> | undefined;
  const s = p?.statement;
  if (typeof args?.uri !== 'string' || !s || typeof p?.sentence !== 'string' || typeof p.summary !== 'string') return `${COMMANDS.addToFactBase} takes { uri, proposal, source? } as a code action gives them`;
  if (typeof s.subject !== 'string' || !base.entities.has(s.subject)) return `the statement's subject '${String(s.subject)}' is not in the fact base any more`;
  if (typeof s.predicate !== 'string' || !isPredicate(s.predicate)) return `'${String(s.predicate)}' is not a predicate`;
  if (s.object !== undefined && (typeof s.object !== 'string' || !base.entities.has(s.object))) return `the statement's object '${String(s.object)}' is not in the fact base any more`;
  const strings = (o: unknown) => typeof o === 'object' && o !== null && Object.values(o).every((v) => typeof v === 'string');
  if (!strings(s.qualifiers) || (s.date !== undefined && typeof s.date !== 'string') || (s.text !== undefined && typeof s.text !== 'string')) return 'the statement is not one a code action gave';
  if (args.source !== undefined && (typeof args.source !== 'string' || !base.sources.has(args.source))) return `'${String(args.source)}' is not a source of the fact base`;
  return args as AddToFactBaseArgs;
}

/**
 * The base's sources, likeliest first: those behind facts about the statement's subject and
 * object, then those the draft cites already, then the team's own, then the rest by title.
 */
export function sourceChoices(base: FactBase, proposal: Proposal, draftText: string, teamFolders: readonly string[]): SourceChoice[] {
  const s = proposal.statement;
  const why = new Map<string, string>();
  const note = (id: string, reason: string) => {
    if (base.sources.has(id) && !why.has(id)) why.set(id, reason);
  };
  for (const entity of [s.subject, s.object].filter((e): e is string => e !== undefined)) {
    const name = base.entities.get(entity)?.name ?? entity;
    for (const st of base.about(entity)) for (const r of st.references) note(r.source, `cited for ${name}`);
    for (const r of base.entities.get(entity)?.references ?? []) note(r.source, `cited for ${name}`);
  }
  // Footnote labels and Pandoc keys are source ids: "[^oba-iransource]", "[@oba-iransource]".
  for (const m of draftText.matchAll(/\[(?:\^|[^\]]*@)([a-z0-9][a-z0-9-]*)/g)) note(m[1]!, 'cited in this draft');
  const inTeam = (file: string) => teamFolders.some((f) => file === f || file.startsWith(f + sep));
  for (const source of base.sources.values()) if (inTeam(source.origin.file)) note(source.id, 'a source of your fact base');
  const rest = [...base.sources.values()].filter((x) => !why.has(x.id)).sort((a, b) => sourceTitle(a).localeCompare(sourceTitle(b)));
  for (const x of rest) why.set(x.id, '');
  return [...why].map(([id, reason]) => {
    const source = base.sources.get(id)!;
    return { id, label: sourceTitle(source), ...(reason && { detail: reason }) };
  });
}

/** What "Add to fact base…" needs to know of the workspace, from the server. */
export interface AuthoringWorkspace {
  readonly base: FactBase;
  /** The configured fact-base folders the writer may write to: not the shipped ones, and in the workspace when it is not trusted. */
  readonly teamFolders: readonly string[];
  /** The first workspace folder, where a fact-base folder is made when there is none. */
  readonly root: string | undefined;
  /** The `.factcheck.yaml` in force, if any. */
  readonly configFile: string | undefined;
  /** A file's text as the editor has it (open document) or the disk (text undefined: no such file); undefined when it cannot be read. */
  readonly read: (path: string) => { readonly text: string | undefined; readonly version: number | null } | undefined;
}

/** The edit that adds the statement, and what it does, for the server to apply and show. */
export interface AuthoringEdit {
  readonly edit: WorkspaceEdit;
  /** The fact file written, and its text before ('' for a new file) and after the edit. */
  readonly file: string;
  readonly before: string;
  readonly text: string;
  /** The configuration file written too, when a fact-base folder was made. */
  readonly config?: { readonly file: string; readonly before: string; readonly text: string };
  /** Where the new statement is in the file after the edit, to show it. */
  readonly selection: Range;
  readonly statementId: string;
}

/** The workspace edit that writes the statement citing `source`, or why it cannot be written. */
export function addToFactBaseEdit(ws: AuthoringWorkspace, proposal: Proposal, source: string): AuthoringEdit | { readonly error: string } {
  const target = targetFile(ws, proposal.statement.subject);
  if ('error' in target) return target;
  const current = ws.read(target.file);
  if (!current) return { error: `${relativeName(ws, target.file)} cannot be read (too large, or not a file)` };
  const parsed = parseFactFile(current.text);
  if (!parsed.ok) return { error: `${relativeName(ws, target.file)} cannot be edited: ${parsed.message}${parsed.line ? ` (line ${parsed.line})` : ''}. Fix it, then add the fact again.` };
  // Ids of the file too: some of its statements may not be loaded (an error elsewhere in them).
  const inFile = new Set([...(current.text ?? '').matchAll(/^\s*-?\s*id:\s*['"]?([a-z0-9][a-z0-9-]*)/gm)].map((m) => m[1]!));
  const item = statementItem(proposal, source, (id) => inFile.has(id) || ws.base.statements.has(id));
  const added = addItems(parsed.file, 'statements', [item], STATEMENT_STYLE);
  if (!added.ok) return { error: `${relativeName(ws, target.file)} cannot be edited: ${added.message}` };

  const changes: Array<TextDocumentEdit | CreateFile> = [];
  const uri = pathToFileURL(target.file).href;
  if (current.text === undefined) changes.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
  changes.push(textChange(uri, current.text ?? '', added.text, current.version));
  if (target.config) {
    const configUri = pathToFileURL(target.config.file).href;
    if (target.config.version === undefined) changes.push({ kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    changes.push(textChange(configUri, target.config.before, target.config.text, target.config.version ?? null));
  }
  const config = target.config && { file: target.config.file, before: target.config.before, text: target.config.text };
  // The new item's lines: from its id to the end of the text inserted.
  const { prefix, suffix } = editBetween(current.text ?? '', added.text);
  const idAt = added.text.indexOf(`id: ${String(item['id'])}`, Math.max(0, prefix - 200));
  const lines = new LineIndex(added.text);
  const selection = lines.rangeOf(idAt < 0 ? prefix : idAt + 4, idAt < 0 ? added.text.length - suffix : idAt + 4 + String(item['id']).length);
  return { edit: { documentChanges: changes }, file: target.file, before: current.text ?? '', text: added.text, ...(config && { config }), selection, statementId: String(item['id']) };
}

/** The one edit that turns `before` into `after`: what differs between their common start and end. */
function textChange(uri: string, before: string, after: string, version: number | null): TextDocumentEdit {
  const { prefix, suffix } = editBetween(before, after);
  const lines = new LineIndex(before);
  return { textDocument: { uri, version }, edits: [{ range: lines.rangeOf(prefix, before.length - suffix), newText: after.slice(prefix, after.length - suffix) }] };
}

interface Target {
  readonly file: string;
  /** The configuration to write so that the file is loaded: its text before and after, and its version (undefined: a new file). */
  readonly config?: { readonly file: string; readonly before: string; readonly text: string; readonly version?: number | null };
}

function targetFile(ws: AuthoringWorkspace, subject: string): Target | { readonly error: string } {
  const inFolder = (file: string, folder: string) => file.startsWith(folder + sep);
  const defined = ws.base.entities.get(subject)?.origins.map((o) => o.file).find((f) => ws.teamFolders.some((folder) => inFolder(f, folder)));
  if (defined) return { file: defined };
  const folder = ws.teamFolders[0];
  if (folder) return { file: join(folder, DRAFTED_FACTS_FILE) };
  if (!ws.root) return { error: 'open a folder first: the fact goes into a fact-base folder of the workspace' };
  const facts = join(ws.root, 'facts');
  const file = ws.configFile ?? join(ws.root, '.factcheck.yaml');
  const listed = relative(dirname(file), facts).split(sep).join('/') || '.';
  const config = ws.read(file);
  if (!config) return { error: `${relativeName(ws, file)} cannot be read (too large, or not a file)` };
  const { text: before, version } = config;
  if (before === undefined || before.trim() === '') {
    const text = `# Factcheck: the fact-base folders of this workspace, loaded with the shipped base.\nfactBases: [${listed}]\n`;
    return { file: join(facts, DRAFTED_FACTS_FILE), config: { file, before: before ?? '', text, ...(before !== undefined && { version }) } };
  }
  // Folders are configured, but none can be written to (the shipped ones, or outside an untrusted workspace).
  if (/^factBases\s*:/m.test(before)) return { error: `none of the fact-base folders in ${relativeName(ws, file)} can take new facts: add a folder of your own to its factBases` };
  return { file: join(facts, DRAFTED_FACTS_FILE), config: { file, before, text: `${before}${before.endsWith('\n') ? '' : '\n'}factBases: [${listed}]\n`, version } };
}

function relativeName(ws: AuthoringWorkspace, file: string): string {
  return ws.root ? relative(ws.root, file) : file;
}
