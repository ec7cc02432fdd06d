/**
 * The worker thread that checks drafts for a `BudgetedChecker` (node/budget.ts): it loads the
 * fact base the caller names, says it is ready with the base's problems, and checks each draft
 * it is sent. The caller stops it when a check runs past its time budget.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { Checker, type CheckOptions, type CheckResult } from '../engine/check.js';
import type { FactBaseProblem } from '../engine/factbase/types.js';
import { serveRequests } from './budgetedWorker.js';
import { loadFactBaseFromDisk, type FactBaseOptions } from './loadFacts.js';

/** What the worker is told at its start: the fact base to load. */
export type CheckWorkerData = FactBaseOptions;

export interface CheckRequest {
  readonly text: string;
  readonly options: CheckOptions;
}

export type CheckReply = CheckResult;

/** What the worker says when it is ready: the fact base's problems. */
export type CheckWorkerInfo = readonly FactBaseProblem[];

// Not top-level await: the worker is bundled as CommonJS.
if (parentPort) {
  const port = parentPort;
  void loadFactBaseFromDisk(workerData as CheckWorkerData).then(({ base, problems }) => {
    const checker = new Checker(base);
    serveRequests<CheckRequest, CheckReply, CheckWorkerInfo>(port, problems, ({ text, options }) => checker.check(text, options));
  });
}
