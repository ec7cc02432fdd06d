/**
 * The worker thread that checks drafts for a `BudgetedChecker` (node/budget.ts): it loads the
 * fact base the caller names, says it is ready with the base's problems, and checks each draft
 * it is sent. The caller
 * stops it when a check runs past its time budget, which code on the caller's own thread could
 * never do to a parser stuck on a pathological line.
 */

import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { Checker, type CheckOptions, type CheckResult } from '../engine/check.js';
import type { FactBaseProblem } from '../engine/factbase/types.js';
import { loadFactBaseFromDisk, type FactBaseOptions } from './loadFacts.js';

/** What the worker is told at its start: the fact base to load. */
export type CheckWorkerData = FactBaseOptions;

export interface CheckRequest {
  readonly id: number;
  readonly text: string;
  readonly options: CheckOptions;
}

export type CheckReply = { readonly ready: true; readonly problems: readonly FactBaseProblem[] } | { readonly id: number; readonly result: CheckResult } | { readonly id: number; readonly error: string };

async function serve(port: MessagePort): Promise<void> {
  const { base, problems } = await loadFactBaseFromDisk(workerData as CheckWorkerData);
  const checker = new Checker(base);
  port.on('message', ({ id, text, options }: CheckRequest) => {
    let reply: CheckReply;
    try {
      reply = { id, result: checker.check(text, options) };
    } catch (e) {
      reply = { id, error: (e as Error).message };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true, problems } satisfies CheckReply);
}

// Not top-level await: the worker is bundled as CommonJS.
if (parentPort) void serve(parentPort);
