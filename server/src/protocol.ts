/**
 * The messages Factcheck adds to LSP, typed once and shared by the server and the VS Code
 * client (like vscode-eslint's shared protocol). All are namespaced `factcheck/`.
 */

import type { Proposal } from './engine/authoring.js';

/** Server to client: the fact base's size and health, for a status bar. */
export const STATUS_NOTIFICATION = 'factcheck/status';

export interface StatusParams extends FactBaseCounts {
  /** Error-severity problems in the fact base (they appear as diagnostics in the fact files). */
  readonly errors: number;
  /** The fact files the base was loaded from. */
  readonly files: readonly string[];
}

/** The counts of a fact base's size, as the status notification and `FactBase.size` give them. */
export interface FactBaseCounts {
  readonly entities: number;
  readonly statements: number;
  readonly quotations: number;
  readonly sources: number;
}

/**
 * A fact base's size in words, the same for the status bar and `factcheck --check-facts`:
 * "42 entities, 56 statements, 6 quotations", and with `files` also ", 2 sources from 7 files".
 */
export function describeFactBaseSize(counts: FactBaseCounts, files?: number): string {
  const count = (n: number, singular: string, plural = `${singular}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
  const main = `${count(counts.entities, 'entity', 'entities')}, ${count(counts.statements, 'statement')}, ${count(counts.quotations, 'quotation')}`;
  return files === undefined ? main : `${main}, ${count(counts.sources, 'source')} from ${count(files, 'file')}`;
}

/** Commands the server executes (workspace/executeCommand). */
export const COMMANDS = {
  /** Cite every supported claim of a draft: arguments [uri]. */
  citeAll: 'factcheck.citeAll',
  /** Open the fact base: returns the fact files' URIs. */
  factFiles: 'factcheck.factFiles',
  /** Add sources to the bibliography a draft's front matter names (Pandoc citations): arguments [uri, source ids]. */
  addToBibliography: 'factcheck.addToBibliography',
  /**
   * "Add to fact base…": arguments [AddToFactBaseArgs]. Without a source the server asks for one
   * (window/showMessageRequest); returns `{ applied, file?, statement? }`.
   */
  addToFactBase: 'factcheck.addToFactBase',
  /** The sources to choose from for "Add to fact base…", likeliest first: arguments [AddToFactBaseArgs]; returns SourceChoice[]. */
  factSources: 'factcheck.factSources',
} as const;

/** The argument of `factcheck.addToFactBase` and `factcheck.factSources`, as the code action gives it. */
export interface AddToFactBaseArgs {
  /** The draft. */
  readonly uri: string;
  readonly proposal: Proposal;
  /** The id of the source that backs the statement; asked for when absent. */
  readonly source?: string;
}

/** A source to choose for a new statement, and why it is offered ("cited for Shahab-3"). */
export interface SourceChoice {
  readonly id: string;
  readonly label: string;
  readonly detail?: string;
}

/**
 * A command the VS Code client runs: it lets the writer pick the source of a new statement from
 * every source of the base (a quick pick), then runs `factcheck.addToFactBase` with it. Code
 * actions use it when the client says so in its initialization options (`{ "pickSources": true }`).
 */
export const PICK_SOURCE_COMMAND = 'factcheck.addToFactBaseWithSource';

/**
 * A command the VS Code client runs (not the server): opens a fact file at an item's entry.
 * Hover cards link to it when the client says, in its initialization options, that it runs it
 * (`{ "openFactLinks": true }`); other clients get cards without the link.
 */
export const OPEN_FACT_COMMAND = 'factcheck.openFact';

/** The argument of `factcheck.openFact`: a fact file and a 0-based position in it. */
export interface OpenFactTarget {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
}

/** Code action kind of the source action that cites every supported claim. */
export const CITE_ALL_KIND = 'source.citeAll.factcheck';
/** Code action kind for fix-on-save. */
export const FIX_ALL_KIND = 'source.fixAll.factcheck';
