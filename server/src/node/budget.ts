/**
 * The command line's checks within a time budget (node/budgetedWorker.ts says why there is one):
 * drafts are checked in a worker thread (node/checkWorker.ts), and one that runs past the budget
 * is stopped: the worker is replaced and the draft is reported as not checked, with the reason,
 * as a draft over the size limits is. The budget counts the check alone, not the worker's start,
 * which loads the fact base.
 */

import { Checker, type CheckOptions, type CheckResult } from '../engine/check.js';
import type { FactBaseProblem } from '../engine/factbase/types.js';
import { BudgetedWorker } from './budgetedWorker.js';
import type { CheckReply, CheckRequest, CheckWorkerData, CheckWorkerInfo } from './checkWorker.js';
import { loadFactBaseFromDisk, type FactBaseOptions } from './loadFacts.js';

/** The default budget of one check, in seconds: a 300,000-word draft takes a few seconds on a slow machine. */
export const DEFAULT_TIME_LIMIT_S = 30;

/** What the command line checks drafts with: in a worker within a time budget, or (with no limit) on its own thread. */
export interface DraftChecker {
  /** Loads the fact base; resolves with its problems. */
  start(): Promise<readonly FactBaseProblem[]>;
  check(text: string, options: CheckOptions): Promise<CheckResult>;
  stop(): void;
}

/** A draft checker for `--time-limit 0`: no worker, no limit, no worker's start-up to pay. */
export class InProcessChecker implements DraftChecker {
  private checker: Checker | undefined;

  constructor(private readonly data: FactBaseOptions) {}

  async start(): Promise<readonly FactBaseProblem[]> {
    const { base, problems } = await loadFactBaseFromDisk(this.data);
    this.checker = new Checker(base);
    return problems;
  }

  check(text: string, options: CheckOptions): Promise<CheckResult> {
    return Promise.resolve(this.checker!.check(text, options));
  }

  stop(): void {
    this.checker = undefined;
  }
}

/** Checks drafts in a worker thread, stopping one that runs past `limitMs`. */
export class BudgetedChecker implements DraftChecker {
  private readonly worker: BudgetedWorker<CheckRequest, CheckReply, CheckWorkerInfo>;

  /**
   * `script` is the worker's file (dist/checkWorker.cjs next to the command's own), `data` the fact
   * base it loads, `limitMs` the budget of one check.
   */
  constructor(
    script: string | URL,
    data: CheckWorkerData,
    private readonly limitMs: number,
  ) {
    this.worker = new BudgetedWorker(script, data);
  }

  /** Starts the worker; resolves when it has loaded the fact base, with the base's problems. */
  start(): Promise<readonly FactBaseProblem[]> {
    return this.worker.start();
  }

  async check(text: string, options: CheckOptions): Promise<CheckResult> {
    const outcome = await this.worker.run({ text, options }, this.limitMs);
    if ('reply' in outcome) return outcome.reply;
    const seconds = (this.limitMs / 1000).toLocaleString('en-US');
    return { findings: [], claims: [], skipped: `checking it took longer than the time limit of ${seconds} seconds, so it was not checked (the Markdown parser is slow on some long runs of brackets or emphasis markers); raise the limit with --time-limit, or break up such a line` };
  }

  /** Stops the worker; the next check starts another. */
  stop(): void {
    this.worker.stop();
  }
}
