/**
 * What the language server knows at a moment: the loaded fact base, the checker over it, the
 * settings, and the latest check result of each open draft. The protocol handlers (hover, code
 * actions, completion...) read this; only server.ts changes it.
 */

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checker, CheckOptions, CheckResult, DraftSession, Finding } from '../engine/check.js';
import type { CitationStyle } from '../engine/citations.js';
import type { FactBase } from '../engine/factbase/factbase.js';
import { editBetween, type ParseRequest } from '../engine/markdown/incremental.js';
import type { ParsedDraft, RootBlock } from '../engine/markdown/parse.js';
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
  /** The parse the result was computed from; nothing for a draft that was not checked. */
  readonly parsed: ParsedDraft;
  /**
   * The parse of this version ran past its time budget, or its worker failed: `result.skipped`
   * says so, and its findings are the previous check's, moved with the edit, without fixes.
   */
  readonly late?: true;
}

/** A parser off this thread (node/parsePool.ts): the blocks of a request, or the budget ran out. */
export type Parse = (request: ParseRequest) => Promise<readonly RootBlock[] | { readonly timedOut: true }>;

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
 *
 * `get` checks on this thread. `current` parses with a `Parse` off this thread, one check of a
 * document at a time: while it runs, the server answers other requests from the results it has.
 */
export class ResultCache {
  private readonly results = new Map<string, DraftResult>();
  private readonly sessions = new Map<string, { checker: Checker; session: DraftSession }>();
  private readonly running = new Map<string, Promise<DraftResult>>();
  /** Counts `clear()`s: a check that was running when the base changed keeps its result to itself. */
  private generation = 0;
  /**
   * How long the latest re-checks of each document took, in milliseconds, newest last. A
   * re-check is any check after a session's first: the first parses the whole draft (on open,
   * or after the fact base changed) and says nothing about how long an edit takes.
   */
  private readonly rechecks = new Map<string, number[]>();

  constructor(
    private readonly checker: () => Checker,
    private readonly options: () => CheckOptions,
    private readonly parse?: () => { readonly parse: Parse; readonly limitMs: number } | undefined,
  ) {}

  /** The result for a document's current version, checking it on this thread if needed. */
  get(document: TextDocument): DraftResult {
    const hit = this.peek(document);
    if (hit) return hit;
    const { uri, version } = document;
    const text = document.getText();
    const session = this.sessionFor(uri);
    const recheck = session.parsed !== undefined;
    const started = performance.now();
    const result = session.check(text, this.options());
    if (recheck) this.recordRecheck(uri, performance.now() - started);
    return this.store(this.generation, { uri, version, text, result, lines: new LineIndex(text), parsed: parsedOf(session, result) });
  }

  /**
   * The result for a document's current version, parsing off this thread when a parser is set
   * (else as `get`). Waits for a check of the document that is running, then checks the newest
   * version if that one was older.
   */
  async current(document: TextDocument): Promise<DraftResult> {
    const parser = this.parse?.();
    if (!parser) return this.get(document);
    for (;;) {
      const hit = this.peek(document);
      if (hit) return hit;
      const running = this.running.get(document.uri);
      if (!running) break;
      await running.catch(() => undefined);
    }
    const run = this.checkOffThread(document, parser.parse, parser.limitMs);
    this.running.set(document.uri, run);
    try {
      return await run;
    } finally {
      if (this.running.get(document.uri) === run) this.running.delete(document.uri);
    }
  }

  /** The result for a document's current version, if it has been computed. */
  peek(document: TextDocument): DraftResult | undefined {
    const hit = this.results.get(document.uri);
    // The text too: a client may open a document again at the same version with other text.
    return hit && hit.version === document.version && hit.text === document.getText() ? hit : undefined;
  }

  private async checkOffThread(document: TextDocument, parse: Parse, limitMs: number): Promise<DraftResult> {
    const { uri, version } = document;
    const text = document.getText();
    const generation = this.generation;
    const session = this.sessionFor(uri);
    const recheck = session.parsed !== undefined;
    const started = performance.now();
    // Why the parse gave no blocks (it ran past the budget, or its worker failed), and what to do.
    let unparsed: string | undefined;
    const result = await session
      .checkWith(text, this.options(), async (request) => {
        const outcome = await parse(request).catch((e: unknown) => {
          unparsed = `the Markdown parser failed (${(e as Error).message})`;
          throw e;
        });
        if ('timedOut' in outcome) {
          const seconds = (limitMs / 1000).toLocaleString('en-US');
          unparsed = `parsing the Markdown took longer than ${seconds} seconds (the parser is slow on some long runs of brackets or emphasis markers); break up such a line, or raise factcheck.timeLimit`;
          throw new LateParse();
        }
        return outcome;
      })
      .catch((e: unknown) => {
        if (unparsed === undefined) throw e;
        return undefined;
      });
    if (!result) return this.store(generation, lateResult(uri, version, text, this.results.get(uri), unparsed!));
    if (recheck) this.recordRecheck(uri, performance.now() - started);
    return this.store(generation, { uri, version, text, result, lines: new LineIndex(text), parsed: parsedOf(session, result) });
  }

  private store(generation: number, entry: DraftResult): DraftResult {
    // After the fact base changed, a result of the old one is the caller's alone.
    if (generation === this.generation) this.results.set(entry.uri, entry);
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
    return this.get(document).parsed;
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
      this.generation++;
      this.results.clear();
    } else {
      this.results.delete(uri);
      this.sessions.delete(uri);
      this.rechecks.delete(uri);
    }
  }
}

/** Thrown through a session's check to abandon it when its parse ran past the budget. */
class LateParse extends Error {}

const NOTHING_PARSED: ParsedDraft = { blocks: [], comments: [], footnotes: [], footnoteReferences: new Set() };

/** A skipped check parsed nothing of this text: the session still holds the last text it parsed. */
function parsedOf(session: DraftSession, result: CheckResult): ParsedDraft {
  return result.skipped === undefined ? session.parsed ?? NOTHING_PARSED : NOTHING_PARSED;
}

/**
 * The result of a version whose parse gave no blocks (it ran past the budget, or the parser's
 * worker failed): it says why, and keeps the previous result's findings where the edit left
 * their words alone, moved with it. Their fixes are dropped: they were made for another text.
 */
function lateResult(uri: string, version: number, text: string, previous: DraftResult | undefined, why: string): DraftResult {
  const findings = previous ? carried(previous.result.findings, previous.text, text) : [];
  const skipped = previous ? `not checked since the last edit: ${why}. The findings shown are from the last check.` : `not checked: ${why}.`;
  return { uri, version, text, lines: new LineIndex(text), parsed: NOTHING_PARSED, result: { findings, claims: [], skipped }, late: true };
}

/** Findings of `old` that lie wholly before or after the edit that made `text`, in `text`'s offsets. */
export function carried(findings: readonly Finding[], old: string, text: string): Finding[] {
  const { prefix, suffix } = editBetween(old, text);
  const delta = text.length - old.length;
  // A range the edit left alone, moved with it; undefined for one the edit changed.
  const move = <R extends { readonly start: number; readonly end: number }>(r: R): R | undefined => {
    if (r.end <= prefix) return r;
    if (r.start >= old.length - suffix) return { ...r, start: r.start + delta, end: r.end + delta };
    return undefined;
  };
  return findings.flatMap((f) => {
    const kept = move(f);
    if (!kept) return [];
    const { resolved, ...rest } = kept;
    const references = resolved?.flatMap((r) => move(r) ?? []);
    return [{ ...rest, fixes: [], ...(references?.length && { resolved: references }) }];
  });
}
