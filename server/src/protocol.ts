/**
 * The messages Factcheck adds to LSP, typed once and shared by the server and the VS Code
 * client (like vscode-eslint's shared protocol). All are namespaced `factcheck/`.
 */

/** Server to client: the fact base's size and health, for a status bar. */
export const STATUS_NOTIFICATION = 'factcheck/status';

export interface StatusParams {
  readonly entities: number;
  readonly statements: number;
  readonly quotations: number;
  readonly sources: number;
  /** Error-severity problems in the fact base (they appear as diagnostics in the fact files). */
  readonly errors: number;
  /** The fact files the base was loaded from. */
  readonly files: readonly string[];
}

/** Commands the server executes (workspace/executeCommand). */
export const COMMANDS = {
  /** Cite every supported claim of a draft: arguments [uri]. */
  citeAll: 'factcheck.citeAll',
  /** Open the fact base: returns the fact files' URIs. */
  factFiles: 'factcheck.factFiles',
} as const;

/** Code action kind of the source action that cites every supported claim. */
export const CITE_ALL_KIND = 'source.citeAll.factcheck';
/** Code action kind for fix-on-save. */
export const FIX_ALL_KIND = 'source.fixAll.factcheck';
