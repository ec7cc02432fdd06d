/**
 * The entry point that @vscode/test-electron loads in the extension host (`extensionTestsPath`,
 * bundled to out/test/vscode/index.cjs by build.ts): runs the suites and fails if any test did.
 */

import { run as runSuites } from './harness.js';
import './suite/factcheck.suite.js';

export async function run(): Promise<void> {
  const results = await runSuites((line) => console.log(line));
  if (results.failed > 0) throw new Error(`${results.failed} of ${results.passed + results.failed} tests failed`);
  if (results.passed === 0) throw new Error('no test ran');
}
