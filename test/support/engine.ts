/**
 * Shared set-up for engine tests: the shipped fact base, loaded once per test process, and a
 * checker over it.
 */

import { Checker } from '../../server/src/engine/check.js';
import type { FactBase } from '../../server/src/engine/factbase/factbase.js';
import { loadFactBaseFromDisk } from '../../server/src/node/loadFacts.js';

let shipped: Promise<FactBase> | undefined;

export function shippedBase(): Promise<FactBase> {
  shipped ??= loadFactBaseFromDisk().then(({ base, problems }) => {
    if (problems.length) throw new Error(`the shipped fact base has problems:\n${problems.map((p) => p.message).join('\n')}`);
    return base;
  });
  return shipped;
}

export async function shippedChecker(): Promise<Checker> {
  return new Checker(await shippedBase());
}
