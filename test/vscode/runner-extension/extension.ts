/**
 * A test-only extension: when the workspace sets `factcheckTests.resultsFile`, it runs the suites
 * of test/vscode in this extension host (as @vscode/test-electron would) and writes the results
 * to that file as JSON, atomically, for the end-to-end test to read. It does nothing otherwise,
 * so it can sit beside the real extension in a workbench used for other tests.
 */

import { renameSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { run, type Results } from '../harness.js';
import '../suite/factcheck.suite.js';

export function activate(): void {
  const file = vscode.workspace.getConfiguration('factcheckTests').get<string>('resultsFile');
  if (!file) return;
  const output = vscode.window.createOutputChannel('Factcheck tests');
  void run((line) => output.appendLine(line))
    .catch((error: unknown): Results => {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return { passed: 0, failed: 1, tests: [], failures: [{ title: 'the test runner', error: text }], durationMs: 0 };
    })
    .then((results) => {
      writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
      renameSync(`${file}.tmp`, file);
    });
}
