/**
 * What the language server knows at a moment: the loaded fact base, the checker over it, the
 * settings, and the latest check result of each open draft. The protocol handlers (hover, code
 * actions, completion...) read this; only server.ts changes it.
 */

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checker, CheckOptions, CheckResult } from '../engine/check.js';
import type { CitationStyle } from '../engine/citations.js';
import type { FactBase } from '../engine/factbase/factbase.js';
import type { ParsedDraft } from '../engine/markdown/parse.js';
import { LineIndex } from '../engine/text/positions.js';

/** The latest check of one draft, for the version it was computed on. */
export interface DraftResult {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly result: CheckResult;
  readonly lines: LineIndex;
}

export interface ServerState {
  readonly base: FactBase;
  readonly checker: Checker;
  readonly options: CheckOptions & { readonly citationStyle: CitationStyle };
  /** The check result for a document at its current version, computing it if needed. */
  resultFor(document: TextDocument): DraftResult;
  /** The parsed Markdown of a document (blocks, footnotes), cached with the result. */
  parsedFor(document: TextDocument): ParsedDraft;
}

/** Computes and caches results per document version. */
export class ResultCache {
  private readonly results = new Map<string, DraftResult>();
  private readonly parsed = new Map<string, { version: number; parsed: ParsedDraft }>();

  constructor(private readonly checker: () => Checker, private readonly options: () => CheckOptions) {}

  get(document: TextDocument): DraftResult {
    const hit = this.results.get(document.uri);
    if (hit && hit.version === document.version) return hit;
    const text = document.getText();
    const result = this.checker().check(text, this.options());
    const entry: DraftResult = { uri: document.uri, version: document.version, text, result, lines: new LineIndex(text) };
    this.results.set(document.uri, entry);
    return entry;
  }

  parsedFor(document: TextDocument): ParsedDraft {
    const hit = this.parsed.get(document.uri);
    if (hit && hit.version === document.version) return hit.parsed;
    const parsed = this.checker().parse(document.getText());
    this.parsed.set(document.uri, { version: document.version, parsed });
    return parsed;
  }

  /** Forgets a closed document, or everything after the fact base or settings change. */
  clear(uri?: string): void {
    if (uri === undefined) {
      this.results.clear();
      this.parsed.clear();
    } else {
      this.results.delete(uri);
      this.parsed.delete(uri);
    }
  }
}
