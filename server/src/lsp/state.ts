/**
 * What the language server knows at a moment: the loaded fact base, the checker over it, the
 * settings, and the latest check result of each open draft. The protocol handlers (hover, code
 * actions, completion...) read this; only server.ts changes it.
 */

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checker, CheckOptions, CheckResult, DraftSession } from '../engine/check.js';
import type { CitationStyle } from '../engine/citations.js';
import type { FactBase } from '../engine/factbase/factbase.js';
import type { ParsedDraft } from '../engine/markdown/parse.js';
import { LineIndex } from '../engine/text/positions.js';
import type { BibliographyLookup } from './convert.js';
import { RECENT_RECHECKS } from './debounce.js';

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
  /** Reads the bibliography file a draft names, for Pandoc citations; without it none is edited. */
  readonly bibliography?: BibliographyLookup;
}

/**
 * Computes and caches results per document version. Each document has a `DraftSession`, so a
 * check after an edit re-parses and re-judges only what the edit changed.
 */
export class ResultCache {
  private readonly results = new Map<string, DraftResult>();
  private readonly sessions = new Map<string, { checker: Checker; session: DraftSession }>();
  /**
   * How long the latest re-checks of each document took, in milliseconds, newest last. A
   * re-check is any check after a session's first: the first parses the whole draft (on open,
   * or after the fact base changed) and says nothing about how long an edit takes.
   */
  private readonly rechecks = new Map<string, number[]>();

  constructor(private readonly checker: () => Checker, private readonly options: () => CheckOptions) {}

  get(document: TextDocument): DraftResult {
    const hit = this.results.get(document.uri);
    const text = document.getText();
    // The text too: a client may open a document again at the same version with other text.
    if (hit && hit.version === document.version && hit.text === text) return hit;
    const session = this.sessionFor(document.uri);
    const recheck = session.parsed !== undefined;
    const started = performance.now();
    const result = session.check(text, this.options());
    if (recheck) this.recordRecheck(document.uri, performance.now() - started);
    const entry: DraftResult = { uri: document.uri, version: document.version, text, result, lines: new LineIndex(text) };
    this.results.set(document.uri, entry);
    return entry;
  }

  /** The durations of a document's latest re-checks, newest last (at most `RECENT_RECHECKS`). */
  recentRechecksMs(uri: string): readonly number[] {
    return this.rechecks.get(uri) ?? [];
  }

  private recordRecheck(uri: string, ms: number): void {
    const recent = this.rechecks.get(uri) ?? [];
    recent.push(ms);
    if (recent.length > RECENT_RECHECKS) recent.shift();
    this.rechecks.set(uri, recent);
  }

  parsedFor(document: TextDocument): ParsedDraft {
    // The session parsed the current version when it checked it.
    this.get(document);
    return this.sessionFor(document.uri).parsed ?? this.checker().parse(document.getText());
  }

  private sessionFor(uri: string): DraftSession {
    const checker = this.checker();
    let entry = this.sessions.get(uri);
    // A new fact base means a new checker, whose judgements the old session must not reuse.
    if (!entry || entry.checker !== checker) {
      entry = { checker, session: checker.session() };
      this.sessions.set(uri, entry);
    }
    return entry.session;
  }

  /** Forgets a closed document, or every result after the fact base or settings change. */
  clear(uri?: string): void {
    if (uri === undefined) {
      this.results.clear();
    } else {
      this.results.delete(uri);
      this.sessions.delete(uri);
      this.rechecks.delete(uri);
    }
  }
}
