/**
 * `npm run test:vscode`: the suites of test/vscode in VS Code desktop, through
 * @vscode/test-electron's runTests (the extension under development, the bundled suite as
 * `--extensionTestsPath`, a copy of test/e2e/workspace as the folder). VS Code is downloaded into
 * .vscode-test/ (VSCODE_VERSION picks the version, default the latest stable), or taken from
 * VSCODE_EXECUTABLE. Where VS Code cannot be downloaded, the same suites run inside code-server
 * in the end-to-end tests (test/e2e/editor.test.ts).
 */

import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repo } from '../../scripts/code-server.js';
import { buildSuite } from './build.js';

execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
const extensionTestsPath = await buildSuite();
const dir = await mkdtemp(join(tmpdir(), 'factcheck-vscode-'));
const workspace = join(dir, 'workspace');
await cp(join(import.meta.dirname, '..', 'e2e', 'workspace'), workspace, { recursive: true });

try {
  await runTests({
    ...(process.env.VSCODE_EXECUTABLE && { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE }),
    ...(process.env.VSCODE_VERSION && { version: process.env.VSCODE_VERSION }),
    extensionDevelopmentPath: repo,
    extensionTestsPath,
    // runTests adds --skip-welcome, --disable-workspace-trust and the like itself.
    launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${join(dir, 'user')}`, `--extensions-dir=${join(dir, 'extensions')}`],
  });
} catch (error) {
  console.error(`The vscode suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
