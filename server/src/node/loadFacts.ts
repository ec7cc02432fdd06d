/**
 * Loads the fact base a run asks for: the shipped one (unless turned off) plus user folders.
 * Shared by the command line and the language server, so both see the same base.
 */

import { loadFactBase } from '../engine/factbase/load.js';
import type { FactBase } from '../engine/factbase/factbase.js';
import type { FactBaseProblem } from '../engine/factbase/types.js';
import { factCache } from './factCache.js';
import { readFactFolders, shippedFactBases } from './factFiles.js';

export interface FactBaseOptions {
  /** Include the fact base shipped with Factcheck (default true). */
  readonly builtin?: boolean;
  /** Further fact-base folders or files. */
  readonly folders?: readonly string[];
}

export interface LoadedFactBase {
  readonly base: FactBase;
  readonly problems: readonly FactBaseProblem[];
}

export async function loadFactBaseFromDisk(options: FactBaseOptions = {}): Promise<LoadedFactBase> {
  const folders = [...(options.builtin === false ? [] : shippedFactBases()), ...(options.folders ?? [])];
  const read = await readFactFolders(folders);
  const loaded = loadFactBase(read.files, factCache());
  return { base: loaded.base, problems: [...read.problems, ...loaded.problems] };
}
