/**
 * Builds what runs the suites of test/vscode in an extension host:
 *   - out/test/vscode/index.cjs, the `extensionTestsPath` bundle for @vscode/test-electron;
 *   - the test-only runner extension (runner-extension/) as a .vsix, for code-server, which
 *     does not support `--extensionTestsPath` and installs extensions from .vsix files.
 * `npm run build:vscode-suite` builds the first and a fresh copy of the test workspace in
 * out/test/vscode/workspace, for the "Extension Tests" launch configuration.
 */

import { execFile } from 'node:child_process';
import { copyFile, cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const here = import.meta.dirname;
const repo = join(here, '..', '..');

const common: esbuild.BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
};

/** Bundles the @vscode/test-electron entry point; returns its path. */
export async function buildSuite(): Promise<string> {
  const outfile = join(repo, 'out', 'test', 'vscode', 'index.cjs');
  await esbuild.build({ ...common, entryPoints: [join(here, 'index.ts')], outfile, sourcemap: true });
  return outfile;
}

/** Bundles and packages the runner extension into `dir`; returns the path of its .vsix. */
export async function buildRunnerExtension(dir: string): Promise<string> {
  const staging = join(dir, 'runner-extension');
  await mkdir(staging, { recursive: true });
  await esbuild.build({ ...common, entryPoints: [join(here, 'runner-extension', 'extension.ts')], outfile: join(staging, 'extension.cjs') });
  await copyFile(join(here, 'runner-extension', 'package.json'), join(staging, 'package.json'));
  const packagePath = join(dir, 'factcheck-vscode-suite.vsix');
  // vsce's CLI rather than its API, to keep its report out of the test output unless it fails.
  const vsce = join(repo, 'node_modules', '.bin', 'vsce');
  const args = ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', packagePath];
  await new Promise<void>((resolve, reject) => {
    execFile(vsce, args, { cwd: staging, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`vsce could not package the runner extension: ${error.message}\n${stdout}${stderr}`));
      else resolve();
    });
  });
  return packagePath;
}

if (process.argv[1] === import.meta.filename) {
  console.log(await buildSuite());
  const workspace = join(repo, 'out', 'test', 'vscode', 'workspace');
  await rm(workspace, { recursive: true, force: true });
  await cp(join(here, '..', 'e2e', 'workspace'), workspace, { recursive: true });
  console.log(workspace);
}
