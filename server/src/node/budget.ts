/**
 * Checks within a time budget. The engine is linear on every input we know of, but the Markdown
 * parser underneath is not: a pasted line of 50,000 `*a` or `[a](` takes micromark tens of
 * seconds (test/robustness/pathological.test.ts). Checks run in a worker thread
 * (node/checkWorker.ts), and one that runs past the budget is stopped: the worker is replaced and
 * the draft is reported as not checked, with the reason, as a draft over the size limits is. The
 * budget counts the check alone, not the worker's start, which loads the fact base.
 */

import { Worker } from 'node:worker_threads';
import { Checker, type CheckOptions, type CheckResult } from '../engine/check.js';
import type { FactBaseProblem } from '../engine/factbase/types.js';
import type { CheckReply, CheckRequest, CheckWorkerData } from './checkWorker.js';
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
  private worker: { readonly thread: Worker; readonly ready: Promise<readonly FactBaseProblem[]> } | undefined;
  private next = 0;

  /**
   * `script` is the worker's file (dist/checkWorker.cjs next to the command's own), `data` the fact
   * base it loads, `limitMs` the budget of one check.
   */
  constructor(
    private readonly script: string | URL,
    private readonly data: CheckWorkerData,
    private readonly limitMs: number,
  ) {}

  /** Starts the worker; resolves when it has loaded the fact base, with the base's problems. */
  start(): Promise<readonly FactBaseProblem[]> {
    return this.spawn().ready;
  }

  async check(text: string, options: CheckOptions): Promise<CheckResult> {
    const { thread, ready } = this.spawn();
    await ready;
    const id = ++this.next;
    return new Promise<CheckResult>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        thread.off('message', onMessage);
        thread.off('error', onError);
      };
      const onMessage = (reply: CheckReply) => {
        if (!('id' in reply) || reply.id !== id) return;
        done();
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply.result);
      };
      const onError = (e: Error) => {
        done();
        this.worker = undefined;
        reject(e);
      };
      const timer = setTimeout(() => {
        done();
        this.stop();
        const seconds = (this.limitMs / 1000).toLocaleString('en-US');
        resolve({ findings: [], claims: [], skipped: `checking it took longer than the time limit of ${seconds} seconds, so it was not checked (the Markdown parser is slow on some long runs of brackets or emphasis markers); raise the limit with --time-limit, or break up such a line` });
      }, this.limitMs);
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.postMessage({ id, text, options } satisfies CheckRequest);
    });
  }

  /** Stops the worker; the next check starts another. */
  stop(): void {
    void this.worker?.thread.terminate();
    this.worker = undefined;
  }

  private spawn(): { readonly thread: Worker; readonly ready: Promise<readonly FactBaseProblem[]> } {
    if (this.worker) return this.worker;
    const thread = new Worker(this.script, { workerData: this.data });
    const ready = new Promise<readonly FactBaseProblem[]>((resolve, reject) => {
      const onMessage = (reply: CheckReply) => {
        if (!('ready' in reply)) return;
        thread.off('message', onMessage);
        thread.off('error', reject);
        resolve(reply.problems);
      };
      thread.on('message', onMessage);
      thread.once('error', reject);
    });
    // A worker that fails to start says why at the first check, not as an unhandled rejection now.
    ready.catch(() => undefined);
    this.worker = { thread, ready };
    return this.worker;
  }
}
