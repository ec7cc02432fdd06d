/**
 * The language server's Markdown parser: parse requests (engine/markdown/incremental.ts) are
 * answered by worker threads (node/parseWorker.ts), each within a time budget, so that a draft
 * micromark is slow on never stops the server from answering (node/budgetedWorker.ts says why).
 *
 * Two workers: one draft stuck in the parser holds one of them until its budget runs out, and
 * the other drafts are parsed by the other meanwhile. A document has one parse at a time (the
 * result cache waits for it), so one stuck draft never holds both. A request finding both busy
 * waits for the first to be free.
 */

import type { ParseRequest } from '../engine/markdown/incremental.js';
import type { RootBlock } from '../engine/markdown/parse.js';
import { BudgetedWorker } from './budgetedWorker.js';
import type { ParseReply } from './parseWorker.js';

/** The default budget of one parse, in seconds: 2,000,000 characters, the most checked, take about 2 s here. */
export const DEFAULT_PARSE_LIMIT_S = 10;

/** What a parse came to: the blocks, or the budget ran out. */
export type ParseOutcome = readonly RootBlock[] | { readonly timedOut: true };

const WORKERS = 2;

/**
 * A parse makes short-lived trees: a young generation of 4 MB instead of V8's default kept a
 * worker at about 80 MB of RSS instead of 105 after its warm-up, and 150 instead of 200 after
 * parsing 236,000 characters, with parses as fast (measured on this machine, 2026-12-02).
 */
const LIMITS = { maxYoungGenerationSizeMb: 4 };

export class ParsePool {
  private readonly workers: BudgetedWorker<ParseRequest, ParseReply>[];
  private readonly waiting: (() => void)[] = [];

  /** `script` is the worker's file (dist/parseWorker.cjs next to the server's own). */
  constructor(script: string | URL, private limitMs: number) {
    this.workers = Array.from({ length: WORKERS }, () => new BudgetedWorker<ParseRequest, ParseReply>(script, undefined, LIMITS));
  }

  /** Starts a worker ahead of the first draft (it starts and warms up while the fact base loads). */
  start(): Promise<undefined> {
    return this.workers[0]!.start();
  }

  /** The budget of one parse from now on. */
  setLimit(limitMs: number): void {
    this.limitMs = limitMs;
  }

  get limit(): number {
    return this.limitMs;
  }

  async parse(request: ParseRequest): Promise<ParseOutcome> {
    let worker = this.workers.find((w) => !w.busy);
    while (!worker) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      worker = this.workers.find((w) => !w.busy);
    }
    try {
      const outcome = await worker.run(request, this.limitMs);
      return 'reply' in outcome ? outcome.reply : outcome;
    } finally {
      this.waiting.shift()?.();
    }
  }

  stop(): void {
    for (const w of this.workers) w.stop();
  }
}
