/**
 * The server while one draft is stuck in the Markdown parser: a line micromark takes tens of
 * seconds on is opened, and hovers on another draft (10,000 words) are sent one after another,
 * each timed from request to answer, until the stuck draft's diagnostics arrive (its parse ran
 * past the budget) or enough hovers were answered. The same hovers on the idle server come first,
 * for the ratio in one run.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { LspClient } from '../test/support/lspClient.js';
import { draft } from './drafts.js';
import { summarize, type Summary } from './stats.js';

export interface Stuck {
  /** Hovers on the other draft with the server idle. */
  readonly idle: Summary;
  /** The same while the stuck draft's parse runs. */
  readonly whileStuck: Summary;
  /** Whether every hover of `whileStuck` was answered before the stuck draft's diagnostics. */
  readonly allBeforeStuckAnswered: boolean;
}

const HOVERS = 40;
/** A pasted line micromark resolves in quadratic time (test/robustness/pathological.test.ts). */
const STUCK = '*a'.repeat(50_000);

export async function hoversWhileStuck(): Promise<Stuck> {
  const workspace = mkdtempSync(join(tmpdir(), 'factcheck-bench-stuck-'));
  const client = await LspClient.start({ workspace });
  const uriOf = (name: string) => pathToFileURL(join(workspace, name)).href;
  try {
    await client.baseLoaded();
    const other = uriOf('other.md');
    const text = draft(10_000);
    await client.open(other, text);
    await client.diagnosticsFor(other, 1);
    // A hover on a name: the first line that starts with a capital, at its first word.
    const line = text.split('\n').findIndex((l) => /^[A-Z]/.test(l));
    const hover = async () => {
      const sent = performance.now();
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: { line, character: 1 } });
      return performance.now() - sent;
    };
    const idle: number[] = [];
    for (let i = 0; i < HOVERS; i++) idle.push(await hover());
    const stuck = uriOf('stuck.md');
    await client.open(stuck, `${STUCK}\n`);
    const answered = () => client.published.some((p) => p.uri === stuck);
    const whileStuck: number[] = [];
    let allBefore = true;
    while (whileStuck.length < HOVERS && !answered()) {
      whileStuck.push(await hover());
      if (answered()) allBefore = false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { idle: summarize(idle), whileStuck: summarize(whileStuck), allBeforeStuckAnswered: allBefore && whileStuck.length > 0 };
  } finally {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}
