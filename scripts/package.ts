/**
 * `npm run package`: the production build, then `vsce package`. vsce's zip writer (yazl) has been
 * seen to crash once in a while on a file it is streaming ("file data stream has unexpected
 * number of bytes") and succeed on the next run, so a failed packaging is retried once, and the
 * retry is announced. A second failure is a real one.
 */

import { spawnSync } from 'node:child_process';

function run(command: string, args: readonly string[]): number {
  return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if (run(process.execPath, ['esbuild.mjs', '--production']) !== 0) process.exit(1);
const vsce = ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links'];
let status = run(npx, vsce);
if (status !== 0) {
  console.error('package: vsce package failed; retrying once (its zip writer sometimes fails on the first try)');
  status = run(npx, vsce);
}
process.exit(status);
